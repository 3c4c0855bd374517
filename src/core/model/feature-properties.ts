// A feature's property table: its roles (references to a server of the
// role's kind) and its options.
import type { FeatureSpec } from '../language/features';
import type { PropertySpec } from '../language/value-types';

const featurePropertiesCache = new WeakMap<FeatureSpec, PropertySpec[]>();

/** A feature's roles (references of the role's kind) and its options, as one property table. */
export function featureProperties(spec: FeatureSpec): PropertySpec[] {
  let list = featurePropertiesCache.get(spec);
  if (!list) {
    const roles: PropertySpec[] = spec.roles.map((r) => ({
      key: r.role,
      type: { type: 'ref', kinds: [r.role] },
      required: false,
      description: `The ${r.role} server of the feature.`,
    }));
    featurePropertiesCache.set(spec, (list = [...roles, ...spec.options]));
  }
  return list;
}
