import { test } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate, createHash } from 'node:crypto';
import * as https from 'node:https';
import * as tls from 'node:tls';
import type { AddressInfo } from 'node:net';
import {
  createCertificateAuthority,
  createSigningCertificate,
  issueTlsCertificate,
  x5tThumbprint,
} from '../../src/simulator/certificates';

const ca = createCertificateAuthority({ commonName: 'Test CA' });

test('the CA is a self-signed CA certificate with the given name', () => {
  const x = new X509Certificate(ca.cert);
  assert.equal(x.ca, true);
  assert.match(x.subject, /CN=Test CA/);
  assert.ok(x.verify(x.publicKey));
  assert.ok(new Date(x.validTo).getTime() > Date.now() + 5 * 365 * 86400_000);
});

test('a TLS certificate names every host and chains to the CA', () => {
  const leaf = issueTlsCertificate(ca, ['mail.contoso.com', 'autodiscover.contoso.com', '127.0.0.1']);
  const x = new X509Certificate(leaf.cert);
  const issuer = new X509Certificate(ca.cert);
  assert.equal(x.ca, false);
  assert.ok(x.checkIssued(issuer));
  assert.ok(x.verify(issuer.publicKey));
  assert.equal(x.checkHost('autodiscover.contoso.com'), 'autodiscover.contoso.com');
  assert.equal(x.checkHost('other.contoso.com'), undefined);
  assert.equal(x.checkIP('127.0.0.1'), '127.0.0.1');
  assert.equal(x.keyUsage?.includes('1.3.6.1.5.5.7.3.1'), true, 'serverAuth extended key usage');
});

test('validity dates are honoured', () => {
  const notBefore = new Date('2020-01-01T00:00:00Z');
  const notAfter = new Date('2020-06-01T00:00:00Z');
  const signing = createSigningCertificate('Exchange', { notBefore, notAfter });
  const x = new X509Certificate(signing.cert);
  assert.equal(new Date(x.validFrom).toISOString(), notBefore.toISOString());
  assert.equal(new Date(x.validTo).toISOString(), notAfter.toISOString());
  assert.throws(() => createSigningCertificate('x', { notBefore: notAfter, notAfter: notBefore }), /end after/);
});

test('the signing certificate is self-signed and its x5t is the SHA-1 of its DER', () => {
  const signing = createSigningCertificate('SharePoint');
  const x = new X509Certificate(signing.cert);
  assert.ok(x.verify(x.publicKey));
  assert.equal(x5tThumbprint(signing.cert), createHash('sha1').update(x.raw).digest('base64url'));
});

test('a client trusting only the CA completes a handshake under the real host name', async () => {
  const leaf = issueTlsCertificate(ca, ['mail.contoso.com']);
  const server = https.createServer({ cert: leaf.cert, key: leaf.key }, (_req, res) => res.end('hello'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  try {
    const get = (servername: string) =>
      new Promise<string>((resolve, reject) => {
        const req = https.get(
          {
            host: '127.0.0.1',
            port,
            servername,
            ca: ca.cert,
            agent: false,
            headers: { host: servername },
            checkServerIdentity: (_h, cert) => tls.checkServerIdentity(servername, cert),
          },
          (res) => {
            let body = '';
            res.on('data', (d) => (body += d));
            res.on('end', () => resolve(body));
          },
        );
        req.on('error', reject);
      });
    assert.equal(await get('mail.contoso.com'), 'hello');
    await assert.rejects(get('intranet.contoso.com'), /altnames|does not match/i);
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});
