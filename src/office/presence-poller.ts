// One panel's presence timer: for each source, read its targets, then
// either wait for the interval or (where the source has an event channel)
// hold the channel open for it, then read again. Never more than one
// request in flight per source; errors back off (doubling up to a cap),
// and a throttled source waits exactly as long as the server asked. stop()
// (the panel hidden or closed) cancels what is in flight.
import { PresenceError, type PresenceFailure, type PresenceReading, type PresenceSource, type PresenceTarget } from './presence-source';

/** "never below 5 s" (issue 19): the interval setting is clamped to this. */
export const MIN_INTERVAL_MS = 5_000;
export const DEFAULT_INTERVAL_MS = 30_000;
const MAX_BACKOFF_MS = 5 * 60_000;

export interface PollerSource {
  source: PresenceSource;
  targets: PresenceTarget[];
}

export interface PollerEvents {
  readings(sourceId: string, readings: PresenceReading[]): void;
  /** The whole source failed; `retryAt` is when the poller tries again. */
  failure(sourceId: string, failure: PresenceFailure, retryAt: number): void;
}

export interface PollerTimers {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const REAL_TIMERS: PollerTimers = { now: Date.now, setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout) };

export function clampInterval(seconds: number | undefined): number {
  const ms = Number.isFinite(seconds) && seconds !== undefined ? seconds * 1000 : DEFAULT_INTERVAL_MS;
  return Math.max(MIN_INTERVAL_MS, ms);
}

interface Lane {
  entry: PollerSource;
  timer?: unknown;
  abort?: AbortController;
  inFlight: boolean;
  errors: number;
}

export class PresencePoller {
  private readonly lanes = new Map<string, Lane>();
  private running = false;

  constructor(
    sources: readonly PollerSource[],
    private intervalMs: number,
    private readonly events: PollerEvents,
    private readonly timers: PollerTimers = REAL_TIMERS,
  ) {
    for (const entry of sources) this.lanes.set(entry.source.id, { entry, inFlight: false, errors: 0 });
  }

  get isRunning(): boolean {
    return this.running;
  }

  setInterval(ms: number): void {
    this.intervalMs = Math.max(MIN_INTERVAL_MS, ms);
  }

  /** Starts (or resumes after stop) with a read of every source now. */
  start(): void {
    if (this.running) return;
    this.running = true;
    for (const lane of this.lanes.values()) this.schedule(lane, 0, 'read');
  }

  /** Hidden or closed: no timer left, nothing in flight. */
  stop(): void {
    this.running = false;
    for (const lane of this.lanes.values()) {
      if (lane.timer !== undefined) this.timers.clearTimeout(lane.timer);
      lane.timer = undefined;
      lane.abort?.abort();
    }
  }

  /** Read every source again now (a retry button), unless it is already at work. */
  refresh(): void {
    if (!this.running) return;
    for (const lane of this.lanes.values()) if (!lane.inFlight) this.schedule(lane, 0, 'read');
  }

  async close(): Promise<void> {
    this.stop();
    await Promise.all([...this.lanes.values()].map((l) => l.entry.source.close().catch(() => undefined)));
  }

  private schedule(lane: Lane, ms: number, what: 'read' | 'changes'): void {
    if (lane.timer !== undefined) this.timers.clearTimeout(lane.timer);
    lane.timer = this.timers.setTimeout(() => {
      lane.timer = undefined;
      void this.run(lane, what);
    }, ms);
  }

  private async run(lane: Lane, what: 'read' | 'changes'): Promise<void> {
    if (!this.running || lane.inFlight) return;
    const { source, targets } = lane.entry;
    lane.inFlight = true;
    const abort = (lane.abort = new AbortController());
    let next: { ms: number; what: 'read' | 'changes' };
    const started = this.timers.now();
    try {
      const readings = what === 'changes' && source.changes ? await source.changes(targets, abort.signal) : await source.read(targets, abort.signal);
      lane.errors = 0;
      if (!this.running) return;
      if (readings.length) this.events.readings(source.id, readings);
      if (!source.changes) next = { ms: this.intervalMs, what: 'read' };
      // With an event channel the wait is the channel itself: after a read, or events, listen again.
      else if (what === 'read' || readings.length) next = { ms: 0, what: 'changes' };
      // A quiet channel: read again once the interval is up (a channel that returns at once must not spin).
      else next = { ms: Math.max(0, this.intervalMs - (this.timers.now() - started)), what: 'read' };
    } catch (err) {
      if (!this.running) return;
      const failure: PresenceFailure = err instanceof PresenceError ? err.failure : { state: 'malformed', detail: err instanceof Error ? err.message : String(err) };
      lane.errors++;
      const backoff = Math.min(MAX_BACKOFF_MS, this.intervalMs * 2 ** (lane.errors - 1));
      const wait = failure.state === 'throttled-until' ? Math.max(0, failure.until - this.timers.now()) : backoff;
      this.events.failure(source.id, failure, this.timers.now() + wait);
      next = { ms: wait, what: 'read' };
    } finally {
      lane.inFlight = false;
      if (lane.abort === abort) lane.abort = undefined;
    }
    if (this.running) this.schedule(lane, next.ms, next.what);
  }
}
