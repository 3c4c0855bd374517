import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as https from 'node:https';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { connectTarget, createHttpAgent, createHttpsAgent, createUndiciDispatcher } from '../../src/office/connect-to';
import { createCertificateAuthority, issueTlsCertificate } from '../../src/simulator/certificates';

const ca = createCertificateAuthority({ commonName: 'connect-to test CA' });
const leaf = issueTlsCertificate(ca, ['mail.contoso.com']);

/** The body of a GET through `agent`, with the client of the URL's scheme. */
function getBody(url: string, agent: http.Agent): Promise<string> {
  const client = url.startsWith('https:') ? https : http;
  return new Promise<string>((resolve, reject) => {
    client
      .get(url, { agent }, (res) => {
        let b = '';
        res.on('data', (d) => (b += d));
        res.on('end', () => resolve(b));
      })
      .on('error', reject);
  });
}

async function listen(server: http.Server): Promise<number> {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return (server.address() as AddressInfo).port;
}

test('connectTarget maps host:port and leaves other hosts alone', () => {
  const map = { 'mail.contoso.com:443': '127.0.0.1:4000', 'v6.contoso.com:443': '[::1]:4001' };
  assert.deepEqual(connectTarget(map, 'MAIL.contoso.com', 443), { host: '127.0.0.1', port: 4000 });
  assert.deepEqual(connectTarget(map, 'v6.contoso.com', 443), { host: '::1', port: 4001 });
  assert.deepEqual(connectTarget(map, 'mail.contoso.com', 8443), { host: 'mail.contoso.com', port: 8443 });
});

test('https agent and undici dispatcher keep the real name for SNI, Host and the certificate check', async () => {
  const seen: Array<{ host?: string; sni?: string }> = [];
  const server = https.createServer({ ...leaf }, (req, res) => {
    seen.push({ host: req.headers.host, sni: (req.socket as import('node:tls').TLSSocket).servername || undefined });
    res.end('ok');
  });
  const port = await listen(server);
  const connectTo = { 'mail.contoso.com:443': `127.0.0.1:${port}` };
  try {
    const agent = createHttpsAgent({ ca: [ca.cert], connectTo });
    const body = await getBody('https://mail.contoso.com/x', agent);
    assert.equal(body, 'ok');
    const dispatcher = createUndiciDispatcher({ ca: [ca.cert], connectTo });
    const res = await fetch('https://mail.contoso.com/y', { dispatcher } as RequestInit);
    assert.equal(await res.text(), 'ok');
    await dispatcher.close();
    assert.deepEqual(seen, [
      { host: 'mail.contoso.com', sni: 'mail.contoso.com' },
      { host: 'mail.contoso.com', sni: 'mail.contoso.com' },
    ]);
    // Without the CA the same connection is refused: nothing trusts it by accident.
    const untrusting = createUndiciDispatcher({ connectTo });
    await assert.rejects(fetch('https://mail.contoso.com/z', { dispatcher: untrusting } as RequestInit));
    await untrusting.close();
    // A name the certificate does not carry fails the name check even though the bytes arrive.
    const wrongName = createHttpsAgent({ ca: [ca.cert], connectTo: { 'intranet.contoso.com:443': `127.0.0.1:${port}` } });
    await assert.rejects(
      new Promise((resolve, reject) => https.get('https://intranet.contoso.com/', { agent: wrongName }, resolve).on('error', reject)),
      (e: NodeJS.ErrnoException) => e.code === 'ERR_TLS_CERT_ALTNAME_INVALID',
    );
  } finally {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  }
});

test('the http agent maps plain-http connections', async () => {
  const server = http.createServer((req, res) => res.end(req.headers.host));
  const port = await listen(server);
  try {
    const agent = createHttpAgent({ connectTo: { 'intranet.contoso.com:80': `127.0.0.1:${port}` } });
    const host = await getBody('http://intranet.contoso.com/', agent);
    assert.equal(host, 'intranet.contoso.com');
  } finally {
    await new Promise((r) => server.close(r));
  }
});
