// Workspace symbols: the blocks of every open .farm file. Open files only:
// the server reads no file system, so a keystroke never walks the workspace.
import type { SymbolInformation, WorkspaceSymbolParams } from 'vscode-languageserver';
import { labelName } from '../core';
import type { DocumentCache } from './document-cache';
import { toRange } from './positions';
import { blockSymbolKinds } from './symbols';

/** Whether the query's characters appear in the name in order (as VS Code matches). */
function matches(query: string, name: string): boolean {
  const q = query.toLowerCase();
  const n = name.toLowerCase();
  let i = 0;
  for (const c of n) if (i < q.length && c === q[i]) i++;
  return i === q.length;
}

export function workspaceSymbols(cache: DocumentCache, params: WorkspaceSymbolParams): SymbolInformation[] {
  const symbols: SymbolInformation[] = [];
  for (const uri of [...cache.openUris()].sort()) {
    const document = cache.get(uri);
    if (!document) continue;
    const { analysis } = document;
    for (const block of analysis.syntax.file.blocks) {
      const name = labelName(block);
      if (!matches(params.query, name.text)) continue;
      symbols.push({ name: name.text, kind: blockSymbolKinds[block.kind], containerName: block.kind, location: { uri, range: toRange(analysis, name) } });
    }
  }
  return symbols;
}
