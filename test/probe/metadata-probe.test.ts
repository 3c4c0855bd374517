import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type * as http from 'node:http';
import { probeMetadata, parseConnectTo, type ProbeOptions, type ProbeResult, type ProbeTarget } from '../../src/probe';
import {
  ca,
  closedPort,
  days,
  exchangeDocument,
  json,
  lyncDocument,
  sharepointDocument,
  signingCertificate,
  startHttpsServer,
  startSilentServer,
  tlsCertificate,
  createOtherCa,
  type Handler,
  type TestServer,
} from './metadata-servers';
import { x5tThumbprint } from '../../src/simulator/certificates';

const servers: TestServer[] = [];

/** Serves `handler` as https://HOST (port 443 mapped to a loopback port) with a certificate for `names`. */
async function serve(host: string, handler: Handler, names: string[] = [host], opts: Parameters<typeof tlsCertificate>[1] = {}): Promise<TestServer> {
  const server = await startHttpsServer(tlsCertificate(names, opts), handler);
  servers.push(server);
  return server;
}

function options(map: Record<string, TestServer | number>, extra: ProbeOptions = {}): ProbeOptions {
  return {
    ca: [ca().cert],
    connectTo: Object.entries(map).map(([host, s]) => parseConnectTo(`${host}:443:127.0.0.1:${typeof s === 'number' ? s : s.port}`)),
    // The tests' own environment must not send them through a proxy.
    env: {},
    ...extra,
  };
}

/** farm.realm is contoso.com unless `realm` says otherwise (null: the farm sets none). */
function target(kind: ProbeTarget['kind'], url: string, realm: string | null = 'contoso.com'): ProbeTarget {
  return { server: kind === 'exchange' ? 'mail' : kind === 'sharepoint' ? 'portal' : 'pool', kind, url, expectedRealm: realm ?? undefined };
}

const codes = (r: ProbeResult) => r.findings.map((f) => f.code);
const status = (r: ProbeResult, id: string) => r.checks.find((c) => c.id === id)?.status;

const EXCHANGE_URL = 'https://mail.contoso.com/autodiscover/metadata/json/1';
const SHAREPOINT_URL = 'https://portal.contoso.com/_layouts/15/metadata/json/1';
const LYNC_URL = 'https://pool.contoso.com/metadata/json/1';

describe('probeMetadata against purpose-built servers', () => {
  let signing: ReturnType<typeof signingCertificate>;
  before(() => {
    signing = signingCertificate('Microsoft Exchange Server Auth Certificate');
  });
  after(async () => {
    await Promise.all(servers.map((s) => s.close()));
  });

  it('accepts a valid Exchange document and reports its details', async () => {
    const s = await serve('mail.contoso.com', json(exchangeDocument(signing)));
    const r = await probeMetadata(target('exchange', EXCHANGE_URL), options({ 'mail.contoso.com': s }));
    assert.deepEqual(codes(r), []);
    assert.equal(r.outcome, 'ok');
    assert.ok(r.checks.filter((c) => c.id !== 'realm').every((c) => c.status === 'passed'), JSON.stringify(r.checks));
    assert.equal(status(r, 'realm'), 'passed');
    assert.equal(r.metadata?.realm, 'contoso.com');
    assert.equal(r.metadata?.issuer, '00000002-0000-0ff1-ce00-000000000000@contoso.com');
    assert.equal(r.metadata?.signingCertificates[0]?.subject, 'CN=Microsoft Exchange Server Auth Certificate');
    assert.match(r.metadata?.signingCertificates[0]?.thumbprint ?? '', /^[0-9A-F]{40}$/);
    assert.equal(r.metadata?.endpoints[0]?.location, EXCHANGE_URL);
    assert.equal(r.finalUrl, EXCHANGE_URL);
    assert.equal(r.connection?.address, `127.0.0.1:${s.port}`);
    assert.equal(r.connection?.serverCertificate?.subject, 'CN=mail.contoso.com');
    assert.ok(r.durationMs >= 0);
  });

  it('sends a User-Agent naming the tool, the real host name, and no credentials', async () => {
    const s = await serve('mail.contoso.com', json(exchangeDocument(signing)));
    await probeMetadata(target('exchange', EXCHANGE_URL), options({ 'mail.contoso.com': s }));
    const req = s.requests[0] as http.IncomingMessage;
    assert.match(req.headers['user-agent'] ?? '', /^office-farm\/\d+\.\d+\.\d+ /);
    assert.equal(req.headers.host, 'mail.contoso.com');
    assert.equal(req.url, '/autodiscover/metadata/json/1');
    assert.equal(req.headers.authorization, undefined);
    assert.equal(req.headers.cookie, undefined);
    assert.equal(req.headers['proxy-authorization'], undefined);
  });

  it("accepts SharePoint's document in its own casing, without x5t, realm or endpoints", async () => {
    const s = await serve('portal.contoso.com', json(sharepointDocument(signingCertificate('SharePoint Security Token Service'))));
    const r = await probeMetadata(target('sharepoint', SHAREPOINT_URL), options({ 'portal.contoso.com': s }));
    assert.deepEqual(codes(r), []);
    assert.equal(r.outcome, 'ok');
    assert.equal(status(r, 'thumbprint'), 'skipped');
    assert.equal(status(r, 'realm'), 'passed');
    assert.equal(r.metadata?.realm, 'contoso.com');
    assert.deepEqual(r.metadata?.endpoints, []);
  });

  it('accepts a valid Lync document', async () => {
    const s = await serve('pool.contoso.com', json(lyncDocument(signingCertificate('OAuthTokenIssuer'))));
    const r = await probeMetadata(target('lync', LYNC_URL), options({ 'pool.contoso.com': s }));
    assert.deepEqual(codes(r), []);
    assert.equal(status(r, 'service-principal'), 'passed');
  });

  it('skips the realm check when the farm sets no realm', async () => {
    const s = await serve('mail.contoso.com', json(exchangeDocument(signing, { realm: 'fabrikam.com' })));
    const r = await probeMetadata(target('exchange', EXCHANGE_URL, null), options({ 'mail.contoso.com': s }));
    assert.deepEqual(codes(r), []);
    assert.equal(status(r, 'realm'), 'skipped');
  });

  it('FARM505 for an expired signing certificate', async () => {
    const old = signingCertificate('Expired Auth', { notBefore: days(-400), notAfter: days(-2) });
    const s = await serve('mail.contoso.com', json(exchangeDocument(old)));
    const r = await probeMetadata(target('exchange', EXCHANGE_URL), options({ 'mail.contoso.com': s }));
    assert.deepEqual(codes(r), ['FARM505']);
    assert.equal(r.outcome, 'error');
    assert.equal(r.findings[0]?.severity, 'error');
    assert.match(r.findings[0]!.message, /^Exchange server 'mail': the signing certificate .* expired on \d{4}-\d\d-\d\d\. .*Set-AuthConfig/);
  });

  it('FARM505 for a signing certificate that is not valid yet', async () => {
    const early = signingCertificate('Future Auth', { notBefore: days(5), notAfter: days(400) });
    const s = await serve('mail.contoso.com', json(exchangeDocument(early)));
    const r = await probeMetadata(target('exchange', EXCHANGE_URL), options({ 'mail.contoso.com': s }));
    assert.deepEqual(codes(r), ['FARM505']);
    assert.match(r.findings[0]!.message, /is not valid until/);
  });

  it('FARM506 (warning) for a signing certificate expiring in 10 days', async () => {
    const soon = signingCertificate('Expiring Auth', { notBefore: days(-300), notAfter: days(10) });
    const s = await serve('mail.contoso.com', json(exchangeDocument(soon)));
    const r = await probeMetadata(target('exchange', EXCHANGE_URL), options({ 'mail.contoso.com': s }));
    assert.deepEqual(codes(r), ['FARM506']);
    assert.equal(r.outcome, 'warning');
    assert.equal(r.findings[0]?.severity, 'warning');
    assert.match(r.findings[0]!.message, /in (9|10) days/);
  });

  it('FARM507 when x5t does not match the certificate', async () => {
    const other = signingCertificate('Some Other Certificate');
    const s = await serve('mail.contoso.com', json(exchangeDocument(signing, { x5t: x5tThumbprint(other.cert) })));
    const r = await probeMetadata(target('exchange', EXCHANGE_URL), options({ 'mail.contoso.com': s }));
    assert.deepEqual(codes(r), ['FARM507']);
  });

  it('FARM508 when an Exchange document is served where SharePoint is declared', async () => {
    const s = await serve('portal.contoso.com', json(exchangeDocument(signing)));
    const r = await probeMetadata(target('sharepoint', SHAREPOINT_URL), options({ 'portal.contoso.com': s }));
    assert.deepEqual(codes(r), ['FARM508']);
    assert.equal(r.outcome, 'warning');
    assert.match(r.findings[0]!.message, /^SharePoint server 'portal': the endpoint serves Exchange's metadata/);
  });

  it('FARM509 when the realm differs from farm.realm', async () => {
    const s = await serve('mail.contoso.com', json(exchangeDocument(signing, { realm: 'fabrikam.com' })));
    const r = await probeMetadata(target('exchange', EXCHANGE_URL), options({ 'mail.contoso.com': s }));
    assert.deepEqual(codes(r), ['FARM509']);
    assert.match(r.findings[0]!.message, /"fabrikam\.com" but farm\.realm is "contoso\.com"/);
  });

  it('FARM504 for an HTML page instead of JSON', async () => {
    const s = await serve('mail.contoso.com', (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end('<!DOCTYPE html><html><head><title>Outlook Web App</title></head><body>Sign in</body></html>');
    });
    const r = await probeMetadata(target('exchange', EXCHANGE_URL), options({ 'mail.contoso.com': s }));
    assert.deepEqual(codes(r), ['FARM504']);
    assert.match(r.findings[0]!.message, /an HTML page titled "Outlook Web App"/);
    assert.equal(status(r, 'http-status'), 'passed');
    assert.equal(status(r, 'certificate-validity'), 'not-run');
  });

  it('FARM504 for JSON without a signing key', async () => {
    const s = await serve('mail.contoso.com', json({ id: 'x', keys: [{ usage: 'encryption', keyvalue: { type: 'x509Certificate', value: 'AAAA' } }] }));
    const r = await probeMetadata(target('exchange', EXCHANGE_URL), options({ 'mail.contoso.com': s }));
    assert.deepEqual(codes(r), ['FARM504']);
    assert.match(r.findings[0]!.message, /no signing key/);
  });

  it('FARM503 for 404 and for 500', async () => {
    for (const code of [404, 500]) {
      const s = await serve('mail.contoso.com', (_req, res) => {
        res.writeHead(code);
        res.end('nope');
      });
      const r = await probeMetadata(target('exchange', EXCHANGE_URL), options({ 'mail.contoso.com': s }));
      assert.deepEqual(codes(r), ['FARM503'], `status ${code}`);
      assert.equal(r.httpStatus, code);
      assert.match(r.findings[0]!.message, new RegExp(`answered ${code}`));
    }
  });

  it('FARM504 for a body over the cap, announced or streamed', async () => {
    const big = Buffer.alloc(2 * 1024 * 1024, 0x20);
    const announced = await serve('mail.contoso.com', (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': big.length });
      res.end(big);
    });
    const streamed = await serve('mail.contoso.com', (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(big);
    });
    for (const s of [announced, streamed]) {
      const r = await probeMetadata(target('exchange', EXCHANGE_URL), options({ 'mail.contoso.com': s }));
      assert.deepEqual(codes(r), ['FARM504']);
      assert.match(r.findings[0]!.message, /more than 1048576 bytes/);
    }
    const small = await probeMetadata(target('exchange', EXCHANGE_URL), options({ 'mail.contoso.com': streamed }, { maxBytes: 100 }));
    assert.match(small.findings[0]!.message, /more than 100 bytes/);
  });

  it('FARM501 when the server accepts the connection but never answers', async () => {
    const s = await serve('mail.contoso.com', () => undefined);
    // Long enough for a loopback handshake on a busy machine, so that it is the answer that times out.
    const r = await probeMetadata(target('exchange', EXCHANGE_URL), options({ 'mail.contoso.com': s }, { timeoutMs: 1500 }));
    assert.deepEqual(codes(r), ['FARM501']);
    assert.match(r.findings[0]!.message, /accepted the connection but did not answer within 1500 ms/);
    assert.equal(s.requests.length, 1);
  });

  it('FARM501 when the server never completes a TLS handshake', async () => {
    const s = await startSilentServer();
    servers.push(s);
    const r = await probeMetadata(target('exchange', EXCHANGE_URL), options({ 'mail.contoso.com': s }, { timeoutMs: 300 }));
    assert.deepEqual(codes(r), ['FARM501']);
    assert.match(r.findings[0]!.message, /did not complete a connection within 300 ms/);
  });

  it('FARM501 when the connection is refused', async () => {
    const port = await closedPort();
    const r = await probeMetadata(target('exchange', EXCHANGE_URL), options({ 'mail.contoso.com': port }));
    assert.deepEqual(codes(r), ['FARM501']);
    assert.match(r.findings[0]!.message, /refused the connection/);
    assert.equal(status(r, 'reachable'), 'failed');
    assert.equal(status(r, 'tls'), 'not-run');
  });

  it('FARM503 for a redirect to plain http, which is not followed', async () => {
    const s = await serve('mail.contoso.com', (_req, res) => {
      res.writeHead(302, { Location: 'http://mail.contoso.com/autodiscover/metadata/json/1' });
      res.end();
    });
    const r = await probeMetadata(target('exchange', EXCHANGE_URL), options({ 'mail.contoso.com': s }));
    assert.deepEqual(codes(r), ['FARM503']);
    assert.match(r.findings[0]!.message, /redirects to plain http/);
    assert.equal(s.requests.length, 1);
  });

  it('FARM503 for a redirect loop', async () => {
    const s = await serve('mail.contoso.com', (req, res) => {
      res.writeHead(301, { Location: req.url === '/a' ? '/b' : '/a' });
      res.end();
    });
    const r = await probeMetadata(target('exchange', 'https://mail.contoso.com/a'), options({ 'mail.contoso.com': s }));
    assert.deepEqual(codes(r), ['FARM503']);
    assert.match(r.findings[0]!.message, /redirect loop/);
  });

  it('FARM503 after more than 3 redirects; 3 are followed', async () => {
    const s = await serve('mail.contoso.com', (req, res) => {
      const n = Number(req.url!.slice(1));
      if (n === 3) return json(exchangeDocument(signing))(req, res);
      res.writeHead(307, { Location: `/${n + 1}` });
      res.end();
    });
    const ok = await probeMetadata(target('exchange', 'https://mail.contoso.com/0'), options({ 'mail.contoso.com': s }));
    assert.deepEqual(codes(ok), []);
    assert.deepEqual(ok.redirects, ['https://mail.contoso.com/1', 'https://mail.contoso.com/2', 'https://mail.contoso.com/3']);
    const tooMany = await probeMetadata(target('exchange', 'https://mail.contoso.com/-1'), options({ 'mail.contoso.com': s }));
    assert.deepEqual(codes(tooMany), ['FARM503']);
    assert.match(tooMany.findings[0]!.message, /more than 3 redirects/);
  });

  it('FARM510 (warning) for a redirect to another host, and still checks the document', async () => {
    const s = await serve(
      'mail.contoso.com',
      (req, res) => {
        if (req.headers.host === 'mail.contoso.com') {
          res.writeHead(302, { Location: 'https://autodiscover.contoso.com/autodiscover/metadata/json/1' });
          return res.end();
        }
        json(exchangeDocument(signing))(req, res);
      },
      ['mail.contoso.com', 'autodiscover.contoso.com'],
    );
    const r = await probeMetadata(target('exchange', EXCHANGE_URL), options({ 'mail.contoso.com': s, 'autodiscover.contoso.com': s }));
    assert.deepEqual(codes(r), ['FARM510']);
    assert.equal(r.outcome, 'warning');
    assert.equal(r.finalUrl, 'https://autodiscover.contoso.com/autodiscover/metadata/json/1');
    assert.equal(status(r, 'document'), 'passed');
  });

  it('FARM502 for a certificate from an untrusted CA', async () => {
    const s = await serve('mail.contoso.com', json(exchangeDocument(signing)), ['mail.contoso.com'], { issuer: createOtherCa() });
    const r = await probeMetadata(target('exchange', EXCHANGE_URL), options({ 'mail.contoso.com': s }));
    assert.deepEqual(codes(r), ['FARM502']);
    assert.match(r.findings[0]!.message, /is not trusted/);
    assert.equal(status(r, 'reachable'), 'passed');
    assert.equal(s.requests.length, 0);
  });

  it('FARM502 without the extra CA: the default store alone does not trust a private CA', async () => {
    const s = await serve('mail.contoso.com', json(exchangeDocument(signing)));
    const r = await probeMetadata(target('exchange', EXCHANGE_URL), { ...options({ 'mail.contoso.com': s }), ca: [] });
    assert.deepEqual(codes(r), ['FARM502']);
  });

  it('FARM502 for a host name mismatch', async () => {
    const s = await serve('mail.contoso.com', json(exchangeDocument(signing)), ['owa.contoso.com']);
    const r = await probeMetadata(target('exchange', EXCHANGE_URL), options({ 'mail.contoso.com': s }));
    assert.deepEqual(codes(r), ['FARM502']);
    assert.match(r.findings[0]!.message, /not issued for mail\.contoso\.com/);
  });

  it('FARM502 for an expired TLS certificate', async () => {
    const s = await serve('mail.contoso.com', json(exchangeDocument(signing)), ['mail.contoso.com'], { notBefore: days(-400), notAfter: days(-1) });
    const r = await probeMetadata(target('exchange', EXCHANGE_URL), options({ 'mail.contoso.com': s }));
    assert.deepEqual(codes(r), ['FARM502']);
    assert.match(r.findings[0]!.message, /has expired/);
  });

  it('FARM502 for a plain http metadata URL, without connecting', async () => {
    const r = await probeMetadata(target('exchange', 'http://mail.contoso.com/autodiscover/metadata/json/1'), options({}));
    assert.deepEqual(codes(r), ['FARM502']);
    assert.equal(status(r, 'reachable'), 'not-run');
  });

  it('reports a probe cancelled while waiting as cancelled, with no finding', async () => {
    const s = await serve('mail.contoso.com', () => undefined);
    const controller = new AbortController();
    s.requests.length = 0;
    const pending = probeMetadata(target('exchange', EXCHANGE_URL), options({ 'mail.contoso.com': s }, { signal: controller.signal }));
    while (s.requests.length === 0) await new Promise((r) => setImmediate(r));
    controller.abort();
    const r = await pending;
    assert.equal(r.outcome, 'cancelled');
    assert.deepEqual(codes(r), []);
  });

  it('reports a probe cancelled before it starts as cancelled', async () => {
    const r = await probeMetadata(target('exchange', EXCHANGE_URL), options({}, { signal: AbortSignal.abort() }));
    assert.equal(r.outcome, 'cancelled');
    assert.ok(r.checks.every((c) => c.status === 'not-run'));
  });
});
