// The syntax tree: plain objects, made by the parser and read by everyone.
// Every node keeps its source offsets so that every diagnostic, edit and
// symbol can point back into the text.

export interface Span {
  start: number;
  end: number;
}

export interface Name extends Span {
  text: string;
}

export type Value = StringValue | NumberValue | BooleanValue | IdentifierValue | ListValue;

export interface StringValue extends Span {
  type: 'string';
  /** Decoded; an unterminated string (FARM002) ends at its line's end. */
  value: string;
}

export interface NumberValue extends Span {
  type: 'number';
  value: number;
  /** The digits as written (messages quote `007` as `007`). */
  text: string;
}

export interface BooleanValue extends Span {
  type: 'boolean';
  value: boolean;
}

export interface IdentifierValue extends Span {
  type: 'identifier';
  name: string;
}

export interface ListValue extends Span {
  type: 'list';
  elements: Value[];
  /** false when the closing `]` is missing. */
  closed: boolean;
}

/** `key = value`. The key starts the property; the property ends with its value (or its `=`). */
export interface Property extends Span {
  key: string;
  /** Absent when no value could be read (a syntax error was reported). */
  value: Value | undefined;
}

/** A top-level block. Its kind keyword starts it. */
export interface Block extends Span {
  kind: string;
  /** Absent when the block has none (a syntax error was reported). */
  name: Name | undefined;
  /** Offset of `{`, when present. */
  open: number | undefined;
  /** Offset of `}`, when present. */
  close: number | undefined;
  properties: Property[];
}

export interface FarmFile {
  blocks: Block[];
  /** Top-level words that are no known kind (FARM004), with their skipped extent. */
  unknownBlocks: Array<{ kind: Name; span: Span }>;
}

// The key and the kind are held as strings, not nodes: their place follows
// from the property's and the block's start. These make a node of them.

/** The key of a property as a name node. */
export function keyName(p: Property): Name {
  return { text: p.key, start: p.start, end: p.start + p.key.length };
}

/** The kind keyword of a block as a name node. */
export function kindName(b: Block): Name {
  return { text: b.kind, start: b.start, end: b.start + b.kind.length };
}

/** The block's name, or its kind keyword when it has none. */
export function labelName(b: Block): Name {
  return b.name ?? kindName(b);
}
