import { analyze, Analysis } from './analyze';
import { releaseLabel } from './language/versions';
import { ewsEndpoint, isBoundList, metadataEndpoint, membersOf, stringOf, trustsOf, valueOf, versionOf } from './model/effective';
import type { Declaration } from './model/types';
import type { ServerKind, Topology } from './topology';

/** The plain-data view of a farm file, for the simulator and the probe. */
export function readTopology(textOrAnalysis: string | Analysis): Topology {
  const { model } = typeof textOrAnalysis === 'string' ? analyze(textOrAnalysis) : textOrAnalysis;
  const firsts = model.declarations.filter((d) => d.first);
  const realm = model.farm ? stringOf(model.farm, 'realm') : undefined;
  return {
    realm,
    servers: firsts
      .filter((d) => ['exchange', 'sharepoint', 'lync', 'office-web-apps', 'project'].includes(d.kind))
      .map((d) => ({
        name: d.name,
        kind: d.kind as ServerKind,
        version: versionOf(d),
        release: releaseLabel(versionOf(d)),
        host: stringOf(d, 'host'),
        url: stringOf(d, d.kind === 'project' ? 'pwa' : 'url'),
        metadataUrl: metadataEndpoint(d)?.url,
        ewsUrl: d.kind === 'exchange' ? ewsEndpoint(d) : undefined,
        trusts: trustsOf(d).map((t) => t.name),
      })),
    users: firsts
      .filter((d) => d.kind === 'user' && stringOf(d, 'address'))
      .map((d) => ({ name: d.name, address: stringOf(d, 'address')!, mailbox: refName(d, 'mailbox'), lync: refName(d, 'lync') })),
    siteMailboxes: firsts
      .filter((d) => d.kind === 'site-mailbox' && stringOf(d, 'site') && stringOf(d, 'address'))
      .map((d) => ({ name: d.name, site: stringOf(d, 'site')!, address: stringOf(d, 'address')!, owners: membersOf(d, 'owners'), members: membersOf(d, 'members') })),
  };
}

function refName(d: Declaration, key: string): string | undefined {
  const v = valueOf(d, key);
  return v && typeof v === 'object' && !isBoundList(v) ? v.name : undefined;
}
