// The Office Farm view reads office-farm/topology answers through
// readFarmTopology (src/extension/farm-topology.ts): an answer of another
// shape is refused rather than misdrawn.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFarmTopology } from '../../src/extension/farm-topology';

const range = { start: { line: 1, character: 9 }, end: { line: 1, character: 13 } };
const answer = {
  uri: 'file:///farms/contoso.farm',
  version: 3,
  realm: 'contoso.com',
  servers: [{ name: 'ex01', kind: 'exchange', version: 2013, host: 'mail.contoso.com', ewsUrl: 'https://mail.contoso.com/EWS/Exchange.asmx', range, probe: { outcome: 'ok', startedAt: '2026-12-04T00:00:00Z', findings: 0 } }],
  siteMailboxes: [{ name: 'projectx', address: 'SMO-ProjectX@contoso.com', site: 'https://intranet.contoso.com/sites/projectx', owners: ['alice'], members: [], range }],
  users: [{ name: 'alice', address: 'alice@contoso.com', mailbox: 'ex01', range }],
};

test('an answer in shape is read as it is', () => {
  assert.deepEqual(readFarmTopology(answer), answer);
});

test('an answer out of shape is refused', () => {
  const broken = (patch: (a: any) => void) => {
    const copy = JSON.parse(JSON.stringify(answer));
    patch(copy);
    return readFarmTopology(copy);
  };
  assert.equal(readFarmTopology(undefined), undefined);
  assert.equal(broken((a) => (a.servers[0].kind = 'exchange2013')), undefined);
  assert.equal(broken((a) => (a.servers[0].range.start.line = -1.5)), undefined);
  assert.equal(broken((a) => (a.siteMailboxes[0].owners = 'alice')), undefined);
  assert.equal(broken((a) => (a.users[0].address = 7)), undefined);
  assert.equal(broken((a) => (a.servers[0].probe = { outcome: 'ok' })), undefined);
  assert.equal(broken((a) => delete a.users), undefined);
});
