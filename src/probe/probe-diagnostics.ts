// Turns probe findings into diagnostics of the .farm file: each finding sits
// on the server's name and on every reference to it in `trusts` (rules.md,
// FARM5xx), because a trust is only as good as the metadata it reads.

import type { Analysis, Diagnostic } from '../core';
import type { ProbeResult } from './probe-result';

/** Offsets into the analysed text, like every core diagnostic; severities from the probe. */
export function probeDiagnostics(analysis: Analysis, results: readonly ProbeResult[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const result of results) {
    if (result.outcome === 'cancelled' || result.findings.length === 0) continue;
    const declaration = analysis.model.byName.get(result.server);
    if (!declaration || declaration.kind !== result.kind) continue;
    const spans = [
      declaration.nameNode,
      ...analysis.model.references.filter((r) => r.key === 'trusts' && r.target === declaration).map((r) => r.node),
    ];
    for (const finding of result.findings) {
      for (const span of spans) {
        out.push({ code: finding.code, severity: finding.severity, message: finding.message, start: span.start, end: span.end });
      }
    }
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end || a.code.localeCompare(b.code));
}
