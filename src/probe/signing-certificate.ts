// The certificate facts a probe reports and checks: who it is for, who
// issued it, when it is valid, and its SHA-1 thumbprint (which is what
// Windows shows and what `x5t` encodes).

import { createHash, X509Certificate } from 'node:crypto';

export interface CertificateDetails {
  subject: string;
  issuer: string;
  serialNumber: string;
  /** SHA-1 of the DER, upper-case hex without separators, as certlm.msc and Get-ChildItem Cert: show it. */
  thumbprint: string;
  /** The same SHA-1 as base64url: what `x5t` should hold. */
  x5t: string;
  /** ISO 8601. */
  validFrom: string;
  validTo: string;
}

export function describeCertificate(cert: X509Certificate): CertificateDetails {
  const sha1 = createHash('sha1').update(cert.raw).digest();
  return {
    subject: distinguishedName(cert.subject),
    issuer: distinguishedName(cert.issuer),
    serialNumber: cert.serialNumber,
    thumbprint: sha1.toString('hex').toUpperCase(),
    x5t: sha1.toString('base64url'),
    validFrom: new Date(cert.validFrom).toISOString(),
    validTo: new Date(cert.validTo).toISOString(),
  };
}

// Node gives one RDN per line; administrators read them comma-separated.
function distinguishedName(lines: string): string {
  return lines.split('\n').filter(Boolean).join(', ');
}

/**
 * Reads the certificate of a metadata key: base64 DER (line breaks allowed),
 * or PEM. Returns undefined when it is neither.
 */
export function readKeyCertificate(value: string): X509Certificate | undefined {
  try {
    if (value.includes('-----BEGIN CERTIFICATE-----')) return new X509Certificate(value);
    const compact = value.replace(/\s+/g, '');
    if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(compact)) return undefined;
    return new X509Certificate(Buffer.from(compact, compact.includes('-') || compact.includes('_') ? 'base64url' : 'base64'));
  } catch {
    return undefined;
  }
}

/**
 * Whether `x5t` names this certificate. The spec's form is base64url of the
 * SHA-1; padded base64 and a hex thumbprint are accepted too, because
 * hand-made and older documents use them.
 */
export function x5tMatches(x5t: string, cert: X509Certificate): boolean {
  const sha1 = createHash('sha1').update(cert.raw).digest();
  const t = x5t.trim();
  if (/^[0-9a-fA-F]{40}$/.test(t)) return Buffer.from(t, 'hex').equals(sha1);
  const bytes = Buffer.from(t.replace(/=+$/, ''), t.includes('-') || t.includes('_') ? 'base64url' : 'base64');
  return bytes.equals(sha1);
}
