// Generated and mutated inputs: the parser and the analysis never throw,
// always terminate, and keep every range inside the document; the formatter
// is idempotent and never changes meaning.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import { analyze } from '../../src/core';
import { format } from '../../src/core/format/formatter';
import { Block, FarmFile, keyName, kindName, Value } from '../../src/core/syntax/ast';
import { parse } from '../../src/core/syntax/parser';
import { farmFiles } from '../support/paths';

const corpus = [...farmFiles('examples'), ...farmFiles('conformance')].map((f) => readFileSync(f, 'utf8'));

const fragments = [
  'exchange', 'sharepoint', 'lync', 'office-web-apps', 'project', 'feature', 'site-mailbox', 'user', 'farm', 'usr',
  'ex01', 'sp01', 'host', 'url', 'trusts', 'services', 'site-mailboxes', 'task-sync', 'true', 'false', '2013', '2007',
  '{', '}', '[', ']', '=', ',', ';', '\n', '\r\n', '\r', ' ', '\t', '"', '"https://a.example.com"', '"x', '\\', '#', '# c\n', '@', 'é', '😀', '\u0000',
];

const generated = fc.array(fc.constantFrom(...fragments), { maxLength: 120 }).map((parts) => parts.join(''));

const mutated = fc
  .tuple(fc.constantFrom(...corpus), fc.array(fc.tuple(fc.nat(), fc.nat({ max: 8 }), fc.constantFrom(...fragments, '')), { minLength: 1, maxLength: 6 }))
  .map(([text, edits]) => {
    let t = text;
    for (const [at, remove, insert] of edits) {
      const i = at % (t.length + 1);
      t = t.slice(0, i) + insert + t.slice(i + remove);
    }
    return t;
  });

function spansOf(file: FarmFile): Array<{ start: number; end: number }> {
  const spans: Array<{ start: number; end: number }> = [];
  const value = (v: Value): void => {
    spans.push(v);
    if (v.type === 'list') v.elements.forEach(value);
  };
  const block = (b: Block): void => {
    spans.push(b, kindName(b));
    if (b.name) spans.push(b.name);
    for (const p of b.properties) {
      spans.push({ start: p.start, end: p.end }, keyName(p));
      if (p.value) value(p.value);
    }
  };
  file.blocks.forEach(block);
  for (const u of file.unknownBlocks) spans.push(u.kind, u.span);
  return spans;
}

function checkInvariants(text: string): void {
  const analysis = analyze(text);
  for (const d of analysis.diagnostics) {
    assert.ok(d.start >= 0 && d.start <= d.end && d.end <= text.length, `diagnostic ${d.code} [${d.start},${d.end}) outside a text of ${text.length}`);
    for (const f of d.fixes ?? []) for (const e of f.edits) assert.ok(e.start >= 0 && e.start <= e.end && e.end <= text.length, `fix edit of ${d.code} out of range`);
  }
  for (const s of spansOf(analysis.syntax.file)) assert.ok(s.start >= 0 && s.start <= s.end && s.end <= text.length, `node [${s.start},${s.end}) outside the text`);
  const codes = analysis.syntax.diagnostics.map((d) => `${d.code}@${d.start}`);
  assert.equal(new Set(codes).size, codes.length, 'a syntax error was reported twice at one place');
}

/** The tree without positions: what the file means. */
function meaning(text: string): unknown {
  const strip = (v: Value): unknown =>
    v.type === 'list' ? v.elements.map(strip) : v.type === 'string' ? ['s', v.value] : v.type === 'number' ? ['n', v.value] : v.type === 'boolean' ? ['b', v.value] : ['i', v.name];
  const { file, comments } = parse(text);
  return {
    blocks: file.blocks.map((b) => [b.kind, b.name?.text, b.properties.map((p) => [p.key, p.value && strip(p.value)])]),
    comments: comments.map((c) => c.text.trimEnd()),
  };
}

function checkFormatter(text: string): void {
  const once = format(text);
  if (!once.ok) return;
  assert.deepEqual(meaning(once.text), meaning(text), 'formatting changed the meaning');
  const twice = format(once.text);
  assert.ok(twice.ok, 'formatted text no longer parses');
  assert.equal(twice.text, once.text, 'formatting is not idempotent');
}

test('generated inputs: analysis never throws and ranges stay inside', () => {
  fc.assert(fc.property(generated, (t) => checkInvariants(t)), { numRuns: 3000, seed: 20261126 });
});

test('mutated samples: analysis never throws and ranges stay inside', () => {
  fc.assert(fc.property(mutated, (t) => checkInvariants(t)), { numRuns: 3000, seed: 1126 });
});

test('formatter: idempotent and meaning-preserving on samples and mutations', () => {
  for (const t of corpus) checkFormatter(t);
  fc.assert(fc.property(mutated, (t) => checkFormatter(t)), { numRuns: 2000, seed: 7 });
});

test('pathological inputs terminate', () => {
  for (const t of ['{'.repeat(20000), '['.repeat(20000), 'exchange a '.repeat(5000), '"'.repeat(10001), 'x = '.repeat(5000), '}'.repeat(20000)]) checkInvariants(t);
});
