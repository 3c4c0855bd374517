import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate, createHash } from 'node:crypto';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator, type RunningSimulator } from '../../src/simulator';
import { readConnectionFile } from '../../src/simulator/connection-file';
import { contosoTopology } from './contoso-topology';
import { SHARED_STATE_DIR } from './shared-state';
import { request } from './https-client';

const EXCHANGE = 'https://mail.contoso.com/autodiscover/metadata/json/1';
const SHAREPOINT = 'https://intranet.contoso.com/_layouts/15/metadata/json/1';
const LYNC = 'https://pool01.contoso.com/metadata/json/1';

describe('metadata endpoints', () => {
  let dir: string;
  let sim: RunningSimulator;
  const lines: string[] = [];

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'office-farm-sim-'));
    sim = await startSimulator(contosoTopology(), {
      stateDir: SHARED_STATE_DIR,
      connectionFile: join(dir, 'simulator.json'),
      log: (l) => lines.push(l),
    });
  });
  after(async () => {
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const get = (url: string, opts: Parameters<typeof request>[2] = {}) => request(sim.connection, url, opts);
  const setFaults = (server: string, faults: string[]) => sim.setFaults(server, faults);

  test('the connection file is written, valid, and maps each host to loopback', () => {
    const file = readConnectionFile(join(dir, 'simulator.json'));
    assert.equal(file.version, 1);
    assert.deepEqual(Object.keys(file.connectTo).sort(), ['graph.microsoft.com:443', 'intranet.contoso.com:443', 'lyncdiscover.contoso.com:443', 'mail.contoso.com:443', 'pool01.contoso.com:443']);
    for (const to of Object.values(file.connectTo)) assert.match(to, /^127\.0\.0\.1:\d+$/);
    assert.equal(file.ca.path, join(SHARED_STATE_DIR, 'ca.crt'));
    assert.deepEqual(
      file.servers.map((s) => [s.name, s.kind, s.metadataUrl]),
      [
        ['ex01', 'exchange', EXCHANGE],
        ['sp01', 'sharepoint', SHAREPOINT],
        ['lync01', 'lync', LYNC],
      ],
    );
    assert.deepEqual(
      file.accounts.map((a) => [a.user, a.signInName, a.domainUserName]),
      [
        ['alice', 'alice@contoso.com', 'CONTOSO\\alice'],
        ['bob', 'bob@contoso.com', 'CONTOSO\\bob'],
        ['carol', 'carol@contoso.com', 'CONTOSO\\carol'],
      ],
    );
  });

  test('Exchange publishes its principal, realm, x5t and endpoints in lower-case style', async () => {
    const r = await get(EXCHANGE);
    assert.equal(r.status, 200);
    assert.match(String(r.headers['content-type']), /^application\/json/);
    assert.equal(r.peer?.subject.CN, 'mail.contoso.com');
    const doc = JSON.parse(r.body);
    assert.equal(doc.serviceName, '00000002-0000-0ff1-ce00-000000000000');
    assert.equal(doc.realm, 'contoso.com');
    assert.equal(doc.issuer, '00000002-0000-0ff1-ce00-000000000000@contoso.com');
    assert.equal(doc.keys[0].usage, 'signing');
    assert.equal(doc.keys[0].keyvalue.type, 'x509Certificate');
    const cert = new X509Certificate(Buffer.from(doc.keys[0].keyvalue.value, 'base64'));
    assert.equal(doc.keys[0].keyinfo.x5t, createHash('sha1').update(cert.raw).digest('base64url'));
    assert.ok(new Date(cert.validTo).getTime() > Date.now() + 300 * 86400_000);
    assert.equal(doc.endpoints[0].protocol, 'OAuth2');
  });

  test("SharePoint uses its own casing and leaves out x5t, realm and endpoints", async () => {
    const doc = JSON.parse((await get(SHAREPOINT)).body);
    assert.equal(doc.serviceName, '00000003-0000-0ff1-ce00-000000000000');
    assert.equal(doc.issuer, '00000003-0000-0ff1-ce00-000000000000@contoso.com');
    assert.equal(doc.realm, undefined);
    assert.equal(doc.endpoints, undefined);
    assert.equal(doc.keys[0].usage, 'Signing');
    assert.equal(doc.keys[0].keyValue.type, 'x509certificate');
    assert.equal(doc.keys[0].keyInfo, undefined);
    assert.ok(new X509Certificate(Buffer.from(doc.keys[0].keyValue.value, 'base64')));
  });

  test('Lync publishes the Lync principal; each server has its own signing certificate', async () => {
    const lync = JSON.parse((await get(LYNC)).body);
    const ex = JSON.parse((await get(EXCHANGE)).body);
    assert.equal(lync.serviceName, '00000004-0000-0ff1-ce00-000000000000');
    assert.notEqual(lync.keys[0].keyvalue.value, ex.keys[0].keyvalue.value);
  });

  test('an unknown path is an IIS 404 and every request is logged', async () => {
    const r = await get('https://mail.contoso.com/nothing/here');
    assert.equal(r.status, 404);
    assert.match(r.body, /404 - File or directory not found/);
    assert.ok(lines.some((l) => l.includes('GET mail.contoso.com:443/nothing/here → 404')));
    assert.ok(lines.some((l) => l.includes('ex01 metadata') && l.includes('→ 200')));
  });

  test('signing-certificate faults change the published certificate', async () => {
    const validity = async () => {
      const doc = JSON.parse((await get(EXCHANGE)).body);
      const c = new X509Certificate(Buffer.from(doc.keys[0].keyvalue.value, 'base64'));
      return { from: new Date(c.validFrom).getTime(), to: new Date(c.validTo).getTime() };
    };
    const now = Date.now();
    await setFaults('ex01', ['expired-cert']);
    assert.ok((await validity()).to < now);
    await setFaults('ex01', ['not-yet-valid-cert']);
    assert.ok((await validity()).from > now);
    await setFaults('ex01', ['expiring-cert:3']);
    const soon = await validity();
    assert.ok(soon.from < now && soon.to > now && soon.to < now + 4 * 86400_000);
    await setFaults('ex01', []);
    assert.ok((await validity()).to > now + 300 * 86400_000);
  });

  test('x5t-mismatch, wrong-principal and wrong-realm alter the document', async () => {
    await setFaults('ex01', ['x5t-mismatch', 'wrong-principal', 'wrong-realm']);
    const doc = JSON.parse((await get(EXCHANGE)).body);
    const cert = new X509Certificate(Buffer.from(doc.keys[0].keyvalue.value, 'base64'));
    assert.notEqual(doc.keys[0].keyinfo.x5t, createHash('sha1').update(cert.raw).digest('base64url'));
    assert.equal(doc.serviceName, '00000003-0000-0ff1-ce00-000000000000');
    assert.equal(doc.realm, 'fabrikam.com');
    await setFaults('sp01', ['x5t-mismatch']);
    const sp = JSON.parse((await get(SHAREPOINT)).body);
    assert.equal(typeof sp.keyInfo === 'undefined' && typeof sp.keys[0].keyInfo.x5t, 'string');
    await setFaults('ex01', []);
    await setFaults('sp01', []);
  });

  test('HTML, 404 and 500 faults answer as IIS and a sign-in page do', async () => {
    await setFaults('lync01', ['html']);
    let r = await get(LYNC);
    assert.equal(r.status, 200);
    assert.match(String(r.headers['content-type']), /^text\/html/);
    assert.throws(() => JSON.parse(r.body));
    await setFaults('lync01', ['not-found']);
    r = await get(LYNC);
    assert.equal(r.status, 404);
    await setFaults('lync01', ['server-error']);
    r = await get(LYNC);
    assert.equal(r.status, 500);
    assert.match(r.body, /500 - Internal server error/);
    await setFaults('lync01', []);
  });

  test('redirect faults point to plain http or back to the start', async () => {
    await setFaults('sp01', ['redirect-to-http']);
    let r = await get(SHAREPOINT);
    assert.equal(r.status, 302);
    assert.equal(r.headers.location, 'http://intranet.contoso.com/_layouts/15/metadata/json/1');
    await setFaults('sp01', ['redirect-loop']);
    r = await get(SHAREPOINT);
    assert.equal(r.status, 302);
    const next = new URL(String(r.headers.location), SHAREPOINT).href;
    const back = await get(next);
    assert.equal(back.status, 302);
    assert.equal(new URL(String(back.headers.location), next).href, SHAREPOINT);
    await setFaults('sp01', []);
  });

  test('slow answers late, silent never answers, oversized runs past any sane limit', async () => {
    await setFaults('ex01', ['slow:200']);
    assert.equal((await get(EXCHANGE)).status, 200);
    await setFaults('ex01', ['silent']);
    await assert.rejects(get(EXCHANGE, { timeoutMs: 300 }), /timed out/);
    await setFaults('ex01', ['oversized:3000000']);
    await assert.rejects(get(EXCHANGE, { limit: 1024 * 1024 }), /larger than/);
    const whole = await get(EXCHANGE);
    assert.ok(whole.body.length >= 3_000_000);
    assert.equal(whole.headers['content-length'], undefined);
    await setFaults('ex01', []);
  });

  test('TLS faults: an untrusted CA, then a certificate for another name', async () => {
    await setFaults('ex01', ['untrusted-tls']);
    await assert.rejects(get(EXCHANGE), (err: NodeJS.ErrnoException) => {
      assert.match(String(err.code), /SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT_LOCALLY/);
      return true;
    });
    await setFaults('ex01', ['wrong-host']);
    await assert.rejects(get(EXCHANGE), (err: NodeJS.ErrnoException) => {
      assert.equal(err.code, 'ERR_TLS_CERT_ALTNAME_INVALID');
      return true;
    });
    await setFaults('ex01', []);
    assert.equal((await get(EXCHANGE)).status, 200);
  });

  test('faults are checked against the server and recorded in the connection file', async () => {
    await assert.rejects(setFaults('sp01', ['ews-server-busy']), /applies to exchange servers, and sp01 is sharepoint/);
    await assert.rejects(setFaults('nobody', ['html']), /no server 'nobody'/);
    await assert.rejects(setFaults('ex01', ['bogus']), /unknown fault 'bogus'/);
    await setFaults('ex01', ['wrong-realm']);
    assert.deepEqual(readConnectionFile(join(dir, 'simulator.json')).servers[0].faults, ['wrong-realm']);
    await setFaults('ex01', []);
  });

  test('the CA is kept in the state folder and reused by the next run', async () => {
    const second = await startSimulator(contosoTopology(), { stateDir: SHARED_STATE_DIR });
    try {
      assert.equal(second.connection.ca.pem, sim.connection.ca.pem);
      assert.equal(second.connection.accounts[0].password, sim.connection.accounts[0].password);
      assert.notDeepEqual(second.connection.connectTo, sim.connection.connectTo);
    } finally {
      await second.close();
    }
  });

  test('close removes the connection file', async () => {
    const file = join(dir, 'other.json');
    const s = await startSimulator(contosoTopology(), { stateDir: SHARED_STATE_DIR, connectionFile: file });
    assert.ok(existsSync(file));
    await s.close();
    assert.ok(!existsSync(file));
  });
});
