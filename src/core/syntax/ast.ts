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

export interface StringValue extends Span {
  type: 'string';
  value: string;
  unterminated: boolean;
}
export interface NumberValue extends Span {
  type: 'number';
  value: number;
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

export interface Property extends Span {
  /** The key as written; it starts the property (see `keyName`). */
  key: string;
  /** Absent when the value could not be read (a syntax error was reported). */
  value?: Value;
  /**
   * Kept for the model (model/bind.ts): the value converted, when the
   * property counts and its value is valid. A slot on the property rather
   * than an array per block: a large farm has tens of thousands of blocks.
   */
  bound: unknown;
}

export interface Block extends Span {
  /** The block kind keyword as written; it starts the block (see `kindName`). */
  kind: string;
  name?: Name;
  /** Offset of `{`, when present. */
  open?: number;
  /** Offset of `}`, when present. */
  close?: number;
  properties: Property[];
  /**
   * Kept for the model (model/bind.ts): what binding the block found. A
   * slot on the block rather than a table of blocks: a large farm has tens
   * of thousands of them, and looking each up by identity costs.
   */
  binding: unknown;
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
