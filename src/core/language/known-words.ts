// Every word the language itself defines: block kinds, property keys, role
// names, enumeration members, feature ids. A large farm writes these words
// hundreds of thousands of times; the readers keep one string for each
// instead of a copy per occurrence, and find it without slicing the word
// out of the text first (a slice is a string made to be dropped).
import { blockSpecs } from './blocks';
import { features } from './features';
import type { ValueType } from './value-types';

const words = new Set<string>();

/** Every word of the language (for tests). */
export const languageWords: ReadonlySet<string> = words;
const add = (w: string): void => {
  words.add(w);
};

function addType(t: ValueType): void {
  if (t.type === 'enum') t.members.forEach(add);
  else if (t.type === 'list') addType(t.of);
}

// `subscription`: how a version is written for the Subscription Edition (language/versions.ts).
for (const w of ['true', 'false', 'subscription']) add(w);
for (const spec of Object.values(blockSpecs)) {
  add(spec.kind);
  for (const p of spec.properties) {
    add(p.key);
    addType(p.type);
  }
}
for (const f of features) {
  add(f.id);
  for (const r of f.roles) add(r.role);
  for (const o of f.options) {
    add(o.key);
    addType(o.type);
  }
}

// The words in an open-addressing table by a hash of their characters
// (`hashStep`), which a reader computes as it scans a word.
const slots = 1024;
const table = new Array<string | undefined>(slots).fill(undefined);

/** The hash of a word, one character at a time from 0; a reader computes it as it scans. */
export function hashStep(h: number, c: number): number {
  return (Math.imul(h, 31) + c) | 0;
}

for (const w of words) {
  let h = 0;
  for (let i = 0; i < w.length; i++) h = hashStep(h, w.charCodeAt(i));
  let i = h & (slots - 1);
  while (table[i] !== undefined) i = (i + 1) & (slots - 1);
  table[i] = w;
}

/** The language's word written at [start, end) of `text`, whose hash is `h`; undefined when it is none. */
export function knownWordAt(text: string, start: number, end: number, h: number): string | undefined {
  const length = end - start;
  for (let i = h & (slots - 1); ; i = (i + 1) & (slots - 1)) {
    const w = table[i];
    if (w === undefined) return undefined;
    if (w.length === length && text.startsWith(w, start)) return w;
  }
}
