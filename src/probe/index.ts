// The probe's public surface, for the CLI and the language server.

export { probeMetadata, probeDefaults, EXPIRY_WARNING_DAYS, type ProbeOptions } from './metadata-probe';
export { probeFarm, farmProbeTargets, DEFAULT_CONCURRENCY, type FarmProbeOptions } from './farm-probe';
export type {
  ProbeTarget,
  ProbeResult,
  ProbeCheck,
  ProbeCheckId,
  ProbeCheckStatus,
  ProbeFinding,
  ProbeOutcome,
  MetadataDetails,
} from './probe-result';
export type { CertificateDetails } from './signing-certificate';
export type { MetadataEndpoint } from './metadata-document';
export { probeSeverity, type ProbeCode, type ProbeSeverity } from './probe-codes';
export { servicePrincipal, isProbedKind, type ProbedKind } from './service-principals';
export { parseConnectTo, ConnectToSyntaxError, type ConnectToRule } from './connect-to';
export { parseProxyUrl, ProxySettingError, type ProxySettings } from './proxy-settings';
export { readCaBundle, CaBundleError } from './trust-store';
export { summarizeProbe } from './probe-summary';
export { probeDiagnostics } from './probe-diagnostics';
