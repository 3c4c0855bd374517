// A target that fails on purpose, for the framework's own test: input 1
// throws, input 2 never settles, input 4 hangs in synchronous code (which
// only the main thread's watch can stop).
import type { FuzzTarget } from '../framework/target';

export const selfTest: FuzzTarget<string> = {
  name: 'self-test',
  count: 6,
  seed: 1,
  deadlineMs: 300,
  kind: 'text',
  generate: (rng, index) => `input ${index} ${rng.int(1000)}`,
  run(text) {
    const index = Number(text.split(' ')[1]);
    if (index === 1) throw new TypeError('thrown on purpose');
    if (index === 2) return new Promise<void>(() => undefined);
    if (index === 4) for (;;);
  },
};
