// Live metadata probes run from a code lens or a command, never while
// typing. Each result is kept per document and server until the next probe
// of that server, until the network settings change, or until the text of
// the server's block changes; its findings become FARM5xx diagnostics on
// the server's name and on each reference to it in `trusts`.
import type { CancellationToken, Connection } from 'vscode-languageserver';
import { metadataEndpoint, type Analysis, type Diagnostic as CoreDiagnostic } from '../core';
import type { Declaration } from '../core/model/types';
import { stringOf } from '../core/model/effective';
import { applyRuleConfig } from '../core/rules/config';
import { parseConnectTo, probeDiagnostics, probeFarm, type ProbeOptions, type ProbeResult, type ProbeTarget } from '../probe';
import type { DocumentCache } from './document-cache';
import type { NetworkSettings } from './network-settings';

export type { NetworkSettings } from './network-settings';
import { describeSettings, type ServerLog } from './server-log';


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

/** A result and what it was a result of: the block's text and the realm it was compared with when the probe began. */
interface Kept {
  result: ProbeResult;
  blockText: string;
  realm: string | undefined;
  /** Which run it came from: an older run that ends last must not replace a newer result. */
  run: number;
}

/** The server's block as written; a result describes this text and no other. */
function blockText(analysis: Analysis, declaration: Declaration): string {
  return analysis.text.slice(declaration.block.start, declaration.block.end);
}

export class Probes {
  private settings: NetworkSettings = {};
  private readonly results = new Map<string, Map<string, Kept>>();
  private readonly running = new Set<string>();
  private runs = 0;
  /** Bumped by configure(): a probe that began under other settings keeps no result. */
  private settingsGeneration = 0;

  constructor(
    private readonly connection: Connection,
    private readonly cache: DocumentCache,
    private readonly changed: (uri: string) => void,
    private readonly log: ServerLog,
  ) {}

  /** New network settings: every result was found through the old ones (proxy, CA, connect-to, trust), so none is kept. */
  configure(settings: NetworkSettings | undefined): void {
    this.settings = settings ?? {};
    this.settingsGeneration++;
    this.log.info(`network settings: ${describeSettings(this.settings)}`);
    const had = [...this.results.keys()];
    this.results.clear();
    for (const uri of had) this.changed(uri);
  }

  /**
   * Called on every change of a document: drops the results whose server's
   * block no longer reads as it did when it was probed. Done here rather
   * than when a result is next read, so that an undo within one batch of
   * changes cannot bring a dropped result back.
   */
  textChanged(uri: string): void {
    const kept = this.results.get(uri);
    if (!kept?.size) return;
    const document = this.cache.get(uri);
    if (!document) return;
    const { analysis } = document;
    let dropped = false;
    for (const [server, k] of kept) {
      const declaration = analysis.model.byName.get(server);
      if (declaration && this.stillDescribes(analysis, declaration, k)) continue;
      kept.delete(server);
      dropped = true;
    }
    if (dropped) this.changed(uri);
  }

  /** Why probes cannot run, in words for the lens; undefined when they can. */
  get disabledReason(): string | undefined {
    if (this.settings.enabled === false) return this.settings.disabledReason ?? 'network access is turned off';
    return undefined;
  }

  isRunning(uri: string, server: string): boolean {
    return this.running.has(`${uri} ${server}`);
  }

  /** The last result for the server, while its block reads as it did when it was probed. */
  resultFor(uri: string, analysis: Analysis, declaration: Declaration): ProbeResult | undefined {
    const kept = this.results.get(uri)?.get(declaration.name);
    return kept && this.stillDescribes(analysis, declaration, kept) ? kept.result : undefined;
  }

  private stillDescribes(analysis: Analysis, declaration: Declaration, kept: Kept): boolean {
    const target = probeTargetOf(analysis, declaration);
    // The realm is the farm block's, and the probe compared the document with it.
    return !!target && target.kind === kept.result.kind && target.expectedRealm === kept.realm && blockText(analysis, declaration) === kept.blockText;
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
    const probed = new Map<string, { blockText: string; realm: string | undefined }>();
    const targets = declarations.flatMap((d) => {
      const t = probeTargetOf(analysis, d);
      if (t) probed.set(t.server, { blockText: blockText(analysis, d), realm: t.expectedRealm });
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
    const run = ++this.runs;
    const generation = this.settingsGeneration;
    let done = 0;
    try {
      const results = await probeFarm(targets, {
        ...this.probeOptions(),
        signal: abort.signal,
        onResult: (r) => {
          done++;
          this.log.probe(r);
          progress?.report(Math.round((done / targets.length) * 100), `${r.server}: ${r.outcome === 'ok' ? 'OK' : r.outcome}`);
        },
      });
      if (generation !== this.settingsGeneration) {
        this.log.info('the network settings changed while probing: the results are not kept');
        return results;
      }
      // The document may have closed meanwhile; then there is nothing to keep results for.
      if (!this.cache.get(uri)) return results;
      let stored = this.results.get(uri);
      if (!stored) this.results.set(uri, (stored = new Map()));
      for (const r of results) {
        const previous = stored.get(r.server);
        if (previous && previous.run > run) continue;
        stored.set(r.server, { result: r, ...probed.get(r.server)!, run });
      }
      // Edits made while the probe ran may already have changed a block.
      this.textChanged(uri);
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
