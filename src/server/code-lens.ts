// Code lenses above each exchange, sharepoint and lync block: "Probe
// metadata", and after a run the one-line result; "Probe all" above the
// first block. When network access is off, the lens says why instead.
import type { CodeLens, CodeLensParams } from 'vscode-languageserver';
import { kindName } from '../core';
import { summarizeProbe } from '../probe';
import type { DocumentCache } from './document-cache';
import { probeCommand, probeTargetOf, type Probes } from './probes';
import { toRange } from './positions';

export function codeLenses(cache: DocumentCache, probes: Probes, params: CodeLensParams): CodeLens[] {
  const document = cache.get(params.textDocument.uri);
  if (!document) return [];
  const { analysis, uri } = document;
  const servers = analysis.model.declarations.filter((d) => probeTargetOf(analysis, d));
  if (servers.length === 0) return [];
  const lenses: CodeLens[] = [];
  const reason = probes.disabledReason;
  const first = analysis.syntax.file.blocks[0];
  const label = (text: string): { title: string; command: string } => ({ title: text, command: '' });
  if (reason) {
    lenses.push({ range: toRange(analysis, kindName(first)), command: label(`Metadata probes are off: ${reason}`) });
    return lenses;
  }
  lenses.push({ range: toRange(analysis, kindName(first)), command: { title: 'Probe all', command: probeCommand, arguments: [uri] } });
  for (const server of servers) {
    const range = toRange(analysis, kindName(server.block));
    if (probes.isRunning(uri, server.name)) {
      lenses.push({ range, command: label('Probing metadata…') });
      continue;
    }
    lenses.push({ range, command: { title: 'Probe metadata', command: probeCommand, arguments: [uri, server.name] } });
    const result = probes.resultFor(uri, analysis, server);
    if (result) lenses.push({ range, command: label(summarizeProbe(result)) });
  }
  return lenses;
}
