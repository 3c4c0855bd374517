// Formatting with the core formatter. A range formats the whole top-level
// blocks it touches: the layout (aligned `=`) is a property of a block.
import type { Connection, DocumentFormattingParams, DocumentRangeFormattingParams, TextEdit } from 'vscode-languageserver';
import { parse } from '../core/syntax/parser';
import { format } from '../core/format/formatter';
import type { DocumentCache } from './document-cache';
import { minimalEdit } from './code-actions';
import { intersects, toRange, toSpan } from './positions';

/** The formatter refuses text with syntax errors; say so in the log rather than in a pop-up on every save. */
function formatted(connection: Connection, text: string): string | undefined {
  const result = format(text);
  if (result.ok) return result.text;
  connection.console.info(`The file was not formatted: ${result.reason}.`);
  return undefined;
}

export function formatDocument(connection: Connection, cache: DocumentCache, params: DocumentFormattingParams): TextEdit[] {
  const document = cache.get(params.textDocument.uri);
  if (!document) return [];
  const { analysis } = document;
  const text = formatted(connection, analysis.text);
  if (text === undefined || text === analysis.text) return [];
  const edit = minimalEdit(analysis.text, text);
  return [{ range: toRange(analysis, edit), newText: edit.newText }];
}

export function formatRange(connection: Connection, cache: DocumentCache, params: DocumentRangeFormattingParams): TextEdit[] {
  const document = cache.get(params.textDocument.uri);
  if (!document) return [];
  const { analysis } = document;
  const text = formatted(connection, analysis.text);
  if (text === undefined) return [];
  const original = analysis.syntax.file.blocks;
  const printed = parse(text).file.blocks;
  // The formatter prints every block, in order, so the i-th blocks correspond.
  if (printed.length !== original.length) return [];
  const span = toSpan(analysis, params.range);
  const edits: TextEdit[] = [];
  original.forEach((block, i) => {
    if (!intersects(block, span)) return;
    let start = block.start;
    // The block's own indentation goes too: the formatter puts blocks at column 0.
    while (start > 0 && (analysis.text[start - 1] === ' ' || analysis.text[start - 1] === '\t')) start--;
    const before = analysis.text.slice(start, block.end);
    const after = text.slice(printed[i].start, printed[i].end);
    if (before === after) return;
    const edit = minimalEdit(before, after);
    edits.push({ range: toRange(analysis, { start: start + edit.start, end: start + edit.end }), newText: edit.newText });
  });
  return edits;
}
