// Text edits that the quick fixes are made of. Each keeps the block's own
// layout: a property goes on its own line in a multi-line block, after a
// `;` in a one-line block.
import type { TextEdit } from '../diagnostics';
import { stringFormats } from '../language/string-formats';
import type { PropertySpec } from '../language/value-types';
import type { Block, ListValue } from '../syntax/ast';

function lineStart(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
}

function lineEnd(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

function indentOf(text: string, offset: number): string {
  const start = lineStart(text, offset);
  let i = start;
  while (text[i] === ' ' || text[i] === '\t') i++;
  return text.slice(start, i);
}

/** The line ending of the line at `offset`: an inserted line matches its neighbours. */
function eol(text: string, offset: number): string {
  const end = lineEnd(text, offset);
  if (text[end] === '\r') return text[end + 1] === '\n' ? '\r\n' : '\r';
  return '\n';
}

/** The formatter's indentation of a property, one level below its block's header. */
const formatterIndent = '  ';

/**
 * The indentation of the block's properties: that of the last property that
 * begins its own line (a property after a `;`, or after the end of a list
 * written over several lines, says nothing of it); undefined when none does.
 */
function siblingIndent(text: string, block: Block): string | undefined {
  for (let i = block.properties.length - 1; i >= 0; i--) {
    const start = block.properties[i].start;
    const indent = indentOf(text, start);
    if (lineStart(text, start) !== lineStart(text, block.open!) && lineStart(text, start) + indent.length === start) return indent;
  }
  return undefined;
}

/** Inserts `key = value` into a block; undefined when the block has no braces to insert into. */
export function insertPropertyEdit(text: string, block: Block, key: string, valueText: string): TextEdit | undefined {
  if (block.open === undefined || block.close === undefined) return undefined;
  const property = `${key} = ${valueText}`;
  const oneLine = lineStart(text, block.open) === lineStart(text, block.close);
  const last = block.properties[block.properties.length - 1];
  // A `}` on the last property's line: continue that line, so that the edit
  // stays inside the block (a block's fixes move with it on later edits).
  const closeOnLastLine = last && lineStart(text, last.end) === lineStart(text, block.close);
  if (oneLine || closeOnLastLine) {
    if (!last) return { start: block.open + 1, end: block.close, newText: ` ${property} ` };
    return { start: last.end, end: last.end, newText: `; ${property}` };
  }
  const indent = siblingIndent(text, block) ?? indentOf(text, block.open) + formatterIndent;
  // After the last property's line, comment included; in an empty block or
  // one whose properties share the header's line, after that line.
  const at = last && lineStart(text, last.start) !== lineStart(text, block.open) ? lineEnd(text, last.end) : lineEnd(text, block.open);
  return { start: at, end: at, newText: `${eol(text, block.open)}${indent}${property}` };
}

/** Appends `item` to a list value, or creates the property when it is not written. */
export function appendToListEdit(text: string, block: Block, key: string, list: ListValue | undefined, item: string): TextEdit | undefined {
  if (!list) return insertPropertyEdit(text, block, key, `[${item}]`);
  if (!list.closed) return undefined;
  if (list.elements.length === 0) return { start: list.start + 1, end: list.end - 1, newText: item };
  const end = list.elements[list.elements.length - 1].end;
  return { start: end, end, newText: `, ${item}` };
}

/** Removes one element of a list, with the comma that separates it. */
export function removeFromListEdit(text: string, list: ListValue, index: number): TextEdit {
  const elements = list.elements;
  const { start, end } = elements[index];
  if (elements.length === 1) return { start, end, newText: '' };
  if (index < elements.length - 1) return { start, end: elements[index + 1].start, newText: '' };
  return { start: elements[index - 1].end, end, newText: '' };
}

/** Sets a property to a value: replaces the written value, or inserts the property. */
export function setPropertyEdit(text: string, block: Block, key: string, valueText: string): TextEdit | undefined {
  const written = block.properties.find((p) => p.key === key);
  if (written?.value) return { start: written.value.start, end: written.value.end, newText: valueText };
  if (written) return undefined;
  return insertPropertyEdit(text, block, key, valueText);
}

/** A value that satisfies the property's type, for "add the missing property". */
export function placeholderFor(spec: PropertySpec): string {
  switch (spec.type.type) {
    case 'string':
      return '""';
    case 'number':
      return String(spec.type.min);
    case 'version':
      return '2013';
    case 'boolean':
      return 'true';
    case 'list':
      return '[]';
    case 'enum':
    case 'ref':
      return '""';
    default:
      return spec.key === 'pwa' ? '"https://server.example.com/pwa"' : stringFormats[spec.type.type].placeholder;
  }
}
