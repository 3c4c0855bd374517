/** Index of the first element whose key is at or after `offset`, in a list sorted by that key. */
export function firstAtOrAfter<T>(list: readonly T[], offset: number, keyOf: (x: T) => number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (keyOf(list[mid]) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
