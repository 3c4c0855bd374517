import { DocumentHighlight, DocumentHighlightKind, TextDocumentPositionParams } from 'vscode-languageserver';
import type { DocumentCache } from './document-cache';
import { toRange } from './positions';
import { declarationAt, referencesTo } from './symbol-at';

/** The declaration counts as the write, each reference as a read. */
export function documentHighlight(cache: DocumentCache, params: TextDocumentPositionParams): DocumentHighlight[] | null {
  const document = cache.get(params.textDocument.uri);
  if (!document) return null;
  const { analysis } = document;
  const declaration = declarationAt(analysis, analysis.lines.offset(params.position));
  if (!declaration) return null;
  const highlights = [
    { span: declaration.nameNode, kind: DocumentHighlightKind.Write },
    ...referencesTo(analysis, declaration).map((r) => ({ span: r.node, kind: DocumentHighlightKind.Read })),
  ];
  highlights.sort((a, b) => a.span.start - b.span.start);
  return highlights.map((h) => ({ range: toRange(analysis, h.span), kind: h.kind }));
}
