// What the simulator keeps between runs: its CA (so that a user trusts it
// once) and a secret from which the account passwords are derived (so that
// a password saved in the editor keeps working after a restart).
import { X509Certificate, createPrivateKey, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCertificateAuthority, type Pem } from './certificates';

export interface SimulatorState {
  ca: Pem;
  /** Path of the CA certificate PEM, for clients that take a file. */
  caPath: string;
  secret: Buffer;
}

const RENEW_BEFORE_MS = 30 * 24 * 60 * 60 * 1000;

export function loadOrCreateState(dir: string): SimulatorState {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const caPath = join(dir, 'ca.crt');
  const keyPath = join(dir, 'ca.key');
  const secretPath = join(dir, 'secret');

  let ca = readCa(caPath, keyPath);
  if (!ca) {
    ca = createCertificateAuthority({ commonName: 'Office Farm Simulator CA' });
    // Key first: a reader that finds the certificate finds its key too.
    writeFileSync(keyPath, ca.key, { mode: 0o600 });
    writeFileSync(caPath, ca.cert);
  }

  let secret: Buffer;
  try {
    secret = Buffer.from(readFileSync(secretPath, 'utf8').trim(), 'base64');
    if (secret.length < 32) throw new Error('short secret');
  } catch {
    secret = randomBytes(32);
    writeFileSync(secretPath, secret.toString('base64') + '\n', { mode: 0o600 });
  }
  return { ca, caPath, secret };
}

/** The kept CA, or undefined when it is missing, unreadable, mismatched or about to expire. */
function readCa(caPath: string, keyPath: string): Pem | undefined {
  try {
    const cert = readFileSync(caPath, 'utf8');
    const key = readFileSync(keyPath, 'utf8');
    const x = new X509Certificate(cert);
    if (!x.ca || !x.checkPrivateKey(createPrivateKey(key))) return undefined;
    if (new Date(x.validTo).getTime() - Date.now() < RENEW_BEFORE_MS) return undefined;
    return { cert, key };
  } catch {
    return undefined;
  }
}

