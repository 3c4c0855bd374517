// One-line summaries of a probe result, for a code lens and the CLI table:
//   ✓ metadata OK · realm contoso.com · cert expires 2027-03-01 · 84 ms
//   ✗ TLS: the TLS certificate of mail.contoso.com:443 has expired

import type { ProbeCode } from './probe-codes';
import type { ProbeResult } from './probe-result';

const TOPIC: Record<ProbeCode, string> = {
  FARM501: 'unreachable',
  FARM502: 'TLS',
  FARM503: 'HTTP',
  FARM504: 'not metadata',
  FARM505: 'signing certificate',
  FARM506: 'signing certificate',
  FARM507: 'x5t',
  FARM508: 'service principal',
  FARM509: 'realm',
  FARM510: 'redirect',
};

export function summarizeProbe(result: ProbeResult): string {
  if (result.outcome === 'cancelled') return '○ probe cancelled';
  const facts: string[] = [];
  const realm = result.metadata?.realm;
  if (realm) facts.push(`realm ${realm}`);
  const cert = result.metadata?.signingCertificates[0];
  if (cert) facts.push(`cert expires ${cert.validTo.slice(0, 10)}`);
  facts.push(`${result.durationMs} ms`);
  if (result.outcome === 'ok') return ['✓ metadata OK', ...facts].join(' · ');
  const first = result.findings.find((f) => f.severity === 'error') ?? result.findings[0]!;
  const check = result.checks.find((c) => c.code === first.code);
  const mark = result.outcome === 'error' ? '✗' : '⚠';
  const more = result.findings.length > 1 ? ` (+${result.findings.length - 1} more)` : '';
  return [`${mark} ${TOPIC[first.code]}: ${check?.detail ?? first.message}${more}`, ...(result.outcome === 'warning' ? facts : [])].join(' · ');
}
