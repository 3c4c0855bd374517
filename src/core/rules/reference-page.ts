// docs/rules.md, derived from the rule catalogue and the feature table so
// that the page can never disagree with the checker.
import { blockSpecs } from '../language/blocks';
import { features, Prerequisite } from '../language/features';
import { describeType } from '../language/value-types';
import { rules, sourceMarkdown } from './catalogue';
import { ruleChanges } from './changes';

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
  out.push('## Features', '', 'What each feature needs. A required role that is not written is inferred when exactly one server of that kind is declared; an optional role counts only when written. Every participant must be version 2013 or later (FARM301).', '');
  for (const f of features) {
    out.push(`### \`${f.id}\` — ${f.title}`, '', f.summary, '');
    out.push(`- Roles: ${f.roles.map((r) => `\`${r.role}\`${r.required ? '' : ' (optional)'}`).join(', ')}`);
    if (f.options.length) out.push(`- Options: ${f.options.map((o) => `\`${o.key}\`${o.required ? ' (required)' : ''} — ${o.description}`).join('; ')}`);
    out.push(`- Trusts (FARM201): ${f.trusts.length ? f.trusts.map((t) => `${t.truster} trusts ${t.trusted}`).join(', ') : 'none'}`);
    if (f.prerequisites.length) {
      out.push('- Prerequisites:');
      for (const p of f.prerequisites) out.push(`  - ${p.code}: ${prerequisiteText(p)}${p.when ? ` (when ${'role' in p.when ? `a ${p.when.role} takes part` : `\`${p.when.option} = true\``})` : ''} — ${p.why}`);
    }
    out.push('');
  }
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
  return out.join('\n');
}
