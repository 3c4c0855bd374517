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
  key: Name;
  /** Absent when the value could not be read (a syntax error was reported). */
  value?: Value;
}

export interface Block extends Span {
  /** The block kind keyword as written. */
  kind: Name;
  name?: Name;
  /** Offset of `{`, when present. */
  open?: number;
  /** Offset of `}`, when present. */
  close?: number;
  properties: Property[];
}

export interface FarmFile {
  blocks: Block[];
  /** Top-level words that are no known kind (FARM004), with their skipped extent. */
  unknownBlocks: Array<{ kind: Name; span: Span }>;
}
