// What stands at an offset: the one question behind hover, definition,
// references, highlight and rename.
import type { Analysis } from '../core';
import type { Declaration, FeatureInstance, Reference } from '../core/model/types';
import type { PropertySpec } from '../core/language/value-types';
import { Block, IdentifierValue, keyName, kindName, Name, Property, Value } from '../core/syntax/ast';
import { propertySpec } from './property-specs';
import type { AnalyzedDocument, DocumentCache } from './document-cache';
import { touches } from './positions';

export type SymbolAt =
  | { type: 'kind'; block: Block; node: Name }
  | { type: 'declaration'; declaration: Declaration; node: Name }
  | { type: 'feature'; feature: FeatureInstance; node: Name }
  | { type: 'key'; block: Block; property: Property; spec?: PropertySpec; node: Name }
  | { type: 'reference'; reference: Reference; node: IdentifierValue }
  | { type: 'member'; block: Block; property: Property; spec?: PropertySpec; node: IdentifierValue };

export function declarationOf(analysis: Analysis, block: Block): Declaration | undefined {
  const { model } = analysis;
  if (model.farm?.block === block) return model.farm;
  return model.declarations.find((d) => d.block === block);
}

function identifierAt(value: Value | undefined, offset: number): IdentifierValue | undefined {
  if (!value || !touches(value, offset)) return undefined;
  if (value.type === 'identifier') return value;
  if (value.type === 'list') {
    for (const element of value.elements) {
      const found = identifierAt(element, offset);
      if (found) return found;
    }
  }
  return undefined;
}

export function symbolAt(analysis: Analysis, offset: number): SymbolAt | undefined {
  const { model } = analysis;
  for (const block of model.file.blocks) {
    if (!touches(block, offset)) continue;
    const kind = kindName(block);
    if (touches(kind, offset)) return { type: 'kind', block, node: kind };
    if (block.name && touches(block.name, offset)) {
      if (block.kind === 'feature') {
        const feature = model.features.find((f) => f.block === block);
        return feature ? { type: 'feature', feature, node: block.name } : undefined;
      }
      const declaration = declarationOf(analysis, block);
      return declaration ? { type: 'declaration', declaration, node: block.name } : undefined;
    }
    for (const property of block.properties) {
      const key = keyName(property);
      if (touches(key, offset)) return { type: 'key', block, property, spec: propertySpec(block, property.key), node: key };
      const identifier = identifierAt(property.value, offset);
      if (!identifier) continue;
      const reference = model.references.find((r) => r.node === identifier);
      if (reference) return { type: 'reference', reference, node: identifier };
      return { type: 'member', block, property, spec: propertySpec(block, property.key), node: identifier };
    }
  }
  return undefined;
}

/** The declaration a name at the offset stands for, written or referenced. */
export function declarationAt(analysis: Analysis, offset: number): Declaration | undefined {
  const at = symbolAt(analysis, offset);
  if (at?.type === 'declaration') return at.declaration;
  if (at?.type === 'reference') return at.reference.target;
  return undefined;
}

/** Every reference that resolves to the declaration (references resolve to the first of a name). */
export function referencesTo(analysis: Analysis, declaration: Declaration): Reference[] {
  return analysis.model.references.filter((r) => r.target === declaration);
}

/** The open document and the declaration named at a position in it (definition, references, highlight). */
export function declarationAtPosition(
  cache: DocumentCache,
  params: { textDocument: { uri: string }; position: { line: number; character: number } },
): { document: AnalyzedDocument; analysis: Analysis; declaration: Declaration } | undefined {
  const document = cache.get(params.textDocument.uri);
  if (!document) return undefined;
  const { analysis } = document;
  const declaration = declarationAt(analysis, analysis.lines.offset(params.position));
  return declaration ? { document, analysis, declaration } : undefined;
}
