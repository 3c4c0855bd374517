// The lookups the step table makes for each server, built in one pass over
// the model: a server's features, the Office Web Apps farms that host it,
// whether anything trusts it. Scanning the model for these once per server
// made the generator's work grow as servers × blocks; through this index it
// grows with the model. Built once per model (models are not changed after
// analysis) and counted, when a counter is given, for the linear-cost test.
import { boundList, roleTarget, trustsOf } from '../model/effective';
import type { Declaration, FarmModel, FeatureInstance } from '../model/types';
import type { WorkCounter } from '../work-counter';

export interface ScriptIndex {
  /** Features with a known spec in which the server plays some role, in source order. */
  featuresOf(server: Declaration): readonly FeatureInstance[];
  /** First office-web-apps declarations whose hosts list the server, in source order. */
  hostsOf(server: Declaration): readonly Declaration[];
  /** Whether a first declaration lists the server in its trusts. */
  isTrusted(server: Declaration): boolean;
  readonly counter?: WorkCounter;
}

const built = new WeakMap<FarmModel, ScriptIndex>();
const none: readonly never[] = [];

export function scriptIndex(model: FarmModel, counter?: WorkCounter): ScriptIndex {
  const known = built.get(model);
  if (known) return known;
  const features = new Map<Declaration, FeatureInstance[]>();
  const hosts = new Map<Declaration, Declaration[]>();
  const trusted = new Set<Declaration>();
  const add = <T>(map: Map<Declaration, T[]>, key: Declaration, value: T): void => {
    const list = map.get(key);
    if (!list) map.set(key, [value]);
    else if (list[list.length - 1] !== value) list.push(value);
  };
  for (const f of model.features) {
    counter?.add('script index entries');
    if (!f.spec) continue;
    for (const r of f.spec.roles) {
      const t = roleTarget(f, r.role);
      if (t) add(features, t, f);
    }
  }
  for (const d of model.declarations) {
    counter?.add('script index entries');
    if (!d.first) continue;
    for (const t of trustsOf(d)) trusted.add(t);
    if (d.kind !== 'office-web-apps') continue;
    for (const b of boundList(d, 'hosts') ?? []) if (b && typeof b === 'object' && !Array.isArray(b)) add(hosts, b, d);
  }
  const index: ScriptIndex = {
    featuresOf: (server) => features.get(server) ?? none,
    hostsOf: (server) => hosts.get(server) ?? none,
    isTrusted: (server) => trusted.has(server),
    counter,
  };
  built.set(model, index);
  return index;
}
