// What a probe hands back: every check with its status, the failures as
// FARM5xx findings, timing, and the details a hover shows. Plain data, so
// the language server can send it to the client and the CLI can print it.

import type { ProbeCode, ProbeSeverity } from './probe-codes';
import type { ProbedKind } from './service-principals';
import type { CertificateDetails } from './signing-certificate';
import type { MetadataEndpoint } from './metadata-document';

export interface ProbeTarget {
  /** The server's name in the .farm file. */
  server: string;
  kind: ProbedKind;
  /** The metadata endpoint, written or derived. */
  url: string;
  /** farm.realm, when the file sets one. */
  expectedRealm?: string;
}

export type ProbeCheckId =
  | 'reachable'
  | 'tls'
  | 'http-status'
  | 'document'
  | 'certificate-validity'
  | 'certificate-expiry'
  | 'thumbprint'
  | 'service-principal'
  | 'realm'
  | 'redirect-host';

/**
 * passed; failed (its finding says error or warning); skipped: does not
 * apply (no x5t in the document, no farm.realm to compare); not-run: an
 * earlier failure or a cancel stopped the probe before it.
 */
export type ProbeCheckStatus = 'passed' | 'failed' | 'skipped' | 'not-run';

export interface ProbeCheck {
  id: ProbeCheckId;
  code: ProbeCode;
  status: ProbeCheckStatus;
  /** One line: what was found, e.g. "expires 2027-03-01 (in 412 days)". */
  detail: string;
}

export interface ProbeFinding {
  code: ProbeCode;
  severity: ProbeSeverity;
  /** Names the server and says what to do. */
  message: string;
}

/** ok: no finding; warning: warnings only; error: at least one error; cancelled: stopped by the caller. */
export type ProbeOutcome = 'ok' | 'warning' | 'error' | 'cancelled';

export interface MetadataDetails {
  name?: string;
  issuer?: string;
  serviceName?: string;
  realm?: string;
  allowedAudiences: string[];
  /** Every signing key's certificate; the first is the one summaries show. */
  signingCertificates: Array<CertificateDetails & { x5tWritten?: string }>;
  endpoints: MetadataEndpoint[];
}

export interface ProbeResult extends ProbeTarget {
  outcome: ProbeOutcome;
  /** ISO 8601, when the probe began. */
  startedAt: string;
  durationMs: number;
  checks: ProbeCheck[];
  findings: ProbeFinding[];
  /** Where the document came from, after redirects. */
  finalUrl?: string;
  redirects: string[];
  httpStatus?: number;
  connection?: {
    /** host:port the TCP connection went to (after --connect-to). */
    address: string;
    proxy?: string;
    tlsProtocol?: string;
    serverCertificate?: CertificateDetails;
  };
  metadata?: MetadataDetails;
}
