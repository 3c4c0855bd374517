// office-farm/topology: the farm an open document describes, as plain data
// for the extension's Office Farm view (servers by kind, site mailboxes,
// users) with where each is declared and each server's last probe. The
// extension talks to the server, never to core: this is how it reads a
// topology without parsing the file itself. Served from the document cache,
// so asking after every edit costs the analysis the edit already paid for.
import { ErrorCodes, ResponseError, type Range } from 'vscode-languageserver';
import { readTopology, type Analysis } from '../core';
import type { DocumentCache } from './document-cache';
import { toRange } from './positions';
import { TOPOLOGY_REQUEST, type FarmTopology, type TopologyParams } from './topology-protocol';
import type { Probes } from './probes';

export const topologyRequest = TOPOLOGY_REQUEST;
/** The answer, as src/server/topology-protocol.ts states it for both ends. */
export type TopologyResult = FarmTopology;

export function topology(cache: DocumentCache, probes: Probes, params: TopologyParams): TopologyResult {
  if (!params || typeof params.uri !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, `${topologyRequest} takes { uri }.`);
  const document = cache.get(params.uri);
  if (!document) throw new ResponseError(ErrorCodes.InvalidParams, `${params.uri} is not open.`);
  const { analysis } = document;
  const farm = readTopology(analysis);
  const declared = declarationsOf(analysis);
  const rangeOf = (kind: string, name: string): Range => {
    const d = declared.get(`${kind} ${name}`);
    return d?.block.name ? toRange(analysis, d.block.name) : toRange(analysis, { start: 0, end: 0 });
  };
  return {
    uri: params.uri,
    version: document.version,
    ...(farm.realm ? { realm: farm.realm } : {}),
    servers: farm.servers.map((s) => {
      const d = declared.get(`${s.kind} ${s.name}`);
      const result = d ? probes.resultFor(params.uri, analysis, d) : undefined;
      return {
        name: s.name,
        kind: s.kind,
        version: s.version,
        ...(s.release ? { release: s.release } : {}),
        ...(s.host ? { host: s.host } : {}),
        ...(s.url ? { url: s.url } : {}),
        ...(s.ewsUrl ? { ewsUrl: s.ewsUrl } : {}),
        range: rangeOf(s.kind, s.name),
        ...(result ? { probe: { outcome: result.outcome, startedAt: result.startedAt, findings: result.findings.length } } : {}),
      };
    }),
    siteMailboxes: farm.siteMailboxes.map((m) => ({ ...m, owners: [...m.owners], members: [...m.members], range: rangeOf('site-mailbox', m.name) })),
    users: farm.users.map((u) => ({ name: u.name, address: u.address, ...(u.mailbox ? { mailbox: u.mailbox } : {}), range: rangeOf('user', u.name) })),
  };
}

function declarationsOf(analysis: Analysis) {
  const map = new Map<string, Analysis['model']['declarations'][number]>();
  for (const d of analysis.model.declarations) if (d.first) map.set(`${d.kind} ${d.name}`, d);
  return map;
}
