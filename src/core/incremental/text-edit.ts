/** One contiguous change: `old[start, oldEnd)` became `new[start, newEnd)`. */
export interface TextChange {
  start: number;
  oldEnd: number;
  newEnd: number;
}

const chunk = 16384;

/**
 * The smallest single change that turns `before` into `after`: the common
 * prefix and suffix are found a chunk at a time with native string
 * comparison, then to the character.
 */
export function findChange(before: string, after: string): TextChange {
  const max = Math.min(before.length, after.length);
  let p = 0;
  while (p + chunk <= max && before.slice(p, p + chunk) === after.slice(p, p + chunk)) p += chunk;
  while (p < max && before.charCodeAt(p) === after.charCodeAt(p)) p++;
  const room = max - p;
  let s = 0;
  while (s + chunk <= room && before.slice(before.length - s - chunk, before.length - s) === after.slice(after.length - s - chunk, after.length - s)) s += chunk;
  while (s < room && before.charCodeAt(before.length - 1 - s) === after.charCodeAt(after.length - 1 - s)) s++;
  return { start: p, oldEnd: before.length - s, newEnd: after.length - s };
}
