// The server's log (VS Code's "Office Farm" output): its start with its
// version, each probe with URL, HTTP status, outcome and time, each failure
// with its cause, and never a password or token. Probed against the farm
// simulator over HTTPS.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { CodeLensRequest, ExecuteCommandRequest } from 'vscode-languageserver-protocol';
import { readTopology } from '../../src/core';
import { redact } from '../../src/server/server-log';
import { startSimulator, type RunningSimulator } from '../../src/simulator';
import { repoRoot } from '../support/paths';
import { LspSession } from './lsp-session';

const FARM = [
  'farm contoso { realm = "contoso.com" }',
  'exchange ex01 { host = "mail.contoso.com"; trusts = [sp01] }',
  'sharepoint sp01 { url = "https://intranet.contoso.com"; trusts = [ex01] }',
  '',
].join('\n');
const version = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
const uri = 'untitled:logged.farm';

let simulator: RunningSimulator;
let stateDir: string;
let session: LspSession;
let network: Record<string, unknown>;

before(async () => {
  stateDir = mkdtempSync(join(tmpdir(), 'farm-lsp-log-'));
  simulator = await startSimulator(readTopology(FARM), { stateDir, log: () => undefined });
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

/** Runs the probe command; the log lines it wrote arrive before its answer. */
async function probe(server: string): Promise<string[]> {
  const from = session.messages.length;
  await session.connection.sendRequest(ExecuteCommandRequest.type, { command: 'office-farm.probe', arguments: [uri, server] }).catch(() => undefined);
  return session.messages.slice(from);
}

test('the server says its name and package version, in the log and in serverInfo', () => {
  assert.deepEqual(session.initializeResult.serverInfo, { name: 'Office Farm Language Server', version });
  assert.ok(
    session.messages.some((m) => new RegExp(`^Office Farm Language Server ${version.replace(/\./g, '\\.')} started \\(Node \\d+\\.\\d+\\.\\d+, pid \\d+\\)$`).test(m)),
    session.messages.join('\n'),
  );
});

test('a probe that succeeds: its URL, HTTP 200, ok and the time it took', async () => {
  assert.deepEqual(
    (await probe('ex01')).filter((m) => m.startsWith('probe ')).map((m) => m.replace(/\d+ ms/, 'N ms')),
    ['probe ex01 https://mail.contoso.com/autodiscover/metadata/json/1: HTTP 200, ok, N ms'],
  );
});

test('a probe that fails: its HTTP status and the cause', async () => {
  await simulator.setFaults('sp01', ['not-found']);
  try {
    const lines = (await probe('sp01')).filter((m) => m.startsWith('probe '));
    assert.equal(lines.length, 1, lines.join('\n'));
    assert.match(lines[0], /^probe sp01 https:\/\/intranet\.contoso\.com\/_layouts\/15\/metadata\/json\/1: HTTP 404, error, \d+ ms: FARM503 \S.*404/);
  } finally {
    await simulator.setFaults('sp01', []);
  }
});

test('a probe command that cannot run logs why', async () => {
  const lines = await probe('nosuch');
  assert.ok(lines.some((m) => m === 'office-farm.probe nosuch failed: nosuch has no metadata endpoint to probe: give it a valid host or url.'), lines.join('\n'));
});

test('a proxy password is never written, in the settings or in a failure through that proxy', async () => {
  const from = session.messages.length;
  await session.connection.sendNotification('office-farm/network', { ...network, proxy: 'http://alice:s3cr3t-pw@127.0.0.1:9', timeoutMs: 2000 });
  // Handled in order: once the lenses answer, the notification has been.
  await session.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } });
  const lines = [...session.messages.slice(from), ...(await probe('ex01'))];
  assert.ok(lines.some((m) => m.includes('proxy http://***@127.0.0.1:9')), lines.join('\n'));
  const failure = lines.find((m) => m.startsWith('probe ex01 '));
  assert.ok(failure && / error, \d+ ms: FARM50\d \S/.test(failure), lines.join('\n'));
  assert.ok(!lines.some((m) => m.includes('s3cr3t-pw') || m.includes('alice')), lines.join('\n'));
  await session.connection.sendNotification('office-farm/network', network);
});

test('redact masks URL credentials, secret query parameters and authorization headers', () => {
  assert.equal(redact('GET https://bob:hunter2@sp.contoso.com/x?a=1&access_token=eyJ0.abc&b=2'), 'GET https://***@sp.contoso.com/x?a=1&access_token=***&b=2');
  assert.equal(redact('proxy http://user@proxy:8080'), 'proxy http://***@proxy:8080');
  assert.equal(redact('Authorization: Bearer eyJhbGciOi'), 'Authorization: Bearer ***');
  assert.equal(redact('password=letmein; token=abc'), 'password=***; token=***');
  assert.equal(redact('probe ex01 https://mail.contoso.com/autodiscover/metadata/json/1: HTTP 200, ok, 84 ms'), 'probe ex01 https://mail.contoso.com/autodiscover/metadata/json/1: HTTP 200, ok, 84 ms');
});
