import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { rootCertificates } from 'node:tls';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { trustedCas, readCaBundle, CaBundleError } from '../../src/probe/trust-store';
import { ca, createOtherCa } from './metadata-servers';

describe('trust store', () => {
  it("leaves Node's default store alone when no CA is added", () => {
    assert.equal(trustedCas([], {}), undefined);
  });

  it('adds extra CAs to the default roots and NODE_EXTRA_CA_CERTS, never replacing them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'office-farm-ca-'));
    try {
      const extraFile = join(dir, 'extra.pem');
      const fromEnv = createOtherCa().cert;
      writeFileSync(extraFile, fromEnv);
      const cas = trustedCas([ca().cert], { NODE_EXTRA_CA_CERTS: extraFile })!;
      assert.ok(rootCertificates.length > 0);
      for (const root of rootCertificates) assert.ok(cas.includes(root));
      assert.ok(cas.includes(ca().cert));
      assert.ok(cas.some((c) => c.trim() === fromEnv.trim()));
      assert.equal(cas.length, rootCertificates.length + 2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads every certificate of a PEM bundle and refuses one without any', () => {
    const bundle = `# Contoso\n${ca().cert}\n${createOtherCa().cert}`;
    assert.equal(readCaBundle(bundle).length, 2);
    assert.throws(() => readCaBundle('-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----'), CaBundleError);
    assert.throws(() => readCaBundle('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----'), /cannot be read/);
  });
});
