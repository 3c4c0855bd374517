// Every word the language itself defines: block kinds, property keys, role
// names, enumeration members, feature ids. A large farm writes these words
// hundreds of thousands of times; the parser keeps one string for each
// instead of a copy per occurrence.
import { blockSpecs } from './blocks';
import { features } from './features';
import type { ValueType } from './value-types';

const words = new Map<string, string>();
const add = (w: string): void => {
  words.set(w, w);
};

function addType(t: ValueType): void {
  if (t.type === 'enum') t.members.forEach(add);
  else if (t.type === 'list') addType(t.of);
}

for (const w of ['true', 'false']) add(w);
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

/** The language's own copy of `word` when it is one of its words, else `word`. */
export function knownWord(word: string): string {
  return words.get(word) ?? word;
}
