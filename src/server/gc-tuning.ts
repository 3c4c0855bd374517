// Two settings of V8's garbage collector for a server that holds one large
// tree per open document and replaces a little of it per keystroke. Both
// are read by V8 while it runs, so setting them once the process has
// started takes effect; a process started with its own setting keeps it.
// Measured at 10,000 servers (bench/README.md).
import { setFlagsFromString } from 'node:v8';

function startedWith(flag: string): boolean {
  const spellings = [flag, flag.replace(/-/g, '_')];
  return process.execArgv.some((a) => spellings.some((s) => a.startsWith(s)));
}

function set(flag: string, value: number): void {
  if (!startedWith(`--${flag}`)) setFlagsFromString(`--${flag}=${value}`);
}

/**
 * The young generation stays at its first size (1 MB per half) instead of
 * growing to 16 MB. Reading a file makes a tree that all survives; a small
 * nursery stays in the processor's cache while it is filled and copied.
 * Open 700 -> 580 ms, peak RSS 230 -> 185 MB; edits unchanged.
 */
export function keepYoungGenerationSmall(): void {
  set('semi-space-growth-factor', 1);
}

export const heapGrowingPercent = 25;
let bounded = false;

/**
 * Each keystroke gives the document a new text: a 4 MB farm makes a new
 * 4 MB string per character typed, and the old one is garbage that only a
 * full collection frees. V8 lets the heap grow to several times what it
 * held after the last full collection before it runs another, so typing a
 * sentence grew the server by a few hundred megabytes. Growing by a quarter
 * at most keeps the peak near 1.25x the live heap (at 50%: peak RSS
 * 335 -> 230 MB; with the plain tree, 35% rather than 50%: 166 -> 157 MB;
 * with the tree's strings its own and the check indexes compact, 25%
 * rather than 35%: 157 -> 154 MB, edit p50 22.6 vs 23.5 ms, the same).
 * Set when the first edit arrives, not at start: while a document is first
 * read the heap only grows, and a bound then would add full collections.
 */
export function boundHeapGrowth(): void {
  if (bounded) return;
  bounded = true;
  set('heap-growing-percent', heapGrowingPercent);
}
