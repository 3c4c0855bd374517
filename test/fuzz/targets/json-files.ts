// Inputs for the readers of JSON files and documents: a sample mutated as a
// tree (wrong types, missing and unknown keys, huge and deep values) and
// then perhaps as bytes (truncation, invalid UTF-8), or hostile JSON text.
import { mutateBytes, mutateJson, hostileJsonText } from '../framework/mutations';
import type { Random } from '../framework/random';

export function jsonInput(rng: Random, samples: readonly string[]): Buffer {
  const r = rng.int(10);
  if (r === 0) return Buffer.from(hostileJsonText(rng));
  const sample = rng.pick(samples);
  const tree = Buffer.from(JSON.stringify(mutateJson(rng, JSON.parse(sample))));
  if (r < 6) return tree;
  return mutateBytes(rng, r < 8 ? Buffer.from(sample) : tree);
}
