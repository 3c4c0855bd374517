import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { X509Certificate } from 'node:crypto';
import { createCertificateAuthority } from '../../src/simulator/certificates';
import { keyStore, loadOrCreateState } from '../../src/simulator/state-folder';

test('a new state folder gets a CA, a private key only the owner reads, and a secret; both are kept', () => {
  const dir = mkdtempSync(join(tmpdir(), 'office-farm-state-'));
  try {
    const first = loadOrCreateState(dir);
    assert.ok(new X509Certificate(first.ca.cert).ca);
    assert.equal(statSync(join(dir, 'ca.key')).mode & 0o077, 0);
    assert.equal(readFileSync(first.caPath, 'utf8'), first.ca.cert);
    const second = loadOrCreateState(dir);
    assert.equal(second.ca.cert, first.ca.cert);
    assert.deepEqual(second.secret, first.secret);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a CA about to expire is replaced', () => {
  const dir = mkdtempSync(join(tmpdir(), 'office-farm-state-'));
  try {
    const old = createCertificateAuthority({ notBefore: new Date(Date.now() - 86400_000), notAfter: new Date(Date.now() + 5 * 86400_000) });
    writeFileSync(join(dir, 'ca.crt'), old.cert);
    writeFileSync(join(dir, 'ca.key'), old.key);
    const state = loadOrCreateState(dir);
    assert.notEqual(state.ca.cert, old.cert);
    assert.ok(new Date(new X509Certificate(state.ca.cert).validTo).getTime() > Date.now() + 365 * 86400_000);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('kept keys come back the same, from the same or another store', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'office-farm-state-'));
  try {
    const a = keyStore(dir);
    const [k1, k1again] = await Promise.all([a('tls-mail.contoso.com'), a('tls-mail.contoso.com')]);
    assert.equal(k1, k1again);
    assert.equal(await keyStore(dir)('tls-mail.contoso.com'), k1);
    assert.match(k1, /BEGIN RSA PRIVATE KEY/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
