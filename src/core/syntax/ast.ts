// The syntax tree. Every node keeps its source offsets so that every
// diagnostic, edit and symbol can point back into the text.

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
   * Kept for the model (model/value-checks.ts): a list element's converted
   * value, undefined when it is not valid. A slot on the element rather
   * than an array per list: a large farm writes tens of thousands of lists.
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
export interface ListValue extends ValueNode {
  type: 'list';
  elements: Value[];
  /** false when the closing `]` is missing. */
  closed: boolean;
}

/** How a property holds its value (see `Property`). */
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

// A property's fields, held in its block (see `Block.cells`); for the
// readers in syntax/ that fill them, everyone else reads through `Block`.
export const enum Slot {
  /** The key as written; it starts the property (see `keyName`). */
  Key,
  Start,
  End,
  /** How `Held` is read. */
  How,
  /** Where a value held flat starts. */
  ValueStart,
  /** A flat value's text (the string's contents, the name), its number (see `heldNumber`), or the node. */
  Held,
  /**
   * Kept for the model (model/bind.ts): the value converted, when the
   * property counts and its value is valid.
   */
  Bound,
  /** Slots per property. */
  Width,
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

  get valueStart(): number {
    return this.block.valueStartAt(this.index);
  }

  /** See `Block.heldAt`. */
  get held(): unknown {
    return this.block.heldAt(this.index);
  }

  get bound(): unknown {
    return this.block.boundAt(this.index);
  }

  set bound(value: unknown) {
    this.block.setBoundAt(this.index, value);
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

function makeNode(how: Held, held: string | number | undefined, start: number, end: number): Value {
  switch (how) {
    case Held.String:
      return { type: 'string', value: held as string, unterminated: false, start, end, bound: undefined };
    case Held.Number:
      return { type: 'number', value: numberOf(held as string | number), text: digitsOf(held as string | number), start, end, bound: undefined };
    case Held.Identifier:
      return { type: 'identifier', name: held as string, start, end, bound: undefined };
    default:
      return { type: 'boolean', value: how === Held.True, start, end, bound: undefined };
  }
}

function moveValue(v: Value, d: number): void {
  v.start += d;
  v.end += d;
  if (v.type === 'list') for (const e of v.elements) moveValue(e, d);
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
    return this.cells[i * Slot.Width + Slot.End] as number;
  }

  howAt(i: number): Held {
    return this.cells[i * Slot.Width + Slot.How] as Held;
  }

  valueStartAt(i: number): number {
    return this.cells[i * Slot.Width + Slot.ValueStart] as number;
  }

  /** What the i-th property holds as its value: a flat value's text or number (see `Slot.Held`), or the node. */
  heldAt(i: number): unknown {
    return this.cells[i * Slot.Width + Slot.Held];
  }

  boundAt(i: number): unknown {
    return this.cells[i * Slot.Width + Slot.Bound];
  }

  setBoundAt(i: number, value: unknown): void {
    this.cells[i * Slot.Width + Slot.Bound] = value;
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

  /** Adds a property without a value (`setValueAt` or `holdFlatAt` gives it one); its index. */
  addProperty(key: string, start: number, end: number): number {
    const i = this.propertyCount;
    this.cells.push(key, start, end, Held.None, 0, undefined, undefined);
    return i;
  }

  /** The i-th value; a flat one is made a node, the same object on every later read. Absent when it could not be read. */
  valueAt(i: number): Value | undefined {
    const at = i * Slot.Width;
    const cells = this.cells;
    const how = cells[at + Slot.How] as Held;
    if (how === Held.Node) return cells[at + Slot.Held] as Value;
    if (how === Held.None) return undefined;
    const node = makeNode(how, cells[at + Slot.Held] as string | number | undefined, cells[at + Slot.ValueStart] as number, cells[at + Slot.End] as number);
    cells[at + Slot.How] = Held.Node;
    cells[at + Slot.Held] = node;
    return node;
  }

  /** The i-th value when it is a list (a list is always a node); no node is made of a scalar. */
  listAt(i: number): ListValue | undefined {
    const at = i * Slot.Width;
    if (this.cells[at + Slot.How] !== Held.Node) return undefined;
    const node = this.cells[at + Slot.Held] as Value;
    return node.type === 'list' ? node : undefined;
  }

  /** Holds `value` as the i-th value: flat when it is a plain scalar, else as its node. The property then ends where the value does. */
  setValueAt(i: number, value: Value | undefined): void {
    const at = i * Slot.Width;
    const cells = this.cells;
    if (!value) {
      cells[at + Slot.How] = Held.None;
      cells[at + Slot.Held] = undefined;
      return;
    }
    cells[at + Slot.End] = value.end;
    if (value.type === 'string' && !value.unterminated) this.holdFlatAt(i, Held.String, value.value, value.start);
    else if (value.type === 'number') this.holdFlatAt(i, Held.Number, heldNumber(value.text), value.start);
    else if (value.type === 'boolean') this.holdFlatAt(i, value.value ? Held.True : Held.False, undefined, value.start);
    else if (value.type === 'identifier') this.holdFlatAt(i, Held.Identifier, value.name, value.start);
    else {
      cells[at + Slot.How] = Held.Node;
      cells[at + Slot.Held] = value;
      cells[at + Slot.ValueStart] = value.start;
    }
  }

  /** Holds a scalar read straight from the text as the i-th value, from `start` to the property's end. */
  holdFlatAt(i: number, how: Held, held: string | number | undefined, start: number): void {
    const at = i * Slot.Width;
    this.cells[at + Slot.How] = how;
    this.cells[at + Slot.Held] = held;
    this.cells[at + Slot.ValueStart] = start;
  }

  /**
   * The i-th value without making a node for a flat one: `into` is filled
   * and returned (it stays the caller's, so do not keep it). A node is
   * returned as it is.
   */
  viewAt(i: number, into: ValueView): Value | undefined {
    const at = i * Slot.Width;
    const cells = this.cells;
    const how = cells[at + Slot.How] as Held;
    if (how === Held.Node) return cells[at + Slot.Held] as Value;
    if (how === Held.None) return undefined;
    const v = into;
    v.start = cells[at + Slot.ValueStart];
    v.end = cells[at + Slot.End];
    const held = cells[at + Slot.Held] as string | number;
    if (how === Held.String) {
      v.type = 'string';
      v.value = held;
      v.unterminated = false;
    } else if (how === Held.Number) {
      v.type = 'number';
      v.value = numberOf(held);
      v.text = digitsOf(held);
    } else if (how === Held.Identifier) {
      v.type = 'identifier';
      v.name = held;
    } else {
      v.type = 'boolean';
      v.value = how === Held.True;
    }
    return into as unknown as Value;
  }

  /** Moves the properties by `d`, and the nodes made of their values. */
  moveProperties(d: number): void {
    const cells = this.cells;
    for (let at = 0; at < cells.length; at += Slot.Width) {
      (cells[at + Slot.Start] as number) += d;
      (cells[at + Slot.End] as number) += d;
      (cells[at + Slot.ValueStart] as number) += d;
      if (cells[at + Slot.How] === Held.Node) moveValue(cells[at + Slot.Held] as Value, d);
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
