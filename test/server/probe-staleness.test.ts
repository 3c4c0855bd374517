// A probe's FARM5xx findings last only while they describe what was probed:
// a later successful probe, an edit of the server's block and a change of
// the network settings each take them away. Against the farm simulator's
// HTTPS endpoints, its faults switched on and off between probes.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { ExecuteCommandRequest, type Diagnostic } from 'vscode-languageserver-protocol';
import { readTopology } from '../../src/core';
import { startSimulator, type RunningSimulator } from '../../src/simulator';
import { LspSession } from './lsp-session';

const FARM = [
  'farm contoso { realm = "contoso.com" }',
  'exchange ex01 { host = "mail.contoso.com"; trusts = [sp01] }',
  'sharepoint sp01 { url = "https://intranet.contoso.com"; trusts = [ex01] }',
  '',
].join('\n');

let simulator: RunningSimulator;
let stateDir: string;
let session: LspSession;
let network: { ca: string[]; connectTo: string[]; proxy: false; timeoutMs: number };
const uri = 'untitled:stale.farm';

before(async () => {
  stateDir = mkdtempSync(join(tmpdir(), 'farm-lsp-stale-'));
  simulator = await startSimulator(readTopology(FARM), { stateDir });
  const { connection } = simulator;
  network = { ca: [connection.ca.pem], connectTo: Object.entries(connection.connectTo).map(([from, to]) => `${from}:${to}`), proxy: false, timeoutMs: 5000 };
  session = await LspSession.start(undefined, { network });
  await session.open(uri, FARM);
});
after(async () => {
  await session?.stop();
  await simulator?.close();
  rmSync(stateDir, { recursive: true, force: true });
});

const probeCodes = (ds: Diagnostic[]): string[] => ds.filter((d) => String(d.code).startsWith('FARM5')).map((d) => `${d.range.start.line} ${d.code}`);

/** Probes and returns the diagnostics published after it. */
async function probe(server?: string): Promise<Diagnostic[]> {
  await session.connection.sendRequest(ExecuteCommandRequest.type, { command: 'office-farm.probe', arguments: server ? [uri, server] : [uri] });
  // The results are published once the command is done (as in code-lens.test.ts).
  return session.nextDiagnostics(uri, session.published.length);
}

async function failingProbeOfSp01(): Promise<void> {
  await simulator.setFaults('sp01', ['expired-cert']);
  assert.deepEqual(probeCodes(await probe()), ['1 FARM505', '2 FARM505']);
  await simulator.setFaults('sp01', []);
}

test('a later successful probe of the server takes its findings away', async () => {
  await failingProbeOfSp01();
  assert.deepEqual(probeCodes(await probe('sp01')), []);
});

test("an edit of the server's block takes its findings away, whatever the edit; other servers keep theirs", async () => {
  await simulator.setFaults('ex01', ['expired-cert']);
  await simulator.setFaults('sp01', ['expired-cert']);
  const named = (ds: Diagnostic[]): string[] =>
    ds.filter((d) => String(d.code).startsWith('FARM5')).map((d) => session.text(uri).split('\n')[d.range.start.line].slice(d.range.start.character, d.range.end.character)).sort();
  // Each finding sits on the server's name and on each reference to it.
  assert.deepEqual(named(await probe()), ['ex01', 'ex01', 'sp01', 'sp01']);
  await simulator.setFaults('ex01', []);
  await simulator.setFaults('sp01', []);
  // Not the URL: sp01's trusts list, which the probe never read.
  const at = FARM.split('\n')[2].indexOf('[ex01]');
  const after = await session.change(uri, [{ range: { start: { line: 2, character: at }, end: { line: 2, character: at + 6 } }, text: '[ex01 ]' }]);
  assert.deepEqual(named(after), ['ex01', 'ex01'], 'sp01 lost its findings; ex01 kept its own');
  // The text back as it was, for the next test.
  const restored = await session.change(uri, [{ range: { start: { line: 2, character: at }, end: { line: 2, character: at + 7 } }, text: '[ex01]' }]);
  assert.deepEqual(named(restored), ['ex01', 'ex01']);
  assert.deepEqual(probeCodes(await probe('ex01')), []);
});

test('a change of the network settings takes every finding away', async () => {
  await failingProbeOfSp01();
  const count = session.published.length;
  await session.connection.sendNotification('office-farm/network', { ...network, timeoutMs: 6000 });
  assert.deepEqual(probeCodes(await session.nextDiagnostics(uri, count)), []);
});
