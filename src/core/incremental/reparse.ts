// Reparses only the top-level blocks that an edit touched. A block's parse
// depends on nothing before it, so the blocks before the edit are kept as
// they are and the blocks after it are kept and moved.
import type { Block, FarmFile, Span } from '../syntax/ast';
import { parseRange, ParseResult } from '../syntax/parser';
import { shiftBlock, shiftComment, shiftDiagnostic } from './shift';
import type { TextChange } from './text-edit';

export interface Reparse {
  result: ParseResult;
  /** The old blocks replaced, and the blocks that replaced them. */
  removed: Block[];
  added: Block[];
  /** Offset (in the new text) from which the kept blocks were moved by `delta`. */
  movedFrom: number;
  delta: number;
}

type Item = { start: number; block?: Block };

/** Blocks and unknown blocks in source order: both lists are sorted, so a merge does. */
function topLevelItems(file: FarmFile): Item[] {
  const { blocks, unknownBlocks } = file;
  const items: Item[] = new Array(blocks.length + unknownBlocks.length);
  let b = 0;
  let u = 0;
  for (let k = 0; k < items.length; k++) {
    if (u >= unknownBlocks.length || (b < blocks.length && blocks[b].start < unknownBlocks[u].span.start)) items[k] = { start: blocks[b].start, block: blocks[b++] };
    else items[k] = { start: unknownBlocks[u++].span.start };
  }
  return items;
}

function firstAtOrAfter(items: Item[], offset: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Undefined when the edit reaches into something that cannot be reparsed alone: parse the whole text. */
export function reparse(old: ParseResult, oldText: string, text: string, change: TextChange): Reparse | undefined {
  const delta = change.newEnd - change.oldEnd;
  const items = topLevelItems(old.file);

  // The region starts at the last item at or before the edit; an unclosed
  // block before it was closed by that item's keyword, so it goes too.
  let i = firstAtOrAfter(items, change.start + 1) - 1;
  while (i > 0 && items[i - 1].block && items[i - 1].block!.close === undefined) i--;
  const regionStart = i >= 0 ? items[i].start : 0;
  // It ends at the first item that starts after the edit (not at its end: a
  // keyword right after an insertion may have been glued to it).
  let j = firstAtOrAfter(items, change.oldEnd + 1);
  // The scanner starts fresh only after a line break the edit did not touch:
  // a comment or string begun in the edit runs on to the end of its line.
  const fresh = (k: number): boolean => {
    const at = items[k].start;
    const before = oldText.charCodeAt(at - 1);
    return at - 1 >= change.oldEnd && (before === 10 || before === 13);
  };
  // An unclosed block is closed by the next item's keyword, and its error sits there.
  const unclosedBefore = (k: number): boolean => k > 0 && !!items[k - 1].block && items[k - 1].block!.close === undefined;
  while (j < items.length && (!fresh(j) || unclosedBefore(j))) j++;

  for (let attempt = 0; attempt < 4; attempt++) {
    const regionOldEnd = j < items.length ? items[j].start : Number.POSITIVE_INFINITY;
    const regionNewEnd = j < items.length ? regionOldEnd + delta : text.length;
    const sub = parseRange(text, regionStart, regionNewEnd);
    if (sub.truncated && j < items.length) {
      j++;
      while (j < items.length && (!fresh(j) || unclosedBefore(j))) j++;
      continue;
    }
    return splice(old, sub, regionStart, regionOldEnd, regionNewEnd, delta);
  }
  return undefined;
}

function splice(old: ParseResult, sub: ParseResult, regionStart: number, regionOldEnd: number, movedFrom: number, delta: number): Reparse {
  const before = (s: Span): boolean => s.start < regionStart;
  const after = (s: Span): boolean => s.start >= regionOldEnd;
  const removed = old.file.blocks.filter((b) => !before(b) && !after(b));
  const keptAfter = old.file.blocks.filter(after);
  const unknownAfter = old.file.unknownBlocks.filter((u) => after(u.span));
  const commentsAfter = old.comments.filter(after);
  const diagnosticsAfter = old.diagnostics.filter(after);
  if (delta !== 0) {
    for (const b of keptAfter) shiftBlock(b, delta);
    for (const u of unknownAfter) {
      u.kind.start += delta;
      u.kind.end += delta;
      u.span.start += delta;
      u.span.end += delta;
    }
    for (const c of commentsAfter) shiftComment(c, delta);
    for (const d of diagnosticsAfter) shiftDiagnostic(d, delta);
  }
  const file: FarmFile = {
    blocks: [...old.file.blocks.filter(before), ...sub.file.blocks, ...keptAfter],
    unknownBlocks: [...old.file.unknownBlocks.filter((u) => before(u.span)), ...sub.file.unknownBlocks, ...unknownAfter],
  };
  return {
    result: {
      file,
      comments: [...old.comments.filter(before), ...sub.comments, ...commentsAfter],
      diagnostics: [...old.diagnostics.filter(before), ...sub.diagnostics, ...diagnosticsAfter],
    },
    removed,
    added: sub.file.blocks,
    movedFrom,
    delta,
  };
}
