// The presence timer (src/office/presence-poller.ts): its schedule with
// scripted sources and a hand-driven clock, then a real UCWA source against
// the simulator whose event channel delivers the changes.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { clampInterval, PresencePoller, type PollerTimers } from '../../src/office/presence-poller';
import { PresenceError, type PresenceFailure, type PresenceReading, type PresenceSource, type PresenceTarget } from '../../src/office/presence-source';
import { chooseSource, groupBySource } from '../../src/office/presence-source-choice';
import { UcwaPresenceSource } from '../../src/office/ucwa-presence';
import { startSimulator, type RunningSimulator } from '../../src/simulator';
import { presenceTopology } from './presence-topology';
import { SHARED_STATE_DIR } from '../simulator/shared-state';

class HandClock implements PollerTimers {
  time = 0;
  private queue: { at: number; fn: () => void; id: number }[] = [];
  private ids = 0;
  now = () => this.time;
  setTimeout = (fn: () => void, ms: number) => {
    const id = ++this.ids;
    this.queue.push({ at: this.time + ms, fn, id });
    return id;
  };
  clearTimeout = (h: unknown) => {
    this.queue = this.queue.filter((q) => q.id !== h);
  };
  get pending(): number[] {
    return this.queue.map((q) => q.at - this.time).sort((a, b) => a - b);
  }
  /** Runs the next timer and lets the promises it starts settle. */
  async step(): Promise<void> {
    this.queue.sort((a, b) => a.at - b.at);
    const next = this.queue.shift();
    assert.ok(next, 'a timer is pending');
    this.time = next.at;
    next.fn();
    for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
  }
}

/** A source that answers from a script: each call takes the next outcome. */
class ScriptedSource implements PresenceSource {
  calls = 0;
  inFlight = 0;
  maxInFlight = 0;
  release: (() => void) | undefined;
  constructor(
    readonly id: string,
    private readonly script: Array<PresenceFailure | 'ok' | 'hold'>,
  ) {}
  async read(targets: readonly PresenceTarget[], signal?: AbortSignal): Promise<PresenceReading[]> {
    this.calls++;
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      const step = this.script.shift() ?? 'ok';
      if (step === 'hold') {
        await new Promise<void>((resolve, reject) => {
          this.release = resolve;
          signal?.addEventListener('abort', () => reject(new PresenceError({ state: 'timeout', timeoutMs: 0, host: 'x' })));
        });
      } else if (step !== 'ok') throw new PresenceError(step);
      return targets.map((t) => ({ address: t.address, presence: { availability: 'available' } }));
    } finally {
      this.inFlight--;
    }
  }
  async close(): Promise<void> {}
}

const TARGETS = [{ user: 'bob', address: 'bob@contoso.com' }];

describe('presence poller', () => {
  test('the interval setting: default 30 s, never below 5 s', () => {
    assert.equal(clampInterval(undefined), 30_000);
    assert.equal(clampInterval(1), 5_000);
    assert.equal(clampInterval(45), 45_000);
  });

  test('reads at once, then every interval; errors back off doubling; Retry-After is waited exactly', async () => {
    const clock = new HandClock();
    const busy: PresenceFailure = { state: 'unreachable', host: 'pool01.contoso.com', code: 'ECONNREFUSED', detail: '' };
    const source = new ScriptedSource('ucwa:lync01', ['ok', busy, busy, { state: 'throttled-until', until: 0, detail: '' }, 'ok']);
    const seen: string[] = [];
    const poller = new PresencePoller([{ source, targets: TARGETS }], 10_000, {
      readings: () => seen.push('readings'),
      failure: (_id, f, retryAt) => seen.push(`${f.state}+${retryAt - clock.time}`),
    }, clock);
    poller.start();
    await clock.step();
    assert.deepEqual(clock.pending, [10_000]);
    await clock.step();
    assert.deepEqual(clock.pending, [10_000], 'first error: one interval');
    await clock.step();
    assert.deepEqual(clock.pending, [20_000], 'second error: twice the interval');
    // The throttled answer names a time 7 s after the clock: exactly that wait.
    (source as unknown as { script: unknown[] }).script[0] = { state: 'throttled-until', until: clock.time + 20_000 + 7_000, detail: '' };
    await clock.step();
    assert.deepEqual(clock.pending, [7_000]);
    await clock.step();
    assert.deepEqual(seen, ['readings', 'unreachable+10000', 'unreachable+20000', 'throttled-until+7000', 'readings']);
    assert.deepEqual(clock.pending, [10_000], 'a success resets the backoff');
    poller.stop();
    assert.deepEqual(clock.pending, [], 'stopped: no timer left');
  });

  test('one request in flight per source; stop cancels it; start resumes with a read', async () => {
    const clock = new HandClock();
    const source = new ScriptedSource('graph', ['hold']);
    const failures: string[] = [];
    const poller = new PresencePoller([{ source, targets: TARGETS }], 5_000, { readings: () => undefined, failure: (_i, f) => failures.push(f.state) }, clock);
    poller.start();
    await clock.step();
    poller.refresh();
    poller.refresh();
    assert.deepEqual(clock.pending, [], 'a refresh while a read is in flight adds nothing');
    assert.equal(source.maxInFlight, 1);
    poller.stop();
    for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
    assert.deepEqual(failures, [], 'a cancelled read is not reported as a failure');
    assert.deepEqual(clock.pending, []);
    poller.start();
    assert.deepEqual(clock.pending, [0]);
    await clock.step();
    assert.equal(source.calls, 2);
    poller.stop();
  });

  test('the source per user follows the topology', () => {
    const pools = [{ name: 'lync01', host: 'pool01.contoso.com' }, { name: 'lync02' }];
    assert.deepEqual(chooseSource({ name: 'a', address: 'a@x', online: true, lync: 'lync01' }, pools), { kind: 'graph' });
    assert.deepEqual(chooseSource({ name: 'b', address: 'b@x', lync: 'lync01' }, pools), { kind: 'ucwa', pool: 'lync01', host: 'pool01.contoso.com' });
    assert.deepEqual(chooseSource({ name: 'c', address: 'c@x' }, pools), { kind: 'none', reason: 'no-pool' });
    assert.deepEqual(chooseSource({ name: 'd', address: 'd@x', lync: 'lync02' }, pools), { kind: 'none', reason: 'pool-without-host' });
    const groups = groupBySource(presenceTopology(2).users, [{ name: 'lync01', host: 'pool01.contoso.com' }, { name: 'lync02', host: 'pool02.contoso.com' }]);
    assert.deepEqual([...groups.keys()].sort(), ['graph', 'ucwa:lync01', 'ucwa:lync02', undefined].sort());
    assert.deepEqual(groups.get('ucwa:lync01')!.users.map((u) => u.name), ['alice', 'bob']);
  });
});

describe('presence poller against the simulator', () => {
  let sim: RunningSimulator;
  before(async () => {
    sim = await startSimulator(presenceTopology(), { stateDir: SHARED_STATE_DIR, seed: 21, presencePeriodMs: 1200 });
  });
  after(() => sim.close());

  test('UCWA: the first read, then updates from the event channel as the schedule turns', async () => {
    const alice = sim.connection.accounts.find((a) => a.user === 'alice')!;
    const source = new UcwaPresenceSource({
      pool: 'lync01',
      signIn: alice.signInName,
      credentials: { kind: 'password', username: alice.signInName, password: alice.password },
      ca: [sim.connection.ca.pem],
      connectTo: sim.connection.connectTo,
      timeoutMs: 4000,
      eventTimeoutS: 5,
    });
    const batches: PresenceReading[][] = [];
    const poller = new PresencePoller([{ source, targets: [{ user: 'bob', address: 'bob@contoso.com' }, { user: 'alice', address: 'alice@contoso.com' }] }], 5_000, {
      readings: (_id, r) => batches.push(r),
      failure: (_id, f) => assert.fail(`failure ${f.state}`),
    });
    try {
      poller.start();
      const deadline = Date.now() + 15_000;
      while (batches.length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      assert.ok(batches.length >= 2, `the read and at least one event batch (${batches.length})`);
      assert.equal(batches[0].length, 2);
      assert.ok(source.steps.includes('events'));
    } finally {
      await poller.close();
    }
  });
});
