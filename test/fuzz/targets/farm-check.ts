// .farm text through analyze (parse, bind, every check).
import type { FuzzTarget } from '../framework/target';
import { checkAnalysis, farmInput } from './farm-inputs';

export const farmCheck: FuzzTarget<string> = {
  name: 'farm-check',
  count: 12_000,
  seed: 2211,
  deadlineMs: 2000,
  kind: 'text',
  generate: (rng) => farmInput(rng),
  run: (text) => checkAnalysis(text),
};
