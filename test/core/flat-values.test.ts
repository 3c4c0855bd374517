// A scalar value is held in its property and becomes a node only when
// `value` is read (syntax/ast.ts). Reading the file must make none, and a
// node once made is the property's from then on.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { analyze } from '../../src/core/analyze';
import { Block, Held, heldNumber, ListValue, Property, type Value } from '../../src/core/syntax/ast';
import { farmFiles } from '../support/paths';

const contoso = readFileSync(farmFiles('examples').find((f) => f.endsWith('contoso.farm'))!, 'utf8');

function properties(text: string): Property[] {
  return analyze(text).syntax.file.blocks.flatMap((b) => b.propertyList());
}

test('reading a file holds every scalar flat and every list as a node', () => {
  const all = properties(contoso);
  assert.ok(all.length > 20);
  for (const p of all) {
    const isList = contoso.charAt(p.block.valueStartAt(p.index)) === '[' && p.how === Held.Node;
    assert.ok(isList || (p.how !== Held.Node && p.how !== Held.None), `${p.key} at ${p.start} is held as ${p.how}`);
  }
});

test('the value read from a flat property is the node the parser would make, and the same node each time', () => {
  const text = 'exchange ex01 {\n  host = "mail.example.com"\n  version = 2013\n  um = true\n  trusts = [sp01]\n}\nsharepoint sp01 { url = "https://a.example.com"; ews-api = false; trusts = [ex01] }\nproject p1 { sharepoint = sp01 }\n';
  const byKey = new Map(properties(text).map((p) => [`${p.key}@${p.start}`, p]));
  const seen: Array<[string, Value | undefined]> = [];
  for (const [where, p] of byKey) {
    const first = p.value;
    assert.equal(p.value, first, `${where}: a second read makes no second node`);
    assert.equal(p.how, Held.Node);
    seen.push([where, first && ({ ...first } as Value)]);
  }
  const at = (key: string): Value | undefined => seen.find(([w]) => w.startsWith(`${key}@`))?.[1];
  // A node made of a valid value keeps the value converted, as the property did.
  assert.deepEqual(at('host'), { type: 'string', value: 'mail.example.com', unterminated: false, start: 25, end: 43, bound: 'mail.example.com' });
  assert.deepEqual(at('version'), { type: 'number', value: 2013, text: '2013', start: 56, end: 60, bound: 2013 });
  assert.deepEqual(at('um'), { type: 'boolean', value: true, start: 68, end: 72, bound: true });
  assert.deepEqual(at('ews-api'), { type: 'boolean', value: false, start: text.indexOf('false'), end: text.indexOf('false') + 5, bound: false });
  const sharepoint = at('sharepoint') as Value & { bound: { name: string } };
  assert.equal(sharepoint.bound.name, 'sp01', 'a reference keeps the declaration it resolved to');
  assert.deepEqual({ ...sharepoint, bound: undefined }, { type: 'identifier', name: 'sp01', start: text.lastIndexOf('sp01'), end: text.lastIndexOf('sp01') + 4, bound: undefined });
});

test('a view fills the caller\'s object and makes no node; a node is returned as it is', () => {
  const block = new Block('exchange', 0, 0);
  const p = block.property(block.addProperty('host', 0, 0));
  p.value = { type: 'string', value: 'a-b', unterminated: false, start: 7, end: 12, bound: undefined };
  assert.equal(p.how, Held.String);
  assert.equal(p.end, 12, 'the property ends where its value does');
  const into = {};
  assert.equal(p.view(into), into);
  assert.deepEqual(into, { start: 7, end: 12, type: 'string', value: 'a-b', unterminated: false });
  assert.equal(p.how, Held.String, 'still flat');

  // Its end would not follow from its length: a string with an escape stays a node.
  const escaped: Value = { type: 'string', value: 'a"b', unterminated: false, start: 7, end: 13, bound: undefined };
  p.value = escaped;
  assert.equal(p.how, Held.Node);
  assert.equal(p.end, 13);

  const unterminated: Value = { type: 'string', value: 'abc', unterminated: true, start: 7, end: 11, bound: undefined };
  p.value = unterminated;
  assert.equal(p.how, Held.Node, 'a string with an error stays a node');
  assert.equal(p.view({}), unterminated);
  assert.equal(p.list, undefined);

  const list = new ListValue(7, 9, true);
  p.value = list;
  assert.equal(p.list, list);
  p.value = undefined;
  assert.equal(p.how, Held.None);
  assert.equal(p.view({}), undefined);
});

test('an edit before a property moves its value, flat or made a node', () => {
  const text = 'exchange ex01 {\n  host = "mail.example.com"\n}\nexchange ex02 {\n  host = "mail2.example.com"\n  version = 2013\n}\n';
  const first = analyze(text);
  const [, second] = first.syntax.file.blocks;
  const host = second.property(0);
  const made = host.value!;
  const edited = 'exchange ex01 {\n  host = "mail.example.com"\n  um = true\n}\n' + text.slice(text.indexOf('exchange ex02'));
  const next = analyze(edited, undefined, first);
  const [, moved] = next.syntax.file.blocks;
  assert.equal(moved, second, 'the block after the edit is reused, not read again');
  const d = edited.length - text.length;
  assert.equal(host.value, made);
  assert.equal(made.start, edited.indexOf('"mail2'));
  assert.equal(made.end, made.start + '"mail2.example.com"'.length);
  const version = moved.property(1);
  assert.equal(version.how, Held.Number, 'never read, still flat');
  assert.equal(version.block.valueStartAt(version.index), text.indexOf('2013') + d);
  assert.deepEqual({ ...version.value! }, { type: 'number', value: 2013, text: '2013', start: edited.indexOf('2013'), end: edited.indexOf('2013') + 4, bound: 2013 });
});

test('a number is held as itself when its digits are its spelling, else as its digits', () => {
  assert.equal(heldNumber('2013'), 2013);
  assert.equal(heldNumber('0'), 0);
  assert.equal(heldNumber('123456789'), 123456789);
  assert.equal(heldNumber('007'), '007');
  assert.equal(heldNumber('1234567890'), '1234567890');
  const text = 'sharepoint sp01 {\n  url = "https://a.example.com"\n  version = 007\n  max-upload-mb = 2047\n}\n';
  const [, version, upload] = properties(text);
  assert.equal(version.block.heldAt(version.index), '007');
  assert.equal(upload.block.heldAt(upload.index), 2047);
  assert.deepEqual(version.view({}), { start: text.indexOf('007'), end: text.indexOf('007') + 3, type: 'number', value: 7, text: '007' });
  assert.deepEqual({ ...upload.value! }, { type: 'number', value: 2047, text: '2047', start: text.indexOf('2047'), end: text.indexOf('2047') + 4, bound: 2047 });
  // The message quotes the digits as written.
  assert.match(analyze(text).diagnostics.map((d) => d.message).join('\n'), /007 is not a version/);
});

test('a flat value\'s end follows from what is held, for every kind of value', () => {
  const text = 'sharepoint sp01 {\n  url = "https://a.example.com"; version = 2013; max-upload-mb = 007; ews-api = true; photo-sync = false\n  trusts = [ex01]; search-crawls = continuous\n  my-sites =\n}\nexchange ex01 { host = "m.example.com"; trusts = [sp01] }\n';
  const analysis = analyze(text);
  const block = analysis.syntax.file.blocks[0];
  const ends = block.propertyList().map((p) => [p.key, text.slice(p.start, p.end)]);
  assert.deepEqual(ends, [
    ['url', 'url = "https://a.example.com"'],
    ['version', 'version = 2013'],
    ['max-upload-mb', 'max-upload-mb = 007'],
    ['ews-api', 'ews-api = true'],
    ['photo-sync', 'photo-sync = false'],
    ['trusts', 'trusts = [ex01]'],
    ['search-crawls', 'search-crawls = continuous'],
    ['my-sites', 'my-sites ='],
  ]);
  assert.equal(block.howAt(7), Held.None, 'a property without a value ends after its =');
});

test('the converted value follows from what is held; a reference holds its declaration, and its name again when it no longer resolves', () => {
  const text = 'exchange ex01 {\n  host = "mail.example.com"\n  version = 2010\n  um = true\n  site-mailbox-policy = "P"\n}\nproject p1 { sharepoint = sp01 }\nsharepoint sp01 { url = "https://a.example.com" }\n';
  const first = analyze(text);
  const [ex01, p1] = first.syntax.file.blocks;
  assert.deepEqual([0, 1, 2, 3].map((i) => ex01.boundAt(i)), ['mail.example.com', 2010, true, 'P']);
  const sp01 = first.model.byName.get('sp01')!;
  assert.equal(p1.boundAt(0), sp01);
  assert.equal(p1.heldAt(0), sp01, 'held in place of the name');
  assert.deepEqual({ ...p1.viewAt(0, {})! }, { start: text.indexOf('sp01 }'), end: text.indexOf('sp01 }') + 4, type: 'identifier', name: 'sp01' });
  // The declaration is renamed: the reference resolves to nothing, and reads as it is written.
  const renamed = text.replace('sharepoint sp01 {', 'sharepoint sp02 {');
  const next = analyze(renamed, undefined, first);
  const moved = next.syntax.file.blocks[1];
  assert.equal(moved.boundAt(0), undefined);
  assert.equal(moved.heldAt(0), 'sp01');
  assert.deepEqual(next.diagnostics.map((d) => d.code), analyze(renamed).diagnostics.map((d) => d.code));
  // An invalid value converts to nothing.
  const bad = analyze(text.replace('version = 2010', 'version = 2011'));
  assert.equal(bad.syntax.file.blocks[0].boundAt(1), undefined);
  assert.equal(bad.syntax.file.blocks[0].howAt(1), Held.Number, 'still flat');
});

test('a list holds its elements flat; each is made a node when read, the same one on every read', () => {
  const text = 'exchange ex01 { host = "m.example.com"; trusts = [sp01, sp02, ex01] }\nsharepoint sp01 { url = "https://a.example.com"; services = [search, nope]; trusts = [ex01] }\nfeature high-resolution-photos { exchange = ex01; sharepoint = sp01; sizes = [64, 0030, 648] }\n';
  const analysis = analyze(text);
  const [ex01, sp01, photos] = analysis.syntax.file.blocks;
  const trusts = ex01.listAt(1)!;
  assert.equal(trusts.count, 3);
  // Only the element a diagnostic is reported on at was made a node (FARM102 is reported while binding, from the view).
  assert.deepEqual([0, 1, 2].map((j) => trusts.howAt(j)), [Held.Identifier, Held.Identifier, Held.Node]);
  const sp01Decl = analysis.model.byName.get('sp01')!;
  assert.deepEqual([0, 1, 2].map((j) => trusts.boundAt(j)), [sp01Decl, undefined, analysis.model.byName.get('ex01')]);
  const found = analysis.diagnostics.map((d) => [d.code, text.slice(d.start, d.end)]);
  assert.deepEqual(found.filter(([c]) => ['FARM102', 'FARM111', 'FARM107', 'FARM401'].includes(c)), [
    ['FARM102', 'sp02'],
    ['FARM111', 'ex01'],
    ['FARM107', 'nope'],
    ['FARM401', '0030'],
  ]);
  const services = sp01.listAt(1)!;
  assert.deepEqual([services.boundAt(0), services.boundAt(1)], ['search', undefined]);
  const sizes = photos.listAt(2)!;
  assert.deepEqual([0, 1, 2].map((j) => sizes.boundAt(j)), [64, undefined, 648]);
  assert.deepEqual({ ...sizes.viewAt(1, {}) }, { start: text.indexOf('0030'), end: text.indexOf('0030') + 4, type: 'number', value: 30, text: '0030' });

  const first = trusts.elementAt(0);
  assert.equal(trusts.elementAt(0), first);
  assert.equal(trusts.elements[0], first);
  assert.equal(trusts.howAt(0), Held.Node);
  assert.deepEqual({ ...first }, { type: 'identifier', name: 'sp01', start: text.indexOf('sp01,'), end: text.indexOf('sp01,') + 4, bound: sp01Decl });
  assert.equal(trusts.boundAt(0), sp01Decl, 'a made element keeps its converted value');
  assert.equal(trusts.endAt(2), text.indexOf('ex01]') + 4);
});

test('an edit before a list moves its elements, flat or made', () => {
  const text = 'exchange ex01 { host = "m.example.com"; trusts = [sp01] }\nsharepoint sp01 { url = "https://a.example.com"; trusts = [ex01, lync01] }\nlync lync01 { host = "l.example.com" }\n';
  const first = analyze(text);
  const list = first.syntax.file.blocks[1].listAt(1)!;
  const made = list.elementAt(1);
  const edited = text.replace('"m.example.com"', '"mail.example.com"');
  const next = analyze(edited, undefined, first);
  assert.equal(next.syntax.file.blocks[1].listAt(1), list, 'reused, not read again');
  assert.equal(list.start, edited.indexOf('[ex01'));
  assert.equal(list.startAt(0), edited.indexOf('ex01, lync01'));
  assert.equal(list.howAt(0), Held.Identifier, 'still flat');
  assert.equal(made.start, edited.indexOf('lync01]'));
  assert.equal(list.endAt(1), edited.indexOf('lync01]') + 6);
});

test('the token parser holds a list\'s elements the same way, a list in a list as a node', () => {
  const text = 'exchange ex01 {\n  trusts = [\n    sp01, # one\n    [x], "a\\"b"\n  ]\n}\n';
  const list = analyze(text).syntax.file.blocks[0].listAt(0)!;
  assert.deepEqual([0, 1, 2].map((j) => list.howAt(j)), [Held.Identifier, Held.Node, Held.Node]);
  assert.equal(list.elementAt(1).type, 'list');
  assert.equal((list.elementAt(2) as { value: string }).value, 'a"b');
  assert.equal(list.endAt(2), text.indexOf('"\n  ]') + 1);
});

const quiet = 'farm contoso { realm = "contoso.com" }\nexchange ex01 { host = "mail.contoso.com"; trusts = [sp01] }\nsharepoint sp01 { url = "https://sp.contoso.com"; ews-api = true; trusts = [ex01] }\nfeature ediscovery { sharepoint = sp01; exchange = ex01 }\n';

/** Whether the block's name node was made (a private detail, read here on purpose). */
const nameMade = (b: object): boolean => (b as { madeName?: unknown }).madeName !== undefined;

test('reading a file makes no name node of its blocks; one made is the block\'s from then on', () => {
  const analysis = analyze(quiet);
  assert.deepEqual(analysis.diagnostics.map((d) => d.code), []);
  const blocks = analysis.syntax.file.blocks;
  assert.deepEqual(blocks.map((b) => [b.nameText, quiet.slice(b.nameStart, b.nameEnd)]), [
    ['contoso', 'contoso'],
    ['ex01', 'ex01'],
    ['sp01', 'sp01'],
    ['ediscovery', 'ediscovery'],
  ]);
  assert.ok(blocks.every((b) => !nameMade(b)), 'no name node after reading');
  const ex01 = analysis.model.byName.get('ex01')!;
  assert.equal(ex01.nameNode, blocks[1].name, 'the declaration reads its name from its block');
  assert.equal(blocks[1].name, blocks[1].name);
  assert.deepEqual({ ...blocks[1].name! }, { text: 'ex01', start: quiet.indexOf('ex01'), end: quiet.indexOf('ex01') + 4 });
});

test('an edit before a block moves its name, made or not', () => {
  const first = analyze(quiet);
  const [, ex01, sp01] = first.syntax.file.blocks;
  const made = sp01.name!;
  const edited = quiet.replace('realm = "contoso.com"', 'realm = "contoso.example.com"');
  const next = analyze(edited, undefined, first);
  const [, movedEx01, movedSp01] = next.syntax.file.blocks;
  assert.equal(movedEx01, ex01, 'reused, not read again');
  assert.equal(movedSp01, sp01);
  assert.equal(ex01.nameStart, edited.indexOf('ex01'));
  assert.ok(!nameMade(ex01));
  assert.equal(sp01.name, made);
  assert.equal(made.start, edited.indexOf('sp01 {'));
  assert.equal(made.end, made.start + 4);
});
