import type { Location, ReferenceParams } from 'vscode-languageserver';
import type { DocumentCache } from './document-cache';
import { toRange } from './positions';
import { declarationAtPosition, referencesTo } from './symbol-at';

/** Every place that names the declaration, in source order. */
export function references(cache: DocumentCache, params: ReferenceParams): Location[] | null {
  const found = declarationAtPosition(cache, params);
  if (!found) return null;
  const { document, analysis, declaration } = found;
  const spans: Array<{ start: number; end: number }> = referencesTo(analysis, declaration).map((r) => r.node);
  if (params.context.includeDeclaration) spans.push(declaration.nameNode);
  spans.sort((a, b) => a.start - b.start);
  return spans.map((s) => ({ uri: document.uri, range: toRange(analysis, s) }));
}
