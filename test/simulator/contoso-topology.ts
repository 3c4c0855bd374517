// Contoso's farm (the shape of examples/contoso.farm) as the
// plain Topology the simulator takes, written by hand so these tests do not
// depend on the parser.
import type { Topology } from '../../src/core/topology';

export function contosoTopology(): Topology {
  return {
    realm: 'contoso.com',
    servers: [
      {
        name: 'ex01',
        kind: 'exchange',
        version: 2013,
        host: 'mail.contoso.com',
        metadataUrl: 'https://mail.contoso.com/autodiscover/metadata/json/1',
        ewsUrl: 'https://mail.contoso.com/EWS/Exchange.asmx',
        trusts: ['sp01', 'lync01'],
      },
      {
        name: 'sp01',
        kind: 'sharepoint',
        version: 2013,
        url: 'https://intranet.contoso.com',
        metadataUrl: 'https://intranet.contoso.com/_layouts/15/metadata/json/1',
        trusts: ['ex01', 'lync01'],
      },
      {
        name: 'lync01',
        kind: 'lync',
        version: 2013,
        host: 'pool01.contoso.com',
        metadataUrl: 'https://pool01.contoso.com/metadata/json/1',
        trusts: ['ex01', 'sp01'],
      },
      { name: 'wac01', kind: 'office-web-apps', version: 2013, url: 'https://wac.contoso.com', trusts: [] },
      { name: 'pwa01', kind: 'project', version: 2013, url: 'https://intranet.contoso.com/pwa', trusts: [] },
    ],
    users: [
      { name: 'alice', address: 'alice@contoso.com', mailbox: 'ex01', lync: 'lync01' },
      { name: 'bob', address: 'bob@contoso.com', mailbox: 'ex01', lync: 'lync01' },
      { name: 'carol', address: 'carol@contoso.com', mailbox: 'ex01', lync: 'lync01' },
    ],
    siteMailboxes: [
      {
        name: 'projectx',
        site: 'https://intranet.contoso.com/sites/projectx',
        address: 'SMO-ProjectX@contoso.com',
        owners: ['alice'],
        members: ['bob'],
      },
    ],
  };
}
