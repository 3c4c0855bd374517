// Diagnostics pushed per document version. Each change restarts a short
// timer, and the analysis is taken from the document as it is when the
// timer fires, so a result for an old version can never be published over
// a newer one.
import { Connection, Diagnostic, DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver';
import type { Analysis, Diagnostic as CoreDiagnostic, Severity } from '../core';
import type { DocumentCache } from './document-cache';
import { toRange } from './positions';

// No pause by default: a keystroke's analysis is incremental and costs
// milliseconds, and a zero timer still coalesces the changes that arrive
// while an analysis runs (only the newest version is analysed).
export const DIAGNOSTICS_DELAY_MS = 0;

const severities: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Codes whose text may be greyed out as unnecessary. */
const unnecessary = new Set(['FARM901']);

export function toLspDiagnostic(analysis: Analysis, d: CoreDiagnostic): Diagnostic {
  const diagnostic: Diagnostic = {
    range: toRange(analysis, d),
    severity: severities[d.severity ?? 'error'],
    code: d.code,
    source: 'office-farm',
    message: d.message,
  };
  if (unnecessary.has(d.code)) diagnostic.tags = [DiagnosticTag.Unnecessary];
  return diagnostic;
}

export class DiagnosticsPublisher {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly connection: Connection,
    private readonly cache: DocumentCache,
    /** Settable from the client's initializationOptions (`diagnosticsDelayMs`). */
    public delayMs = DIAGNOSTICS_DELAY_MS,
    /** Diagnostics from elsewhere than the text (the last metadata probes). */
    private readonly extra: (uri: string, analysis: Analysis) => CoreDiagnostic[] = () => [],
  ) {}

  schedule(uri: string): void {
    const previous = this.timers.get(uri);
    if (previous) clearTimeout(previous);
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        this.publish(uri);
      }, this.delayMs),
    );
  }

  /** Every open document again, e.g. after the rule configuration changed. */
  scheduleAll(): void {
    for (const uri of this.cache.openUris()) this.schedule(uri);
  }

  publish(uri: string): void {
    const document = this.cache.get(uri);
    if (!document) return;
    const { analysis, version } = document;
    const all = [...analysis.diagnostics, ...this.extra(uri, analysis)];
    all.sort((a, b) => a.start - b.start || a.end - b.end || a.code.localeCompare(b.code));
    void this.connection.sendDiagnostics({ uri, version, diagnostics: all.map((d) => toLspDiagnostic(analysis, d)) });
  }

  /** A closed document keeps no diagnostics in the editor. */
  clear(uri: string): void {
    const pending = this.timers.get(uri);
    if (pending) clearTimeout(pending);
    this.timers.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
