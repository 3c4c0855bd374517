// Inlay hints show what the checker derived but the file does not say: the
// metadata endpoint a trust is established against, and the servers a
// feature's omitted roles were inferred to be.
import { InlayHint, InlayHintKind, InlayHintParams } from 'vscode-languageserver';
import { isWritten, metadataEndpoint } from '../core';
import type { DocumentCache } from './document-cache';
import { intersects, toSpan } from './positions';

const tokenIssuers = new Set(['exchange', 'sharepoint', 'lync']);

export function inlayHints(cache: DocumentCache, params: InlayHintParams): InlayHint[] {
  const document = cache.get(params.textDocument.uri);
  if (!document) return [];
  const { analysis } = document;
  const span = toSpan(analysis, params.range);
  const hints: Array<{ at: number; hint: InlayHint }> = [];
  for (const declaration of analysis.model.declarations) {
    if (!tokenIssuers.has(declaration.kind) || isWritten(declaration, 'metadata')) continue;
    const name = declaration.nameNode;
    if (!intersects(name, span)) continue;
    const endpoint = metadataEndpoint(declaration);
    if (!endpoint) continue;
    hints.push({
      at: name.end,
      hint: {
        position: analysis.lines.position(name.end),
        label: `metadata: ${endpoint.url}`,
        kind: InlayHintKind.Type,
        paddingLeft: true,
        tooltip: `The S2S metadata endpoint derived from its ${endpoint.source}; trusts in ${declaration.name} are established against it.`,
      },
    });
  }
  for (const feature of analysis.model.features) {
    if (!feature.spec || !intersects(feature.id, span)) continue;
    const inferred = [...feature.roles].filter(([, b]) => b.target && !b.written).map(([role, b]) => `${role} = ${b.target!.name}`);
    if (inferred.length === 0) continue;
    hints.push({
      at: feature.id.end,
      hint: {
        position: analysis.lines.position(feature.id.end),
        label: inferred.join(', '),
        kind: InlayHintKind.Parameter,
        paddingLeft: true,
        tooltip: 'Inferred: the only server of that kind in the farm. Write the role to fix it.',
      },
    });
  }
  return hints.sort((a, b) => a.at - b.at).map((h) => h.hint);
}
