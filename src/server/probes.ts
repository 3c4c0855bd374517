// Live metadata probes run from a code lens or a command, never while
// typing. Each result is kept per document and server while it still
// describes what was probed: until the next probe of that server, an edit
// of that server's block, or a change of the network settings (a new CA or
// connect-to rule may well change the answer). Its findings become FARM5xx
// diagnostics on the server's name and on each reference to it in `trusts`.
import type { CancellationToken, Connection } from 'vscode-languageserver';
import { metadataEndpoint, type Analysis, type Diagnostic as CoreDiagnostic } from '../core';
import type { Declaration } from '../core/model/types';
import { stringOf } from '../core/model/effective';
import { applyRuleConfig } from '../core/rules/config';
import { parseConnectTo, probeDiagnostics, probeFarm, type ProbeOptions, type ProbeResult, type ProbeTarget } from '../probe';
import type { DocumentCache } from './document-cache';

/** What the client may say about the network (initializationOptions.network, or the office-farm/network notification). */
export interface NetworkSettings {
  /** Default true: a standalone client runs probes only on the user's command anyway. */
  enabled?: boolean;
  /** Shown in the lens when disabled, e.g. "the workspace is not trusted". */
  disabledReason?: string;
  /** Extra trusted CA certificates, PEM text. */
  ca?: string[];
  /** curl --connect-to rules, HOST:PORT:ADDR:PORT. */
  connectTo?: string[];
  timeoutMs?: number;
  /** An explicit proxy (VS Code's http.proxy); false connects directly. */
  proxy?: string | false;
  noProxy?: string;
}

export const networkNotification = 'office-farm/network';
export const probeCommand = 'office-farm.probe';

const probedKinds = new Set(['exchange', 'sharepoint', 'lync']);

export function probeTargetOf(analysis: Analysis, declaration: Declaration): ProbeTarget | undefined {
  if (!declaration.first || !probedKinds.has(declaration.kind)) return undefined;
  const endpoint = metadataEndpoint(declaration);
  if (!endpoint) return undefined;
  const realm = analysis.model.farm ? stringOf(analysis.model.farm, 'realm') : undefined;
  return { server: declaration.name, kind: declaration.kind as ProbeTarget['kind'], url: endpoint.url, ...(realm ? { expectedRealm: realm } : {}) };
}

export class Probes {
  private settings: NetworkSettings = {};
  /** Per document and server: the result and the text of the server's block when it was probed. */
  private readonly results = new Map<string, Map<string, { result: ProbeResult; blockText: string }>>();
  private readonly running = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly cache: DocumentCache,
    private readonly changed: (uri: string) => void,
  ) {}

  /** New settings; true when results were dropped because of them (their documents need republishing). */
  configure(settings: NetworkSettings | undefined): string[] {
    const next = settings ?? {};
    const changed = JSON.stringify(next) !== JSON.stringify(this.settings);
    this.settings = next;
    if (!changed) return [];
    const dropped = [...this.results.keys()];
    this.results.clear();
    return dropped;
  }

  /** Why probes cannot run, in words for the lens; undefined when they can. */
  get disabledReason(): string | undefined {
    if (this.settings.enabled === false) return this.settings.disabledReason ?? 'network access is turned off';
    return undefined;
  }

  isRunning(uri: string, server: string): boolean {
    return this.running.has(`${uri} ${server}`);
  }

  /** The last result for the server, while it still describes the endpoint the text names. */
  resultFor(uri: string, analysis: Analysis, declaration: Declaration): ProbeResult | undefined {
    const stored = this.results.get(uri)?.get(declaration.name);
    if (!stored) return undefined;
    const { result, blockText } = stored;
    const target = probeTargetOf(analysis, declaration);
    if (!target || target.url !== result.url || target.kind !== result.kind || blockTextOf(analysis, declaration) !== blockText) {
      // Forgotten, not hidden: an edit undone later has still been made since the probe.
      this.results.get(uri)?.delete(declaration.name);
      return undefined;
    }
    return result;
  }

  /** FARM5xx diagnostics of the current results, with the project's rule configuration and disable comments applied. */
  diagnostics(uri: string, analysis: Analysis): CoreDiagnostic[] {
    const stored = this.results.get(uri);
    if (!stored?.size) return [];
    const current = analysis.model.declarations.flatMap((d) => {
      const r = this.resultFor(uri, analysis, d);
      return r ? [r] : [];
    });
    return applyRuleConfig(probeDiagnostics(analysis, current), analysis.syntax.comments, analysis.lines, this.cache.configs.configFor(uri));
  }

  forget(uri: string): void {
    this.results.delete(uri);
  }

  /** Probes one server, or every probed server of the document; reports progress with a cancel button. */
  async run(uri: string, server: string | undefined, token: CancellationToken | undefined, showProgress: boolean): Promise<ProbeResult[]> {
    const reason = this.disabledReason;
    if (reason) throw new Error(`Metadata probes are off: ${reason}.`);
    const document = this.cache.get(uri);
    if (!document) throw new Error('The document is not open.');
    const { analysis } = document;
    const declarations = analysis.model.declarations.filter((d) => server === undefined || d.name === server);
    const targets = declarations.flatMap((d) => {
      const t = probeTargetOf(analysis, d);
      return t ? [t] : [];
    });
    if (targets.length === 0) {
      throw new Error(server ? `${server} has no metadata endpoint to probe: give it a valid host or url.` : 'No exchange, sharepoint or lync server here has a metadata endpoint to probe.');
    }
    const abort = new AbortController();
    token?.onCancellationRequested(() => abort.abort());
    const progress = showProgress ? await this.connection.window.createWorkDoneProgress() : undefined;
    progress?.begin(targets.length === 1 ? `Probing ${targets[0].server}'s metadata` : `Probing ${targets.length} metadata endpoints`, 0, targets[0].url, true);
    progress?.token.onCancellationRequested(() => abort.abort());
    for (const t of targets) this.running.add(`${uri} ${t.server}`);
    this.changed(uri);
    let done = 0;
    try {
      const results = await probeFarm(targets, {
        ...this.probeOptions(),
        signal: abort.signal,
        onResult: (r) => {
          done++;
          progress?.report(Math.round((done / targets.length) * 100), `${r.server}: ${r.outcome === 'ok' ? 'OK' : r.outcome}`);
        },
      });
      let stored = this.results.get(uri);
      if (!stored) this.results.set(uri, (stored = new Map()));
      // The block as it was when the probe started: an edit while it ran makes the result stale at once.
      for (const r of results) {
        const declaration = declarations.find((d) => d.name === r.server);
        if (declaration) stored.set(r.server, { result: r, blockText: blockTextOf(analysis, declaration) });
      }
      return results;
    } finally {
      for (const t of targets) this.running.delete(`${uri} ${t.server}`);
      progress?.done();
      this.changed(uri);
    }
  }

  private probeOptions(): ProbeOptions {
    const s = this.settings;
    const options: ProbeOptions = {};
    if (s.ca?.length) options.ca = s.ca;
    if (s.connectTo?.length) options.connectTo = s.connectTo.map((rule) => parseConnectTo(rule));
    if (typeof s.timeoutMs === 'number' && s.timeoutMs > 0) options.timeoutMs = s.timeoutMs;
    if (s.proxy !== undefined) options.proxy = s.proxy;
    if (s.noProxy !== undefined) options.noProxy = s.noProxy;
    return options;
  }
}

function blockTextOf(analysis: Analysis, declaration: Declaration): string {
  return analysis.text.slice(declaration.block.start, declaration.block.end);
}
