// office-farm/topology (src/server/topology-request.ts): the data behind
// the extension's Office Farm view, read from the open document, following
// edits, with each server's last probe against the simulator.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { ExecuteCommandRequest, ResponseError } from 'vscode-languageserver-protocol';
import { readTopology } from '../../src/core';
import { startSimulator, type RunningSimulator } from '../../src/simulator';
import type { TopologyResult } from '../../src/server/topology-request';
import { LspSession } from './lsp-session';

const FARM = [
  'farm contoso { realm = "contoso.com" }',
  'exchange ex01 { host = "mail.contoso.com"; version = 2016; trusts = [sp01] }',
  'sharepoint sp01 { url = "https://intranet.contoso.com"; trusts = [ex01] }',
  'site-mailbox projectx { site = "https://intranet.contoso.com/sites/projectx"; address = "SMO-ProjectX@contoso.com"; owners = [alice]; members = [] }',
  'user alice { address = "alice@contoso.com"; mailbox = ex01 }',
  '',
].join('\n');

let simulator: RunningSimulator;
let stateDir: string;
let session: LspSession;
const uri = 'untitled:topology.farm';

before(async () => {
  stateDir = mkdtempSync(join(tmpdir(), 'farm-lsp-topology-'));
  simulator = await startSimulator(readTopology(FARM), { stateDir });
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

const ask = () => session.connection.sendRequest('office-farm/topology', { uri }) as Promise<TopologyResult>;

test('servers, site mailboxes and users, each with the range of its name', async () => {
  const t = await ask();
  assert.equal(t.realm, 'contoso.com');
  assert.deepEqual(
    t.servers.map((s) => [s.name, s.kind, s.version, s.host ?? s.url, s.probe]),
    [
      ['ex01', 'exchange', 2016, 'mail.contoso.com', undefined],
      ['sp01', 'sharepoint', 2013, 'https://intranet.contoso.com', undefined],
    ],
  );
  assert.deepEqual(t.servers.map((s) => s.release), ['2016', '2013']);
  assert.equal(t.servers[0].ewsUrl, 'https://mail.contoso.com/EWS/Exchange.asmx');
  assert.deepEqual(t.servers[0].range, { start: { line: 1, character: 9 }, end: { line: 1, character: 13 } });
  assert.deepEqual(t.siteMailboxes.map((m) => [m.name, m.address, m.site, m.owners]), [
    ['projectx', 'SMO-ProjectX@contoso.com', 'https://intranet.contoso.com/sites/projectx', ['alice']],
  ]);
  assert.equal(t.siteMailboxes[0].range.start.line, 3);
  assert.deepEqual(t.users.map((u) => [u.name, u.address, u.mailbox, u.range.start.line]), [['alice', 'alice@contoso.com', 'ex01', 4]]);
});

test('follows edits: a new user appears in the next answer', async () => {
  const line = FARM.split('\n').length - 1;
  await session.change(uri, [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: 'user bob { address = "bob@contoso.com" }\n' }]);
  const t = await ask();
  assert.deepEqual(t.users.map((u) => u.name), ['alice', 'bob']);
  assert.ok(t.version > 1);
});

test("a probe's outcome is part of the server's entry", async () => {
  await session.connection.sendRequest(ExecuteCommandRequest.type, { command: 'office-farm.probe', arguments: [uri, 'ex01'] });
  const ex01 = (await ask()).servers.find((s) => s.name === 'ex01')!;
  assert.equal(ex01.probe?.outcome, 'ok');
  assert.equal(ex01.probe?.findings, 0);
  assert.ok(!Number.isNaN(Date.parse(ex01.probe!.startedAt)));
});

test('a document that is not open is an InvalidParams error', async () => {
  await assert.rejects(session.connection.sendRequest('office-farm/topology', { uri: 'untitled:nothing.farm' }), (e: unknown) => e instanceof ResponseError && /not open/.test(e.message));
});
