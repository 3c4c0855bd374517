// Hovers in Markdown, written for an administrator: what a feature does
// and needs, and which servers take its roles; what a server is, where its metadata
// lives and who trusts it; what a property means and its default.
import { Hover, MarkupKind, TextDocumentPositionParams } from 'vscode-languageserver';
import { blockSpecs, metadataEndpoint, type Analysis } from '../core';
import type { FeatureSpec, Prerequisite, Role } from '../core/language/features';
import { isBlockKind } from '../core/language/blocks';
import { featureFloorLine, featureSourceLines } from '../core/rules/feature-sources';
import { article, describeType, type PropertySpec } from '../core/language/value-types';
import { stringOf, trustsOf, versionOf } from '../core/model/effective';
import type { Declaration, FeatureInstance } from '../core/model/types';
import type { DocumentCache } from './document-cache';
import { toRange } from './positions';
import { symbolAt } from './symbol-at';

export const serverKindNames: Record<string, string> = {
  exchange: 'Exchange Server',
  sharepoint: 'SharePoint Server',
  lync: 'Lync Server',
  'office-web-apps': 'Office Web Apps Server',
  project: 'Project Server',
};

/** Extra lines for a server's hover (the last probe's details, when there is one). */
export type ServerHoverExtra = (uri: string, declaration: Declaration) => string[];

export function hover(cache: DocumentCache, params: TextDocumentPositionParams, extra?: ServerHoverExtra): Hover | null {
  const document = cache.get(params.textDocument.uri);
  if (!document) return null;
  const { analysis } = document;
  const at = symbolAt(analysis, analysis.lines.offset(params.position));
  if (!at) return null;
  let lines: string[];
  switch (at.type) {
    case 'kind':
      lines = kindHover(at.block.kind);
      break;
    case 'declaration':
      lines = [...declarationHover(analysis, at.declaration), ...(extra?.(document.uri, at.declaration) ?? [])];
      break;
    case 'reference':
      lines = at.reference.target ? [...declarationHover(analysis, at.reference.target), ...(extra?.(document.uri, at.reference.target) ?? [])] : [];
      break;
    case 'feature':
      lines = at.feature.spec ? featureHover(at.feature, at.feature.spec) : [];
      break;
    case 'key':
      lines = at.spec ? propertyHover(at.spec) : [];
      break;
    case 'member':
      lines = at.spec ? [`\`${at.node.name}\`: a value of \`${at.spec.key}\``, '', `\`${at.spec.key}\` takes ${describeType(at.spec.type)}.`] : [];
      break;
  }
  if (lines.length === 0) return null;
  return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n') }, range: toRange(analysis, at.node) };
}

function kindHover(kind: string): string[] {
  if (!isBlockKind(kind)) return [];
  const spec = blockSpecs[kind];
  const lines = [`**${kind}** block`, '', spec.description];
  if (spec.properties.length) {
    lines.push('', 'Properties:');
    for (const p of spec.properties) lines.push(`- \`${p.key}\`${p.required ? ' (required)' : ''}: ${describeType(p.type)}`);
  }
  return lines;
}

export function propertyHover(spec: PropertySpec): string[] {
  const lines = [`**${spec.key}**: ${describeType(spec.type)}${spec.required ? ', required' : ''}`, '', spec.description];
  if (spec.default !== undefined) lines.push('', `Default: \`${spec.default}\``);
  return lines;
}

function names(declarations: Declaration[]): string {
  return declarations.length ? declarations.map((d) => d.name).join(', ') : 'none';
}

function declarationHover(analysis: Analysis, declaration: Declaration): string[] {
  const { model } = analysis;
  const kind = declaration.kind;
  if (kind === 'farm') {
    const realm = stringOf(declaration, 'realm');
    return [`**${declaration.name}**: the farm`, '', realm ? `Realm: \`${realm}\`` : 'No realm is set: probed metadata documents are not compared with one.'];
  }
  if (kind === 'user' || kind === 'site-mailbox') {
    const address = stringOf(declaration, 'address');
    return [`**${declaration.name}**: ${article(kind)}`, '', address ? `Address: \`${address}\`` : 'No valid address is set.'];
  }
  const lines = [`**${declaration.name}**: ${serverKindNames[kind]} ${versionOf(declaration)}`, ''];
  const where = stringOf(declaration, 'host') ?? stringOf(declaration, 'url') ?? stringOf(declaration, 'pwa');
  if (where) lines.push(`${kind === 'exchange' || kind === 'lync' ? 'Host' : 'URL'}: \`${where}\``, '');
  if (blockSpecs[kind].issuesTokens) {
    const endpoint = metadataEndpoint(declaration);
    lines.push(
      endpoint
        ? `Metadata endpoint: \`${endpoint.url}\`${endpoint.source === 'metadata' ? ' (written)' : ` (derived from its ${endpoint.source})`}`
        : `Metadata endpoint: none can be derived until its ${kind === 'sharepoint' ? 'url' : 'host'} is valid`,
      '',
    );
    const trustedBy = model.declarations.filter((d) => d.first && blockSpecs[d.kind].issuesTokens && trustsOf(d).includes(declaration));
    lines.push(`Trusts: ${names(trustsOf(declaration))}  `, `Trusted by: ${names(trustedBy)}`);
  }
  const roles = model.features.flatMap((f) => [...f.roles].filter(([, b]) => b.target === declaration).map(([role]) => `${f.id.text} (${role}${f.roles.get(role)?.written ? '' : ', inferred'})`));
  if (roles.length) lines.push('', `Features: ${roles.join(', ')}`);
  return lines;
}

function prerequisiteText(p: Prerequisite): string {
  const on = `the ${p.role} server`;
  switch (p.check) {
    case 'true':
      return `\`${p.property} = true\` on ${on}`;
    case 'set':
      return `\`${p.property}\` set on ${on}`;
    case 'https':
      return `${on}'s \`${p.property}\` on https`;
    case 'includes':
      return `${on}'s \`${p.property}\` include ${p.members.join(', ')}`;
    case 'includes-any':
      return `${on}'s \`${p.property}\` include ${p.members.join(' or ')}`;
    case 'above':
      return `${on}'s \`${p.property}\` above ${p.value}`;
    case 'version-at-most':
      return `${on} at most version ${p.value}`;
    case 'version-below':
      return `${on} older than version ${p.value}`;
    case 'trusted-application':
      return `the exchange server a trusted application of ${on}, unless its UM services share one computer`;
    case 'im-server':
      return `\`im-server\` on the exchange server, when written, is the feature's lync pool`;
    case 'library-host':
      return `\`library\` on ${on}'s host`;
    case 'project-on-sharepoint':
      return `the project server runs on the feature's sharepoint server`;
    case 'site-mailbox-sites':
      return `every site mailbox on ${on}'s host, its address starting with \`prefix\``;
  }
}

function condition(p: Prerequisite): string {
  if (!p.when) return '';
  if ('role' in p.when) return ` (with a ${p.when.role} server)`;
  return 'option' in p.when ? ` (with \`${p.when.option} = true\`)` : ` (before version ${p.when.versionBelow})`;
}

/** " (ex01)": the server that takes the role here, when one does. */
function serverOf(feature: FeatureInstance, role: Role): string {
  const server = feature.roles.get(role)?.target;
  return server ? ` (${server.name})` : '';
}

function featureHover(feature: FeatureInstance, spec: FeatureSpec): string[] {
  const lines = [`**${spec.title}** (\`${spec.id}\`)`, '', spec.summary, '', 'Roles:'];
  for (const role of spec.roles) {
    const binding = feature.roles.get(role.role);
    const server = binding?.target ? `${binding.target.name}${binding.written ? '' : ' (inferred)'}` : binding?.written ? `${binding.written.name} (unresolved)` : 'none';
    lines.push(`- ${role.role}${role.required ? '' : ' (optional)'}: ${server}`);
  }
  if (spec.trusts.length) {
    lines.push('', 'Trusts it needs:');
    for (const t of spec.trusts) {
      const optional = spec.roles.find((r) => r.role === t.trusted)?.required ? '' : ` (when a ${t.trusted} server takes part)`;
      lines.push(`- the ${t.truster} server${serverOf(feature, t.truster)} trusts the ${t.trusted} server${serverOf(feature, t.trusted)}${optional}`);
    }
  } else {
    lines.push('', 'Trusts it needs: none');
  }
  if (spec.prerequisites.length) {
    lines.push('', 'Prerequisites:');
    for (const p of spec.prerequisites) lines.push(`- ${prerequisiteText(p)}${condition(p)}: ${p.why}`);
  }
  lines.push(...featureSourceLines(spec));
  lines.push('', featureFloorLine(spec));
  // What this farm still lacks is in the diagnostics on the feature id, and
  // the editor shows those in the same hover: written here too, each would
  // read twice.
  return lines;
}
