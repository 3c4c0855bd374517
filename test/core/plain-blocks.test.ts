// Plain blocks are read straight from the characters (syntax/plain-block.ts);
// everything that reader accepts must come out exactly as the token parser
// makes it, and whatever it refuses falls back to that parser. Compared on
// plain farms, on the samples, and on both mutated.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseRange } from '../../src/core/syntax/parser';
import { readPlainBlock } from '../../src/core/syntax/plain-block';
import { farmFiles } from '../support/paths';

const samples = [...farmFiles('examples'), ...farmFiles('conformance')].map((f) => readFileSync(f, 'utf8'));

const kinds = ['exchange', 'sharepoint', 'lync', 'feature', 'user', 'site-mailbox', 'farm'];
const keys = ['host', 'url', 'trusts', 'version', 'services', 'ews-api', 'exchange', 'sizes', 'mailbox'];
const scalars = ['"mail.example.com"', '"https://a.example.com/x"', '""', '2013', '0', '007', 'true', 'false', 'ex01', 'user-profile', 'search'];
const scalar = fc.constantFrom(...scalars);
const value = fc.oneof(scalar, fc.array(scalar, { maxLength: 4 }).map((xs) => `[${xs.join(', ')}]`), fc.constantFrom('[a,]', '[]', '[ x , y ]'));
const property = fc.tuple(fc.constantFrom(...keys), fc.constantFrom(' = ', '=', '  =  ', '\t=\t'), value).map(([k, eq, v]) => `${k}${eq}${v}`);
const block = fc
  .tuple(fc.constantFrom(...kinds), fc.constantFrom('ex01', 'sp01', 'task-sync', 'a_b', 'search'), fc.array(property, { maxLength: 5 }), fc.boolean(), fc.constantFrom('\n', '\r\n'))
  .map(([k, n, props, oneLine, nl]) => (oneLine ? `${k} ${n} { ${props.join('; ')} }` : `${k} ${n} {${nl}${props.map((p) => `  ${p}${nl}`).join('')}}`));
const plainFarm = fc.array(block, { minLength: 1, maxLength: 8 }).map((bs) => bs.join('\n\n') + '\n');

const noise = ['#', '# c\n', '\\', '"', '\r', '\n', '{', '}', '[', ']', ',', ';', '=', ' ', '\t', 'x', '12', '@', 'exchange ex02 {'];
function mutate(text: string, edits: Array<[number, number, string]>): string {
  let t = text;
  for (const [at, remove, insert] of edits) {
    const i = at % (t.length + 1);
    t = t.slice(0, i) + insert + t.slice(i + remove);
  }
  return t;
}
const edits = fc.array(fc.tuple(fc.nat(), fc.nat({ max: 4 }), fc.constantFrom(...noise)), { maxLength: 4 });

function sameParse(text: string, start = 0, end = text.length): void {
  const plain = parseRange(text, start, end);
  const tokens = parseRange(text, start, end, { plainBlocks: false });
  assert.deepStrictEqual(plain, tokens);
}

test('plain farms: every block is read by the plain reader', () => {
  fc.assert(
    fc.property(plainFarm, (text) => {
      const parsed = parseRange(text, 0, text.length, { plainBlocks: false });
      assert.equal(parsed.diagnostics.length, 0, text);
      for (const b of parsed.file.blocks) {
        const read = readPlainBlock(text, b.kind, b.start, b.start + b.kind.length, text.length);
        assert.ok(read, `not read: ${text.slice(b.start, b.end)}`);
        assert.deepStrictEqual(read.block, b);
        assert.equal(read.next, b.end);
      }
    }),
    { numRuns: 500, seed: 11 },
  );
});

test('the plain reader and the token parser agree on plain, sample and mutated files', () => {
  for (const t of samples) sameParse(t);
  fc.assert(fc.property(plainFarm, (t) => sameParse(t)), { numRuns: 500, seed: 12 });
  fc.assert(fc.property(plainFarm, edits, (t, e) => sameParse(mutate(t, e))), { numRuns: 3000, seed: 13 });
  fc.assert(fc.property(fc.constantFrom(...samples), edits, (t, e) => sameParse(mutate(t, e))), { numRuns: 1000, seed: 14 });
});

test('the plain reader and the token parser agree on ranges of a file', () => {
  fc.assert(
    fc.property(plainFarm, edits, fc.nat(), fc.nat(), (t, e, a, b) => {
      const text = mutate(t, e);
      const x = a % (text.length + 1);
      const y = b % (text.length + 1);
      sameParse(text, Math.min(x, y), Math.max(x, y));
    }),
    { numRuns: 2000, seed: 15 },
  );
});
