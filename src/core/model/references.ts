// References (a name written where a property takes one) are read from the
// bound property tables when something asks for them, not made while
// binding: a large farm writes a hundred thousand names, and reading the
// file needs only their targets, to count what references each server.
import { blockSpecs } from '../language/blocks';
import type { PropertySpec } from '../language/value-types';
import type { IdentifierValue } from '../syntax/ast';
import { writtenEarlier } from './effective';
import { featureProperties } from './feature-properties';
import type { BlockBinding, Declaration, FeatureInstance, Reference } from './types';

type Visit = (node: IdentifierValue, target: Declaration | undefined, owner: Declaration | FeatureInstance, key: string) => void;

function specsOf(binding: BlockBinding): PropertySpec[] | undefined {
  if (binding.feature) return binding.feature.spec && binding.feature.block.name !== undefined ? featureProperties(binding.feature.spec) : undefined;
  return binding.declaration ? blockSpecs[binding.declaration.kind].properties : undefined;
}

/**
 * Visits the block's references in source order, as binding recorded them:
 * each identifier written for a first occurrence of a key whose type is a
 * reference or a list of references. `byName` must be the table the block
 * was bound against; the owner's property table must still be the one its
 * binding made.
 */
export function walkReferences(binding: BlockBinding, byName: Map<string, Declaration>, visit: Visit): void {
  const owner = binding.feature ?? binding.declaration;
  const specs = specsOf(binding);
  if (!owner || !specs) return;
  const block = owner.block;
  for (let i = 0; i < block.properties.length; i++) {
    const { key, value } = block.properties[i];
    if (!value || writtenEarlier(block, i)) continue;
    let spec: PropertySpec | undefined;
    for (const s of specs) if (s.key === key) spec = s;
    if (!spec) continue;
    const type = spec.type;
    if (type.type === 'ref') {
      if (value.type === 'identifier') visit(value, byName.get(value.name), owner, key);
    } else if (type.type === 'list' && type.of.type === 'ref') {
      if (value.type === 'list') for (const element of value.elements) if (element.type === 'identifier') visit(element, byName.get(element.name), owner, key);
    }
  }
}

export function collectReferences(binding: BlockBinding, byName: Map<string, Declaration>): Reference[] {
  const out: Reference[] = [];
  walkReferences(binding, byName, (node, target, owner, key) => {
    out.push({ node, target, owner, key });
  });
  return out;
}
