// Graph presence on the simulated Lync pool, driven by the real
// @microsoft/microsoft-graph-client over HTTPS, trusting only the CA.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { GraphError, RetryHandlerOptions } from '@microsoft/microsoft-graph-client';
import { PRESENCE_PERIOD_MS, presenceAt, startSimulator, type RunningSimulator } from '../../src/simulator';
import { createGraphClient, getPresencesByUserId, type GraphConnection } from '../../src/office/graph-connection';
import { contosoTopology } from './contoso-topology';
import { SHARED_STATE_DIR } from './shared-state';

describe('Graph presence', () => {
  let sim: RunningSimulator;
  let now = Date.UTC(2024, 0, 8, 9, 0, 0);
  const lines: string[] = [];
  const open: GraphConnection[] = [];

  before(async () => {
    sim = await startSimulator(contosoTopology(), { stateDir: SHARED_STATE_DIR, seed: 3, clock: () => now, log: (l) => lines.push(l) });
  });
  after(async () => {
    await Promise.all(open.map((c) => c.close()));
    await sim.close();
  });

  const account = (user: string) => sim.connection.accounts.find((a) => a.user === user)!;
  const graph = (token: string) => {
    const c = createGraphClient({
      baseUrl: account('alice').graphUrl!,
      token,
      ca: [sim.connection.ca.pem],
      connectTo: sim.connection.connectTo,
    });
    open.push(c);
    return c.client;
  };
  const noRetry = () => [new RetryHandlerOptions(0, 0)];

  test('the connection file gives each user a Graph URL on the home pool', () => {
    assert.equal(account('alice').graphUrl, 'https://pool01.contoso.com/v1.0');
    assert.equal(sim.connection.servers.find((s) => s.name === 'lync01')!.graphUrl, 'https://pool01.contoso.com/v1.0');
  });

  test('getPresencesByUserId returns every requested user', async () => {
    const ids = ['alice', 'bob', 'carol'].map((u) => account(u).graphId);
    const value = await getPresencesByUserId(graph(account('alice').tokens.graph), ids);
    assert.deepEqual(value.map((p) => p.id), ids);
    for (const p of value) {
      assert.match(p.availability, /^(Available|AvailableIdle|Busy|DoNotDisturb|BeRightBack|Away|Offline)$/);
      assert.equal(typeof p.activity, 'string');
    }
    assert.ok(lines.some((l) => /lync01 graph .*POST .*getPresencesByUserId → 200 .*as alice@contoso\.com/.test(l)));
  });

  test('/users/{id}/presence and /me/presence agree', async () => {
    const client = graph(account('bob').tokens.graph);
    const byId = await client.api(`/users/${account('bob').graphId}/presence`).get();
    const me = await client.api('/me/presence').get();
    assert.equal(byId.id, account('bob').graphId);
    assert.deepEqual({ ...me, '@odata.context': undefined }, { ...byId, '@odata.context': undefined });
  });

  test('presence follows a deterministic schedule that changes over time', async () => {
    const client = graph(account('alice').tokens.graph);
    const id = account('carol').graphId;
    const seen = new Set<string>();
    const start = now;
    for (let k = 0; k < 12; k++) {
      now = start + k * PRESENCE_PERIOD_MS;
      const p = await client.api(`/users/${id}/presence`).get();
      assert.deepEqual([p.availability, p.activity], [presenceAt(3, id, now).availability, presenceAt(3, id, now).activity]);
      const again = await client.api(`/users/${id}/presence`).get();
      assert.equal(again.availability, p.availability, 'stable within a period');
      seen.add(`${p.availability}/${p.activity}`);
    }
    now = start;
    assert.ok(seen.size >= 3, `presence changed over twelve periods (${[...seen].join(', ')})`);
    const other = presenceAt(4, id, start + 5 * PRESENCE_PERIOD_MS);
    assert.ok(other, 'another seed gives another, equally valid schedule');
  });

  test('errors as Graph sends them: bad ids, unknown user, no token, a token for EWS', async () => {
    const client = graph(account('alice').tokens.graph);
    await assert.rejects(client.api('/communications/getPresencesByUserId').post({ ids: ['alice'] }), (e: GraphError) => e.statusCode === 400);
    await assert.rejects(client.api('/users/00000000-0000-4000-8000-000000000000/presence').get(), (e: GraphError) => e.statusCode === 404);
    const wrongToken = graph(account('alice').tokens.ews);
    await assert.rejects(wrongToken.api('/me/presence').middlewareOptions(noRetry()).get(), (e: GraphError) => {
      assert.equal(e.statusCode, 401);
      assert.equal(e.code, 'InvalidAuthenticationToken');
      return true;
    });
  });

  test('graph-unauthorized: 401 for a good token', async () => {
    await sim.setFaults('lync01', ['graph-unauthorized']);
    try {
      await assert.rejects(graph(account('alice').tokens.graph).api('/me/presence').get(), (e: GraphError) => e.statusCode === 401);
    } finally {
      await sim.setFaults('lync01', []);
    }
  });

  test('graph-throttled: 429 with Retry-After, retried by the client, then a GraphError', async () => {
    await sim.setFaults('lync01', ['graph-throttled:1']);
    try {
      const client = graph(account('alice').tokens.graph);
      await assert.rejects(client.api('/me/presence').middlewareOptions(noRetry()).get(), (e: GraphError) => {
        assert.equal(e.statusCode, 429);
        assert.equal(e.code, 'TooManyRequests');
        return true;
      });
      const before = lines.filter((l) => l.includes('[fault graph-throttled:1]')).length;
      await assert.rejects(client.api('/me/presence').middlewareOptions([new RetryHandlerOptions(1, 1)]).get(), (e: GraphError) => e.statusCode === 429);
      assert.equal(lines.filter((l) => l.includes('[fault graph-throttled:1]')).length - before, 2, 'one try and one retry');
    } finally {
      await sim.setFaults('lync01', []);
    }
    const p = await graph(account('alice').tokens.graph).api('/me/presence').get();
    assert.equal(p.id, account('alice').graphId);
  });
});
