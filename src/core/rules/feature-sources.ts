// The sources of what a feature needs, for its hover: the rules its trusts and
// prerequisites report, each with the first sentence it rests on.
import type { FeatureSpec } from '../language/features';
import { ruleByCode, sourceMarkdown } from './catalogue';

export function featureSourceLines(spec: FeatureSpec): string[] {
  const codes = [...new Set([...(spec.trusts.length ? ['FARM201'] : []), ...spec.prerequisites.map((p) => p.code)])];
  const lines: string[] = [];
  for (const code of codes) {
    const first = ruleByCode.get(code)?.sources[0];
    if (first) lines.push(`- ${code}: ${sourceMarkdown(first, true)}`);
  }
  return lines.length ? ['', 'Sources:', ...lines] : [];
}
