// Semantic tokens tell apart what the TextMate grammar cannot: a declared
// name, a reference to it, an enumeration member, a feature id, a property key.
import { SemanticTokensBuilder, type SemanticTokens, type SemanticTokensLegend, type SemanticTokensParams } from 'vscode-languageserver';
import type { Analysis } from '../core';
import type { Value } from '../core/syntax/ast';
import type { DocumentCache } from './document-cache';
import { propertySpec } from './property-specs';

export const tokenTypes = ['keyword', 'variable', 'enumMember', 'event', 'property'] as const;
export const tokenModifiers = ['declaration'] as const;
export const semanticTokensLegend: SemanticTokensLegend = { tokenTypes: [...tokenTypes], tokenModifiers: [...tokenModifiers] };

type TokenType = (typeof tokenTypes)[number];
interface Token {
  start: number;
  end: number;
  type: TokenType;
  declaration?: boolean;
}

function isEnum(type: { type: string; of?: { type: string } } | undefined): boolean {
  return type?.type === 'enum' || (type?.type === 'list' && type.of?.type === 'enum');
}

export function semanticTokenList(analysis: Analysis): Token[] {
  const tokens: Token[] = [];
  const references = new Set(analysis.model.references.map((r) => r.node.start));
  const walk = (value: Value | undefined, enumMembers: boolean): void => {
    if (!value) return;
    if (value.type === 'list') for (const element of value.elements) walk(element, enumMembers);
    else if (value.type === 'identifier') {
      if (references.has(value.start)) tokens.push({ start: value.start, end: value.end, type: 'variable' });
      else if (enumMembers) tokens.push({ start: value.start, end: value.end, type: 'enumMember' });
    }
  };
  for (const block of analysis.syntax.file.blocks) {
    tokens.push({ start: block.start, end: block.start + block.kind.length, type: 'keyword' });
    if (block.name !== undefined) {
      const { start, end } = block.name;
      tokens.push(block.kind === 'feature' ? { start, end, type: 'event' } : { start, end, type: 'variable', declaration: true });
    }
    for (const { start, key, value } of block.properties) {
      tokens.push({ start, end: start + key.length, type: 'property' });
      walk(value, isEnum(propertySpec(block, key)?.type));
    }
  }
  return tokens.sort((a, b) => a.start - b.start);
}

export function semanticTokens(cache: DocumentCache, params: SemanticTokensParams): SemanticTokens {
  const document = cache.get(params.textDocument.uri);
  if (!document) return { data: [] };
  const { analysis } = document;
  const builder = new SemanticTokensBuilder();
  for (const t of semanticTokenList(analysis)) {
    const start = analysis.lines.position(t.start);
    // Tokens are single-line: names and keys never span lines.
    builder.push(start.line, start.character, t.end - t.start, tokenTypes.indexOf(t.type), t.declaration ? 1 : 0);
  }
  return builder.build();
}
