// The syntax tree. Every node keeps its source offsets so that every
// diagnostic, edit and symbol can point back into the text.
import * as cell from './value-cells';
import { ValueSlot } from './value-cells';

export { heldNumber } from './value-cells';

export interface Span {
  start: number;
  end: number;
}

export interface Name extends Span {
  text: string;
}

export type Value = StringValue | NumberValue | BooleanValue | IdentifierValue | ListValue;

interface ValueNode extends Span {
  /**
   * Kept for the model (model/value-checks.ts): the value converted, when
   * it counts and is valid; else undefined. A list keeps its elements'
   * in its slots (see value-cells.ts), and is its own.
   */
  bound: unknown;
}

export interface StringValue extends ValueNode {
  type: 'string';
  value: string;
  unterminated: boolean;
}
export interface NumberValue extends ValueNode {
  type: 'number';
  value: number;
  text: string;
}
export interface BooleanValue extends ValueNode {
  type: 'boolean';
  value: boolean;
}
export interface IdentifierValue extends ValueNode {
  type: 'identifier';
  name: string;
}

/** How a value is held (see value-cells.ts). */
export const enum Held {
  /** No value could be read (a syntax error was reported). */
  None,
  /** As a node: a list, a string with an error, or a value asked for. */
  Node,
  String,
  Number,
  True,
  False,
  Identifier,
}

// A property's slots in its block (see `Block.cells`): its key, its start,
// and its value's three (value-cells.ts). For the readers in syntax/ that
// fill them; everyone else reads through `Block`.
export const enum Slot {
  /** The key as written; it starts the property (see `keyName`). */
  Key,
  Start,
  /** The first of the value's slots (`ValueSlot`). */
  Value,
  Width = Value + ValueSlot.Width,
}

/**
 * A list. Its elements are held in its slots like a property's value
 * (value-cells.ts) and made nodes when `elements` or `elementAt` reads
 * them; readers of every list use the index methods.
 */
export class ListValue implements ValueNode {
  readonly type = 'list';
  bound: unknown = undefined;

  constructor(
    public start: number,
    public end: number,
    /** false when the closing `]` is missing. */
    public closed: boolean,
    /** Each element's `ValueSlot.Width` slots, in order. */
    public cells: unknown[] = [],
  ) {}

  get count(): number {
    return this.cells.length / ValueSlot.Width;
  }

  startAt(j: number): number {
    return this.cells[j * ValueSlot.Width + ValueSlot.At] as number;
  }

  endAt(j: number): number {
    return cell.endAt(this.cells, j * ValueSlot.Width);
  }

  howAt(j: number): Held {
    return cell.kindAt(this.cells, j * ValueSlot.Width);
  }

  /** The j-th element converted, when valid (see `Block.boundAt`). */
  boundAt(j: number): unknown {
    return cell.boundAt(this.cells, j * ValueSlot.Width);
  }

  setBoundAt(j: number, value: unknown): void {
    cell.setBoundAt(this.cells, j * ValueSlot.Width, value);
  }

  /** The j-th element as a node: the same object on every read. */
  elementAt(j: number): Value {
    return cell.valueAt(this.cells, j * ValueSlot.Width)!;
  }

  /** The j-th element without making a node (see `Block.viewAt`). */
  viewAt(j: number, into: ValueView): Value {
    return cell.viewAt(this.cells, j * ValueSlot.Width, into)!;
  }

  /** Every element as a node (the array is new on each read, the nodes are not). */
  get elements(): Value[] {
    const out = new Array<Value>(this.count);
    for (let j = 0; j < out.length; j++) out[j] = this.elementAt(j);
    return out;
  }

  /** Appends an element. */
  add(value: Value): void {
    const at = this.cells.length;
    this.cells.push(Held.None, value.start, undefined);
    cell.setValueAt(this.cells, at, value);
  }

  /** Moves the list by `d`, with its elements. */
  move(d: number): void {
    this.start += d;
    this.end += d;
    for (let at = 0; at < this.cells.length; at += ValueSlot.Width) cell.moveAt(this.cells, at, d);
  }
}

/**
 * A `key = value` of a block, as an object: made when asked for, from the
 * block's slots (see `Block.cells`), which it reads and writes through.
 * Two of them for the same property are equal in all but identity.
 */
export class Property implements Span {
  constructor(
    readonly block: Block,
    /** Which property of the block. */
    readonly index: number,
  ) {}

  get key(): string {
    return this.block.keyAt(this.index);
  }

  get start(): number {
    return this.block.startAt(this.index);
  }

  get end(): number {
    return this.block.endAt(this.index);
  }

  get how(): Held {
    return this.block.howAt(this.index);
  }


  /** Absent when the value could not be read (a syntax error was reported). */
  get value(): Value | undefined {
    return this.block.valueAt(this.index);
  }

  set value(value: Value | undefined) {
    this.block.setValueAt(this.index, value);
  }

  /** The value when it is a list (a list is always a node); no node is made of a scalar. */
  get list(): ListValue | undefined {
    return this.block.listAt(this.index);
  }

  /** See `Block.viewAt`. */
  view(into: ValueView): Value | undefined {
    return this.block.viewAt(this.index, into);
  }
}

/** What `Block.viewAt` fills: a scalar node's fields, on one reused object. */
export type ValueView = Record<string, unknown>;

/**
 * A top-level block. Its name is held as its text and start, like a flat
 * value (see `Property`), and made a node the first time `name` is read:
 * a large farm has tens of thousands of blocks, and reading the file needs
 * only the text.
 */
export class Block implements Span {
  /** The name as written; undefined when the block has none (a syntax error was reported). */
  nameText: string | undefined = undefined;
  /** Where the name starts. */
  nameStart = 0;
  /** The name's node, once asked for. */
  private madeName: Name | undefined = undefined;
  /** Offset of `{`, when present. */
  open: number | undefined = undefined;
  /** Offset of `}`, when present. */
  close: number | undefined = undefined;
  /**
   * The properties, `Slot.Width` slots each, in source order: a large farm
   * has a hundred thousand properties, and an object for each would be as
   * many objects to make and keep. Read them with the methods below, by
   * index; `property(i)` makes an object of one for readers that want it.
   *
   * Most values are one string, number, boolean or name. Such a value is
   * held flat (its kind, its start, its text; it ends where the property
   * ends) and becomes a node the first time `valueAt` reads it; the binding
   * reads it without making one (`viewAt`).
   */
  cells: unknown[] = [];
  /**
   * Kept for the model (model/bind.ts): what binding the block found. A
   * slot on the block rather than a table of blocks: a large farm has tens
   * of thousands of them, and looking each up by identity costs.
   */
  binding: unknown = undefined;

  constructor(
    /** The block kind keyword as written; it starts the block (see `kindName`). */
    public kind: string,
    public start: number,
    public end: number,
  ) {}

  /** The name's node: the same object on every read. */
  get name(): Name | undefined {
    if (this.nameText === undefined) return undefined;
    return (this.madeName ??= { text: this.nameText, start: this.nameStart, end: this.nameEnd });
  }

  set name(name: Name | undefined) {
    this.nameText = name?.text;
    this.nameStart = name ? name.start : 0;
    this.madeName = undefined;
  }

  /** Where the name ends (a name is one word, written as it reads). */
  get nameEnd(): number {
    return this.nameStart + (this.nameText?.length ?? 0);
  }

  get propertyCount(): number {
    return this.cells.length / Slot.Width;
  }

  keyAt(i: number): string {
    return this.cells[i * Slot.Width + Slot.Key] as string;
  }

  startAt(i: number): number {
    return this.cells[i * Slot.Width + Slot.Start] as number;
  }

  endAt(i: number): number {
    return cell.endAt(this.cells, i * Slot.Width + Slot.Value);
  }

  howAt(i: number): Held {
    return cell.kindAt(this.cells, i * Slot.Width + Slot.Value);
  }

  /** Where the i-th value starts (meaningless when it has none). */
  valueStartAt(i: number): number {
    return this.cells[i * Slot.Width + Slot.Value + ValueSlot.At] as number;
  }

  /** What the i-th property holds as its value (see `ValueSlot.Held`). */
  heldAt(i: number): unknown {
    return this.cells[i * Slot.Width + Slot.Value + ValueSlot.Held];
  }

  /**
   * Kept for the model (model/bind.ts): the i-th value converted, when the
   * property counts and its value is valid; else undefined.
   */
  boundAt(i: number): unknown {
    return cell.boundAt(this.cells, i * Slot.Width + Slot.Value);
  }

  /** Sets what `boundAt` gives: `value` must be the i-th value converted (model/value-checks.ts's `bindValue`), or undefined. */
  setBoundAt(i: number, value: unknown): void {
    cell.setBoundAt(this.cells, i * Slot.Width + Slot.Value, value);
  }

  /** The i-th property as an object (a new one on each call). */
  property(i: number): Property {
    return new Property(this, i);
  }

  /** Every property as an object (new ones on each call): for readers of a few blocks. */
  propertyList(): Property[] {
    const out = new Array<Property>(this.propertyCount);
    for (let i = 0; i < out.length; i++) out[i] = new Property(this, i);
    return out;
  }

  /** Adds a property ending at `end`, without a value (`setValueAt` gives it one); its index. */
  addProperty(key: string, start: number, end: number): number {
    const i = this.propertyCount;
    this.cells.push(key, start, Held.None, end, undefined);
    return i;
  }

  /** The i-th value; a flat one is made a node, the same object on every later read. Absent when it could not be read. */
  valueAt(i: number): Value | undefined {
    return cell.valueAt(this.cells, i * Slot.Width + Slot.Value);
  }

  /** The i-th value when it is a list (a list is always a node); no node is made of a scalar. */
  listAt(i: number): ListValue | undefined {
    return cell.listAt(this.cells, i * Slot.Width + Slot.Value);
  }

  /** Holds `value` as the i-th value: flat when it is a plain scalar, else as its node. */
  setValueAt(i: number, value: Value | undefined): void {
    cell.setValueAt(this.cells, i * Slot.Width + Slot.Value, value);
  }

  /**
   * The i-th value without making a node for a flat one: `into` is filled
   * and returned (it stays the caller's, so do not keep it). A node is
   * returned as it is.
   */
  viewAt(i: number, into: ValueView): Value | undefined {
    return cell.viewAt(this.cells, i * Slot.Width + Slot.Value, into);
  }

  /** Moves the properties by `d`, and the nodes made of their values. */
  moveProperties(d: number): void {
    const cells = this.cells;
    for (let at = 0; at < cells.length; at += Slot.Width) {
      (cells[at + Slot.Start] as number) += d;
      cell.moveAt(cells, at + Slot.Value, d);
    }
  }

  /** Moves the name by `d`, and its node if one was made. */
  moveName(d: number): void {
    this.nameStart += d;
    if (this.madeName) {
      this.madeName.start += d;
      this.madeName.end += d;
    }
  }
}

export interface FarmFile {
  blocks: Block[];
  /** Top-level words that are no known kind (FARM004), with their skipped extent. */
  unknownBlocks: Array<{ kind: Name; span: Span }>;
}

// The key and the kind are not nodes of their own: a large farm has a
// hundred thousand of each, and their place follows from the property's
// and the block's start. These make one when a caller wants a node.

/** The key of a property as a name node. */
export function keyName(p: Property): Name {
  return keyNameAt(p.block, p.index);
}

/** The key of the i-th property of a block as a name node. */
export function keyNameAt(b: Block, i: number): Name {
  const start = b.startAt(i);
  const key = b.keyAt(i);
  return { text: key, start, end: start + key.length };
}

/** The kind keyword of a block as a name node. */
export function kindName(b: Block): Name {
  return { text: b.kind, start: b.start, end: b.start + b.kind.length };
}

/**
 * The block's name, or its kind keyword when it has none, as a node of the
 * caller's: the block's own name node is not made (for readers that visit
 * every block, such as the outline).
 */
export function labelName(b: Block): Name {
  return b.nameText === undefined ? kindName(b) : { text: b.nameText, start: b.nameStart, end: b.nameEnd };
}
