// The sources of what a feature needs, for its hover: the rules its trusts and
// prerequisites report, each with the first sentence it rests on.
import type { FeatureSpec } from '../language/features';
import { ruleByCode, sourceMarkdown } from './catalogue';
import { versionName } from '../language/versions';

export function featureSourceLines(spec: FeatureSpec): string[] {
  const codes = [...new Set([...(spec.trusts.length ? ['FARM201'] : []), ...spec.prerequisites.map((p) => p.code)])];
  const lines: string[] = [];
  for (const code of codes) {
    const first = ruleByCode.get(code)?.sources[0];
    if (first) lines.push(`- ${code}: ${sourceMarkdown(first, true)}`);
  }
  return lines.length ? ['', 'Sources:', ...lines] : [];
}

/** "Oldest versions (FARM301): exchange Exchange Server 2013, …": each role's floor, for the hover. */
export function featureFloorLine(spec: FeatureSpec): string {
  const floors = spec.roles.flatMap((r) => {
    const v = spec.minimumVersions[r.role];
    return v === undefined ? [] : [`${r.role} ${versionName(r.role, v)}`];
  });
  return floors.length ? `Oldest versions (FARM301): ${floors.join(', ')}.` : 'Any version of each participant.';
}
