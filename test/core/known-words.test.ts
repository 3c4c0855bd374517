// The readers find the language's words by a hash they compute while
// scanning (language/known-words.ts). A word must be found as itself, and
// anything else must not be taken for a word, above all a name whose hash
// lands where a word of the same length is.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { hashStep, knownWordAt, languageWords } from '../../src/core/language/known-words';

function hashOf(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = hashStep(h, s.charCodeAt(i));
  return h;
}

const lookUp = (s: string, before = '', after = ''): string | undefined => {
  const text = before + s + after;
  return knownWordAt(text, before.length, before.length + s.length, hashOf(s));
};

test('every word of the language is found as itself, wherever it stands in the text', () => {
  assert.ok(languageWords.size > 50);
  for (const w of languageWords) {
    assert.equal(lookUp(w), w);
    assert.equal(lookUp(w, 'exchange ex01 { ', ' = 1 }'), w);
  }
});

test('a name whose hash lands on a word of its length is not taken for it', () => {
  // Names of the words' lengths, searched for ones that land in a taken slot.
  const lengths = new Set([...languageWords].map((w) => w.length));
  const slotOf = new Map<number, string[]>();
  for (const w of languageWords) slotOf.set(hashOf(w) & 1023, [...(slotOf.get(hashOf(w) & 1023) ?? []), w]);
  const colliding: string[] = [];
  const letters = 'abcdefghijklmnopqrstuvwxyz0123456789-';
  for (let n = 0; colliding.length < 200 && n < 2_000_000; n++) {
    let s = '';
    for (let x = n, i = 0; i < 6; i++, x = Math.floor(x / letters.length)) s += letters[x % letters.length];
    for (const len of [4, 5, 6]) {
      const name = ('x' + s).slice(0, len);
      if (!lengths.has(name.length) || languageWords.has(name)) continue;
      const taken = slotOf.get(hashOf(name) & 1023);
      if (taken?.some((w) => w.length === name.length)) colliding.push(name);
    }
  }
  assert.ok(colliding.length >= 50, `${colliding.length} colliding names found`);
  for (const name of colliding) assert.equal(lookUp(name, 'trusts = [', ']'), undefined, name);
});

test('any other name is no word', () => {
  fc.assert(
    fc.property(fc.stringMatching(/^[a-z_][a-z0-9_-]{0,20}$/), (s) => {
      assert.equal(lookUp(s, '  ', ' = x'), languageWords.has(s) ? s : undefined);
    }),
    { numRuns: 2000, seed: 5 },
  );
});
