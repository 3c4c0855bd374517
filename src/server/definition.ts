import type { Location, TextDocumentPositionParams } from 'vscode-languageserver';
import type { DocumentCache } from './document-cache';
import { toRange } from './positions';
import { declarationAtPosition } from './symbol-at';

/** A name in a reference goes to its (first) declaration; a declared name to itself. */
export function definition(cache: DocumentCache, params: TextDocumentPositionParams): Location | null {
  const found = declarationAtPosition(cache, params);
  if (!found) return null;
  const { document, analysis, declaration } = found;
  return { uri: document.uri, range: toRange(analysis, declaration.nameNode) };
}
