// docs/rules.md, derived from the rule catalogue and the feature table so
// that the page can never disagree with the checker.
import { blockSpecs } from '../language/blocks';
import { features, Prerequisite } from '../language/features';
import { describeType } from '../language/value-types';
import { rules, sourceMarkdown } from './catalogue';
import { ruleChanges, ruleReviews } from './changes';
import { unsupportedFeaturePairings, unsupportedWopiHosts, type VersionSide } from '../language/version-pairings';
import { productLines, versionName } from '../language/versions';

const groups: Array<[string, string]> = [
  ['FARM0', 'Syntax'],
  ['FARM1', 'Names and values'],
  ['FARM2', 'Trusts'],
  ['FARM3', 'Feature prerequisites'],
  ['FARM4', 'Values out of range'],
  ['FARM5', 'Live metadata probe (office-farm probe and the code lens only)'],
  ['FARM9', 'Hints'],
];

function prerequisiteText(p: Prerequisite): string {
  switch (p.check) {
    case 'true':
      return `${p.role} \`${p.property} = true\``;
    case 'set':
      return `${p.role} \`${p.property}\` set`;
    case 'https':
      return `${p.role} \`${p.property}\` on https`;
    case 'includes':
      return `${p.role} \`${p.property}\` include ${p.members.map((m) => `\`${m}\``).join(', ')}`;
    case 'includes-any':
      return `${p.role} \`${p.property}\` include ${p.members.map((m) => `\`${m}\``).join(' or ')}`;
    case 'above':
      return `${p.role} \`${p.property}\` above ${p.value}`;
    case 'version-at-most':
      return `${p.role} version at most ${p.value}`;
    case 'version-below':
      return `${p.role} version older than ${p.value}`;
    case 'trusted-application':
      return "the feature's exchange in lync `trusted-applications`, unless exchange `um-same-computer = true` (then not in it)";
    case 'im-server':
      return "exchange `im-server`, when written, is the feature's lync pool";
    case 'library-host':
      return '`library` on the SharePoint host';
    case 'project-on-sharepoint':
      return "project's `sharepoint` is the feature's SharePoint server";
    case 'site-mailbox-sites':
      return 'every site mailbox on the SharePoint host and with the address prefix';
  }
}

export function rulesReferencePage(): string {
  const out: string[] = [
    '# Office Farm rules',
    '',
    '<!-- Generated from src/core/rules/catalogue.ts and src/core/language/features.ts by `npm run baselines`; do not edit by hand. -->',
    '',
    'Every diagnostic the checker reports, with its default severity. A project can change any severity or turn a rule off in a',
    '`.farmrc.json` beside its `.farm` files (the nearest one in the folder or above is used):',
    '',
    '```json',
    '{ "rules": { "FARM202": "off", "FARM901": "warning" } }',
    '```',
    '',
    'and a comment silences the rules it names on the next line (all rules, when it names none):',
    '',
    '```',
    '# farm-disable-next-line FARM202',
    'trusts = [sp01]',
    '```',
    '',
    'Syntax errors (FARM0xx) cannot be turned off: they mean the file is not read as written.',
    '',
  ];
  for (const [prefix, title] of groups) {
    out.push(`## ${title}`, '', '| code | severity | quick fix | title | what it means | how to fix it |', '|---|---|---|---|---|---|');
    for (const r of rules.filter((x) => x.code.startsWith(prefix))) {
      out.push(`| ${r.code} | ${r.severity} | ${r.quickFix ? 'yes' : ''} | ${r.title} | ${r.meaning.replace(/\|/g, '\\|')} | ${r.fix.replace(/\|/g, '\\|')} |`);
    }
    out.push('');
  }
  out.push('## Blocks and their properties', '', 'What each block kind takes (the hover and completion show the same).', '');
  for (const spec of Object.values(blockSpecs)) {
    if (!spec.properties.length) continue;
    out.push(`### \`${spec.kind}\``, '', spec.description, '', '| property | type | default | what it says |', '|---|---|---|---|');
    for (const p of spec.properties) {
      out.push(`| \`${p.key}\`${p.required ? ' (required)' : ''} | ${describeType(p.type).replace(/\|/g, '\\|')} | ${p.default ? `\`${p.default}\`` : ''} | ${p.description.replace(/\|/g, '\\|')} |`);
    }
    out.push('');
  }
  out.push('## Features', '', 'What each feature needs. A required role that is not written is inferred when exactly one server of that kind is declared; an optional role counts only when written. Each role has its own oldest version (FARM301).', '');
  for (const f of features) {
    out.push(`### \`${f.id}\` — ${f.title}`, '', f.summary, '');
    out.push(`- Roles: ${f.roles.map((r) => `\`${r.role}\`${r.required ? '' : ' (optional)'}`).join(', ')}`);
    out.push(`- Oldest versions (FARM301): ${f.roles.map((r) => { const v = f.minimumVersions[r.role]; return v === undefined ? `${r.role} any` : `${r.role} ${versionName(r.role, v)}`; }).join(', ')}`);
    if (f.options.length) out.push(`- Options: ${f.options.map((o) => `\`${o.key}\`${o.required ? ' (required)' : ''} — ${o.description}`).join('; ')}`);
    out.push(`- Trusts (FARM201): ${f.trusts.length ? f.trusts.map((t) => `${t.truster} trusts ${t.trusted}`).join(', ') : 'none'}`);
    if (f.prerequisites.length) {
      out.push('- Prerequisites:');
      for (const p of f.prerequisites) out.push(`  - ${p.code}: ${prerequisiteText(p)}${p.when ? ` (when ${'role' in p.when ? `a ${p.when.role} takes part` : 'option' in p.when ? `\`${p.when.option} = true\`` : `its version is older than ${p.when.versionBelow}`})` : ''} — ${p.why}`);
    }
    out.push('');
  }
  out.push('## Versions', '', 'How each block kind writes its version (FARM110): the year of the release, or `subscription` for the Subscription Edition (`version = subscription`).', '', '| block | versions |', '|---|---|');
  for (const [kind, line] of Object.entries(productLines)) out.push(`| \`${kind}\` | ${line.releases.map((r) => `\`${r.written}\` ${r.name}`).join('; ')} |`);
  out.push('', '`project` and `office-web-apps` keep the years the language had before: issue 17 lists no versions for them, and they were not checked (Office Web Apps Server 2013 was followed by Office Online Server, which carries no year).');
  out.push('', 'Version pairings Microsoft does not support (FARM326), from src/core/language/version-pairings.ts:', '', '| where | one side | other side | why |', '|---|---|---|---|');
  for (const p of unsupportedFeaturePairings) out.push(`| \`${p.feature}\` | ${p.first.role} ${sideText(p.first.role, p.first)} | ${p.second.role} ${sideText(p.second.role, p.second)} | ${p.why} |`);
  for (const p of unsupportedWopiHosts) out.push(`| an \`office-web-apps\` farm's \`hosts\` | office-web-apps, any | ${p.host} ${sideText(p.host, p.versions)} | ${p.why} |`);
  out.push('');
  out.push('## Sources', '', 'What each rule rests on: a sentence of Microsoft\'s documentation and its address (or, where no published address was found, the document it was read in), or, for the rules of the language and of the probe, the project\'s own rule catalogue.', '');
  for (const r of rules) {
    out.push(`- **${r.code}** ${r.title}`);
    for (const s of r.sources) out.push(`  - ${sourceMarkdown(s).replace(/\|/g, '\\|')}`);
  }
  out.push('');
  out.push('## Changes', '', 'Rules whose code, severity or meaning changed when they were checked against their sources (issue 17), old → new, and why.', '');
  if (ruleChanges.length === 0) out.push('None yet.', '');
  else {
    out.push('| code | what changed | old | new | why |', '|---|---|---|---|---|');
    for (const c of ruleChanges) out.push(`| ${c.code} | ${c.what} | ${c.before} | ${c.after} | ${c.why} |`);
    out.push('');
  }
  out.push('Checked against their sources and kept as they were:', '');
  for (const r of ruleReviews) out.push(`- **${r.code}**: ${r.conclusion}`);
  out.push('');
  return out.join('\n');
}

function sideText(kind: string, side: VersionSide): string {
  if (side.from !== undefined && side.to !== undefined) return side.from === side.to ? versionName(kind, side.from) : `${versionName(kind, side.from)} to ${versionName(kind, side.to)}`;
  if (side.from !== undefined) return `${versionName(kind, side.from)} or later`;
  if (side.to !== undefined) return `${versionName(kind, side.to)} or earlier`;
  return 'any';
}
