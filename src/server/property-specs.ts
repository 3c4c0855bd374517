// The properties a block takes, the way completion, hover and semantic
// tokens need them: a feature's roles read as references to a server of
// the role's kind, beside its options.
import { blockSpecs, featureById } from '../core';
import type { FeatureSpec } from '../core/language/features';
import { isBlockKind } from '../core/language/blocks';
import type { PropertySpec } from '../core/language/value-types';
import type { Block } from '../core/syntax/ast';

const roleNouns: Record<string, string> = {
  exchange: 'Exchange server',
  sharepoint: 'SharePoint server',
  lync: 'Lync pool',
  project: 'Project Server',
};

export function roleSpecs(feature: FeatureSpec): PropertySpec[] {
  return feature.roles.map((r) => ({
    key: r.role,
    type: { type: 'ref', kinds: [r.role] },
    required: false,
    description: r.required
      ? `The ${roleNouns[r.role]} of the feature. When omitted, the only ${roleNouns[r.role]} of the farm is taken.`
      : `The ${roleNouns[r.role]} of the feature, when it takes part (optional: only taken when written).`,
  }));
}

/** The properties of a block; for a feature block, its roles and options; none for an unknown kind or feature. */
export function propertySpecsOf(block: Block): PropertySpec[] {
  const kind = block.kind;
  if (!isBlockKind(kind)) return [];
  if (kind !== 'feature') return blockSpecs[kind].properties;
  const feature = block.name !== undefined ? featureById.get(block.name.text) : undefined;
  return feature ? [...roleSpecs(feature), ...feature.options] : [];
}

export function propertySpec(block: Block, key: string): PropertySpec | undefined {
  return propertySpecsOf(block).find((p) => p.key === key);
}
