// The CAs a probe trusts: Node's default store plus the administrator's own
// (an internal enterprise CA is the norm for on-premises farms). Extra CAs
// are added to the defaults, never put in their place, so a public
// certificate keeps working when a private CA is configured.

import { readFileSync } from 'node:fs';
import { rootCertificates } from 'node:tls';
import { X509Certificate } from 'node:crypto';

export class CaBundleError extends Error {}

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;

/** The certificates of a PEM bundle; throws CaBundleError when it holds none or a damaged one. */
export function readCaBundle(pem: string, source = 'CA bundle'): string[] {
  const certs = pem.match(PEM_CERTIFICATE) ?? [];
  if (certs.length === 0) throw new CaBundleError(`${source}: no PEM certificate (-----BEGIN CERTIFICATE-----) found`);
  for (const cert of certs) {
    try {
      new X509Certificate(cert);
    } catch {
      throw new CaBundleError(`${source}: a certificate in it cannot be read`);
    }
  }
  return certs;
}

/**
 * The `ca` option for tls.connect: undefined (Node's own default store) when
 * there is nothing to add, else the default roots, NODE_EXTRA_CA_CERTS and
 * the extra CAs, because giving `ca` at all replaces Node's default store.
 */
export function trustedCas(extra: readonly string[], env: Readonly<Record<string, string | undefined>> = process.env): string[] | undefined {
  if (extra.length === 0) return undefined;
  const fromEnv: string[] = [];
  const file = env.NODE_EXTRA_CA_CERTS;
  if (file) {
    try {
      fromEnv.push(...(readFileSync(file, 'utf8').match(PEM_CERTIFICATE) ?? []));
    } catch {
      // Node itself only warns about an unreadable NODE_EXTRA_CA_CERTS; so do we, silently.
    }
  }
  return [...rootCertificates, ...fromEnv, ...extra];
}
