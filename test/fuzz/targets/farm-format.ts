// .farm text through the formatter: idempotent, meaning kept.
import type { FuzzTarget } from '../framework/target';
import { checkFormatter, farmInput } from './farm-inputs';

export const farmFormat: FuzzTarget<string> = {
  name: 'farm-format',
  count: 6_000,
  seed: 2212,
  deadlineMs: 2000,
  kind: 'text',
  generate: (rng) => farmInput(rng),
  run: (text) => checkFormatter(text),
};
