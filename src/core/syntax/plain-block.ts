// Most blocks of a farm are plain: a name, `{`, one `key = value` per line
// (or several on one line, separated by `;`), `}`. This reads such a block
// straight from the characters, without tokens, and gives up — returning
// undefined — at anything else: a comment, an escape in a string, a list
// over several lines, any error. The parser then reads the block its usual
// way, so what this returns must be exactly what the parser would make; a
// property test compares the two on generated and mutated files.
import { hashStep, knownWordAt } from '../language/known-words';
import { Block, Held, heldNumber, ListValue, Slot } from './ast';
import { ValueSlot } from './value-cells';
import { Ch, isDigit, isIdentPart, isIdentStart } from './characters';

// Properties (their slots, see Block.cells) and list elements are gathered
// here and copied out at their size: arrays grown one push at a time keep
// spare room, and the copy is what the tree keeps.
// Each is filled from index 0 with a count of its own and never emptied:
// emptying an array is a call into the runtime that also gives its room
// back, to be grown again for the next block (parse alone: min 124 -> 118 ms
// at 10,000 servers). What stays in them is a few values of the last block.
const cellScratch: unknown[] = [];
const elementScratch: unknown[] = [];

/** Where a block read by `readPlainBlock` ends: `next` is the offset after its `}`. */
export interface PlainBlock {
  block: Block;
  next: number;
}

/**
 * Reads a plain block whose kind keyword (`kind`, interned) spans
 * `[kindStart, pos)`; `end` bounds the text the parser may read.
 */
export function readPlainBlock(text: string, kind: string, kindStart: number, pos: number, end: number): PlainBlock | undefined {
  let p = skipBlanks(text, pos, end);
  if (p === pos || p >= end || !isIdentStart(text.charCodeAt(p))) return undefined;
  const nameStart = p;
  p = identEnd(text, p, end);
  const name = wordAt(text, nameStart, p);
  p = skipBlanks(text, p, end);
  if (p >= end || text.charCodeAt(p) !== Ch.OpenBrace) return undefined;
  const open = p++;
  const cells = cellScratch;
  let count = 0;
  for (;;) {
    p = skipBlanks(text, p, end);
    if (p >= end) return undefined;
    const c = text.charCodeAt(p);
    if (c === Ch.LF || c === Ch.Semicolon) {
      p++;
      continue;
    }
    if (c === Ch.CR) {
      // A lone CR is a line break too, but rare enough to leave to the parser.
      if (text.charCodeAt(p + 1) !== Ch.LF || p + 1 >= end) return undefined;
      p += 2;
      continue;
    }
    if (c === Ch.CloseBrace) {
      const block = new Block(kind, kindStart, p + 1);
      block.nameText = name;
      block.nameStart = nameStart;
      block.open = open;
      block.close = p;
      block.cells = cells.slice(0, count);
      return { block, next: p + 1 };
    }
    if (!isIdentStart(c)) return undefined;
    const keyStart = p;
    p = identEnd(text, p, end);
    const key = wordAt(text, keyStart, p);
    p = skipBlanks(text, p, end);
    if (p >= end || text.charCodeAt(p) !== Ch.Equals) return undefined;
    p = skipBlanks(text, p + 1, end);
    let how: Held;
    let held: unknown;
    let valueEnd: number;
    if (p < end && text.charCodeAt(p) === Ch.OpenBracket) {
      const list = readList(text, p, end);
      if (!list) return undefined;
      how = Held.Node;
      held = list;
      valueEnd = list.end;
    } else {
      // A scalar is held in the property, not made a node (see Block.cells).
      how = readScalar(text, p, end);
      if (how === Held.None) return undefined;
      held = scalarText;
      valueEnd = scalarEnd;
    }
    const valueStart = p;
    p = skipBlanks(text, valueEnd, end);
    // The value must end the property: a line break, `;` or `}` follows.
    if (p >= end) return undefined;
    const after = text.charCodeAt(p);
    if (after !== Ch.LF && after !== Ch.CR && after !== Ch.Semicolon && after !== Ch.CloseBrace) return undefined;
    // Where the value ends follows from what is held (see Slot.Held).
    cells[count + Slot.Key] = key;
    cells[count + Slot.Start] = keyStart;
    cells[count + Slot.Value + ValueSlot.How] = how;
    cells[count + Slot.Value + ValueSlot.At] = valueStart;
    cells[count + Slot.Value + ValueSlot.Held] = held;
    count += Slot.Width;
  }
}

function skipBlanks(text: string, p: number, end: number): number {
  while (p < end) {
    const c = text.charCodeAt(p);
    if (c !== Ch.Space && c !== Ch.Tab) break;
    p++;
  }
  return p;
}

// The hash of the word `identEnd` scanned last (see known-words.ts).
let identHash = 0;

function identEnd(text: string, p: number, end: number): number {
  let h = hashStep(0, text.charCodeAt(p));
  p++;
  for (; p < end; p++) {
    const c = text.charCodeAt(p);
    if (!isIdentPart(c)) break;
    h = hashStep(h, c);
  }
  identHash = h;
  return p;
}

/** The word `identEnd` just scanned: the language's own string when it is one of its words, else a slice. */
function wordAt(text: string, start: number, end: number): string {
  return knownWordAt(text, start, end, identHash) ?? text.slice(start, end);
}

// What readScalar read last: its text (the string's contents, the word, a
// number as `heldNumber` holds it) and where it ends. The reader is
// synchronous, so two variables serve every call instead of an object per value.
let scalarText: string | number | undefined;
let scalarEnd = 0;

/** A string without escapes, a number or a word; Held.None at anything else. */
function readScalar(text: string, p: number, end: number): Held {
  if (p >= end) return Held.None;
  const c = text.charCodeAt(p);
  if (c === Ch.Quote) {
    let q = p + 1;
    for (;;) {
      if (q >= end) return Held.None;
      const d = text.charCodeAt(q);
      if (d === Ch.Quote) break;
      if (d === Ch.Backslash || d === Ch.LF || d === Ch.CR) return Held.None;
      q++;
    }
    scalarText = text.slice(p + 1, q);
    scalarEnd = q + 1;
    return Held.String;
  }
  if (isDigit(c)) {
    let q = p + 1;
    while (q < end && isDigit(text.charCodeAt(q))) q++;
    // `12ab` is two tokens to the parser, and an error.
    if (q < end && isIdentStart(text.charCodeAt(q))) return Held.None;
    scalarText = heldNumber(text.slice(p, q));
    scalarEnd = q;
    return Held.Number;
  }
  if (isIdentStart(c)) {
    const q = identEnd(text, p, end);
    const word = wordAt(text, p, q);
    scalarEnd = q;
    scalarText = undefined;
    if (word === 'true') return Held.True;
    if (word === 'false') return Held.False;
    scalarText = word;
    return Held.Identifier;
  }
  return Held.None;
}

function readList(text: string, open: number, end: number): ListValue | undefined {
  const cells = elementScratch;
  let count = 0;
  let p = open + 1;
  for (;;) {
    p = skipBlanks(text, p, end);
    if (p >= end) return undefined;
    if (text.charCodeAt(p) === Ch.CloseBracket) return new ListValue(open, p + 1, true, cells.slice(0, count));
    // An element is a scalar, held flat in the list's slots (see value-cells.ts).
    const how = readScalar(text, p, end);
    if (how === Held.None) return undefined;
    cells[count + ValueSlot.How] = how;
    cells[count + ValueSlot.At] = p;
    cells[count + ValueSlot.Held] = scalarText;
    count += ValueSlot.Width;
    p = skipBlanks(text, scalarEnd, end);
    if (p >= end) return undefined;
    const c = text.charCodeAt(p);
    if (c === Ch.Comma) p++;
    else if (c !== Ch.CloseBracket) return undefined;
  }
}
