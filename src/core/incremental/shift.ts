// Moving parsed nodes by a distance, for the blocks after an edit.
import type { Diagnostic } from '../diagnostics';
import type { Block, Span, Value } from '../syntax/ast';
import type { Comment } from '../syntax/tokens';

export function shiftBlock(b: Block, d: number): void {
  b.start += d;
  b.end += d;
  if (b.name) shiftSpan(b.name, d);
  if (b.open !== undefined) b.open += d;
  if (b.close !== undefined) b.close += d;
  for (const p of b.properties) {
    shiftSpan(p, d);
    if (p.value) shiftValue(p.value, d);
  }
}

function shiftValue(v: Value, d: number): void {
  shiftSpan(v, d);
  if (v.type === 'list') for (const e of v.elements) shiftValue(e, d);
}

function shiftSpan(s: Span, d: number): void {
  s.start += d;
  s.end += d;
}

export function shiftComment(c: Comment, d: number): void {
  c.start += d;
  c.end += d;
}

/** Moves a diagnostic and its fixes; only for diagnostics whose fixes edit their own block. */
export function shiftDiagnostic(x: Diagnostic, d: number): void {
  x.start += d;
  x.end += d;
  for (const f of x.fixes ?? []) {
    for (const e of f.edits) {
      e.start += d;
      e.end += d;
    }
  }
}

/** Moves every offset at or after `from` (in the old text) by `d`: for diagnostics whose fixes may edit other blocks. */
export function shiftDiagnosticAfter(x: Diagnostic, from: number, d: number): void {
  if (x.start >= from) x.start += d;
  if (x.end >= from) x.end += d;
  for (const f of x.fixes ?? []) {
    for (const e of f.edits) {
      if (e.start >= from) e.start += d;
      if (e.end >= from) e.end += d;
    }
  }
}
