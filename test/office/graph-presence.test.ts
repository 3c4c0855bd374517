// Graph presence (src/office/graph-presence.ts) with the real
// @microsoft/microsoft-graph-client against the simulator's
// graph.microsoft.com over HTTPS (its CA, the connect-to map): batches of at
// most 650 ids, Retry-After honoured, and every failure a state.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { GRAPH_SERVICE, PresenceSchedule, startSimulator, type RunningSimulator } from '../../src/simulator';
import { GraphPresenceSource } from '../../src/office/graph-presence';
import { PresenceError, type PresenceFailure } from '../../src/office/presence-source';
import { presenceTopology } from './presence-topology';
import { SHARED_STATE_DIR } from '../simulator/shared-state';

const ONLINE = 700;
const SEED = 9;
// Long enough that no state turns over during a test.
const PERIOD = 10 * 60_000;

async function failureOf(work: Promise<unknown>): Promise<PresenceFailure> {
  try {
    await work;
  } catch (err) {
    assert.ok(err instanceof PresenceError, `a PresenceError, not ${String(err)}`);
    return err.failure;
  }
  assert.fail('the call succeeded');
}

describe('Graph presence', () => {
  let sim: RunningSimulator;
  const lines: string[] = [];
  before(async () => {
    sim = await startSimulator(presenceTopology(ONLINE), { stateDir: SHARED_STATE_DIR, seed: SEED, presencePeriodMs: PERIOD, log: (l) => lines.push(l) });
  });
  after(() => sim.close());

  const token = () => sim.connection.accounts.find((a) => a.user === 'cloud0')!.tokens.graph;
  const source = (t: () => Promise<string | undefined> = async () => token(), timeoutMs = 4000) =>
    new GraphPresenceSource({ token: t, ca: [sim.connection.ca.pem], connectTo: sim.connection.connectTo, timeoutMs });
  const online = () => sim.connection.accounts.filter((a) => a.graphUrl).map((a) => ({ user: a.user, address: a.signInName }));

  test('Graph answers as graph.microsoft.com/v1.0, for online users only', () => {
    assert.ok(sim.connection.connectTo['graph.microsoft.com:443']);
    assert.equal(sim.connection.accounts.find((a) => a.user === 'cloud0')!.graphUrl, 'https://graph.microsoft.com/v1.0');
    assert.equal(sim.connection.accounts.find((a) => a.user === 'alice')!.graphUrl, undefined);
  });

  test(`${ONLINE} users: two getPresencesByUserId calls of at most 650 ids, each presence as scheduled`, async () => {
    const s = source();
    try {
      const before = lines.length;
      const readings = await s.read(online());
      assert.equal(readings.length, ONLINE);
      const sizes = lines.slice(before).flatMap((l) => /getPresencesByUserId → 200 .* (\d+) ids/.exec(l)?.[1] ?? []).map(Number);
      assert.deepEqual(sizes, [650, 50]);
      const schedule = new PresenceSchedule(SEED, PERIOD);
      const now = Date.now();
      for (const r of readings) {
        assert.ok('presence' in r, JSON.stringify(r));
        assert.equal(r.presence.activity, schedule.at(r.address, now).graph.activity);
      }
      // Ids are looked up once: a second read is only the presence calls.
      const calls = s.calls;
      await s.read(online());
      assert.equal(s.calls - calls, 2);
    } finally {
      await s.close();
    }
  });

  test("the global fetch is never called, so VS Code's fetch patch cannot swap our dispatcher (and its CA and connect-to)", async () => {
    const global = globalThis.fetch;
    let called = 0;
    globalThis.fetch = (async () => {
      called++;
      throw new Error('global fetch called');
    }) as typeof fetch;
    const s = source();
    try {
      const readings = await s.read(online().slice(0, 2));
      assert.ok(readings.every((r) => 'presence' in r));
      assert.equal(called, 0);
    } finally {
      globalThis.fetch = global;
      await s.close();
    }
  });

  test('an on-premises or unknown user is user-not-found', async () => {
    const s = source();
    try {
      const readings = await s.read([{ user: 'alice', address: 'alice@contoso.com' }, { user: 'cloud1', address: 'cloud1@contoso.com' }]);
      assert.deepEqual(readings[0], { address: 'alice@contoso.com', failure: { state: 'user-not-found', address: 'alice@contoso.com' } });
      assert.ok('presence' in readings[1]);
    } finally {
      await s.close();
    }
  });

  test('Retry-After: a short one is waited out by the client; a long one becomes a countdown', async () => {
    const s = source();
    try {
      await s.read(online().slice(0, 3));
      await sim.setFaults(GRAPH_SERVICE, ['presence-throttled:1']);
      const started = Date.now();
      const before = lines.filter((l) => l.includes('[fault presence-throttled:1]')).length;
      const failure = await failureOf(s.read(online().slice(0, 3)));
      // One try and two retries, each after the server's Retry-After of a second.
      assert.equal(lines.filter((l) => l.includes('[fault presence-throttled:1]')).length - before, 3);
      assert.ok(Date.now() - started >= 2000, 'the client waited Retry-After before each retry');
      assert.equal(failure.state, 'throttled-until');
      await sim.setFaults(GRAPH_SERVICE, ['presence-throttled:120']);
      const countBefore = s.calls;
      const long = await failureOf(s.read(online().slice(0, 3)));
      assert.equal(s.calls - countBefore, 1, 'no retry inside the call for a long Retry-After');
      assert.equal(long.state, 'throttled-until');
      if (long.state === 'throttled-until') assert.ok(long.until - Date.now() > 110_000);
    } finally {
      await sim.setFaults(GRAPH_SERVICE, []);
      await s.close();
    }
  });

  test('signed out, consent missing, a refused token, 503, slow and drop are states', async () => {
    const out = source(async () => undefined);
    try {
      assert.equal((await failureOf(out.read(online().slice(0, 1)))).state, 'signed-out');
    } finally {
      await out.close();
    }
    const cases: [string, string][] = [
      ['presence-no-consent', 'consent-missing'],
      ['presence-unauthorized', 'wrong-credentials'],
      ['presence-unavailable', 'throttled'],
      ['presence-slow:3000', 'timeout'],
      ['presence-drop', 'unreachable'],
    ];
    try {
      for (const [fault, state] of cases) {
        await sim.setFaults(GRAPH_SERVICE, [fault]);
        const s = source(undefined, 1000);
        try {
          assert.equal((await failureOf(s.read(online().slice(0, 2)))).state, state, fault);
        } finally {
          await s.close();
        }
      }
    } finally {
      await sim.setFaults(GRAPH_SERVICE, []);
    }
    const forged = source(async () => 'eyJhbGciOiJub25lIn0.e30.');
    try {
      assert.equal((await failureOf(forged.read(online().slice(0, 1)))).state, 'wrong-credentials');
    } finally {
      await forged.close();
    }
  });
});
