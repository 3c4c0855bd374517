// UCWA presence (src/office/ucwa-presence.ts) against the simulated pools
// over HTTPS, trusting only the simulator CA and reaching lyncdiscover and
// the pools through the connect-to map: the handshake step by step, the
// batch resource, the event channel, and the faults as failure states.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PresenceSchedule, startSimulator, type RunningSimulator } from '../../src/simulator';
import { UcwaPresenceSource, type UcwaCredentials } from '../../src/office/ucwa-presence';
import { PresenceError, type PresenceFailure } from '../../src/office/presence-source';
import { ucwaRequest } from '../../src/office/ucwa-http';
import { createHttpsAgent } from '../../src/office/connect-to';
import { presenceTopology } from './presence-topology';
import { SHARED_STATE_DIR } from '../simulator/shared-state';

const PERIOD = 1500;
const SEED = 5;

async function failureOf(work: Promise<unknown>): Promise<PresenceFailure> {
  try {
    await work;
  } catch (err) {
    assert.ok(err instanceof PresenceError, `a PresenceError, not ${String(err)}`);
    return err.failure;
  }
  assert.fail('the call succeeded');
}

describe('UCWA presence', () => {
  let sim: RunningSimulator;
  const lines: string[] = [];
  before(async () => {
    sim = await startSimulator(presenceTopology(), { stateDir: SHARED_STATE_DIR, seed: SEED, presencePeriodMs: PERIOD, log: (l) => lines.push(l) });
  });
  after(() => sim.close());

  const account = (user: string) => sim.connection.accounts.find((a) => a.user === user)!;
  const source = (user: string, credentials?: UcwaCredentials, extra: { timeoutMs?: number; eventTimeoutS?: number } = {}) =>
    new UcwaPresenceSource({
      pool: 'lync01',
      signIn: account(user).signInName,
      credentials: credentials ?? { kind: 'password', username: account(user).signInName, password: account(user).password },
      ca: [sim.connection.ca.pem],
      connectTo: sim.connection.connectTo,
      timeoutMs: extra.timeoutMs ?? 4000,
      eventTimeoutS: extra.eventTimeoutS ?? 5,
    });
  const targets = [
    { user: 'bob', address: 'bob@contoso.com' },
    { user: 'carol', address: 'carol@contoso.com' },
  ];
  const schedule = new PresenceSchedule(SEED, PERIOD);

  test('the connection file says where UCWA starts for each on-premises user', () => {
    assert.equal(account('alice').lyncDiscoverUrl, 'https://lyncdiscover.contoso.com/');
    assert.equal(account('cloud0').lyncDiscoverUrl, undefined);
    assert.ok(sim.connection.connectTo['lyncdiscover.contoso.com:443']);
  });

  test('the handshake, step by step, by hand', async () => {
    const agent = createHttpsAgent({ ca: [sim.connection.ca.pem], connectTo: sim.connection.connectTo, keepAlive: true, maxSockets: 1 });
    const get = (url: string, headers: Record<string, string> = {}) => ucwaRequest({ method: 'GET', url, headers, agent, timeoutMs: 4000, maxBytes: 1 << 20 });
    try {
      const root = await get('https://lyncdiscover.contoso.com/');
      assert.equal(root.status, 200);
      const userUrl = JSON.parse(root.text)._links.user.href as string;
      assert.match(userUrl, /^https:\/\/lyncdiscover\.contoso\.com\/Autodiscover\/AutodiscoverService\.svc\/root\/oauth\/user/);
      const challenge = await get(userUrl);
      assert.equal(challenge.status, 401);
      assert.match(String(challenge.headers['www-authenticate']), /MsRtcOAuth href="https:\/\/pool01\.contoso\.com\/WebTicket\/oauthtoken",grant_type="urn:microsoft\.rtc:windows,[^"]*password"/);
      const form = new URLSearchParams({ grant_type: 'password', username: 'alice@contoso.com', password: account('alice').password }).toString();
      const tokenRes = await ucwaRequest({ method: 'POST', url: 'https://pool01.contoso.com/WebTicket/oauthtoken', body: form, headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, agent, timeoutMs: 4000, maxBytes: 1 << 20 });
      assert.equal(tokenRes.status, 200);
      const token = JSON.parse(tokenRes.text);
      assert.equal(token.token_type, 'Bearer');
      const user = await get(userUrl, { Authorization: `Bearer ${token.access_token}` });
      assert.equal(JSON.parse(user.text)._links.applications.href, 'https://pool01.contoso.com/ucwa/oauth/v1/applications');
      const wrong = await ucwaRequest({ method: 'POST', url: 'https://pool01.contoso.com/WebTicket/oauthtoken', body: form.replace(/password=[^&]*/, 'password=nope'), headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, agent, timeoutMs: 4000, maxBytes: 1 << 20 });
      assert.equal(wrong.status, 400);
    } finally {
      agent.destroy();
    }
  });

  test('the source walks discover → challenge → token → user → application → batch', async () => {
    const s = source('alice');
    try {
      const readings = await s.read(targets);
      assert.deepEqual(s.steps, ['discover', 'challenge', 'token', 'user', 'application', 'batch']);
      const now = Date.now();
      for (const r of readings) {
        assert.ok('presence' in r, JSON.stringify(r));
        const expected = schedule.at(r.address, now);
        // The state may have turned over between the read and now; both sides of the turn are the schedule's.
        const before = schedule.at(r.address, now - PERIOD);
        assert.ok([expected.ucwa.activity, before.ucwa.activity].includes(r.presence.activity!), `${r.address}: ${r.presence.activity}`);
        assert.ok(r.presence.lastActive && !Number.isNaN(Date.parse(r.presence.lastActive)));
      }
      assert.ok(lines.some((l) => /lync01 ucwa .*POST pool01\.contoso\.com:443\/ucwa\/oauth\/v1\/applications\/\w+\/batch → 200 .*batch as alice@contoso\.com 4 parts/.test(l)));
      // A user unknown to the pool is a state of its own, not a failure of the batch.
      const [unknown] = await s.read([{ user: 'zed', address: 'zed@contoso.com' }]);
      assert.deepEqual(unknown, { address: 'zed@contoso.com', failure: { state: 'user-not-found', address: 'zed@contoso.com' } });
    } finally {
      await s.close();
    }
  });

  test('Windows grant: the token over NTLM on one connection', async () => {
    const s = source('alice', { kind: 'windows', logon: 'CONTOSO\\alice', password: account('alice').password });
    try {
      const readings = await s.read(targets.slice(0, 1));
      assert.ok('presence' in readings[0]);
      assert.ok(lines.some((l) => /WebTicket\/oauthtoken → 401 .*NTLM challenge/.test(l)));
      assert.ok(lines.some((l) => /WebTicket\/oauthtoken → 200 .*as alice@contoso\.com/.test(l)));
    } finally {
      await s.close();
    }
    const bad = source('alice', { kind: 'windows', logon: 'CONTOSO\\alice', password: 'wrong' });
    try {
      assert.equal((await failureOf(bad.read(targets))).state, 'wrong-credentials');
    } finally {
      await bad.close();
    }
  });

  test('a user homed on another pool is redirected there', async () => {
    const s = new UcwaPresenceSource({
      pool: 'lync02',
      signIn: 'carol@contoso.com',
      credentials: { kind: 'password', username: 'carol@contoso.com', password: account('carol').password },
      ca: [sim.connection.ca.pem],
      connectTo: sim.connection.connectTo,
      timeoutMs: 4000,
    });
    try {
      await s.read(targets);
      assert.deepEqual(s.steps, ['discover', 'challenge', 'token', 'user', 'challenge', 'token', 'user', 'application', 'batch']);
      assert.ok(lines.some((l) => /lync02 ucwa .*POST pool02\.contoso\.com:443\/ucwa\/oauth\/v1\/applications → 201/.test(l)));
    } finally {
      await s.close();
    }
  });

  test('the event channel reports a change when the schedule turns', async () => {
    const s = source('alice', undefined, { eventTimeoutS: 10 });
    try {
      await s.read(targets);
      // Wait until some target's state at the next turn differs from now, so an event must come.
      let changed: Awaited<ReturnType<typeof s.changes>> = [];
      for (let i = 0; i < 8 && changed.length === 0; i++) changed = await s.changes(targets);
      assert.ok(changed.length > 0, 'an event arrived');
      assert.ok(s.steps.includes('subscribe') && s.steps.includes('events'));
      const now = Date.now();
      for (const r of changed) {
        assert.ok('presence' in r);
        const states = [schedule.at(r.address, now), schedule.at(r.address, now - PERIOD)].map((p) => p.ucwa.activity);
        assert.ok(states.includes(r.presence.activity!), `${r.address} reported as the schedule has it`);
      }
    } finally {
      await s.close();
    }
  });

  test('faults: 401, 429 with Retry-After, 503, slow, drop — each a state', async () => {
    const cases: [string, (f: PresenceFailure) => void][] = [
      ['presence-unauthorized', (f) => assert.equal(f.state, 'wrong-credentials')],
      ['presence-throttled:7', (f) => {
        assert.equal(f.state, 'throttled-until');
        if (f.state === 'throttled-until') assert.ok(f.until - Date.now() > 5000 && f.until - Date.now() <= 7000);
      }],
      ['presence-unavailable', (f) => assert.equal(f.state, 'throttled')],
      ['presence-slow:3000', (f) => assert.equal(f.state, 'timeout')],
      ['presence-drop', (f) => assert.equal(f.state, 'unreachable')],
    ];
    try {
      for (const [fault, check] of cases) {
        await sim.setFaults('lync01', [fault]);
        const s = source('alice', undefined, { timeoutMs: 1000 });
        try {
          check(await failureOf(s.read(targets)));
        } finally {
          await s.close();
        }
      }
    } finally {
      await sim.setFaults('lync01', []);
    }
  });
});
