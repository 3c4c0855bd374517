import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ConnectionFileError,
  findAccount,
  readConnectionFile,
  writeConnectionFile,
  type ConnectionFile,
} from '../../src/simulator/connection-file';

const sample = (): ConnectionFile => ({
  version: 1,
  pid: 42,
  startedAt: '2026-01-01T00:00:00.000Z',
  realm: 'contoso.com',
  seed: 1,
  ca: { path: 'state/ca.crt', pem: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n' },
  connectTo: { 'mail.contoso.com:443': '127.0.0.1:40123' },
  servers: [{ name: 'ex01', kind: 'exchange', metadataUrl: 'https://mail.contoso.com/autodiscover/metadata/json/1', faults: [] }],
  accounts: [
    {
      user: 'alice',
      displayName: 'Alice Baker',
      signInName: 'alice@contoso.com',
      domainUserName: 'CONTOSO\\alice',
      password: 'p',
      tokens: { ews: 'a.b.c', graph: 'd.e.f' },
      graphId: '00000000-0000-4000-8000-000000000000',
    },
  ],
  siteMailboxes: [],
});

test('a written file reads back; a relative CA path is taken from the file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'office-farm-conn-'));
  try {
    const path = join(dir, 'sub', 'simulator.json');
    writeConnectionFile(path, sample());
    assert.equal(statSync(path).mode & 0o077, 0, 'only the owner may read the passwords');
    const read = readConnectionFile(path);
    assert.equal(read.ca.path, join(dir, 'sub', 'state', 'ca.crt'));
    assert.equal(findAccount(read, 'ALICE@contoso.com').user, 'alice');
    assert.throws(() => findAccount(read, 'mallory'), /no account 'mallory'.*accounts: alice/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('errors name the file and the field', () => {
  const dir = mkdtempSync(join(tmpdir(), 'office-farm-conn-'));
  const write = (data: unknown) => {
    const path = join(dir, 'c.json');
    writeFileSync(path, typeof data === 'string' ? data : JSON.stringify(data));
    return path;
  };
  try {
    assert.throws(() => readConnectionFile(join(dir, 'missing.json')), /missing\.json: no such file \(is 'office-farm simulate' running\?\)/);
    assert.throws(() => readConnectionFile(write('{')), /c\.json: not JSON/);
    assert.throws(() => readConnectionFile(write({ ...sample(), version: 2 })), /version is 2; this reader understands version 1/);
    assert.throws(() => readConnectionFile(write({ ...sample(), ca: { pem: 'nope' } })), /ca\.pem must be a PEM certificate/);
    assert.throws(
      () => readConnectionFile(write({ ...sample(), connectTo: { 'mail.contoso.com:443': 'localhost' } })),
      /connectTo\["mail\.contoso\.com:443"\] must be ADDRESS:PORT/,
    );
    const noPassword = sample() as unknown as { accounts: Array<Record<string, unknown>> };
    delete noPassword.accounts[0].password;
    assert.throws(() => readConnectionFile(write(noPassword)), (e: Error) => e instanceof ConnectionFileError && /accounts\[0\]\.password must be a string/.test(e.message));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
