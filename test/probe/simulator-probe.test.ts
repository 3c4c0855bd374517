import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readTopology } from '../../src/core';
import { startSimulator, type RunningSimulator } from '../../src/simulator';
import { parseConnectTo, probeFarm, probeMetadata, farmProbeTargets, type ProbeOptions, type ProbeTarget } from '../../src/probe';

const FARM = `
farm contoso { realm = "contoso.com" }
exchange ex01 { host = "mail.contoso.com"; trusts = [sp01, lync01] }
sharepoint sp01 { url = "https://intranet.contoso.com"; trusts = [ex01] }
lync lync01 { host = "pool01.contoso.com"; trusts = [ex01] }
`;

// Each simulator fault and the one code the probe must report for it.
const EXPECTED: Array<[string, string]> = [
  ['expired-cert', 'FARM505'],
  ['not-yet-valid-cert', 'FARM505'],
  ['expiring-cert:10', 'FARM506'],
  ['x5t-mismatch', 'FARM507'],
  ['wrong-principal', 'FARM508'],
  ['wrong-realm', 'FARM509'],
  ['html', 'FARM504'],
  ['not-found', 'FARM503'],
  ['server-error', 'FARM503'],
  ['slow', 'FARM501'],
  ['silent', 'FARM501'],
  ['oversized', 'FARM504'],
  ['redirect-to-http', 'FARM503'],
  ['redirect-loop', 'FARM503'],
  ['untrusted-tls', 'FARM502'],
  ['wrong-host', 'FARM502'],
];

describe("probing the farm simulator's endpoints", () => {
  let simulator: RunningSimulator;
  let stateDir: string;
  let options: ProbeOptions;
  let targets: ProbeTarget[];

  before(async () => {
    stateDir = mkdtempSync(join(tmpdir(), 'office-farm-probe-'));
    const topology = readTopology(FARM);
    simulator = await startSimulator(topology, { stateDir, log: () => undefined });
    const { connection } = simulator;
    options = {
      ca: [connection.ca.pem],
      connectTo: Object.entries(connection.connectTo).map(([from, to]) => parseConnectTo(`${from}:${to}`)),
      env: {},
    };
    targets = farmProbeTargets(topology);
  });
  after(async () => {
    await simulator?.close();
    rmSync(stateDir, { recursive: true, force: true });
  });

  it('finds nothing wrong with a healthy farm', async () => {
    const results = await probeFarm(targets, options);
    assert.deepEqual(
      results.map((r) => [r.server, r.outcome, r.findings.map((f) => f.code)]),
      [
        ['ex01', 'ok', []],
        ['sp01', 'ok', []],
        ['lync01', 'ok', []],
      ],
    );
    assert.ok(results.every((r) => r.metadata?.realm === 'contoso.com'));
  });

  for (const [fault, code] of EXPECTED) {
    it(`${fault} → ${code} on each kind`, async () => {
      for (const target of targets) {
        await simulator.setFaults(target.server, [fault]);
        try {
          // Only the faults that never answer in time get a short limit.
          const timeoutMs = fault === 'slow' || fault === 'silent' ? 300 : undefined;
          const r = await probeMetadata(target, { ...options, timeoutMs });
          assert.deepEqual(r.findings.map((f) => f.code), [code], `${target.server}: ${JSON.stringify(r.findings)}`);
        } finally {
          await simulator.setFaults(target.server, []);
        }
      }
    });
  }
});
