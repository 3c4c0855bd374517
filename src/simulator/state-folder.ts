// What the simulator keeps between runs: its CA (so that a user trusts it
// once) and a secret from which the account passwords are derived (so that
// a password saved in the editor keeps working after a restart).
import { X509Certificate, createPrivateKey, randomBytes } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCertificateAuthority, generateRsaKeyAsync, type Pem } from './certificates';

export interface SimulatorState {
  ca: Pem;
  /** A kept RSA key by name (see keyStore). */
  key: (name: string) => Promise<string>;
  /** Path of the CA certificate PEM, for clients that take a file. */
  caPath: string;
  secret: Buffer;
}

const RENEW_BEFORE_MS = 30 * 24 * 60 * 60 * 1000;

export function loadOrCreateState(dir: string): SimulatorState {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const caPath = join(dir, 'ca.crt');
  const keyPath = join(dir, 'ca.key');

  let ca = readCa(caPath, keyPath);
  if (!ca) ca = createCa(caPath, keyPath);

  const secret = keptFile(join(dir, 'secret'), () => randomBytes(32).toString('base64') + '\n', (t) => Buffer.from(t.trim(), 'base64').length >= 32);
  return { ca, caPath, secret: Buffer.from(secret.trim(), 'base64'), key: keyStore(dir) };
}

/**
 * A new CA, unless another simulator sharing the folder made one first:
 * files are published with link(), which fails when the name exists.
 */
function createCa(caPath: string, keyPath: string): Pem {
  for (let attempt = 0; attempt < 100; attempt++) {
    const kept = readCa(caPath, keyPath);
    if (kept) return kept;
    const keyExists = existsSync(keyPath);
    // A key without its certificate: another simulator is between its two writes.
    if (keyExists && !existsSync(caPath) && attempt < 60) {
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
      continue;
    }
    // Expired, damaged or abandoned: replace it.
    rmSync(keyPath, { force: true });
    rmSync(caPath, { force: true });
    const fresh = createCertificateAuthority({ commonName: 'Office Farm Simulator CA' });
    if (publish(keyPath, fresh.key, 0o600) && publish(caPath, fresh.cert, 0o644)) return fresh;
  }
  throw new Error(`${caPath}: could not create or read the simulator CA`);
}

/** Writes `content` to `path` only if `path` does not exist yet; true when this call wrote it. */
function publish(path: string, content: string, mode: number): boolean {
  const temp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  writeFileSync(temp, content, { mode });
  try {
    linkSync(temp, path);
    return true;
  } catch {
    return false;
  } finally {
    rmSync(temp, { force: true });
  }
}

/** A small kept file: read it when valid, else create it (first writer wins). */
function keptFile(path: string, make: () => string, valid: (text: string) => boolean): string {
  try {
    const text = readFileSync(path, 'utf8');
    if (valid(text)) return text;
    rmSync(path, { force: true });
  } catch {
    // missing: make it
  }
  const text = make();
  return publish(path, text, 0o600) ? text : readFileSync(path, 'utf8');
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


/**
 * RSA keys kept in `dir/keys/NAME.key`, as a real server keeps its keys
 * across restarts: generating a 2048-bit key costs a noticeable fraction of
 * a second, and a farm needs one per host and per server.
 */
export function keyStore(dir: string): (name: string) => Promise<string> {
  const keys = join(dir, 'keys');
  const pending = new Map<string, Promise<string>>();
  return (name) => {
    const safe = name.replace(/[^A-Za-z0-9._-]/g, '_');
    let p = pending.get(safe);
    if (!p) {
      p = (async () => {
        const path = join(keys, `${safe}.key`);
        try {
          const pem = readFileSync(path, 'utf8');
          createPrivateKey(pem);
          return pem;
        } catch {
          // missing or damaged: make a new one
        }
        const pem = await generateRsaKeyAsync();
        mkdirSync(keys, { recursive: true, mode: 0o700 });
        const temp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}`;
        writeFileSync(temp, pem, { mode: 0o600 });
        // Another simulator may have written the same key meanwhile: the first one stands.
        try {
          linkSync(temp, path);
          return pem;
        } catch {
          return readFileSync(path, 'utf8');
        } finally {
          rmSync(temp, { force: true });
        }
      })();
      pending.set(safe, p);
    }
    return p;
  };
}
