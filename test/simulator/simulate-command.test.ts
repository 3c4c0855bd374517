// `office-farm simulate` as a user runs it: a child process, the connection
// file as the only way in, SIGTERM to stop.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Folder, FolderId, Mailbox, WellKnownFolderName } from 'ews-javascript-api';
import { findAccount, readConnectionFile } from '../../src/simulator/connection-file';
import { createEwsService, withTimeout } from '../../src/office/ews-connection';
import { UcwaPresenceSource } from '../../src/office/ucwa-presence';
import { request } from './https-client';

const CLI = resolve('dist/cli.js');
const CONTOSO = resolve('test/simulator/fixtures/contoso.farm');

async function waitForFile(path: string, child: { exitCode: number | null }): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (existsSync(path)) return;
    if (child.exitCode !== null) throw new Error(`simulate exited with ${child.exitCode} before writing ${path}`);
    await sleep(50);
  }
  throw new Error(`no connection file at ${path} after 15 s`);
}

test('simulate writes the connection file, serves the farm, logs requests and cleans up on SIGTERM', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'office-farm-cli-'));
  const connection = join(dir, 'conn', 'simulator.json');
  const child = spawn(
    process.execPath,
    [CLI, 'simulate', '--connection', connection, '--fault', 'sp01=wrong-realm', CONTOSO],
    { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  try {
    await waitForFile(connection, child);
    const file = readConnectionFile(connection);
    assert.equal(file.pid, child.pid);
    assert.equal(file.ca.path, join(dir, '.office-farm', 'simulator', 'ca.crt'), 'the state folder defaults to the working directory');
    const ex = await request(file, 'https://mail.contoso.com/autodiscover/metadata/json/1');
    assert.equal(JSON.parse(ex.body).realm, 'contoso.com');
    const sp = await request(file, 'https://intranet.contoso.com/_layouts/15/metadata/json/1');
    assert.match(JSON.parse(sp.body).issuer, /@fabrikam\.com$/);
    assert.match(stderr, /mail\.contoso\.com:443 → 127\.0\.0\.1:\d+/);
    await useOnlyTheConnectionFile(connection);
  } finally {
    child.kill('SIGTERM');
    const code = await exited;
    assert.equal(code, 0, stderr);
  }
  assert.ok(!existsSync(connection), 'the connection file is removed on shutdown');
  assert.match(stdout, /ex01 metadata +GET mail\.contoso\.com:443\/autodiscover\/metadata\/json\/1 → 200/);
  assert.match(stdout, /sp01 metadata .* → 200 .*\[fault wrong-realm\]/);
  rmSync(dir, { recursive: true, force: true });
});

/** Everything a client needs, taken from the file alone: CA, connect-to, URLs, accounts. */
async function useOnlyTheConnectionFile(path: string): Promise<void> {
  const file = readConnectionFile(path);
  const ca = [readFileSync(file.ca.path!, 'utf8')];
  const alice = findAccount(file, 'alice@contoso.com');
  const ews = createEwsService({ url: alice.ewsUrl!, auth: { kind: 'ntlm', user: alice.domainUserName, password: alice.password }, ca, connectTo: file.connectTo });
  const site = file.siteMailboxes[0];
  const inbox = await withTimeout(Folder.Bind(ews, new FolderId(WellKnownFolderName.Inbox, new Mailbox(site.address))), 15_000);
  assert.equal(inbox.TotalCount, site.messageCount);
  const ucwa = new UcwaPresenceSource({
    pool: 'lync01',
    signIn: alice.signInName,
    credentials: { kind: 'password', username: alice.signInName, password: alice.password },
    ca,
    connectTo: file.connectTo,
    timeoutMs: 15_000,
  });
  try {
    const readings = await ucwa.read(file.accounts.map((a) => ({ user: a.user, address: a.signInName })));
    assert.ok(readings.every((r) => 'presence' in r), 'every Contoso user has presence from the pool');
  } finally {
    await ucwa.close();
  }
}

test('simulate refuses bad flags with exit 2 and a one-line reason', () => {
  const run = (...args: string[]) => spawnSync(process.execPath, [CLI, 'simulate', ...args], { encoding: 'utf8' });
  let r = run('--fault', 'sp01=ews-server-busy', CONTOSO);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /applies to exchange servers, and sp01 is sharepoint/);
  r = run('--fault', 'nobody=html', CONTOSO);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /declares no server 'nobody'/);
  r = run('--fault', 'ex01=melted', CONTOSO);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /unknown fault 'melted'/);
  r = run('--seed', 'x', CONTOSO);
  assert.equal(r.status, 2);
  r = run();
  assert.equal(r.status, 2);
  assert.match(r.stderr, /no FILE given/);
  const dir = mkdtempSync(join(tmpdir(), 'office-farm-cli-'));
  const scenario = join(dir, 'scenario.json');
  writeFileSync(scenario, JSON.stringify({ faults: { ex01: ['slow:x'] } }));
  r = run('--scenario', scenario, CONTOSO);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /faults\.ex01: unknown fault 'slow:x'/);
  rmSync(dir, { recursive: true, force: true });
});

test('simulate --list-faults names every fault', () => {
  const r = spawnSync(process.execPath, [CLI, 'simulate', '--list-faults'], { encoding: 'utf8' });
  assert.equal(r.status, 0);
  for (const name of ['expired-cert', 'redirect-loop', 'untrusted-tls', 'ews-server-busy[:N]', 'presence-throttled[:N]']) {
    assert.ok(r.stdout.includes(name), name);
  }
});
