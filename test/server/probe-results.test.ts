// A probe's FARM5xx diagnostics last only while they are true of the text
// and the settings they were found with: a later probe, new network
// settings, or any edit of the server's block removes them. Probed against
// the farm simulator over HTTPS (TLS verified against its own CA).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, test } from 'node:test';
import { CancellationTokenSource, CodeLens, CodeLensRequest, Diagnostic, ExecuteCommandRequest } from 'vscode-languageserver-protocol';
import { readTopology } from '../../src/core';
import { startSimulator, type RunningSimulator } from '../../src/simulator';
import { LspSession } from './lsp-session';

const FARM = [
  'farm contoso { realm = "contoso.com" }',
  'exchange ex01 { host = "mail.contoso.com"; trusts = [sp01] }',
  'sharepoint sp01 {',
  '  url    = "https://intranet.contoso.com"',
  '  trusts = [ex01]',
  '}',
  '',
].join('\n');

let simulator: RunningSimulator;
let stateDir: string;
let session: LspSession;
let network: Record<string, unknown>;
let uri: string;
let opened = 0;

before(async () => {
  stateDir = mkdtempSync(join(tmpdir(), 'farm-lsp-stale-'));
  simulator = await startSimulator(readTopology(FARM), { stateDir, log: () => undefined });
  const { connection } = simulator;
  network = { ca: [connection.ca.pem], connectTo: Object.entries(connection.connectTo).map(([from, to]) => `${from}:${to}`), proxy: false, timeoutMs: 5000 };
  session = await LspSession.start(undefined, { network, diagnosticsDelayMs: 0 });
});
after(async () => {
  await session?.stop();
  await simulator?.close();
  rmSync(stateDir, { recursive: true, force: true });
});
// Each test starts from a document of its own, unprobed.
beforeEach(async () => {
  await simulator.setFaults('sp01', []);
  uri = `untitled:stale-${++opened}.farm`;
  await session.open(uri, FARM);
});

const probeCodes = (ds: Diagnostic[]): string[] => ds.filter((d) => String(d.code).startsWith('FARM5')).map((d) => `${d.range.start.line} ${d.code}`);

/** Probes sp01 and resolves with the diagnostics published once the command is done. */
async function probeSp01(): Promise<string[]> {
  await session.connection.sendRequest(ExecuteCommandRequest.type, { command: 'office-farm.probe', arguments: [uri, 'sp01'] });
  // The results are published just after the command answers.
  return probeCodes(await session.nextDiagnostics(uri, session.published.length));
}

async function lensTitles(): Promise<string[]> {
  const lenses = (await session.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } })) as CodeLens[];
  return lenses.map((l) => `${l.range.start.line} ${l.command!.title}`);
}

/** A failed probe of sp01: FARM505 on its name (line 2) and on ex01's trusts reference (line 1). */
async function failedProbe(): Promise<void> {
  await simulator.setFaults('sp01', ['expired-cert']);
  assert.deepEqual(await probeSp01(), ['1 FARM505', '2 FARM505']);
}

test('a later probe that succeeds removes the failed probe\'s diagnostics', async () => {
  await failedProbe();
  await simulator.setFaults('sp01', []);
  assert.deepEqual(await probeSp01(), []);
  assert.ok((await lensTitles()).some((t) => /^2 ✓ metadata OK/.test(t)));
});

test('new network settings remove every probe result, and the lens offers a fresh probe', async () => {
  await failedProbe();
  await session.connection.sendNotification('office-farm/network', network);
  // A blank line after the last block touches no server's block: its diagnostics show what the notification left.
  assert.deepEqual(probeCodes(await session.change(uri, [{ range: { start: { line: 6, character: 0 }, end: { line: 6, character: 0 } }, text: '\n' }])), []);
  const titles = await lensTitles();
  assert.ok(!titles.some((t) => /^2 [✓✗⚠○]/.test(t)), titles.join('\n'));
  assert.ok(titles.includes('2 Probe metadata'), titles.join('\n'));
});

test('an edit anywhere in the server\'s block removes its result, even one that leaves its URL alone', async () => {
  await failedProbe();
  const diagnostics = await session.change(uri, [{ range: { start: { line: 4, character: 17 }, end: { line: 4, character: 17 } }, text: '\n  ews-api = true' }]);
  assert.equal(session.text(uri).split('\n')[5], '  ews-api = true');
  assert.deepEqual(probeCodes(diagnostics), []);
  assert.ok(!(await lensTitles()).some((t) => t.startsWith('2 ✗')));
});

test('an edit of the block\'s layout alone counts as an edit of the block', async () => {
  await failedProbe();
  const diagnostics = await session.change(uri, [{ range: { start: { line: 3, character: 5 }, end: { line: 3, character: 11 } }, text: ' = ' }]);
  assert.equal(session.text(uri).split('\n')[3], '  url = "https://intranet.contoso.com"');
  assert.deepEqual(probeCodes(diagnostics), []);
});

test('an edit of another block keeps the result, moved with the text', async () => {
  await failedProbe();
  const diagnostics = await session.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# probed today\n' }]);
  assert.deepEqual(probeCodes(diagnostics), ['2 FARM505', '3 FARM505']);
  assert.ok((await lensTitles()).some((t) => t.startsWith('3 ✗ signing certificate')));
});

test('a block edited while its probe runs keeps no result from that probe', async () => {
  await simulator.setFaults('sp01', ['silent']);
  const source = new CancellationTokenSource();
  const started = session.progress.length;
  const probing = session.connection.sendRequest(ExecuteCommandRequest.type, { command: 'office-farm.probe', arguments: [uri, 'sp01'] }, source.token);
  while (!session.progress.slice(started).some((p) => (p as { kind: string }).kind === 'begin')) await new Promise((r) => setTimeout(r, 5));
  // Applied (its diagnostics are out) before the probe is stopped.
  await session.change(uri, [{ range: { start: { line: 4, character: 17 }, end: { line: 4, character: 17 } }, text: '\n  ews-api = true' }]);
  source.cancel();
  await probing.catch(() => undefined);
  const titles = await lensTitles();
  assert.ok(!titles.some((t) => t === '2 ○ probe cancelled'), titles.join('\n'));
  assert.ok(titles.includes('2 Probe metadata'), titles.join('\n'));
});

test('a probe under settings that changed while it ran keeps no result', async () => {
  await simulator.setFaults('sp01', ['silent']);
  const source = new CancellationTokenSource();
  const started = session.progress.length;
  const probing = session.connection.sendRequest(ExecuteCommandRequest.type, { command: 'office-farm.probe', arguments: [uri, 'sp01'] }, source.token);
  while (!session.progress.slice(started).some((p) => (p as { kind: string }).kind === 'begin')) await new Promise((r) => setTimeout(r, 5));
  await session.connection.sendNotification('office-farm/network', network);
  // Messages are handled in order: once the lenses answer, the notification has been.
  await lensTitles();
  source.cancel();
  await probing.catch(() => undefined);
  const titles = await lensTitles();
  assert.ok(!titles.some((t) => t === '2 ○ probe cancelled'), titles.join('\n'));
});
