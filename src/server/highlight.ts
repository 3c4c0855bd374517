import { DocumentHighlight, DocumentHighlightKind, TextDocumentPositionParams } from 'vscode-languageserver';
import type { DocumentCache } from './document-cache';
import { toRange } from './positions';
import { declarationAtPosition, referencesTo } from './symbol-at';

/** The declaration counts as the write, each reference as a read. */
export function documentHighlight(cache: DocumentCache, params: TextDocumentPositionParams): DocumentHighlight[] | null {
  const found = declarationAtPosition(cache, params);
  if (!found) return null;
  const { analysis, declaration } = found;
  const highlights = [
    { span: declaration.nameNode, kind: DocumentHighlightKind.Write },
    ...referencesTo(analysis, declaration).map((r) => ({ span: r.node, kind: DocumentHighlightKind.Read })),
  ];
  highlights.sort((a, b) => a.span.start - b.span.start);
  return highlights.map((h) => ({ range: toRange(analysis, h.span), kind: h.kind }));
}
