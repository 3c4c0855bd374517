// A value held in three slots of an array rather than as a node: how it is
// held, where it is, and what is held. A block's properties hold their
// values so (after each key and its start, see Block.cells), and so do a
// list's elements (ListValue.cells): a large farm writes a hundred thousand
// values and forty thousand list elements, and a node for each would be as
// many objects to make and keep. A value becomes a node the first time it
// is read as one (`valueAt`), and stays one; `viewAt` reads it without.
import { Held } from './ast';
import type { ListValue, Value, ValueView } from './ast';

/** The slots of one value, from its first (`at` below). */
export const enum ValueSlot {
  /** How `Held` is read (a `Held`), with `Valid` set when the binding found the value valid. */
  How,
  /** Where the value starts; where its property ends when it has none. */
  At,
  /**
   * A flat value: a string's contents (written without escapes, so it ends
   * at At + length + 2), a number (see `heldNumber`), a name, or the
   * declaration a valid reference resolved to (whose name it is); nothing
   * for true and false. Else the node.
   */
  Held,
  Width,
}

/** In a How slot: the value is valid, and its converted value follows from what is held. */
const Valid = 8;
const KindMask = 7;

export function kindAt(cells: unknown[], at: number): Held {
  return ((cells[at + ValueSlot.How] as number) & KindMask) as Held;
}

export function endAt(cells: unknown[], at: number): number {
  return endOf(kindAt(cells, at), cells[at + ValueSlot.Held], cells[at + ValueSlot.At] as number);
}

/**
 * Kept for the model (model/bind.ts, model/value-checks.ts): the value
 * converted, when it counts and is valid; else undefined.
 */
export function boundAt(cells: unknown[], at: number): unknown {
  const how = cells[at + ValueSlot.How] as number;
  const held = cells[at + ValueSlot.Held];
  switch (how) {
    case Held.Node:
    case Held.Node | Valid: {
      const node = held as Value;
      // A list's converted value is its node; any other node keeps its own.
      return node.type === 'list' ? (how & Valid ? node : undefined) : node.bound;
    }
    case Held.String | Valid:
    case Held.Identifier | Valid:
      return held;
    case Held.Number | Valid:
      return numberOf(held as string | number);
    case Held.True | Valid:
      return true;
    case Held.False | Valid:
      return false;
    default:
      return undefined;
  }
}

/** Sets what `boundAt` gives: `value` must be the value converted (model/value-checks.ts's `bindValue`), or undefined. */
export function setBoundAt(cells: unknown[], at: number, value: unknown): void {
  const kind = kindAt(cells, at);
  if (kind === Held.None) return;
  const held = cells[at + ValueSlot.Held];
  if (kind === Held.Node && (held as Value).type !== 'list') {
    (held as Value).bound = value;
    return;
  }
  cells[at + ValueSlot.How] = value === undefined ? kind : kind | Valid;
  // A reference holds the declaration it resolved to, and its name again when it no longer does.
  if (kind === Held.Identifier) cells[at + ValueSlot.Held] = value ?? nameOf(held);
}

/** The value; a flat one is made a node, the same object on every later read. Absent when there is none. */
export function valueAt(cells: unknown[], at: number): Value | undefined {
  const kind = kindAt(cells, at);
  if (kind === Held.Node) return cells[at + ValueSlot.Held] as Value;
  if (kind === Held.None) return undefined;
  const held = cells[at + ValueSlot.Held];
  const start = cells[at + ValueSlot.At] as number;
  const node = makeNode(kind, kind === Held.Identifier ? nameOf(held) : (held as string | number | undefined), start, endOf(kind, held, start));
  node.bound = boundAt(cells, at);
  cells[at + ValueSlot.How] = Held.Node;
  cells[at + ValueSlot.Held] = node;
  return node;
}

/** The value when it is a list (a list is always a node); no node is made of a scalar. */
export function listAt(cells: unknown[], at: number): ListValue | undefined {
  if (kindAt(cells, at) !== Held.Node) return undefined;
  const node = cells[at + ValueSlot.Held] as Value;
  return node.type === 'list' ? node : undefined;
}

/** Holds `value`: flat when it is a plain scalar, else as its node; not valid until the binding says so. Undefined: none, ending where the value did. */
export function setValueAt(cells: unknown[], at: number, value: Value | undefined): void {
  if (!value) {
    cells[at + ValueSlot.At] = endAt(cells, at);
    cells[at + ValueSlot.How] = Held.None;
    cells[at + ValueSlot.Held] = undefined;
    return;
  }
  let how: Held = Held.Node;
  let held: unknown = value;
  if (value.type === 'string') {
    // Only a string written as it reads is held flat: its end follows from its length.
    if (!value.unterminated && value.end - value.start === value.value.length + 2) [how, held] = [Held.String, value.value];
  } else if (value.type === 'number') [how, held] = [Held.Number, heldNumber(value.text)];
  else if (value.type === 'boolean') [how, held] = [value.value ? Held.True : Held.False, undefined];
  else if (value.type === 'identifier') [how, held] = [Held.Identifier, value.name];
  cells[at + ValueSlot.How] = how;
  cells[at + ValueSlot.At] = value.start;
  cells[at + ValueSlot.Held] = held;
}

/**
 * The value without making a node for a flat one: `into` is filled and
 * returned (it stays the caller's, so do not keep it). A node is returned
 * as it is.
 */
export function viewAt(cells: unknown[], at: number, into: ValueView): Value | undefined {
  const kind = kindAt(cells, at);
  if (kind === Held.Node) return cells[at + ValueSlot.Held] as Value;
  if (kind === Held.None) return undefined;
  const v = into;
  const start = cells[at + ValueSlot.At] as number;
  const held = cells[at + ValueSlot.Held];
  v.start = start;
  v.end = endOf(kind, held, start);
  if (kind === Held.String) {
    v.type = 'string';
    v.value = held;
    v.unterminated = false;
  } else if (kind === Held.Number) {
    v.type = 'number';
    v.value = numberOf(held as string | number);
    v.text = digitsOf(held as string | number);
  } else if (kind === Held.Identifier) {
    v.type = 'identifier';
    v.name = nameOf(held);
  } else {
    v.type = 'boolean';
    v.value = kind === Held.True;
  }
  return into as unknown as Value;
}

/** Moves the value by `d`, and its node if it is one. */
export function moveAt(cells: unknown[], at: number, d: number): void {
  (cells[at + ValueSlot.At] as number) += d;
  if (kindAt(cells, at) === Held.Node) moveValue(cells[at + ValueSlot.Held] as Value, d);
}

/** Moves a node by `d`, with its elements. */
export function moveValue(v: Value, d: number): void {
  if (v.type === 'list') {
    v.move(d);
    return;
  }
  v.start += d;
  v.end += d;
}

/**
 * How a number's digits are held: as the number itself when the digits are
 * its canonical spelling (no leading zero, nine digits at most, so a small
 * integer that needs no object of its own), else as the digits.
 */
export function heldNumber(digits: string): string | number {
  return digits.length <= 9 && (digits.length === 1 || digits.charCodeAt(0) !== 48) ? Number(digits) : digits;
}

function numberOf(held: string | number): number {
  return typeof held === 'number' ? held : Number(held);
}

function digitsOf(held: string | number): string {
  return typeof held === 'number' ? String(held) : held;
}

function makeNode(kind: Held, held: string | number | undefined, start: number, end: number): Value {
  switch (kind) {
    case Held.String:
      return { type: 'string', value: held as string, unterminated: false, start, end, bound: undefined };
    case Held.Number:
      return { type: 'number', value: numberOf(held as string | number), text: digitsOf(held as string | number), start, end, bound: undefined };
    case Held.Identifier:
      return { type: 'identifier', name: held as string, start, end, bound: undefined };
    default:
      return { type: 'boolean', value: kind === Held.True, start, end, bound: undefined };
  }
}

/** A held name: the text, or the declaration a reference resolved to. */
function nameOf(held: unknown): string {
  return typeof held === 'string' ? held : (held as { name: string }).name;
}

/** Where a value held as `held` (of kind `kind`) that starts at `at` ends; `at` is the end when there is none. */
function endOf(kind: Held, held: unknown, at: number): number {
  switch (kind) {
    case Held.None:
      return at;
    case Held.Node:
      return (held as Value).end;
    case Held.String:
      return at + (held as string).length + 2;
    case Held.Identifier:
      return at + nameOf(held).length;
    case Held.Number:
      return at + digitCount(held as string | number);
    case Held.True:
      return at + 4;
    default:
      return at + 5;
  }
}

function digitCount(held: string | number): number {
  if (typeof held === 'string') return held.length;
  let n = 1;
  for (let x = held; x >= 10; x = Math.floor(x / 10)) n++;
  return n;
}
