// Moving parsed nodes by a distance, for the blocks after an edit.
import type { Diagnostic } from '../diagnostics';
import type { Block } from '../syntax/ast';
import type { Comment } from '../syntax/tokens';

export function shiftBlock(b: Block, d: number): void {
  b.start += d;
  b.end += d;
  b.moveName(d);
  if (b.open !== undefined) b.open += d;
  if (b.close !== undefined) b.close += d;
  b.moveProperties(d);
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
