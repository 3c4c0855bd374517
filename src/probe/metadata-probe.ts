// Probes one server's metadata endpoint: fetch, read, and check the
// document against what the .farm file declares. Never throws for anything
// the server or the network does; every outcome is in the result.

import { performance } from 'node:perf_hooks';
import type { X509Certificate } from 'node:crypto';
import type { ConnectToRule } from './connect-to';
import type { ProxySettings } from './proxy-settings';
import { ProxySettingError } from './proxy-settings';
import { trustedCas } from './trust-store';
import { fetchMetadata, FetchFailed, type FetchedDocument } from './metadata-fetch';
import { readMetadataDocument, type MetadataDocument } from './metadata-document';
import { describeCertificate, x5tMatches } from './signing-certificate';
import { ProbeCancelled, ProbeError } from './probe-error';
import { probeSeverity, type ProbeCode } from './probe-codes';
import { kindOfPrincipal, productName, servicePrincipal, type ProbedKind } from './service-principals';
import { userAgent as defaultUserAgent } from './user-agent';
import type { ProbeCheck, ProbeCheckId, ProbeFinding, ProbeResult, ProbeTarget } from './probe-result';

export interface ProbeOptions extends ProxySettings {
  /** Extra trusted CA certificates (PEM), added to Node's default store. */
  ca?: readonly string[];
  /** curl --connect-to rules (see parseConnectTo). */
  connectTo?: readonly ConnectToRule[];
  /** Limit for connecting, and again for the whole answer, per request. Default 10 000. */
  timeoutMs?: number;
  /** Largest body accepted. Default 1 MiB. */
  maxBytes?: number;
  /** Default 3. */
  maxRedirects?: number;
  /** Cancels the probe; the result then says `cancelled`. */
  signal?: AbortSignal;
  /** The moment certificate validity is judged at; now by default. */
  now?: () => Date;
  userAgent?: string;
}

export const probeDefaults = { timeoutMs: 10_000, maxBytes: 1024 * 1024, maxRedirects: 3 } as const;

const DAY_MS = 24 * 60 * 60 * 1000;
export const EXPIRY_WARNING_DAYS = 30;

const CHECK_ORDER: Array<[ProbeCheckId, ProbeCode]> = [
  ['reachable', 'FARM501'],
  ['tls', 'FARM502'],
  ['http-status', 'FARM503'],
  ['document', 'FARM504'],
  ['certificate-validity', 'FARM505'],
  ['certificate-expiry', 'FARM506'],
  ['thumbprint', 'FARM507'],
  ['service-principal', 'FARM508'],
  ['realm', 'FARM509'],
  ['redirect-host', 'FARM510'],
];

const RENEW_SIGNING_CERTIFICATE: Record<ProbedKind, string> = {
  exchange: 'Create a new certificate (New-ExchangeCertificate), then Set-AuthConfig -NewCertificateThumbprint … and Set-AuthConfig -PublishCertificate; restart the MSExchangeServiceHost service and recycle the OAuth application pools.',
  sharepoint: 'Replace the Security Token Service signing certificate (Set-SPSecurityTokenServiceConfig -ImportSigningCertificate) and restart IIS on every server of the farm.',
  lync: 'Request and assign a new OAuthTokenIssuer certificate (Request-CsCertificate / Set-CsCertificate -Type OAuthTokenIssuer) on the front-end pool.',
};

const SET_REALM: Record<ProbedKind, string> = {
  exchange: 'Set-AuthConfig -Realm',
  sharepoint: 'Set-SPAuthenticationRealm',
  lync: 'Set-CsOAuthConfiguration -Realm',
};

class Recorder {
  readonly checks = new Map<ProbeCheckId, ProbeCheck>(CHECK_ORDER.map(([id, code]) => [id, { id, code, status: 'not-run', detail: '' }]));
  readonly findings: ProbeFinding[] = [];

  constructor(private readonly target: ProbeTarget) {}

  pass(id: ProbeCheckId, detail: string): void {
    this.set(id, 'passed', detail);
  }
  skip(id: ProbeCheckId, detail: string): void {
    this.set(id, 'skipped', detail);
  }
  /** `short` is the check's one-line detail when `what` is too long for a lens. */
  fail(id: ProbeCheckId, what: string, fix: string, short = what): void {
    const check = this.set(id, 'failed', short);
    const server = `${productName[this.target.kind]} server '${this.target.server}'`;
    this.findings.push({ code: check.code, severity: probeSeverity[check.code], message: `${server}: ${what}. ${fix}` });
  }
  failWith(error: ProbeError): void {
    this.fail(checkOf(error.code), error.what, error.fix);
  }

  private set(id: ProbeCheckId, status: ProbeCheck['status'], detail: string): ProbeCheck {
    const check = this.checks.get(id)!;
    check.status = status;
    check.detail = detail;
    return check;
  }
}

function checkOf(code: ProbeCode): ProbeCheckId {
  return CHECK_ORDER.find(([, c]) => c === code)![0];
}

export async function probeMetadata(target: ProbeTarget, options: ProbeOptions = {}): Promise<ProbeResult> {
  const startedAt = new Date();
  const started = performance.now();
  const record = new Recorder(target);
  const result: ResultSoFar = {
    ...target,
    startedAt: startedAt.toISOString(),
    redirects: [],
  };
  let cancelled = false;
  try {
    if (options.signal?.aborted) throw new ProbeCancelled();
    const fetched = await fetchStage(target, options, record, result);
    if (fetched) {
      const doc = readStage(fetched, record);
      if (doc) checkDocument(target, doc, options.now?.() ?? new Date(), record, result);
    }
  } catch (err) {
    if (!(err instanceof ProbeCancelled)) throw err;
    cancelled = true;
  }
  const findings = record.findings.sort((a, b) => a.code.localeCompare(b.code));
  return {
    ...result,
    outcome: cancelled ? 'cancelled' : findings.some((f) => f.severity === 'error') ? 'error' : findings.length > 0 ? 'warning' : 'ok',
    durationMs: Math.round(performance.now() - started),
    checks: [...record.checks.values()],
    findings: cancelled ? [] : findings,
  };
}

type ResultSoFar = Omit<ProbeResult, 'outcome' | 'durationMs' | 'checks' | 'findings'>;

async function fetchStage(target: ProbeTarget, options: ProbeOptions, record: Recorder, result: ResultSoFar): Promise<FetchedDocument | undefined> {
  let url: URL;
  try {
    url = new URL(target.url);
  } catch {
    record.fail('reachable', `the metadata URL '${target.url}' is not a valid URL`, 'Correct the `metadata` property (or the host/url it is derived from).');
    return undefined;
  }
  if (url.protocol !== 'https:') {
    record.fail('tls', `the metadata URL ${url.href} is not https, and the probe only reads metadata over verified TLS`, 'Publish the metadata over https and write the https URL; S2S trust over plain http lets anyone on the network replace the signing certificate.');
    return undefined;
  }
  if (url.username || url.password) {
    record.fail('reachable', `the metadata URL ${url.protocol}//…@${url.host}${url.pathname} carries credentials, which the probe never sends`, 'Metadata is anonymous: remove the user name and password from the URL.');
    return undefined;
  }
  let fetched: FetchedDocument;
  try {
    fetched = await fetchMetadata(url, {
      ca: trustedCas(options.ca ?? [], options.env),
      connectTo: options.connectTo ?? [],
      proxy: options.proxy,
      noProxy: options.noProxy,
      env: options.env,
      timeoutMs: options.timeoutMs ?? probeDefaults.timeoutMs,
      maxBytes: options.maxBytes ?? probeDefaults.maxBytes,
      maxRedirects: options.maxRedirects ?? probeDefaults.maxRedirects,
      userAgent: options.userAgent ?? defaultUserAgent(),
      signal: options.signal,
    });
  } catch (err) {
    if (err instanceof ProxySettingError) {
      record.fail('reachable', err.message, 'Correct the proxy setting (http.proxy or HTTPS_PROXY).');
      return undefined;
    }
    if (!(err instanceof FetchFailed)) throw err;
    const { error, progress } = err;
    result.redirects = progress.redirects;
    result.connection = progress.connection;
    result.httpStatus = progress.status;
    const reached = error.code !== 'FARM501';
    if (reached) record.pass('reachable', `connected to ${progress.address}`);
    if (reached && error.code !== 'FARM502') record.pass('tls', tlsDetail(progress.connection));
    if (error.code === 'FARM504') record.pass('http-status', `${progress.status ?? 200}`);
    record.failWith(error);
    // Whether a later hop would have left the host is unknown; only a redirect seen so far counts.
    for (const w of progress.warnings) record.failWith(w);
    return undefined;
  }
  result.redirects = fetched.redirects;
  result.connection = fetched.connection;
  result.httpStatus = 200;
  result.finalUrl = fetched.finalUrl.href;
  record.pass('reachable', `connected to ${fetched.connection.address}${fetched.connection.proxy ? ` through ${fetched.connection.proxy}` : ''}`);
  record.pass('tls', tlsDetail(fetched.connection));
  record.pass('http-status', `200 from ${fetched.finalUrl.href}`);
  redirectStage(fetched.redirects, fetched.warnings, record);
  return fetched;
}

function tlsDetail(connection: FetchedDocument['connection'] | undefined): string {
  const cert = connection?.serverCertificate;
  return `certificate ${cert ? `${cert.subject} ` : ''}trusted${connection?.tlsProtocol ? ` (${connection.tlsProtocol})` : ''}`;
}

function redirectStage(redirects: string[], warnings: ProbeError[], record: Recorder): void {
  if (warnings.length > 0) {
    for (const w of warnings) record.failWith(w);
  } else if (redirects.length > 0) {
    record.pass('redirect-host', `${redirects.length} redirect(s), all on the same host`);
  } else {
    record.pass('redirect-host', 'no redirect');
  }
}

function readStage(fetched: FetchedDocument, record: Recorder): MetadataDocument | undefined {
  try {
    const doc = readMetadataDocument(fetched.body, fetched.contentType, fetched.finalUrl.href);
    record.pass('document', `metadata document with ${doc.signingKeys.length} signing key(s)`);
    return doc;
  } catch (err) {
    if (!(err instanceof ProbeError)) throw err;
    record.failWith(err);
    return undefined;
  }
}

function day(iso: string): string {
  return iso.slice(0, 10);
}

function checkDocument(target: ProbeTarget, doc: MetadataDocument, now: Date, record: Recorder, result: ResultSoFar): void {
  const described = doc.signingKeys.map((k) => ({ ...describeCertificate(k.certificate), x5tWritten: k.x5t }));
  result.metadata = {
    name: doc.name,
    issuer: doc.issuer,
    serviceName: doc.serviceName,
    realm: doc.realm,
    allowedAudiences: doc.allowedAudiences,
    signingCertificates: described,
    endpoints: doc.endpoints,
  };
  const several = doc.signingKeys.length > 1;
  const label = (i: number) => `the signing certificate${several ? ` #${i + 1}` : ''} (${described[i]!.subject}, thumbprint ${described[i]!.thumbprint})`;

  // Validity window and expiry, per signing key.
  const invalid: string[] = [];
  const invalidShort: string[] = [];
  const expiring: string[] = [];
  const expiringShort: string[] = [];
  doc.signingKeys.forEach((key, i) => {
    const d = described[i]!;
    const from = new Date(d.validFrom);
    const to = new Date(d.validTo);
    if (now < from) {
      invalid.push(`${label(i)} is not valid until ${day(d.validFrom)}`);
      invalidShort.push(`not valid until ${day(d.validFrom)}`);
    } else if (now > to) {
      invalid.push(`${label(i)} expired on ${day(d.validTo)}`);
      invalidShort.push(`expired on ${day(d.validTo)}`);
    } else if (to.getTime() - now.getTime() < EXPIRY_WARNING_DAYS * DAY_MS) {
      const days = Math.floor((to.getTime() - now.getTime()) / DAY_MS);
      const when = `${day(d.validTo)}, in ${days} day${days === 1 ? '' : 's'}`;
      expiring.push(`${label(i)} expires on ${when}`);
      expiringShort.push(`expires ${when}`);
    }
  });
  const validity = described.map((d) => `${day(d.validFrom)} to ${day(d.validTo)}`).join('; ');
  if (invalid.length > 0) record.fail('certificate-validity', invalid.join('; '), RENEW_SIGNING_CERTIFICATE[target.kind], invalidShort.join('; '));
  else record.pass('certificate-validity', `valid ${validity}`);
  if (expiring.length > 0) {
    record.fail(
      'certificate-expiry',
      expiring.join('; '),
      `Renew it before then: every server that trusts this one must read the new metadata. ${RENEW_SIGNING_CERTIFICATE[target.kind]}`,
      expiringShort.join('; '),
    );
  }
  else if (invalid.length === described.length) record.skip('certificate-expiry', 'no signing certificate is currently valid');
  else record.pass('certificate-expiry', `expires ${described.map((d) => day(d.validTo)).join(', ')}`);

  // x5t, only where the document writes one.
  const withX5t = doc.signingKeys.map((k, i) => [k, i] as const).filter(([k]) => k.x5t !== undefined);
  if (withX5t.length === 0) {
    record.skip('thumbprint', 'the document gives no x5t');
  } else {
    const wrong = withX5t.filter(([k]) => !x5tMatches(k.x5t!, k.certificate as X509Certificate));
    if (wrong.length > 0) {
      record.fail(
        'thumbprint',
        wrong.map(([k, i]) => `x5t "${k.x5t}" does not match ${label(i)}, whose x5t is ${described[i]!.x5t}`).join('; '),
        "Servers that trust this one may reject its tokens: republish the metadata so that x5t is the certificate's SHA-1 thumbprint (base64url), e.g. by restarting the service that publishes it after a certificate change.",
        `x5t does not match the signing certificate`,
      );
    } else {
      record.pass('thumbprint', 'x5t matches the certificate');
    }
  }

  // Service principal against the declared kind.
  const issuerPrincipal = doc.issuer?.includes('@') ? doc.issuer.slice(0, doc.issuer.indexOf('@')) : undefined;
  const principal = doc.serviceName ?? issuerPrincipal;
  const expected = servicePrincipal[target.kind];
  if (!principal) {
    record.skip('service-principal', 'the document names no serviceName or issuer');
  } else if (principal.trim().toLowerCase() === expected) {
    record.pass('service-principal', `${principal} is ${productName[target.kind]}`);
  } else {
    const actual = kindOfPrincipal(principal);
    const served = actual ? `${productName[actual]}'s metadata (service principal ${principal})` : `metadata of an unknown service principal ${principal}`;
    record.fail(
      'service-principal',
      `the endpoint serves ${served}, but the .farm file declares ${productName[target.kind]} (${expected})`,
      `The URL points at the wrong server: correct the server's address or its \`metadata\` property${actual ? `, or declare it as ${actual}` : ''}.`,
      `${actual ? productName[actual] : 'unknown'} metadata where ${productName[target.kind]} is declared`,
    );
  }

  // Realm against farm.realm.
  if (target.expectedRealm === undefined) {
    record.skip('realm', doc.realm ? `realm ${doc.realm}; the farm block sets no realm to compare` : 'the farm block sets no realm');
  } else if (doc.realm === undefined) {
    record.skip('realm', 'the document names no realm (neither `realm` nor an issuer with @)');
  } else if (doc.realm.trim().toLowerCase() === target.expectedRealm.trim().toLowerCase()) {
    record.pass('realm', `realm ${doc.realm}`);
  } else {
    record.fail(
      'realm',
      `the realm is "${doc.realm}" but farm.realm is "${target.expectedRealm}"`,
      `Tokens between servers of different realms are rejected: set the server's realm (${SET_REALM[target.kind]}) or correct farm.realm.`,
    );
  }
}
