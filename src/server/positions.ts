// Conversions between the core's offsets and LSP ranges, and the small
// span arithmetic every feature needs.
import type { Range } from 'vscode-languageserver';
import type { Analysis } from '../core';

export interface Span {
  start: number;
  end: number;
}

export function toRange(analysis: Analysis, span: Span): Range {
  return analysis.lines.range(span.start, span.end);
}

export function toSpan(analysis: Analysis, range: Range): Span {
  return { start: analysis.lines.offset(range.start), end: analysis.lines.offset(range.end) };
}

/** Whether `offset` lies in the span or touches its end (a cursor just after a word is on it). */
export function touches(span: Span, offset: number): boolean {
  return span.start <= offset && offset <= span.end;
}

/** Whether two spans share a character, or an empty one sits inside the other. */
export function intersects(a: Span, b: Span): boolean {
  return a.start <= b.end && b.start <= a.end;
}
