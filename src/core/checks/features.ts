// Feature rules, read from the feature table: FARM201 (trusts a feature
// needs), FARM301 (participant versions) and the prerequisites FARM302–FARM319.
import type { Diagnostic, Fix, TextEdit } from '../diagnostics';
import { appendToListEdit, setPropertyEdit } from '../fixes/edits';
import { FeatureSpec, minimumFeatureVersion, Prerequisite, Role } from '../language/features';
import { flagOf, isHttps, membersOf, numberOf, roleTarget, roleTargetAt, stringOf, trusts, valueNode, valueOf, versionOf, writtenValue, isWritten } from '../model/effective';
import type { Declaration, FeatureInstance } from '../model/types';
import { urlHost } from '../model/value-checks';
import { addTrustEdit } from './trusts';
import type { WorkCounter } from '../work-counter';

/**
 * The diagnostics of one feature. FARM316 is reported per feature here; the
 * caller keeps one per offending value.
 */
export function featureDiagnostics(feature: FeatureInstance, siteMailboxes: Declaration[], text: string, out: Diagnostic[], counter?: WorkCounter): void {
  {
    const spec = feature.spec;
    if (!spec) return;
    const at = (code: string, message: string, fixes?: Fix[]): void => {
      out.push({ code, start: feature.id.start, end: feature.id.end, message, fixes });
    };
    const participant = (role: Role): Declaration | undefined => roleTarget(feature, role);
    const needs = spec.plural ? 'need' : 'needs';

    spec.roles.forEach(({ role }, i) => {
      const server = roleTargetAt(feature, i);
      if (server && versionOf(server) < minimumFeatureVersion) {
        at('FARM301', `${spec.title} ${needs} version ${minimumFeatureVersion} or later on every server, but ${server.name} is ${role} ${versionOf(server)}: upgrade it or choose another ${role} server.`);
      }
    });

    for (const { truster, trusted } of spec.trusts) {
      const a = participant(truster);
      const b = participant(trusted);
      if (!a || !b || a === b || trusts(a, b)) continue;
      const edit = addTrustEdit(text, a, b);
      at(
        'FARM201',
        `${spec.title} ${needs} ${a.name} to trust ${b.name}: add ${b.name} to ${a.name}'s trusts (and configure ${b.name} as a ${trustWord[a.kind]} on ${a.name}).`,
        edit ? [{ title: `Add ${b.name} to ${a.name}'s trusts`, edits: [edit], unambiguous: true }] : undefined,
      );
    }

    for (const prerequisite of spec.prerequisites) {
      const server = participant(prerequisite.role);
      if (!server || !conditionHolds(prerequisite, feature)) continue;
      checkPrerequisite(prerequisite, spec, feature, server, siteMailboxes, text, out, at, counter);
    }
  }
}

const defaultSiteMailboxPrefix = 'SM-';

const trustWord: Record<string, string> = {
  sharepoint: 'trusted security token issuer',
  exchange: 'partner application',
  lync: 'partner application',
};

function conditionHolds(p: Prerequisite, feature: FeatureInstance): boolean {
  if (!p.when) return true;
  if ('role' in p.when) return !!roleTarget(feature, p.when.role);
  return flagOf(feature, p.when.option);
}

type At = (code: string, message: string, fixes?: Fix[]) => void;

function fix(title: string, edit: TextEdit | undefined, unambiguous = true): Fix[] | undefined {
  return edit ? [{ title, edits: [edit], unambiguous }] : undefined;
}

function checkPrerequisite(
  p: Prerequisite,
  spec: FeatureSpec,
  feature: FeatureInstance,
  server: Declaration,
  siteMailboxes: Declaration[],
  text: string,
  out: Diagnostic[],
  at: At,
  counter?: WorkCounter,
): void {
  const needs = spec.plural ? 'need' : 'needs';
  const T = spec.title;
  const s = server.name;
  switch (p.check) {
    case 'true':
      if (!flagOf(server, p.property)) {
        at(p.code, `${T} ${needs} ${p.property} = true on ${s}, because ${p.why}: set ${p.property} = true once it is in place.`, fix(`Set ${p.property} = true on ${s}`, setPropertyEdit(text, server.block, p.property, 'true')));
      }
      return;
    case 'set':
      if (stringOf(server, p.property) === undefined) {
        const host = stringOf(server, 'host') ?? 'server.example.com';
        const placeholder = p.placeholder?.(host);
        at(
          p.code,
          `${T} ${needs} ${p.property} set on ${s}, because ${p.why}.`,
          placeholder !== undefined && !isWritten(server, p.property)
            ? fix(`Set ${p.property} on ${s} to "${placeholder}"`, setPropertyEdit(text, server.block, p.property, JSON.stringify(placeholder)), false)
            : undefined,
        );
      }
      return;
    case 'https': {
      const url = stringOf(server, p.property);
      if (url && !isHttps(url)) {
        at(p.code, `${T} ${needs} ${s} on https, because ${p.why}: bind a certificate and change its ${p.property} to https.`, fix(`Switch ${s}'s ${p.property} to https`, setPropertyEdit(text, server.block, p.property, JSON.stringify(url.replace(/^http:/i, 'https:')))));
      }
      return;
    }
    case 'includes': {
      const present = membersOf(server, p.property);
      const listNode = writtenValue(server, p.property);
      for (const member of p.members) {
        if (present.includes(member)) continue;
        const edit = listNode && listNode.type !== 'list' ? undefined : appendToListEdit(text, server.block, p.property, listNode?.type === 'list' ? listNode : undefined, member);
        at(p.code, `${T} ${needs} the ${member} service application on ${s}, because ${p.why}: provision it and add ${member} to ${s}'s ${p.property}.`, fix(`Add ${member} to ${s}'s ${p.property}`, edit));
      }
      return;
    }
    case 'includes-any': {
      const present = membersOf(server, p.property);
      if (p.members.some((m) => present.includes(m))) return;
      const listNode = writtenValue(server, p.property);
      const edit = listNode && listNode.type !== 'list' ? undefined : appendToListEdit(text, server.block, p.property, listNode?.type === 'list' ? listNode : undefined, p.members[0]);
      at(p.code, `${T} ${needs} a ${p.members.join(' or ')} crawl on ${s}, because ${p.why}: schedule one and add it to ${s}'s ${p.property}.`, fix(`Add ${p.members[0]} to ${s}'s ${p.property}`, edit));
      return;
    }
    case 'above': {
      const n = numberOf(server, p.property);
      if (n !== undefined && n <= p.value) {
        at(p.code, `${T} on ${s}: ${p.property} is ${n}, and ${p.why}; raise it above ${p.value}.`, fix(`Set ${s}'s ${p.property} to ${p.fixValue}`, setPropertyEdit(text, server.block, p.property, String(p.fixValue))));
      }
      return;
    }
    case 'version-at-most': {
      const v = versionOf(server);
      if (v > p.value && v >= minimumFeatureVersion) {
        at(p.code, `${T} ${needs} SharePoint Server ${p.value}, but ${s} is version ${v}: ${p.why}.`);
      }
      return;
    }
    case 'library-host': {
      const library = valueOf(feature, 'library');
      const url = stringOf(server, 'url');
      if (typeof library !== 'string' || !url) return;
      if (urlHost(library) !== urlHost(url)) {
        const node = valueNode(feature, 'library');
        out.push({ code: p.code, start: node.start, end: node.end, message: `${T}: the library ${library} is not on ${s}'s host ${urlHost(url)}, and ${p.why}: choose a library on ${urlHost(url)}.` });
      }
      return;
    }
    case 'project-on-sharepoint': {
      const sharepoint = roleTarget(feature, 'sharepoint');
      if (!sharepoint) return;
      const runsOn = valueOf(server, 'sharepoint') as Declaration | undefined;
      if (runsOn === sharepoint) return;
      const edit = setPropertyEdit(text, server.block, 'sharepoint', sharepoint.name);
      const problem = runsOn ? `runs on ${runsOn.name}` : 'does not say which SharePoint server it runs on';
      at(p.code, `${T} with Project Server ${s}: ${s} ${problem}, and ${p.why}. Set ${s}'s sharepoint to ${sharepoint.name}.`, fix(`Set ${s}'s sharepoint to ${sharepoint.name}`, edit));
      return;
    }
    case 'site-mailbox-sites': {
      const spHost = stringOf(server, 'url') ? urlHost(stringOf(server, 'url')!) : undefined;
      // Unwritten, the prefix is on-premises Exchange's default alias prefix.
      const prefix = isWritten(feature, 'prefix') ? (valueOf(feature, 'prefix') as string | undefined) : defaultSiteMailboxPrefix;
      counter?.add('site-mailboxes-visited', siteMailboxes.length);
      for (const box of siteMailboxes) {
        const site = valueOf(box, 'site');
        if (spHost && typeof site === 'string' && urlHost(site) !== spHost) {
          const node = valueNode(box, 'site');
          out.push({ code: p.code, start: node.start, end: node.end, message: `Site mailbox ${box.name}'s site is not on ${s}'s host ${spHost}, where site mailboxes are provisioned: move the site or correct its URL.` });
        }
        const address = valueOf(box, 'address');
        if (prefix && typeof address === 'string' && !address.toLowerCase().startsWith(prefix.toLowerCase())) {
          const node = valueNode(box, 'address');
          out.push({
            code: p.code,
            start: node.start,
            end: node.end,
            message: `Site mailbox ${box.name}'s address does not start with the prefix "${prefix}" of the site mailbox policy.`,
            fixes: [{ title: `Prefix the address with "${prefix}"`, edits: [{ start: node.start, end: node.end, newText: JSON.stringify(prefix + address) }], unambiguous: false }],
          });
        }
      }
      return;
    }
  }
}

