// Drift: what the inventories say each server has, against what the
// topology says it should have. Each difference is a diagnostic on the .farm
// file (FARM6xx, scripts/drift-rules.ts), placed where the topology says the
// thing: a trust on its element of `trusts`, a feature's need on the
// server's name. Trusts are matched by metadata URL, since that is what
// every product records and names may differ from the topology's.
import type { Analysis } from '../analyze';
import type { Diagnostic } from '../diagnostics';
import { metadataEndpoint, roleTarget, stringOf, trustsListNode, trustsOf, boundList, flagOf } from '../model/effective';
import type { Declaration } from '../model/types';
import { applyRuleConfig, type RuleConfig } from '../rules/config';
import { ruleByCode } from '../rules/catalogue';
import { featuresWith, trustedApplicationsOf, wantsOwaIm } from './steps';
import type { Inventory } from './inventory';

/** Two metadata URLs are one when they differ only by case or a trailing slash. */
export function sameUrl(a: string, b: string): boolean {
  const norm = (u: string): string => u.trim().replace(/\/+$/, '').toLowerCase();
  return norm(a) === norm(b);
}

const sameHost = (a: string, b: string): boolean => a.trim().replace(/\.$/, '').toLowerCase() === b.trim().replace(/\.$/, '').toLowerCase();

export function drift(analysis: Analysis, inventories: readonly Inventory[], config?: RuleConfig): Diagnostic[] {
  const found: Diagnostic[] = [];
  const at = (code: string, node: { start: number; end: number }, message: string): void => {
    found.push({ code, severity: ruleByCode.get(code)?.severity, message, start: node.start, end: node.end });
  };
  const declared = analysis.model.declarations.filter((d) => d.first);

  for (const inv of inventories) {
    const server = declared.find((d) => d.name === inv.server && d.kind === inv.kind);
    if (!server) {
      at('FARM608', { start: 0, end: 0 }, `The inventory ${inv.source} is of ${inv.kind} ${inv.server}, which this file does not declare.`);
      continue;
    }
    const name = server.block.name ?? server.block;
    if (server.kind === 'sharepoint' || server.kind === 'exchange' || server.kind === 'lync') compareTrusts(server, inv, declared, at);
    if (server.kind === 'lync') compareLync(analysis, server, name, inv, at);
    if (server.kind === 'exchange') compareExchange(analysis, server, name, inv, at);
    if (server.kind === 'sharepoint') compareWopi(server, name, inv, declared, at);
    if (server.kind === 'office-web-apps' && (inv.farms ?? []).length === 0) {
      at('FARM609', name, `${server.name}'s inventory (${inv.source}) has no Office Web Apps farm.`);
    }
  }
  const diagnostics = applyRuleConfig(found, analysis.syntax.comments, analysis.lines, config);
  diagnostics.sort((a, b) => a.start - b.start || a.end - b.end || a.code.localeCompare(b.code));
  return diagnostics;
}

type At = (code: string, node: { start: number; end: number }, message: string) => void;

function compareTrusts(server: Declaration, inv: Inventory, declared: Declaration[], at: At): void {
  const list = trustsListNode(server);
  const bound = boundList(server, 'trusts') ?? [];
  const name = server.block.name ?? server.block;
  for (const t of trustsOf(server)) {
    const endpoint = metadataEndpoint(t);
    if (!endpoint) continue;
    if (inv.trusts.some((x) => x.metadataUrl && sameUrl(x.metadataUrl, endpoint.url))) continue;
    const i = bound.indexOf(t);
    const node = list && i >= 0 && list.elements[i] ? list.elements[i] : name;
    at('FARM601', node, `${server.name} trusts ${t.name} in the topology, but its inventory (${inv.source}) has no trust made from ${endpoint.url}.`);
  }
  for (const x of inv.trusts) {
    if (!x.metadataUrl) continue;
    const owner = declared.find((d) => d !== server && (d.kind === 'sharepoint' || d.kind === 'exchange' || d.kind === 'lync') && sameUrl(metadataEndpoint(d)?.url ?? '', x.metadataUrl));
    if (owner) {
      if (!trustsOf(server).includes(owner)) at('FARM602', name, `${server.name}'s inventory (${inv.source}) trusts ${owner.name} (${x.name}, from ${x.metadataUrl}), but its trusts do not list ${owner.name}.`);
    } else if (!trustsOf(server).some((t) => sameUrl(metadataEndpoint(t)?.url ?? '', x.metadataUrl))) {
      at('FARM603', name, `${server.name}'s inventory (${inv.source}) trusts ${x.name}, from ${x.metadataUrl}, which is no server of this file.`);
    }
  }
}

function compareLync(analysis: Analysis, server: Declaration, name: { start: number; end: number }, inv: Inventory, at: At): void {
  const features = featuresWith(analysis.model, 'lync', server);
  const withExchange = features.filter((f) => roleTarget(f, 'exchange'));
  if (withExchange.length > 0 && inv.oauthConfiguration && !inv.oauthConfiguration.some((c) => c.exchangeAutodiscoverUrl.trim() !== '')) {
    at('FARM604', name, `${server.name} takes part in ${withExchange[0].spec!.id} with Exchange, but its OAuth configuration (${inv.source}) has no ExchangeAutodiscoverUrl.`);
  }
  if (features.some((f) => f.spec!.id === 'unified-contact-store') && flagOf(server, 'ucs') && inv.userServicesPolicies) {
    const global = inv.userServicesPolicies.find((p) => p.identity.toLowerCase() === 'global');
    if (global && !global.ucsAllowed) at('FARM605', name, `${server.name} uses the unified contact store, but its global user services policy (${inv.source}) has UcsAllowed = False.`);
  }
  if (inv.trustedApplications) {
    for (const exchange of trustedApplicationsOf(analysis.model, server)) {
      const host = stringOf(exchange, 'host');
      if (!host || flagOf(exchange, 'um-same-computer')) continue;
      if (!inv.trustedApplications.some((a) => sameHost(a.poolFqdn, host))) {
        at('FARM607', name, `${server.name} has ${exchange.name} as a trusted application for Outlook Web App, but its inventory (${inv.source}) has no trusted application on the pool ${host}.`);
      }
    }
  }
  const thumbprint = stringOf(server, 'oauth-certificate');
  if (thumbprint && inv.oauthTokenIssuerThumbprints && !inv.oauthTokenIssuerThumbprints.some((t) => t.toLowerCase() === thumbprint.toLowerCase())) {
    const shown = inv.oauthTokenIssuerThumbprints.length ? `has ${inv.oauthTokenIssuerThumbprints.join(', ')}` : 'has none assigned';
    at('FARM610', name, `${server.name}'s oauth-certificate is ${thumbprint}, but its inventory (${inv.source}) ${shown}.`);
  }
}

function compareExchange(analysis: Analysis, server: Declaration, name: { start: number; end: number }, inv: Inventory, at: At): void {
  if (!wantsOwaIm(analysis.model, server) || !inv.owaVirtualDirectories) return;
  for (const v of inv.owaVirtualDirectories) {
    if (!v.instantMessagingEnabled || v.instantMessagingType.toLowerCase() !== 'ocs') {
      at('FARM606', name, `${server.name} is to show Lync IM and presence in Outlook Web App, but its virtual directory ${v.name} (${inv.source}) has instant messaging ${v.instantMessagingEnabled ? 'enabled' : 'off'} of type ${v.instantMessagingType || 'None'}, not enabled of type Ocs.`);
    }
  }
}

function compareWopi(server: Declaration, name: { start: number; end: number }, inv: Inventory, declared: Declaration[], at: At): void {
  if (!inv.wopiBindings) return;
  for (const w of declared.filter((d) => d.kind === 'office-web-apps' && !!boundList(d, 'hosts')?.includes(server))) {
    const url = stringOf(w, 'url');
    const host = url ? /^[a-z]+:\/\/([^/:?#]+)/i.exec(url)?.[1] : undefined;
    if (host && !inv.wopiBindings.some((b) => sameHost(b.replace(/:\d+$/, ''), host))) {
      at('FARM609', name, `${w.name} hosts ${server.name}, but its inventory (${inv.source}) has no WOPI binding for ${host}.`);
    }
  }
}
