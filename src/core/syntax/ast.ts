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

/**
 * A `key = value`. Most values are one string, number, boolean or name,
 * and a large farm writes a hundred thousand of them; a node for each
 * would be as many objects to make and keep. So such a value is held in
 * the property itself (its kind, its start, its text; it ends where the
 * property ends) and becomes a node the first time `value` is read. The
 * binding reads it without making one (`view`).
 */
export class Property implements Span {
  /** How `held` is read. */
  how: Held = Held.None;
  /** Where a value held flat starts. */
  valueStart = 0;
  /** A flat value's text (the string's contents, the name), its number (see `heldNumber`), or the node. */
  held: string | number | Value | undefined = undefined;
  /**
   * Kept for the model (model/bind.ts): the value converted, when the
   * property counts and its value is valid. A slot on the property rather
   * than an array per block: a large farm has tens of thousands of blocks.
   */
  bound: unknown = undefined;

  constructor(
    /** The key as written; it starts the property (see `keyName`). */
    public key: string,
    public start: number,
    public end: number,
  ) {}

  /** Absent when the value could not be read (a syntax error was reported). */
  get value(): Value | undefined {
    if (this.how === Held.Node) return this.held as Value;
    if (this.how === Held.None) return undefined;
    const node = this.makeNode();
    this.how = Held.Node;
    this.held = node;
    return node;
  }

  private makeNode(): Value {
    const start = this.valueStart;
    const end = this.end;
    const text = this.held as string;
    switch (this.how) {
      case Held.String:
        return { type: 'string', value: text, unterminated: false, start, end, bound: undefined };
      case Held.Number:
        return { type: 'number', value: numberOf(this.held as string | number), text: digitsOf(this.held as string | number), start, end, bound: undefined };
      case Held.Identifier:
        return { type: 'identifier', name: text, start, end, bound: undefined };
      default:
        return { type: 'boolean', value: this.how === Held.True, start, end, bound: undefined };
    }
  }

  /** The value when it is a list (a list is always a node); no node is made of a scalar. */
  get list(): ListValue | undefined {
    return this.how === Held.Node && (this.held as Value).type === 'list' ? (this.held as ListValue) : undefined;
  }

  /** Holds `value`: flat when it is a plain scalar, else as its node. The property then ends where the value does. */
  set value(value: Value | undefined) {
    if (!value) {
      this.how = Held.None;
      this.held = undefined;
      return;
    }
    this.end = value.end;
    this.valueStart = value.start;
    if (value.type === 'string' && !value.unterminated) this.holdFlat(Held.String, value.value);
    else if (value.type === 'number') this.holdFlat(Held.Number, heldNumber(value.text));
    else if (value.type === 'boolean') this.holdFlat(value.value ? Held.True : Held.False, undefined);
    else if (value.type === 'identifier') this.holdFlat(Held.Identifier, value.name);
    else {
      this.how = Held.Node;
      this.held = value;
    }
  }

  /** Holds a scalar read straight from the text, from `start` to the property's end. */
  holdFlat(how: Held, text: string | number | undefined, start = this.valueStart): void {
    this.how = how;
    this.held = text;
    this.valueStart = start;
  }

  /**
   * The value without making a node for a flat one: `into` is filled and
   * returned (it stays the caller's, so do not keep it). A node is returned
   * as it is.
   */
  view(into: ValueView): Value | undefined {
    const how = this.how;
    if (how === Held.Node) return this.held as Value;
    if (how === Held.None) return undefined;
    const v = into;
    v.start = this.valueStart;
    v.end = this.end;
    const text = this.held as string;
    if (how === Held.String) {
      v.type = 'string';
      v.value = text;
      v.unterminated = false;
    } else if (how === Held.Number) {
      v.type = 'number';
      v.value = numberOf(this.held as string | number);
      v.text = digitsOf(this.held as string | number);
    } else if (how === Held.Identifier) {
      v.type = 'identifier';
      v.name = text;
    } else {
      v.type = 'boolean';
      v.value = how === Held.True;
    }
    return into as unknown as Value;
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

/** What `Property.view` fills: a scalar node's fields, on one reused object. */
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
  properties: Property[] = [];
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
  return { text: p.key, start: p.start, end: p.start + p.key.length };
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
