// The syntax tree is plain nodes with offsets; an incremental analysis moves
// the nodes after an edit instead of reading them again.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../src/core/analyze';
import { readFileSync } from 'node:fs';
import { valueOf } from '../../src/core/model/effective';
import { bind } from '../../src/core/model/bind';
import { fullChecks } from '../../src/core/checks/check-cache';
import { parse } from '../../src/core/syntax/parser';
import { farmFiles } from '../support/paths';

test('binding and checking write nothing into the tree', () => {
  for (const file of [...farmFiles('examples'), ...farmFiles('conformance')]) {
    const text = readFileSync(file, 'utf8');
    const { file: tree } = parse(text);
    const before = JSON.stringify(tree);
    const model = bind(tree, text);
    fullChecks(model, text);
    void model.references;
    assert.equal(JSON.stringify(tree), before, file);
  }
});

test('a property spans its key to its value, for every kind of value, and to its = without one', () => {
  const text = 'sharepoint sp01 {\n  url = "https://a.example.com"; version = 2013; max-upload-mb = 007; ews-api = true; photo-sync = false\n  trusts = [ex01]; search-crawls = continuous\n  my-sites =\n}\nexchange ex01 { host = "m.example.com"; trusts = [sp01] }\n';
  const block = analyze(text).syntax.file.blocks[0];
  assert.deepEqual(block.properties.map((p) => [p.key, text.slice(p.start, p.end)]), [
    ['url', 'url = "https://a.example.com"'],
    ['version', 'version = 2013'],
    ['max-upload-mb', 'max-upload-mb = 007'],
    ['ews-api', 'ews-api = true'],
    ['photo-sync', 'photo-sync = false'],
    ['trusts', 'trusts = [ex01]'],
    ['search-crawls', 'search-crawls = continuous'],
    ['my-sites', 'my-sites ='],
  ]);
  assert.equal(block.properties[7].value, undefined);
});

test('a number keeps its digits as written, and a string its decoded text', () => {
  const text = 'sharepoint sp01 {\n  url = "https://a.example.com"\n  version = 007\n  max-upload-mb = 2047\n}\nexchange ex01 { host = "a\\"b" }\n';
  const analysis = analyze(text);
  const [sp01, ex01] = analysis.syntax.file.blocks;
  assert.deepEqual(sp01.properties[1].value, { type: 'number', value: 7, text: '007', start: text.indexOf('007'), end: text.indexOf('007') + 3 });
  assert.match(analysis.diagnostics.map((d) => d.message).join('\n'), /007 is not a version/);
  const host = ex01.properties[0].value!;
  assert.equal(host.type === 'string' && host.value, 'a"b');
  assert.equal(host.end - host.start, 6);
});

test('converted values: a reference resolves to its declaration, and to nothing once the name is gone', () => {
  const text = 'exchange ex01 {\n  host = "mail.example.com"\n  version = 2010\n  um = true\n}\nproject p1 { sharepoint = sp01 }\nsharepoint sp01 { url = "https://a.example.com" }\n';
  const first = analyze(text);
  const [ex01, p1, sp01] = first.model.declarations;
  assert.deepEqual(['host', 'version', 'um'].map((k) => valueOf(ex01, k)), ['mail.example.com', 2010, true]);
  assert.equal(valueOf(p1, 'sharepoint'), sp01);
  const renamed = text.replace('sharepoint sp01 {', 'sharepoint sp02 {');
  const next = analyze(renamed, undefined, first);
  assert.equal(valueOf(next.model.declarations[1], 'sharepoint'), undefined);
  assert.deepEqual(next.diagnostics, analyze(renamed).diagnostics);
  const bad = analyze(text.replace('version = 2010', 'version = 2011'));
  assert.equal(valueOf(bad.model.declarations[0], 'version'), undefined, 'an invalid value converts to nothing');
});

test('an edit before a block reuses it and moves its name, properties and list elements', () => {
  const text = 'exchange ex01 { host = "m.example.com"; trusts = [sp01] }\nsharepoint sp01 { url = "https://a.example.com"; trusts = [ex01, lync01] }\nlync lync01 { host = "l.example.com" }\n';
  const first = analyze(text);
  const sp01 = first.syntax.file.blocks[1];
  const edited = text.replace('"m.example.com"', '"mail.example.com"');
  const next = analyze(edited, undefined, first);
  assert.equal(next.syntax.file.blocks[1], sp01, 'reused, not read again');
  assert.equal(sp01.name!.start, edited.indexOf('sp01 {'));
  assert.equal(sp01.properties[0].start, edited.indexOf('url = "https://a'));
  const list = sp01.properties[1].value!;
  assert.ok(list.type === 'list');
  assert.deepEqual(list.elements.map((e) => [e.start, e.end]), [
    [edited.indexOf('ex01, lync01'), edited.indexOf('ex01, lync01') + 4],
    [edited.indexOf('lync01]'), edited.indexOf('lync01]') + 6],
  ]);
});
