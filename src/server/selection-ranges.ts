// Selection ranges grow from the word under the cursor: value → list
// element → list → property → block → whole file.
import type { SelectionRange, SelectionRangeParams } from 'vscode-languageserver';
import type { Analysis } from '../core';
import { keyName, kindName, Value } from '../core/syntax/ast';
import type { DocumentCache } from './document-cache';
import { Span, toRange, touches } from './positions';

function valueSpans(value: Value | undefined, offset: number, out: Span[]): void {
  if (!value || !touches(value, offset)) return;
  out.push(value);
  if (value.type === 'list') for (const e of value.elements) valueSpans(e, offset, out);
}

function spansAt(analysis: Analysis, offset: number): Span[] {
  const spans: Span[] = [{ start: 0, end: analysis.text.length }];
  for (const block of analysis.syntax.file.blocks) {
    if (!touches(block, offset)) continue;
    spans.push(block);
    if (block.open !== undefined && block.close !== undefined && block.open < offset && offset <= block.close) spans.push({ start: block.open + 1, end: block.close });
    const kind = kindName(block);
    if (touches(kind, offset)) spans.push(kind);
    if (block.name && touches(block.name, offset)) spans.push(block.name);
    for (const p of block.properties) {
      if (!touches(p, offset)) continue;
      spans.push({ start: p.start, end: p.end });
      const key = keyName(p);
      if (touches(key, offset)) spans.push(key);
      valueSpans(p.value, offset, spans);
    }
    break;
  }
  // Outermost first; equal spans collapse into one step.
  const unique: Span[] = [];
  for (const s of spans) {
    const last = unique[unique.length - 1];
    if (last && last.start === s.start && last.end === s.end) continue;
    if (last && (s.start < last.start || s.end > last.end)) continue;
    unique.push(s);
  }
  return unique;
}

export function selectionRanges(cache: DocumentCache, params: SelectionRangeParams): SelectionRange[] {
  const document = cache.get(params.textDocument.uri);
  if (!document) return [];
  const { analysis } = document;
  return params.positions.map((position) => {
    let range: SelectionRange | undefined;
    for (const span of spansAt(analysis, analysis.lines.offset(position))) range = { range: toRange(analysis, span), parent: range };
    return range!;
  });
}
