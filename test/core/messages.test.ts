// Messages are read by a person: no "undefined", no object dumps, no rule
// codes inside the text (the code is shown beside it), whole sentences.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { analyze, Diagnostic } from '../../src/core';
import { farmFiles, repoRoot } from '../support/paths';

const corpus = [...farmFiles('examples'), ...farmFiles('conformance'), join(repoRoot, 'test', 'fixtures', 'quick-fixes.farm')].map((f) => readFileSync(f, 'utf8'));

function checkMessage(d: Diagnostic): void {
  const where = `${d.code}: ${d.message}`;
  // Quoted text is the user's own, echoed back ("found 'FARM103'").
  const ours = d.message.replace(/'[^']*'|"[^"]*"/g, '…');
  assert.doesNotMatch(d.message, /\bundefined\b|\bnull\b|\bNaN\b|\[object /, where);
  assert.doesNotMatch(ours, /\bFARM\d{3}\b/, where);
  assert.match(d.message, /^\S/, where);
  assert.match(d.message, /[.?)]$/, where);
  for (const f of d.fixes ?? []) assert.doesNotMatch(f.title, /\bundefined\b|\bnull\b|\[object /, `${where} — fix "${f.title}"`);
}

test('messages of every sample read as sentences', () => {
  let count = 0;
  for (const text of corpus) {
    for (const d of analyze(text).diagnostics) {
      checkMessage(d);
      count++;
    }
  }
  assert.ok(count > 100, `only ${count} diagnostics in the samples`);
});

test('messages of mutated samples read as sentences', () => {
  const mutated = fc
    .tuple(fc.constantFrom(...corpus), fc.array(fc.tuple(fc.nat(), fc.nat({ max: 6 }), fc.constantFrom('x', '"', '=', '{', '}', '[', ']', ',', '\n', 'sp01', '')), { minLength: 1, maxLength: 5 }))
    .map(([text, edits]) => edits.reduce((t, [at, remove, insert]) => {
      const i = at % (t.length + 1);
      return t.slice(0, i) + insert + t.slice(i + remove);
    }, text));
  fc.assert(fc.property(mutated, (t) => analyze(t).diagnostics.forEach(checkMessage)), { numRuns: 600, seed: 99 });
});
