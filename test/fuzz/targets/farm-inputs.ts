// .farm inputs and the invariants every reader of them keeps. Shared by the
// core's own fuzz test (test/core/fuzz.test.ts) and the fuzz room's targets.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { analyze } from '../../../src/core';
import { format } from '../../../src/core/format/formatter';
import { Block, FarmFile, keyName, kindName, Value } from '../../../src/core/syntax/ast';
import { parse } from '../../../src/core/syntax/parser';
import { farmFiles } from '../../support/paths';
import { mutateText } from '../framework/mutations';
import type { Random } from '../framework/random';

let samples: string[] | undefined;
/** The examples and conformance cases the project keeps. */
export function farmSamples(): string[] {
  samples ??= [...farmFiles('examples'), ...farmFiles('conformance')].map((f) => readFileSync(f, 'utf8'));
  return samples;
}

export const farmFragments = [
  'exchange', 'sharepoint', 'lync', 'office-web-apps', 'project', 'feature', 'site-mailbox', 'user', 'farm', 'usr',
  'ex01', 'sp01', 'host', 'url', 'trusts', 'services', 'site-mailboxes', 'task-sync', 'true', 'false', '2013', '2007',
  '{', '}', '[', ']', '=', ',', ';', '\n', '\r\n', '\r', ' ', '\t', '"', '"https://a.example.com"', '"x', '\\', '#', '# c\n', '@', 'é', '😀', '\u0000',
  '# farm-disable-next-line FARM201\n', '\ufeff', '\u2028', '-1', '1e999', '0x10', '"\\u0000"',
];

/** A text from fragments, a mutated sample, or a pathological shape. */
export function farmInput(rng: Random): string {
  const r = rng.int(20);
  if (r < 8) return Array.from({ length: rng.int(120) }, () => rng.pick(farmFragments)).join('');
  if (r < 19) return mutateText(rng, rng.pick(farmSamples()), farmFragments);
  const unit = rng.pick(['{', '[', '}', '"', 'exchange a ', 'x = ', 'exchange e { trusts = [', '# c\n', '\n', 'a=[b,']);
  return unit.repeat(1 + rng.int(20_000));
}

export function spansOf(file: FarmFile): Array<{ start: number; end: number }> {
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

/** Analysis never throws, every range is inside the text, no syntax error twice at one place. */
export function checkAnalysis(text: string): void {
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
export function meaning(text: string): unknown {
  const strip = (v: Value): unknown =>
    v.type === 'list' ? v.elements.map(strip) : v.type === 'string' ? ['s', v.value] : v.type === 'number' ? ['n', v.value] : v.type === 'boolean' ? ['b', v.value] : ['i', v.name];
  const { file, comments } = parse(text);
  return {
    blocks: file.blocks.map((b) => [b.kind, b.name?.text, b.properties.map((p) => [p.key, p.value && strip(p.value)])]),
    comments: comments.map((c) => c.text.trimEnd()),
  };
}

/** Formatting is idempotent and keeps the meaning. */
export function checkFormatter(text: string): void {
  const once = format(text);
  if (!once.ok) return;
  assert.deepEqual(meaning(once.text), meaning(text), 'formatting changed the meaning');
  const twice = format(once.text);
  assert.ok(twice.ok, 'formatted text no longer parses');
  assert.equal(twice.text, once.text, 'formatting is not idempotent');
}
