// Feature rules, read from the feature table: FARM201 (trusts a feature
// needs), FARM301 (each role's version floor), FARM326 (version pairings
// Microsoft does not support) and the prerequisites FARM302–FARM325.
import type { Diagnostic, Fix, TextEdit } from '../diagnostics';
import { appendToListEdit, removeFromListEdit, setPropertyEdit } from '../fixes/edits';
import { FeatureSpec, Prerequisite, Role } from '../language/features';
import { featurePairings } from '../language/version-pairings';
import { versionName } from '../language/versions';
import { boundList, flagOf, isHttps, membersOf, numberOf, roleTarget, roleTargetAt, stringOf, trusts, valueNode, valueOf, versionOf, writtenValue, isWritten } from '../model/effective';
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
      const floor = spec.minimumVersions[role];
      if (server && floor !== undefined && versionOf(server) < floor) {
        at('FARM301', `${spec.title} ${needs} ${versionName(server.kind, floor)} or later as its ${role} server, but ${server.name} is ${versionName(server.kind, versionOf(server))}: upgrade it or choose another ${role} server.`);
      }
    });

    for (const pairing of featurePairings(spec.id)) {
      const a = participant(pairing.first.role);
      const b = participant(pairing.second.role);
      if (!a || !b || !inRange(versionOf(a), pairing.first) || !inRange(versionOf(b), pairing.second)) continue;
      at('FARM326', `${spec.title} between ${versionName(a.kind, versionOf(a))} (${a.name}) and ${versionName(b.kind, versionOf(b))} (${b.name}) is not supported: ${pairing.why}.`);
    }

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
      if (!server || !conditionHolds(prerequisite, feature, server)) continue;
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

function conditionHolds(p: Prerequisite, feature: FeatureInstance, server: Declaration): boolean {
  if (!p.when) return true;
  if ('role' in p.when) return !!roleTarget(feature, p.when.role);
  if ('option' in p.when) return flagOf(feature, p.when.option);
  return versionOf(server) < p.when.versionBelow;
}

function inRange(v: number, side: { from?: number; to?: number }): boolean {
  return (side.from === undefined || v >= side.from) && (side.to === undefined || v <= side.to);
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
      // Below the feature's floor, FARM301 has said it.
      if (v > p.value && v >= (spec.minimumVersions[p.role] ?? 0)) {
        at(p.code, `${T} ${needs} ${versionName(server.kind, p.value)}, but ${s} is ${versionName(server.kind, v)}: ${p.why}.`);
      }
      return;
    }
    case 'version-below': {
      const v = versionOf(server);
      if (v >= p.value) at(p.code, `${T} ${needs} Exchange Unified Messaging, but ${s} is ${versionName(server.kind, v)}: ${p.why}.`);
      return;
    }
    case 'trusted-application': {
      const exchange = roleTarget(feature, 'exchange');
      if (!exchange) return;
      const listed = (boundList(server, 'trusted-applications') ?? []).indexOf(exchange);
      const list = writtenValue(server, 'trusted-applications');
      if (flagOf(exchange, 'um-same-computer')) {
        if (listed < 0 || list?.type !== 'list') return;
        // Lync already knows this Exchange from its SipName UM dial plan; a second entry breaks OWA.
        const element = list.elements[listed];
        out.push({
          code: 'FARM323',
          start: element.start,
          end: element.end,
          message: `${exchange.name} runs the UM Call Router and UM services on one computer, so Lync finds it by itself: a trusted application pool for Outlook Web App there stops OWA integration working. Remove the trusted application pool and application for ${exchange.name} (Remove-CsTrustedApplicationPool) and ${exchange.name} from ${s}'s trusted-applications.`,
          fixes: [{ title: `Remove ${exchange.name} from ${s}'s trusted-applications`, edits: [removeFromListEdit(text, list, listed)], unambiguous: true }],
        });
        return;
      }
      if (listed >= 0) return;
      const edit = list && list.type !== 'list' ? undefined : appendToListEdit(text, server.block, 'trusted-applications', list?.type === 'list' ? list : undefined, exchange.name);
      at(
        p.code,
        `${T} ${needs} ${exchange.name} as a trusted application of ${s}, because ${p.why}: run New-CsTrustedApplicationPool with ${exchange.name}'s OWA FQDN, New-CsTrustedApplication and Enable-CsTopology, then add ${exchange.name} to ${s}'s trusted-applications.`,
        fix(`Add ${exchange.name} to ${s}'s trusted-applications`, edit),
      );
      return;
    }
    case 'im-server': {
      const lync = roleTarget(feature, 'lync');
      const imServer = valueOf(server, 'im-server') as Declaration | undefined;
      if (!lync || !imServer || imServer === lync) return;
      const node = valueNode(server, 'im-server');
      out.push({
        code: p.code,
        start: node.start,
        end: node.end,
        message: `${s}'s im-server is ${imServer.name}, but ${T.toLowerCase()} runs on ${lync.name}: ${p.why}. Set im-server to ${lync.name}, or make ${imServer.name} the feature's lync pool.`,
        fixes: [{ title: `Set ${s}'s im-server to ${lync.name}`, edits: [{ start: node.start, end: node.end, newText: lync.name }], unambiguous: true }],
      });
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

