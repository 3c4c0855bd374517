// One phase of a probe (connecting, or waiting for the answer) under a time
// limit and the caller's cancellation. Both end the phase through one
// AbortSignal; afterwards `timedOut`/`cancelled` tell which it was, so a
// cancel is never reported as a timeout or a network failure.

export class Deadline {
  private readonly controller = new AbortController();
  private readonly timer: NodeJS.Timeout;
  private readonly onOuterAbort = () => this.end('cancelled');
  private ended: 'timeout' | 'cancelled' | undefined;

  constructor(
    readonly ms: number,
    private readonly outer?: AbortSignal,
  ) {
    this.timer = setTimeout(() => this.end('timeout'), ms);
    if (outer?.aborted) this.end('cancelled');
    else outer?.addEventListener('abort', this.onOuterAbort, { once: true });
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }
  get timedOut(): boolean {
    return this.ended === 'timeout';
  }
  get cancelled(): boolean {
    return this.ended === 'cancelled';
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.outer?.removeEventListener('abort', this.onOuterAbort);
  }

  private end(why: 'timeout' | 'cancelled'): void {
    if (this.ended) return;
    this.ended = why;
    clearTimeout(this.timer);
    this.controller.abort(why);
  }
}
