// office-farm probe end to end: the built CLI as a child process against
// purpose-built servers, reached by real-looking names through --connect-to.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ca, closedPort, days, exchangeDocument, json, lyncDocument, sharepointDocument, signingCertificate, startHttpsServer, tlsCertificate, type TestServer } from './metadata-servers';

const CLI = resolve(__dirname, '../../../dist/cli.js');

// The child must not inherit a proxy from the machine running the tests.
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(https?_proxy|all_proxy|no_proxy)$/i.test(k)));

function cli(args: string[], started?: (child: ChildProcess) => void): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = execFile(process.execPath, [CLI, ...args], { env, cwd: dir }, (err, stdout, stderr) => {
      done({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr });
    });
    started?.(child);
  });
}

let dir: string;
const servers: TestServer[] = [];

const FARM = `farm contoso {
  realm = "contoso.com"
}

exchange mail {
  host   = "mail.contoso.com"
  trusts = [portal, pool]
}

sharepoint portal {
  url    = "https://portal.contoso.com"
  trusts = [mail, pool]
}

lync pool {
  host   = "pool.contoso.com"
  trusts = [mail, portal]
}
`;

describe('office-farm probe (CLI)', () => {
  let mail: TestServer;
  let portalExpired: TestServer;
  let portalOk: TestServer;
  let pool: TestServer;
  let refused: number;
  let caFile: string;
  let farmFile: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'office-farm-probe-cli-'));
    caFile = join(dir, 'contoso-ca.pem');
    writeFileSync(caFile, ca().cert);
    farmFile = join(dir, 'contoso.farm');
    writeFileSync(farmFile, FARM);
    mail = await startHttpsServer(tlsCertificate(['mail.contoso.com']), json(exchangeDocument(signingCertificate('Exchange Auth'))));
    portalExpired = await startHttpsServer(
      tlsCertificate(['portal.contoso.com']),
      json(sharepointDocument(signingCertificate('SharePoint STS', { notBefore: days(-500), notAfter: days(-3) }))),
    );
    portalOk = await startHttpsServer(tlsCertificate(['portal.contoso.com']), json(sharepointDocument(signingCertificate('SharePoint STS'))));
    pool = await startHttpsServer(tlsCertificate(['pool.contoso.com']), json(lyncDocument(signingCertificate('OAuthTokenIssuer'))));
    servers.push(mail, portalExpired, portalOk, pool);
    refused = await closedPort();
  });
  after(async () => {
    await Promise.all(servers.map((s) => s.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  const map = (host: string, port: number) => ['--connect-to', `${host}:443:127.0.0.1:${port}`];

  it('prints the check JSON shape with probes; findings sit on the name and each trusts reference; exit 1', async () => {
    const { code, stdout, stderr } = await cli([
      'probe', '--format', 'json', '--ca', caFile,
      ...map('mail.contoso.com', mail.port), ...map('portal.contoso.com', portalExpired.port), ...map('pool.contoso.com', refused),
      farmFile,
    ]);
    assert.equal(stderr, '');
    assert.equal(code, 1);
    const out = JSON.parse(stdout);
    assert.equal(out.length, 1);
    assert.equal(out[0].file, farmFile);
    assert.deepEqual(
      out[0].probes.map((p: { server: string; outcome: string }) => [p.server, p.outcome]),
      [['mail', 'ok'], ['portal', 'error'], ['pool', 'error']],
    );
    const at = (d: { code: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }) =>
      `${d.code}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`;
    assert.deepEqual(out[0].diagnostics.map(at), [
      // trusts = [portal, pool] in mail (line 6)
      'FARM505@6:12-6:18',
      'FARM501@6:20-6:24',
      // sharepoint portal (line 9), its name
      'FARM505@9:11-9:17',
      // trusts = [mail, pool] in portal (line 11)
      'FARM501@11:18-11:22',
      // lync pool (line 14), its name
      'FARM501@14:5-14:9',
      // trusts = [mail, portal] in pool (line 16)
      'FARM505@16:18-16:24',
    ]);
    const expired = out[0].diagnostics.find((d: { code: string }) => d.code === 'FARM505');
    assert.equal(expired.severity, 'error');
    assert.match(expired.message, /^SharePoint server 'portal': the signing certificate .* expired on/);
    assert.match(out[0].diagnostics.find((d: { code: string }) => d.code === 'FARM501').message, /^Lync server 'pool': pool\.contoso\.com:443 \(at 127\.0\.0\.1:\d+\) refused the connection/);
  });

  it('exits 0 and prints a table when every probe passes', async () => {
    const { code, stdout, stderr } = await cli([
      'probe', '--ca', caFile,
      ...map('mail.contoso.com', mail.port), ...map('portal.contoso.com', portalOk.port), ...map('pool.contoso.com', pool.port),
      farmFile,
    ]);
    assert.equal(stderr, '');
    assert.equal(code, 0, stdout);
    const lines = stdout.trimEnd().split('\n');
    assert.equal(lines[0], farmFile);
    assert.match(lines[1]!, /^\s+SERVER\s+KIND\s+METADATA URL\s+RESULT$/);
    assert.match(lines[2]!, /^\s+mail\s+exchange\s+https:\/\/mail\.contoso\.com\/autodiscover\/metadata\/json\/1\s+✓ metadata OK · realm contoso\.com · cert expires \d{4}-\d\d-\d\d · \d+ ms$/);
    assert.match(lines[3]!, /^\s+portal\s+sharepoint\s+https:\/\/portal\.contoso\.com\/_layouts\/15\/metadata\/json\/1\s+✓ metadata OK/);
    assert.match(lines[4]!, /^\s+pool\s+lync\s+https:\/\/pool\.contoso\.com\/metadata\/json\/1\s+✓ metadata OK/);
    assert.equal(lines.length, 5);
  });

  it('lists text findings once each, on the declaration, as FILE:LINE:COL', async () => {
    const { code, stdout } = await cli(['probe', '--ca', caFile, ...map('mail.contoso.com', mail.port), ...map('portal.contoso.com', portalExpired.port), ...map('pool.contoso.com', pool.port), farmFile]);
    assert.equal(code, 1);
    const findings = stdout.split('\n').filter((l) => l.startsWith(farmFile + ':'));
    assert.equal(findings.length, 1);
    assert.match(findings[0]!, new RegExp(`^${farmFile.replace(/[.\\/]/g, '\\$&')}:10:12: error FARM505 SharePoint server 'portal': `));
  });

  it('--connection reads the CA and the connect-to map from a simulator connection file', async () => {
    const connection = join(dir, 'simulator.json');
    writeFileSync(
      connection,
      JSON.stringify({
        version: 1, pid: process.pid, startedAt: new Date().toISOString(), realm: 'contoso.com', seed: 1,
        ca: { pem: ca().cert },
        connectTo: { 'mail.contoso.com:443': `127.0.0.1:${mail.port}`, 'portal.contoso.com:443': `127.0.0.1:${portalOk.port}`, 'pool.contoso.com:443': `127.0.0.1:${pool.port}` },
        servers: [], accounts: [], siteMailboxes: [],
      }),
    );
    const { code, stdout, stderr } = await cli(['probe', '--format', 'json', '--connection', connection, farmFile]);
    assert.equal(stderr, '');
    assert.equal(code, 0);
    const out = JSON.parse(stdout);
    assert.deepEqual(out[0].diagnostics, []);
    assert.deepEqual(out[0].probes.map((p: { outcome: string }) => p.outcome), ['ok', 'ok', 'ok']);
  });

  it('without --ca, the private CA is not trusted: FARM502', async () => {
    const { code, stdout } = await cli(['probe', '--format', 'json', ...map('mail.contoso.com', mail.port), ...map('portal.contoso.com', portalOk.port), ...map('pool.contoso.com', pool.port), farmFile]);
    assert.equal(code, 1);
    const codes = new Set(JSON.parse(stdout)[0].diagnostics.map((d: { code: string }) => d.code));
    assert.deepEqual([...codes], ['FARM502']);
  });

  it('Ctrl-C cancels the probes in flight, prints them as cancelled and exits 130', async () => {
    const hung = await startHttpsServer(tlsCertificate(['mail.contoso.com']), () => undefined);
    servers.push(hung);
    let child: ChildProcess | undefined;
    const running = cli(['probe', '--format', 'json', '--ca', caFile, ...map('mail.contoso.com', hung.port), ...map('portal.contoso.com', portalOk.port), ...map('pool.contoso.com', pool.port), farmFile], (c) => (child = c));
    while (hung.requests.length === 0) await new Promise((r) => setTimeout(r, 10));
    child!.kill('SIGINT');
    const { code, stdout } = await running;
    assert.equal(code, 130);
    const out = JSON.parse(stdout);
    const outcomes = out[0].probes.map((p: { server: string; outcome: string }) => [p.server, p.outcome]);
    assert.deepEqual(outcomes[0], ['mail', 'cancelled']);
    // The healthy servers may or may not have answered before the interrupt.
    for (const [, outcome] of outcomes.slice(1)) assert.ok(outcome === 'ok' || outcome === 'cancelled', outcome);
    assert.deepEqual(out[0].diagnostics, []);
  });

  it('exits 2 with a one-line message for usage errors and unreadable files', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['probe', '--connect-to', 'mail.contoso.com:443:127.0.0.1', farmFile], /--connect-to .*expected HOST:PORT:ADDR:PORT/],
      [['probe', '--ca', join(dir, 'missing.pem'), farmFile], /--ca .*missing\.pem: no such file/],
      [['probe', '--ca', farmFile, farmFile], /no PEM certificate/],
      [['probe', '--timeout', 'soon', farmFile], /--timeout takes milliseconds/],
      [['probe', '--format', 'sarif', farmFile], /--format takes text or json/],
      [['probe', '--connection', join(dir, 'nope.json'), farmFile], /no such file/],
      [['probe', join(dir, 'absent.farm')], /cannot read .*absent\.farm: no such file/],
      [['probe'], /no FILE given/],
    ];
    for (const [args, message] of cases) {
      const { code, stdout, stderr } = await cli(args);
      assert.equal(code, 2, args.join(' '));
      assert.equal(stdout, '');
      assert.match(stderr.split('\n')[0]!, message);
      assert.doesNotMatch(stderr, /\n\s+at /, 'no stack trace');
    }
  });
});
