// Reparses only the top-level blocks that an edit touched. A block's parse
// depends on nothing before it, so the blocks before the edit are kept as
// they are and the blocks after it are kept and moved.
import type { Block, FarmFile } from '../syntax/ast';
import { parseRange, ParseResult } from '../syntax/parser';
import { firstAtOrAfter } from '../sorted-search';
import { shiftBlock, shiftComment, shiftDiagnostic } from './shift';
import type { TextChange } from './text-edit';

export interface Reparse {
  result: ParseResult;
  /** The old blocks replaced (from index `removedAt` on), and the blocks that replaced them. */
  removed: Block[];
  removedAt: number;
  added: Block[];
  /** Offset (in the new text) from which the kept blocks were moved by `delta`. */
  movedFrom: number;
  delta: number;
}

/** A top-level item: a block, or the start of an unknown block (which is never unclosed). */
type Item = Block | { start: number; unknown: true };

const unclosedBlock = (item: Item): boolean => !('unknown' in item) && item.close === undefined;

/** Blocks and unknown blocks in source order (the blocks alone, without copying, when there are no unknown ones). */
function topLevelItems(file: FarmFile): Item[] {
  const { blocks, unknownBlocks } = file;
  if (unknownBlocks.length === 0) return blocks;
  const items: Item[] = new Array(blocks.length + unknownBlocks.length);
  let b = 0;
  let u = 0;
  for (let k = 0; k < items.length; k++) {
    if (u >= unknownBlocks.length || (b < blocks.length && blocks[b].start < unknownBlocks[u].span.start)) items[k] = blocks[b++];
    else items[k] = { start: unknownBlocks[u++].span.start, unknown: true };
  }
  return items;
}

/** Undefined when the edit reaches into something that cannot be reparsed alone: parse the whole text. */
export function reparse(old: ParseResult, oldText: string, text: string, change: TextChange): Reparse | undefined {
  const delta = change.newEnd - change.oldEnd;
  const items = topLevelItems(old.file);

  // The region starts at the last item at or before the edit; an unclosed
  // block before it was closed by that item's keyword, so it goes too.
  let i = firstAtOrAfter(items, change.start + 1, (x) => x.start) - 1;
  while (i > 0 && unclosedBlock(items[i - 1])) i--;
  const regionStart = i >= 0 ? items[i].start : 0;
  // It ends at the first item that starts after the edit (not at its end: a
  // keyword right after an insertion may have been glued to it).
  let j = firstAtOrAfter(items, change.oldEnd + 1, (x) => x.start);
  // The scanner starts fresh only after a line break the edit did not touch:
  // a comment or string begun in the edit runs on to the end of its line.
  const fresh = (k: number): boolean => {
    const at = items[k].start;
    const before = oldText.charCodeAt(at - 1);
    return at - 1 >= change.oldEnd && (before === 10 || before === 13);
  };
  // An unclosed block is closed by the next item's keyword, and its error sits there.
  const unclosedBefore = (k: number): boolean => k > 0 && unclosedBlock(items[k - 1]);
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

/** Replaces `list[from, to)` with `run`, in place: whole-file copies on every keystroke would pile up as garbage. */
export function replaceRun<T>(list: T[], from: number, to: number, run: T[]): T[] {
  if (run.length < 4096) {
    list.splice(from, to - from, ...run);
    return list;
  }
  // Spreading a long run into splice's arguments would overflow the stack.
  return list.slice(0, from).concat(run, list.slice(to));
}

function splice(old: ParseResult, sub: ParseResult, regionStart: number, regionOldEnd: number, movedFrom: number, delta: number): Reparse {
  // Every list is in source order: the region is one run of each. The old
  // lists are reused (the previous analysis is consumed).
  const bounds = <T>(list: T[], startOf: (x: T) => number): [number, number] => [
    firstAtOrAfter(list, regionStart, startOf),
    regionOldEnd === Number.POSITIVE_INFINITY ? list.length : firstAtOrAfter(list, regionOldEnd, startOf),
  ];
  const [ba, bb] = bounds(old.file.blocks, (b) => b.start);
  const [ua, ub] = bounds(old.file.unknownBlocks, (u) => u.span.start);
  const [ca, cb] = bounds(old.comments, (c) => c.start);
  const [da, db] = bounds(old.diagnostics, (d) => d.start);
  const removed = old.file.blocks.slice(ba, bb);
  if (delta !== 0) {
    for (let k = bb; k < old.file.blocks.length; k++) shiftBlock(old.file.blocks[k], delta);
    for (let k = ub; k < old.file.unknownBlocks.length; k++) {
      const u = old.file.unknownBlocks[k];
      u.kind.start += delta;
      u.kind.end += delta;
      u.span.start += delta;
      u.span.end += delta;
    }
    for (let k = cb; k < old.comments.length; k++) shiftComment(old.comments[k], delta);
    for (let k = db; k < old.diagnostics.length; k++) shiftDiagnostic(old.diagnostics[k], delta);
  }
  const file: FarmFile = {
    blocks: replaceRun(old.file.blocks, ba, bb, sub.file.blocks),
    unknownBlocks: replaceRun(old.file.unknownBlocks, ua, ub, sub.file.unknownBlocks),
  };
  return {
    result: {
      file,
      comments: replaceRun(old.comments, ca, cb, sub.comments),
      diagnostics: replaceRun(old.diagnostics, da, db, sub.diagnostics),
    },
    removed,
    removedAt: ba,
    added: sub.file.blocks,
    movedFrom,
    delta,
  };
}
