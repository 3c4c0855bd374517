import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readMetadataDocument } from '../../src/probe/metadata-document';
import { ProbeError } from '../../src/probe/probe-error';
import { certificateDerBase64, x5tThumbprint } from '../../src/simulator/certificates';
import { signingCertificate } from './metadata-servers';
import { x5tMatches } from '../../src/probe/signing-certificate';
import { X509Certificate } from 'node:crypto';

const read = (doc: unknown, contentType = 'application/json') => readMetadataDocument(Buffer.from(typeof doc === 'string' ? doc : JSON.stringify(doc)), contentType, 'https://mail.contoso.com/autodiscover/metadata/json/1');
const code = (f: () => unknown) => {
  try {
    f();
  } catch (err) {
    return err instanceof ProbeError ? err.code : String(err);
  }
  return 'no error';
};

describe('reading a metadata document', () => {
  const signing = signingCertificate('Auth');
  const der = certificateDerBase64(signing.cert);

  it('matches keys and enumeration values in any case, and takes the realm from the issuer', () => {
    const doc = read({ ISSUER: '00000003-0000-0ff1-ce00-000000000000@1f5d3a0e-realm', KEYS: [{ USAGE: 'SIGNING', KEYVALUE: { TYPE: 'X509CERTIFICATE', VALUE: der } }] });
    assert.equal(doc.realm, '1f5d3a0e-realm');
    assert.equal(doc.realmSource, 'issuer');
    assert.equal(doc.signingKeys.length, 1);
    assert.equal(doc.signingKeys[0]!.x5t, undefined);
  });

  it('prefers `realm` to the issuer, and reads a byte order mark and line-wrapped base64', () => {
    const wrapped = der.replace(/(.{64})/g, '$1\r\n');
    const body = '\ufeff' + JSON.stringify({ realm: 'contoso.com', issuer: 'x@other', keys: [{ usage: 'signing', keyValue: { value: wrapped } }] });
    const doc = read(body);
    assert.equal(doc.realm, 'contoso.com');
    assert.equal(doc.signingKeys.length, 1);
  });

  it('skips encryption keys and keys of other types, and fails without a signing certificate', () => {
    assert.equal(code(() => read({ keys: [{ usage: 'encryption', keyvalue: { type: 'x509Certificate', value: der } }] })), 'FARM504');
    assert.equal(code(() => read({ keys: [{ usage: 'signing', keyvalue: { type: 'RSAKeyValue', value: der } }] })), 'FARM504');
    assert.equal(code(() => read({ keys: [{ usage: 'signing', keyvalue: { type: 'x509Certificate', value: 'bm90IGEgY2VydA==' } }] })), 'FARM504');
    assert.equal(code(() => read({ realm: 'contoso.com' })), 'FARM504');
  });

  it('says what came instead of JSON', () => {
    assert.throws(() => read('<html><head><title>IIS Windows Server</title></head></html>', 'text/html'), /an HTML page titled "IIS Windows Server" \(Content-Type text\/html\)/);
    assert.throws(() => read(''), /an empty body/);
    assert.throws(() => read('[1,2]'), /not an object/);
    assert.throws(() => read('Service Unavailable', 'text/plain'), /text starting "Service Unavailable"/);
  });

  it('keeps "__proto__" as plain data', () => {
    const doc = read(`{"__proto__": {"polluted": true}, "keys": [{"usage": "signing", "keyvalue": {"value": "${der}"}}]}`);
    assert.equal(doc.signingKeys.length, 1);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  it('accepts x5t as base64url, padded base64 or hex, and nothing else', () => {
    const cert = new X509Certificate(signing.cert);
    const x5t = x5tThumbprint(signing.cert);
    const bytes = Buffer.from(x5t, 'base64url');
    assert.ok(x5tMatches(x5t, cert));
    assert.ok(x5tMatches(bytes.toString('base64'), cert));
    assert.ok(x5tMatches(bytes.toString('hex').toUpperCase(), cert));
    assert.ok(!x5tMatches(x5tThumbprint(signingCertificate('Other').cert), cert));
    assert.ok(!x5tMatches('', cert));
  });
});
