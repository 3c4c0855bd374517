// What a fuzz target is: one reader of outside input, its samples, how an
// input is made from a seed, and what "survived" means for it. Adding a
// reader (the diagram graph, the script generator, an inventory, UCWA or
// Graph JSON) is one more file in targets/ and one row in targets.ts.
import type { Random } from './random';

export type FuzzInput = string | Buffer;

export interface FuzzTarget<I extends FuzzInput = FuzzInput> {
  name: string;
  /** Inputs a run makes (before OFFICE_FARM_FUZZ_SCALE). */
  count: number;
  seed: number;
  /** Longest one input may take, in ms; past it the input fails and is kept. */
  deadlineMs: number;
  kind: I extends string ? 'text' : 'bytes';
  /** Called once per worker, before the first input (start servers, read samples). */
  setUp?(): Promise<void> | void;
  tearDown?(): Promise<void> | void;
  /** Input `index` of a run: a pure function of the generator. */
  generate(rng: Random, index: number): I;
  /** Throws (or rejects) when the reader failed: an exception escaped, a range is outside, an answer is missing. */
  run(input: I): Promise<void> | void;
}

export function scaled(count: number): number {
  const raw = process.env.OFFICE_FARM_FUZZ_SCALE;
  const scale = raw === undefined ? 1 : Number(raw);
  if (!Number.isFinite(scale) || scale <= 0) throw new Error(`OFFICE_FARM_FUZZ_SCALE must be a positive number, not ${JSON.stringify(raw)}`);
  return Math.max(1, Math.round(count * scale));
}
