// Each keystroke gives the document a new text: a 4 MB farm makes a new
// 4 MB string per character typed, and the old one is garbage that only a
// full collection frees. V8 lets the heap grow to several times what it
// held after the last full collection before it runs another, so typing a
// sentence into a large farm grew the server by a few hundred megabytes.
// Growing by half at most keeps the peak near 1.5x the live heap; measured
// at 10,000 servers (bench/README.md): peak RSS 335 -> ~230 MB, with no
// change to the edit times. It is set when the first edit arrives, not at
// start: while a document is first read the heap only grows, and a bound
// then would add full collections to the open. The flag is read at every
// collection, so setting it once the process runs takes effect.
import { setFlagsFromString } from 'node:v8';

export const heapGrowingPercent = 50;

let bounded = false;

/** Applies the bound (once) unless the process was started with a growth setting of its own. */
export function boundHeapGrowth(): void {
  if (bounded) return;
  bounded = true;
  if (process.execArgv.some((a) => a.startsWith('--heap-growing-percent') || a.startsWith('--heap_growing_percent'))) return;
  setFlagsFromString(`--heap-growing-percent=${heapGrowingPercent}`);
}
