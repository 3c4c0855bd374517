// Work done, counted by kind, for the tests that prove the cost of a pass
// grows linearly with its input (test/fuzz/linear-cost.test.ts): counts,
// not time, so the proof holds on any machine. Passed in by the caller and
// never global, so concurrent analyses do not mix. The passes that come
// later (layout of the diagram, the script generator) count into the same
// object under their own kinds.
export class WorkCounter {
  readonly counts = new Map<string, number>();

  add(kind: string, n = 1): void {
    this.counts.set(kind, (this.counts.get(kind) ?? 0) + n);
  }

  get(kind: string): number {
    return this.counts.get(kind) ?? 0;
  }
}
