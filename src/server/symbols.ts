// The outline: one symbol per block, its properties as children.
import { DocumentSymbol, DocumentSymbolParams, SymbolKind } from 'vscode-languageserver';
import type { Analysis } from '../core';
import { Block, keyName, labelName, Value } from '../core/syntax/ast';
import type { DocumentCache } from './document-cache';
import { toRange } from './positions';

export const blockSymbolKinds: Record<string, SymbolKind> = {
  farm: SymbolKind.Namespace,
  exchange: SymbolKind.Class,
  sharepoint: SymbolKind.Class,
  lync: SymbolKind.Class,
  'office-web-apps': SymbolKind.Class,
  project: SymbolKind.Class,
  feature: SymbolKind.Event,
  'site-mailbox': SymbolKind.Object,
  user: SymbolKind.Variable,
};

export function valueText(text: string, value: Value | undefined): string {
  if (!value) return '';
  const raw = text.slice(value.start, value.end);
  // A list written over several lines reads on one line in the outline.
  return raw.replace(/\s*[\r\n]+\s*/g, ' ');
}

export function blockSymbol(analysis: Analysis, block: Block): DocumentSymbol {
  const name = labelName(block);
  return {
    name: name.text,
    detail: block.kind,
    kind: blockSymbolKinds[block.kind] ?? SymbolKind.Object,
    range: toRange(analysis, block),
    selectionRange: toRange(analysis, name),
    children: propertySymbols(analysis, block),
  };
}

export function documentSymbols(cache: DocumentCache, params: DocumentSymbolParams): DocumentSymbol[] {
  const document = cache.get(params.textDocument.uri);
  if (!document) return [];
  return document.analysis.syntax.file.blocks.map((b) => blockSymbol(document.analysis, b));
}

function propertySymbols(analysis: Analysis, block: Block): DocumentSymbol[] {
  return block.properties.map((p) => ({
    name: p.key,
    detail: valueText(analysis.text, p.value),
    kind: SymbolKind.Property,
    range: toRange(analysis, p),
    selectionRange: toRange(analysis, keyName(p)),
  }));
}
