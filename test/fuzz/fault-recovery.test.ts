// Every simulator fault a panel or the probe can meet, injected into a farm
// that was healthy a moment before, then lifted: while it lasts the reader
// reaches one clear state (a failure a panel draws, a probe finding), and
// the same session or probe succeeds again once it ends. Real HTTPS on
// 127.0.0.1, the real ews-javascript-api, only the simulator's CA trusted.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { readTopology } from '../../src/core';
import { startSimulator, type RunningSimulator } from '../../src/simulator';
import { parseConnectTo, probeMetadata, farmProbeTargets, type ProbeOptions } from '../../src/probe';
import { EwsSession } from '../../src/office/ews-session';
import { describeFailure, OfficeCallError, type OfficeFailure } from '../../src/office/office-failure';
import { SiteMailboxInbox } from '../../src/office/site-mailbox-inbox';
import { contosoTopology } from '../simulator/contoso-topology';
import { SHARED_STATE_DIR } from '../simulator/shared-state';

const SITE = 'SMO-ProjectX@contoso.com';

/** The EWS faults, and the state the inbox panel draws for each. */
const EWS_FAULTS: Array<[string, OfficeFailure['state']]> = [
  ['ews-server-busy:300', 'throttled'],
  ['ews-busy-message:300', 'throttled'],
  ['ews-soap-fault', 'server-fault'],
  ['ews-unauthorized', 'wrong-credentials'],
  ['ews-server-error', 'malformed'],
  ['ews-silent', 'timeout'],
  ['untrusted-tls', 'tls'],
  ['wrong-host', 'tls'],
];

/** The metadata faults and the code the probe reports for each. */
const PROBE_FAULTS: Array<[string, string]> = [
  ['expired-cert', 'FARM505'],
  ['x5t-mismatch', 'FARM507'],
  ['html', 'FARM504'],
  ['not-found', 'FARM503'],
  ['server-error', 'FARM503'],
  ['slow', 'FARM501'],
  ['silent', 'FARM501'],
  ['oversized', 'FARM504'],
  ['redirect-loop', 'FARM503'],
  ['untrusted-tls', 'FARM502'],
  ['wrong-host', 'FARM502'],
];

describe('faults injected, then lifted', () => {
  let sim: RunningSimulator;
  before(async () => {
    sim = await startSimulator(contosoTopology(), { stateDir: SHARED_STATE_DIR, seed: 22, log: () => undefined });
  });
  after(() => sim.close());

  test('the inbox: one clear state per fault, and the same session reads again when the fault ends', async (t) => {
    const alice = sim.connection.accounts.find((a) => a.user === 'alice')!;
    const open = () => {
      const session = new EwsSession({ url: 'https://mail.contoso.com/EWS/Exchange.asmx', auth: { kind: 'basic', user: alice.signInName, password: alice.password }, ca: [sim.connection.ca.pem], connectTo: sim.connection.connectTo, timeoutMs: 700 });
      return new SiteMailboxInbox(session, SITE);
    };
    assert.equal((await open().page(0, 5)).items.length, 5);
    for (const [fault, state] of EWS_FAULTS) {
      await sim.setFaults('ex01', [fault]);
      // Opened under the fault: a connection kept alive from before would not meet a certificate fault, which is met at the handshake.
      const inbox = open();
      let failure: OfficeFailure | undefined;
      try {
        await inbox.page(0, 5);
      } catch (error) {
        assert.ok(error instanceof OfficeCallError, `${fault}: ${String(error)}`);
        failure = error.failure;
      } finally {
        await sim.setFaults('ex01', []);
      }
      assert.equal(failure?.state, state, `${fault}: ${JSON.stringify(failure)}`);
      assert.ok(describeFailure(failure!).length > 10, `${fault}: the failure has no words`);
      const again = await inbox.page(0, 5);
      assert.equal(again.items.length, 5, `${fault}: the session did not recover`);
    }
    t.diagnostic(`inbox: ${EWS_FAULTS.length} faults injected and lifted, each drawn as its state, each recovered`);
  });

  test('the probe: one finding per fault, and a clean probe when the fault ends', async (t) => {
    const topology = readTopology('farm contoso { realm = "contoso.com" }\nexchange ex01 { host = "mail.contoso.com" }\n');
    const [target] = farmProbeTargets(topology);
    const options: ProbeOptions = { ca: [sim.connection.ca.pem], connectTo: Object.entries(sim.connection.connectTo).map(([from, to]) => parseConnectTo(`${from}:${to}`)), env: {}, timeoutMs: 700 };
    assert.deepEqual((await probeMetadata(target, options)).findings.map((f) => f.code), []);
    for (const [fault, code] of PROBE_FAULTS) {
      await sim.setFaults('ex01', [fault]);
      try {
        const r = await probeMetadata(target, options);
        assert.deepEqual(r.findings.map((f) => f.code), [code], `${fault}: ${JSON.stringify(r.findings)}`);
      } finally {
        await sim.setFaults('ex01', []);
      }
      const healthy = await probeMetadata(target, options);
      assert.deepEqual(healthy.findings.map((f) => f.code), [], `${fault}: the probe did not recover: ${JSON.stringify(healthy.findings)}`);
    }
    t.diagnostic(`probe: ${PROBE_FAULTS.length} faults injected and lifted, each reported by its code, each recovered`);
  });

  test('no credential in what the inbox host would post or log, for every fault and a wrong password', async (t) => {
    const alice = sim.connection.accounts.find((a) => a.user === 'alice')!;
    const secrets = (password: string) => [password, Buffer.from(`${alice.signInName}:${password}`).toString('base64'), encodeURIComponent(password)];
    let checked = 0;
    for (const kind of ['basic', 'ntlm'] as const) {
      for (const [fault, password] of [...EWS_FAULTS.map(([f]) => [f, alice.password]), ['', 'Wr0ng-but-Known-Passw0rd!']]) {
        await sim.setFaults('ex01', fault ? [fault] : []);
        const session = new EwsSession({ url: 'https://mail.contoso.com/EWS/Exchange.asmx', auth: { kind, user: alice.signInName, password }, ca: [sim.connection.ca.pem], connectTo: sim.connection.connectTo, timeoutMs: 700 });
        try {
          await new SiteMailboxInbox(session, SITE).page(0, 5);
          assert.fail(`${kind} ${fault || 'wrong password'}: the call succeeded`);
        } catch (error) {
          // The failure message the webview gets, the line the log gets, and the error's own words.
          const said = [JSON.stringify({ type: 'failure', failure: (error as OfficeCallError).failure }), error instanceof OfficeCallError ? describeFailure(error.failure) : '', (error as Error).message ?? '', String((error as Error).stack ?? '')];
          for (const secret of secrets(password)) for (const text of said) assert.ok(!text.includes(secret), `${kind} ${fault || 'wrong password'}: the password appears in ${text.slice(0, 200)}`);
          checked++;
        } finally {
          await sim.setFaults('ex01', []);
        }
      }
    }
    t.diagnostic(`credentials: ${checked} failures (Basic and NTLM, every fault and a wrong password) checked for the password in every form`);
  });
});
