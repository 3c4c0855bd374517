// Completion from where the cursor stands in its block: a block kind (or a
// whole-block snippet) at the top level, a feature id after `feature`, a
// property key at the start of a property, and after `=` the values the
// property takes (enum members, booleans, versions, names of the right kind).
import {
  CompletionItem,
  CompletionItemKind,
  CompletionParams,
  InsertTextFormat,
  MarkupKind,
  Range,
} from 'vscode-languageserver';
import { blockKindNames, blockSpecs, features, type Analysis } from '../core';
import { describeType, isQuoted, type PropertySpec, type ValueType } from '../core/language/value-types';
import { productLines, type VersionedKind } from '../core/language/versions';
import { placeholderFor } from '../core/fixes/edits';
import type { Block } from '../core/syntax/ast';
import type { DocumentCache } from './document-cache';
import { propertyHover } from './hover';
import { propertySpecsOf } from './property-specs';

const releaseWords = (line: VersionedKind): string[] => productLines[line].releases.map((r) => String(r.written));

type Place =
  | { type: 'top' }
  | { type: 'feature-id' }
  | { type: 'key'; block: Block }
  | { type: 'value'; block: Block; key: string; inList: boolean; listed: string[] }
  | { type: 'none' };

const wordChar = /[A-Za-z0-9_-]/;

export function completion(cache: DocumentCache, params: CompletionParams): CompletionItem[] {
  const document = cache.get(params.textDocument.uri);
  if (!document) return [];
  const { analysis } = document;
  const { text } = analysis;
  const offset = analysis.lines.offset(params.position);
  let wordStart = offset;
  while (wordStart > 0 && wordChar.test(text[wordStart - 1])) wordStart--;
  const range: Range = analysis.lines.range(wordStart, offset);
  const place = placeAt(analysis, wordStart);
  switch (place.type) {
    case 'top':
      return topLevelItems(range);
    case 'feature-id':
      return features.map((f, i) => ({
        label: f.id,
        kind: CompletionItemKind.Event,
        detail: f.title,
        documentation: f.summary,
        sortText: String(i).padStart(2, '0'),
        textEdit: { range, newText: f.id },
      }));
    case 'key':
      return keyItems(place.block, range, wordStart);
    case 'value': {
      const spec = propertySpecsOf(place.block).find((p) => p.key === place.key);
      return spec ? valueItems(analysis, spec.type, place.inList, place.listed, range, place.block.name?.text) : [];
    }
    case 'none':
      return [];
  }
}

/** Scans the block's text up to the cursor to learn whether a key or a value comes next. */
function placeAt(analysis: Analysis, offset: number): Place {
  const { text } = analysis;
  const block = analysis.model.file.blocks.find((b) => b.open !== undefined && b.open < offset && (b.close === undefined || offset <= b.close));
  if (!block) {
    const lineStart = analysis.lines.starts[analysis.lines.lineOf(offset)];
    const before = text.slice(lineStart, offset);
    if (/^\s*feature\s+$/.test(before)) return { type: 'feature-id' };
    if (/^\s*$/.test(before) || /[}]\s*$/.test(before)) return { type: 'top' };
    return { type: 'none' };
  }
  let state: 'key' | 'after-key' | 'value' | 'list' | 'after-value' = 'key';
  let key = '';
  let listed: string[] = [];
  let i = block.open! + 1;
  while (i < offset) {
    const c = text[i];
    if (c === '#') {
      while (i < offset && text[i] !== '\n' && text[i] !== '\r') i++;
      continue;
    }
    if (c === '"') {
      i++;
      while (i < offset && text[i] !== '"' && text[i] !== '\n' && text[i] !== '\r') i += text[i] === '\\' ? 2 : 1;
      if (i >= offset) return { type: 'none' };
      i++;
      if (state === 'value') state = 'after-value';
      continue;
    }
    if (c === '\n' || c === '\r' || c === ';') {
      if (state !== 'list') state = 'key';
      i++;
      continue;
    }
    if (wordChar.test(c)) {
      let j = i;
      while (j < offset && wordChar.test(text[j])) j++;
      const word = text.slice(i, j);
      if (state === 'key') {
        key = word;
        state = 'after-key';
      } else if (state === 'value') {
        state = 'after-value';
      } else if (state === 'list') {
        listed.push(word);
      }
      i = j;
      continue;
    }
    if (c === '=' && state === 'after-key') state = 'value';
    else if (c === '[' && state === 'value') {
      state = 'list';
      listed = [];
    } else if (c === ']' && state === 'list') state = 'after-value';
    i++;
  }
  if (state === 'key') return { type: 'key', block };
  if (state === 'value') return { type: 'value', block, key, inList: false, listed: [] };
  if (state === 'list') return { type: 'value', block, key, inList: true, listed };
  return { type: 'none' };
}

function topLevelItems(range: Range): CompletionItem[] {
  const items: CompletionItem[] = blockKindNames.map((kind) => ({
    label: kind,
    kind: CompletionItemKind.Keyword,
    detail: `${kind} block`,
    documentation: blockSpecs[kind].description,
    sortText: `0${kind}`,
    textEdit: { range, newText: kind },
  }));
  for (const kind of blockKindNames) {
    const snippet = blockSnippet(kind);
    items.push({
      label: `${kind} { … }`,
      filterText: kind,
      kind: CompletionItemKind.Snippet,
      detail: `a whole ${kind} block`,
      documentation: { kind: MarkupKind.Markdown, value: '```farm\n' + snippet.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\d+/g, '') + '\n```' },
      insertTextFormat: InsertTextFormat.Snippet,
      sortText: `1${kind}`,
      textEdit: { range, newText: snippet },
    });
  }
  return items;
}

/** A block with its required properties, each value a tab stop. */
export function blockSnippet(kind: (typeof blockKindNames)[number]): string {
  if (kind === 'feature') return `feature \${1|${features.map((f) => f.id).join(',')}|} {\n  $0\n}`;
  const escape = (s: string): string => s.replace(/[$}\\]/g, '\\$&');
  const name = kind === 'farm' ? 'contoso' : kind === 'user' ? 'alice' : `${kind.replace(/-.*/, '')}01`;
  const required = blockSpecs[kind].properties.filter((p) => p.required);
  let stop = 2;
  const body = required.map((p) => {
    const value = placeholderFor(p);
    const inner = value.startsWith('"') ? `"\${${stop++}:${escape(value.slice(1, -1))}}"` : `\${${stop++}:${escape(value)}}`;
    return `  ${p.key} = ${inner}`;
  });
  return `${kind} \${1:${name}} {\n${body.length ? body.join('\n') + '\n' : ''}  $0\n}`;
}

/** Keys the block does not have yet; the key being typed over does not count as written. */
function keyItems(block: Block, range: Range, wordStart: number): CompletionItem[] {
  const written = new Set(block.properties.filter((p) => p.start !== wordStart).map((p) => p.key));
  return propertySpecsOf(block)
    .filter((spec) => !written.has(spec.key))
    .map((spec, i) => ({
      label: spec.key,
      kind: CompletionItemKind.Property,
      detail: keyDetail(spec),
      documentation: { kind: MarkupKind.Markdown, value: propertyHover(spec).join('\n') },
      sortText: `${spec.required ? 0 : 1}${String(i).padStart(2, '0')}`,
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: { range, newText: `${spec.key} = ${valueSnippet(spec)}` },
    }));
}

export function keyDetail(spec: PropertySpec): string {
  return `${describeType(spec.type)}${spec.required ? ' (required)' : ''}${spec.default !== undefined ? ` = ${spec.default}` : ''}`;
}

function valueSnippet(spec: PropertySpec): string {
  switch (spec.type.type) {
    case 'list':
      return '[$1]';
    case 'boolean':
      return '${1|true,false|}';
    case 'version':
      return `\${1|${releaseWords(spec.type.line).join(',')}|}`;
    case 'enum':
      return `\${1|${spec.type.members.join(',')}|}`;
    default:
      return isQuoted(spec.type) ? '"$1"' : '$1';
  }
}

const declarationLine = new RegExp(`^[ \\t]*(${blockKindNames.filter((k) => blockSpecs[k].declares).join('|')})[ \\t]+([A-Za-z_][A-Za-z0-9_-]*)`, 'gm');

/**
 * Declared names with their kinds. While a value is half typed (an open
 * list), the parser may read the blocks below as part of it, so the lines
 * that start a block count too.
 */
function declaredNames(analysis: Analysis): Array<{ kind: string; name: string }> {
  const names = analysis.model.declarations.filter((d) => d.first).map((d) => ({ kind: d.kind as string, name: d.name }));
  for (const m of analysis.text.matchAll(declarationLine)) {
    if (!names.some((n) => n.name === m[2])) names.push({ kind: m[1], name: m[2] });
  }
  return names;
}

/** `self` is the name of the block being written: a server never trusts itself. */
function valueItems(analysis: Analysis, type: ValueType, inList: boolean, listed: string[], range: Range, self?: string): CompletionItem[] {
  if (type.type === 'list') {
    if (!inList) return [];
    return valueItems(analysis, type.of, false, [], range, self).filter((item) => !listed.includes(item.label));
  }
  if (inList) return [];
  const plain = (label: string, kind: CompletionItemKind, detail: string): CompletionItem => ({ label, kind, detail, textEdit: { range, newText: label } });
  switch (type.type) {
    case 'enum':
      return type.members.map((m) => plain(m, CompletionItemKind.EnumMember, describeType(type)));
    case 'boolean':
      return ['true', 'false'].map((b) => plain(b, CompletionItemKind.Value, 'boolean'));
    case 'version':
      return productLines[type.line].releases.map((r) => plain(String(r.written), CompletionItemKind.Value, r.name));
    case 'ref':
      return declaredNames(analysis)
        .filter((d) => (type.kinds as readonly string[]).includes(d.kind) && d.name !== self)
        .map((d) => plain(d.name, CompletionItemKind.Reference, `${d.kind} ${d.name}`));
    default:
      return [];
  }
}
