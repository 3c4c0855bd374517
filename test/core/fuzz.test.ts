// Generated and mutated inputs: the parser and the analysis never throw,
// always terminate, and keep every range inside the document; the formatter
// is idempotent and never changes meaning. The inputs and invariants are the
// fuzz room's (test/fuzz/targets/farm-inputs.ts), which runs them at scale
// with a corpus; this is the core's quick property check over them.
import { test } from 'node:test';
import fc from 'fast-check';
import { checkAnalysis as checkInvariants, checkFormatter, farmFragments as fragments, farmSamples } from '../fuzz/targets/farm-inputs';

const corpus = farmSamples();

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
  for (const t of ['{'.repeat(20000), '['.repeat(20000), 'exchange e { trusts = ' + '['.repeat(100_000), 'exchange a '.repeat(5000), '"'.repeat(10001), 'x = '.repeat(5000), '}'.repeat(20000)]) checkInvariants(t);
});

test('a comment right after a list element is kept by the formatter (found by test/fuzz)', () => {
  checkFormatter('feature high-resolution-photos { sharepoint = sp01; sizes = [32, 96# c\n, 100] }\n');
});

test('a trailing comment on a list too long for one line stays after the list, so a second format changes nothing (found by fuzzing)', () => {
  checkFormatter(`sharepoint sp01 {\n  services = [user-profiles, search]  # ${'x'.repeat(100)}\n  url = "https://a.example.com"\n}\n`);
});
