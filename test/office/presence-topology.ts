// A farm for the presence tests: two Lync pools (users of contoso.com homed
// on either, so lyncdiscover's pool redirects some) and online users, as
// the plain Topology the simulator takes.
import type { Topology, TopologyUser } from '../../src/core/topology';

export function presenceTopology(onlineCount = 3): Topology {
  const users: TopologyUser[] = [
    { name: 'alice', address: 'alice@contoso.com', lync: 'lync01' },
    { name: 'bob', address: 'bob@contoso.com', lync: 'lync01' },
    { name: 'carol', address: 'carol@contoso.com', lync: 'lync02' },
    { name: 'dave', address: 'dave@contoso.com' },
  ];
  for (let i = 0; i < onlineCount; i++) users.push({ name: `cloud${i}`, address: `cloud${i}@contoso.com`, online: true });
  return {
    realm: 'contoso.com',
    servers: [
      { name: 'lync01', kind: 'lync', version: 2013, host: 'pool01.contoso.com', metadataUrl: 'https://pool01.contoso.com/metadata/json/1', trusts: [] },
      { name: 'lync02', kind: 'lync', version: 2013, host: 'pool02.contoso.com', metadataUrl: 'https://pool02.contoso.com/metadata/json/1', trusts: [] },
    ],
    users,
    siteMailboxes: [],
  };
}
