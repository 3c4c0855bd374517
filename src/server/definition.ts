import type { Location, TextDocumentPositionParams } from 'vscode-languageserver';
import type { DocumentCache } from './document-cache';
import { toRange } from './positions';
import { declarationAt } from './symbol-at';

/** A name in a reference goes to its (first) declaration; a declared name to itself. */
export function definition(cache: DocumentCache, params: TextDocumentPositionParams): Location | null {
  const document = cache.get(params.textDocument.uri);
  if (!document) return null;
  const { analysis } = document;
  const declaration = declarationAt(analysis, analysis.lines.offset(params.position));
  if (!declaration) return null;
  return { uri: document.uri, range: toRange(analysis, declaration.nameNode) };
}
