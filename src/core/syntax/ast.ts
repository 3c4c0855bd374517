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
// Five slots, not seven: where a value ends follows from where it starts
// and what is held, and its converted value from what is held and a flag.
export const enum Slot {
  /** The key as written; it starts the property (see `keyName`). */
  Key,
  Start,
  /** How `Held` is read (a `Held`), with `Valid` set when the binding found the value valid. */
  How,
  /** Where the value starts; where the property ends when it has none. */
  At,
  /**
   * A flat value: a string's contents (written without escapes, so it ends
   * at At + length + 2), a number (see `heldNumber`), a name, or the
   * declaration a valid reference resolved to (whose name it is); nothing
   * for true and false. Else the node.
   */
  Held,
  /** Slots per property. */
  Width,
}

/** In a How slot: the value is valid, and its converted value follows from what is held. */
const Valid = 8;
const KindMask = 7;

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
function endOf(kind: number, held: unknown, at: number): number {
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
    const at = i * Slot.Width;
    const cells = this.cells;
    return endOf((cells[at + Slot.How] as number) & KindMask, cells[at + Slot.Held], cells[at + Slot.At] as number);
  }

  howAt(i: number): Held {
    return ((this.cells[i * Slot.Width + Slot.How] as number) & KindMask) as Held;
  }

  /** Where the i-th value starts (meaningless when it has none). */
  valueStartAt(i: number): number {
    return this.cells[i * Slot.Width + Slot.At] as number;
  }

  /** What the i-th property holds as its value (see `Slot.Held`). */
  heldAt(i: number): unknown {
    return this.cells[i * Slot.Width + Slot.Held];
  }

  /**
   * Kept for the model (model/bind.ts): the i-th value converted, when the
   * property counts and its value is valid; else undefined.
   */
  boundAt(i: number): unknown {
    const at = i * Slot.Width;
    const cells = this.cells;
    const how = cells[at + Slot.How] as number;
    const held = cells[at + Slot.Held];
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

  /** Sets what `boundAt` gives: `value` must be the i-th value converted (the binding's `bindValue`), or undefined. */
  setBoundAt(i: number, value: unknown): void {
    const at = i * Slot.Width;
    const cells = this.cells;
    const kind = (cells[at + Slot.How] as number) & KindMask;
    if (kind === Held.None) return;
    const held = cells[at + Slot.Held];
    if (kind === Held.Node && (held as Value).type !== 'list') {
      (held as Value).bound = value;
      return;
    }
    cells[at + Slot.How] = value === undefined ? kind : kind | Valid;
    // A reference holds the declaration it resolved to, and its name again when it no longer does.
    if (kind === Held.Identifier) cells[at + Slot.Held] = value ?? nameOf(held);
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
    const at = i * Slot.Width;
    const cells = this.cells;
    const how = cells[at + Slot.How] as number;
    const kind = how & KindMask;
    if (kind === Held.Node) return cells[at + Slot.Held] as Value;
    if (kind === Held.None) return undefined;
    const held = cells[at + Slot.Held];
    const start = cells[at + Slot.At] as number;
    const node = makeNode(kind, kind === Held.Identifier ? nameOf(held) : (held as string | number | undefined), start, endOf(kind, held, start));
    node.bound = this.boundAt(i);
    cells[at + Slot.How] = Held.Node;
    cells[at + Slot.Held] = node;
    return node;
  }

  /** The i-th value when it is a list (a list is always a node); no node is made of a scalar. */
  listAt(i: number): ListValue | undefined {
    const at = i * Slot.Width;
    if (((this.cells[at + Slot.How] as number) & KindMask) !== Held.Node) return undefined;
    const node = this.cells[at + Slot.Held] as Value;
    return node.type === 'list' ? node : undefined;
  }

  /** Holds `value` as the i-th value: flat when it is a plain scalar, else as its node. Not valid until the binding says so. */
  setValueAt(i: number, value: Value | undefined): void {
    const at = i * Slot.Width;
    const cells = this.cells;
    if (!value) {
      cells[at + Slot.At] = this.endAt(i);
      cells[at + Slot.How] = Held.None;
      cells[at + Slot.Held] = undefined;
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
    cells[at + Slot.How] = how;
    cells[at + Slot.At] = value.start;
    cells[at + Slot.Held] = held;
  }

  /**
   * The i-th value without making a node for a flat one: `into` is filled
   * and returned (it stays the caller's, so do not keep it). A node is
   * returned as it is.
   */
  viewAt(i: number, into: ValueView): Value | undefined {
    const at = i * Slot.Width;
    const cells = this.cells;
    const kind = (cells[at + Slot.How] as number) & KindMask;
    if (kind === Held.Node) return cells[at + Slot.Held] as Value;
    if (kind === Held.None) return undefined;
    const v = into;
    const start = cells[at + Slot.At] as number;
    const held = cells[at + Slot.Held];
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

  /** Moves the properties by `d`, and the nodes made of their values. */
  moveProperties(d: number): void {
    const cells = this.cells;
    for (let at = 0; at < cells.length; at += Slot.Width) {
      (cells[at + Slot.Start] as number) += d;
      (cells[at + Slot.At] as number) += d;
      if (((cells[at + Slot.How] as number) & KindMask) === Held.Node) moveValue(cells[at + Slot.Held] as Value, d);
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
