// Deterministic pseudo-random values: the same seed and key give the same
// farm data on every run and every machine, so a screenshot, a test and a
// bug report all see the same mailbox.
import { createHash } from 'node:crypto';

/** A generator of numbers in [0, 1) derived from a seed and a key (mulberry32). */
export class SeededRandom {
  private state: number;

  constructor(seed: number, key: string) {
    this.state = createHash('sha256').update(`${seed}\0${key}`).digest().readUInt32LE(0);
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }
}

/** A GUID-shaped identifier derived from a seed and a key (stable across runs). */
export function seededGuid(seed: number, key: string): string {
  const h = createHash('sha256').update(`guid\0${seed}\0${key}`).digest('hex');
  // Version 4 / variant 10 bits, so that it looks like any other GUID.
  const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
