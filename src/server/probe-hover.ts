// The "Probe" part of a server's hover: what the last metadata probe found.
import { summarizeProbe } from '../probe';
import type { Declaration } from '../core/model/types';
import type { DocumentCache } from './document-cache';
import type { Probes } from './probes';

export function probeHover(probes: Probes, cache: DocumentCache, uri: string, declaration: Declaration): string[] {
  const document = cache.get(uri);
  if (!document) return [];
  const result = probes.resultFor(uri, document.analysis, declaration);
  if (!result) return [];
  const lines = ['', '---', '', `**Probe** (${result.startedAt.replace('T', ' ').replace(/\.\d+Z$/, ' UTC')}): ${summarizeProbe(result)}`, ''];
  lines.push(`- URL: \`${result.finalUrl ?? result.url}\`${result.httpStatus !== undefined ? ` (HTTP ${result.httpStatus})` : ''}`);
  const m = result.metadata;
  if (m) {
    if (m.issuer) lines.push(`- Issuer: \`${m.issuer}\``);
    if (m.realm) lines.push(`- Realm: \`${m.realm}\``);
    for (const cert of m.signingCertificates) {
      lines.push(`- Signing certificate: ${cert.subject}`, `  - Thumbprint: \`${cert.thumbprint}\``, `  - Valid from ${cert.validFrom.slice(0, 10)} to ${cert.validTo.slice(0, 10)}`);
    }
    for (const e of m.endpoints) lines.push(`- Endpoint: \`${e.location}\`${e.protocol ? ` (${e.protocol}${e.usage ? `, ${e.usage}` : ''})` : ''}`);
  }
  for (const f of result.findings) lines.push(`- ${f.code}: ${f.message}`);
  return lines;
}
