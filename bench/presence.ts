// Presence (issue 19) against the simulator over HTTPS with the real
// clients: Graph for 2,000 online users (ids looked up 15 at a time, then
// getPresencesByUserId in batches of 650), UCWA for 200 users of one pool
// (the handshake, then the batch resource 50 contacts a part pair at a
// time). Measured per source: the first read (handshake or id lookup
// included) and a steady read (what every interval costs), with the
// requests each made.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Topology, TopologyUser } from '../src/core/topology';
import { GraphPresenceSource } from '../src/office/graph-presence';
import { UcwaPresenceSource } from '../src/office/ucwa-presence';
import { startSimulator } from '../src/simulator';

export const BENCH_ONLINE = 2_000;
export const BENCH_POOL_USERS = 200;

export interface PresenceBench {
  online: number;
  poolUsers: number;
  graph: { firstReadMs: number[]; steadyReadMs: number[]; firstCalls: number; steadyCalls: number };
  ucwa: { firstReadMs: number[]; steadyReadMs: number[]; steps: string[] };
  loadAverage: { before: number[]; after: number[] };
}

function topology(): Topology {
  const users: TopologyUser[] = [];
  for (let i = 0; i < BENCH_POOL_USERS; i++) users.push({ name: `u${i}`, address: `u${i}@contoso.com`, lync: 'lync01' });
  for (let i = 0; i < BENCH_ONLINE; i++) users.push({ name: `o${i}`, address: `o${i}@contoso.com`, online: true });
  return {
    realm: 'contoso.com',
    servers: [{ name: 'lync01', kind: 'lync', version: 2013, host: 'pool01.contoso.com', metadataUrl: 'https://pool01.contoso.com/metadata/json/1', trusts: [] }],
    users,
    siteMailboxes: [],
  };
}

export async function benchPresence(runs: number, log: (line: string) => void): Promise<PresenceBench> {
  const before = loadavg();
  const stateDir = mkdtempSync(join(tmpdir(), 'office-farm-bench-presence-'));
  const t = topology();
  const sim = await startSimulator(t, { stateDir, presencePeriodMs: 10 * 60_000 });
  const ca = [sim.connection.ca.pem];
  const connectTo = sim.connection.connectTo;
  const time = async (work: () => Promise<unknown>) => {
    const started = performance.now();
    await work();
    return Math.round((performance.now() - started) * 10) / 10;
  };
  try {
    const online = t.users.filter((u) => u.online).map((u) => ({ user: u.name, address: u.address }));
    const onPool = t.users.filter((u) => !u.online).map((u) => ({ user: u.name, address: u.address }));
    const token = sim.connection.accounts.find((a) => a.user === 'o0')!.tokens.graph;
    const u0 = sim.connection.accounts.find((a) => a.user === 'u0')!;
    const result: PresenceBench = {
      online: BENCH_ONLINE,
      poolUsers: BENCH_POOL_USERS,
      graph: { firstReadMs: [], steadyReadMs: [], firstCalls: 0, steadyCalls: 0 },
      ucwa: { firstReadMs: [], steadyReadMs: [], steps: [] },
      loadAverage: { before, after: [] },
    };
    for (let r = 0; r < runs; r++) {
      const graph = new GraphPresenceSource({ token: async () => token, ca, connectTo, timeoutMs: 30_000 });
      try {
        result.graph.firstReadMs.push(await time(() => graph.read(online)));
        result.graph.firstCalls = graph.calls;
        result.graph.steadyReadMs.push(await time(() => graph.read(online)));
        result.graph.steadyCalls = graph.calls - result.graph.firstCalls;
      } finally {
        await graph.close();
      }
      const ucwa = new UcwaPresenceSource({
        pool: 'lync01',
        signIn: u0.signInName,
        credentials: { kind: 'windows', logon: u0.domainUserName, password: u0.password },
        ca,
        connectTo,
        timeoutMs: 30_000,
      });
      try {
        result.ucwa.firstReadMs.push(await time(() => ucwa.read(onPool)));
        result.ucwa.steadyReadMs.push(await time(() => ucwa.read(onPool)));
        result.ucwa.steps = [...ucwa.steps];
      } finally {
        await ucwa.close();
      }
      log(`presence run ${r + 1}/${runs}: Graph ${result.graph.firstReadMs[r]} ms first, ${result.graph.steadyReadMs[r]} ms steady; UCWA ${result.ucwa.firstReadMs[r]} ms first, ${result.ucwa.steadyReadMs[r]} ms steady`);
    }
    result.loadAverage.after = loadavg();
    return result;
  } finally {
    await sim.close();
    rmSync(stateDir, { recursive: true, force: true });
  }
}
