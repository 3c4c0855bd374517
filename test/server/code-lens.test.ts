// Probe code lenses and the probe command against the farm simulator's
// HTTPS endpoints (TLS verified against the simulator's own CA).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { CancellationTokenSource, CodeLens, CodeLensRequest, ExecuteCommandRequest, Hover, HoverRequest, MarkupContent, ResponseError } from 'vscode-languageserver-protocol';
import { readTopology } from '../../src/core';
import { startSimulator, type RunningSimulator } from '../../src/simulator';
import { LspSession } from './lsp-session';

const FARM = [
  'farm contoso { realm = "contoso.com" }',
  'exchange ex01 { host = "mail.contoso.com"; trusts = [sp01] }',
  'sharepoint sp01 { url = "https://intranet.contoso.com"; trusts = [ex01] }',
  'office-web-apps wac01 { url = "https://wac.contoso.com"; hosts = [ex01, sp01] }',
  '',
].join('\n');

let simulator: RunningSimulator;
let stateDir: string;
let session: LspSession;
const uri = 'untitled:probed.farm';

before(async () => {
  stateDir = mkdtempSync(join(tmpdir(), 'farm-lsp-probe-'));
  simulator = await startSimulator(readTopology(FARM), { stateDir, faults: { sp01: ['expired-cert'] } });
  const { connection } = simulator;
  session = await LspSession.start(undefined, {
    network: { ca: [connection.ca.pem], connectTo: Object.entries(connection.connectTo).map(([from, to]) => `${from}:${to}`), proxy: false, timeoutMs: 5000 },
  });
  await session.open(uri, FARM);
});
after(async () => {
  await session?.stop();
  await simulator?.close();
  rmSync(stateDir, { recursive: true, force: true });
});

async function lenses(): Promise<string[]> {
  const result = (await session.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } })) as CodeLens[];
  return result.map((l) => `${l.range.start.line} ${l.command!.title}${l.command!.command ? ` → ${l.command!.command}(${JSON.stringify(l.command!.arguments)})` : ''}`);
}

test('before a probe: "Probe all" above the first block, "Probe metadata" above each exchange, sharepoint and lync block', async () => {
  assert.deepEqual(await lenses(), [
    `0 Probe all → office-farm.probe(["${uri}"])`,
    `1 Probe metadata → office-farm.probe(["${uri}","ex01"])`,
    `2 Probe metadata → office-farm.probe(["${uri}","sp01"])`,
  ]);
});

test('probing one server: the lens shows the result, with progress on the way', async () => {
  const results = (await session.connection.sendRequest(ExecuteCommandRequest.type, { command: 'office-farm.probe', arguments: [uri, 'ex01'] })) as Array<{ server: string; outcome: string }>;
  assert.deepEqual(results.map((r) => [r.server, r.outcome]), [['ex01', 'ok']]);
  const shown = await lenses();
  assert.equal(shown.length, 4);
  assert.match(shown[2], /^1 ✓ metadata OK · realm contoso\.com · cert expires \d{4}-\d{2}-\d{2} · \d+ ms$/);
  assert.deepEqual((session.progress as Array<{ kind: string }>).map((p) => p.kind), ['begin', 'report', 'end']);
  assert.ok(session.lensRefreshes > 0, 'the server asked the client to refresh its lenses');
});

test('probing all: an expired signing certificate is FARM505 on the name and on each trusts reference, and in the hover', async () => {
  const results = (await session.connection.sendRequest(ExecuteCommandRequest.type, { command: 'office-farm.probe', arguments: [uri] })) as Array<{ server: string; outcome: string }>;
  // The results are published once the command is done.
  const count = session.published.length;
  assert.deepEqual(results.map((r) => [r.server, r.outcome]), [['ex01', 'ok'], ['sp01', 'error']]);
  const diagnostics = await session.nextDiagnostics(uri, count);
  assert.deepEqual(
    diagnostics.filter((d) => String(d.code).startsWith('FARM5')).map((d) => `${d.range.start.line}:${d.range.start.character} ${d.code} ${FARM.split('\n')[d.range.start.line].slice(d.range.start.character, d.range.end.character)}`),
    ['1:53 FARM505 sp01', '2:11 FARM505 sp01'],
  );
  assert.match((await lenses())[4], /^2 ✗ signing certificate: /);
  const hover = (await session.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 2, character: 12 } })) as Hover;
  const value = (hover.contents as MarkupContent).value;
  assert.match(value, /\*\*Probe\*\* \(.* UTC\): ✗ signing certificate: /);
  assert.match(value, /- Realm: `contoso\.com`/);
  assert.match(value, /- Signing certificate: .*\n {2}- Thumbprint: `[0-9A-F]{40}`\n {2}- Valid from \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}/);
  assert.match(value, /- FARM505: /);
});

test("editing the server's address drops its probe result and diagnostics", async () => {
  const diagnostics = await session.change(uri, [{ range: { start: { line: 2, character: 33 }, end: { line: 2, character: 41 } }, text: 'portal' }]);
  assert.equal(session.text(uri).split('\n')[2], 'sharepoint sp01 { url = "https://portal.contoso.com"; trusts = [ex01] }');
  assert.deepEqual(diagnostics.filter((d) => String(d.code).startsWith('FARM5')), []);
  const shown = await lenses();
  assert.ok(!shown.some((l) => l.startsWith('2 ✗')), shown.join('\n'));
  assert.ok(shown.some((l) => l.startsWith('1 ✓')), 'ex01 keeps its result');
});

test('with network access off, the lens says why and the command refuses', async () => {
  const off = await LspSession.start(undefined, { network: { enabled: false, disabledReason: 'the workspace is not trusted' } });
  try {
    await off.open(uri, FARM);
    const result = (await off.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } })) as CodeLens[];
    assert.deepEqual(result.map((l) => [l.range.start.line, l.command!.title, l.command!.command]), [[0, 'Metadata probes are off: the workspace is not trusted', '']]);
    await assert.rejects(
      off.connection.sendRequest(ExecuteCommandRequest.type, { command: 'office-farm.probe', arguments: [uri] }),
      (e: ResponseError<unknown>) => e.message === 'Metadata probes are off: the workspace is not trusted.',
    );
    await off.connection.sendNotification('office-farm/network', { enabled: true });
    const on = (await off.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } })) as CodeLens[];
    assert.deepEqual(on.map((l) => l.command!.title), ['Probe all', 'Probe metadata', 'Probe metadata']);
  } finally {
    await off.stop();
  }
});

test('a probe of a server that never answers is cancelled by the client, and says so', async () => {
  await simulator.setFaults('ex01', ['silent']);
  try {
    const source = new CancellationTokenSource();
    const probing = session.connection.sendRequest(ExecuteCommandRequest.type, { command: 'office-farm.probe', arguments: [uri, 'ex01'] }, source.token);
    // Cancelled once the server has said it started (its progress begins).
    const started = session.progress.length;
    while (!session.progress.slice(started).some((p) => (p as { kind: string }).kind === 'begin')) await new Promise((r) => setTimeout(r, 5));
    source.cancel();
    const outcome = await probing.then(
      (results) => (results as Array<{ outcome: string }>).map((r) => r.outcome).join(),
      (e: Error) => e.message,
    );
    assert.ok(outcome === 'cancelled' || /cancel/i.test(outcome), outcome);
    assert.ok((await lenses()).some((l) => l === '1 ○ probe cancelled'), 'the lens shows the cancelled probe');
  } finally {
    await simulator.setFaults('ex01', []);
  }
});
