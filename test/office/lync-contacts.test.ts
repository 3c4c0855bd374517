// The contacts panel's query (src/office/lync-contacts.ts) through the real
// ews-javascript-api against the simulated Contoso over HTTPS: the "Lync
// Contacts" folder under Contacts, its contacts and its groups, every auth
// mode, and the simulator's faults as the panel's failure states.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startSimulator, type RunningSimulator } from '../../src/simulator';
import type { OfficeFailure } from '../../src/office/office-failure';
import { LyncContacts } from '../../src/office/lync-contacts';
import { contosoTopology } from '../simulator/contoso-topology';
import { SHARED_STATE_DIR } from '../simulator/shared-state';
import { ewsSessions, failureOf } from './ews-simulator';



describe('Lync contacts (unified contact store)', () => {
  let sim: RunningSimulator;
  before(async () => {
    sim = await startSimulator(contosoTopology(), { stateDir: SHARED_STATE_DIR, seed: 11 });
  });
  after(() => sim.close());

  const { account, session, basic } = ewsSessions(() => sim);
  const contactsOf = (user = 'alice', s = basic(user)) => new LyncContacts(s, account(user).signInName);

  test("alice's Lync Contacts: her colleagues and outside contacts, sorted, with e-mail and SIP address", async () => {
    const list = await contactsOf().list();
    assert.ok(list.folder, 'the folder is found under Contacts');
    const names = list.contacts.map((c) => c.displayName);
    assert.deepEqual(names, [...names].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
    assert.ok(!list.contacts.some((c) => c.email === account('alice').signInName), 'not herself');
    const bob = list.contacts.find((c) => c.email === account('bob').signInName);
    assert.ok(bob, JSON.stringify(names));
    assert.equal(bob.sip, account('bob').signInName);
    assert.ok(list.contacts.some((c) => c.company === 'Fabrikam' && c.jobTitle === 'Account Manager'));
    assert.equal(list.truncated, false);
    assert.equal(list.folder.total, list.contacts.length + list.groups.length);
  });

  test('groups are the contact-group items, their members the contacts', async () => {
    const list = await contactsOf().list();
    const ids = new Set(list.contacts.map((c) => c.id));
    const kinds = list.groups.map((g) => g.kind);
    assert.deepEqual([kinds[0], kinds[kinds.length - 1]], ['favorites', 'other'], 'Favorites first, Other Contacts last, as Lync lists them');
    assert.ok(kinds.includes('favorites') && kinds.includes('other') && kinds.includes('custom'), kinds.join());
    for (const g of list.groups) assert.ok(g.members.every((m) => ids.has(m)), `${g.name}: members are contacts of the list`);
    const partners = list.groups.find((g) => g.name === 'Partners')!;
    assert.ok(partners.members.length >= 6);
    const other = list.groups.find((g) => g.kind === 'other')!;
    const inCustom = new Set(list.groups.filter((g) => g.kind === 'custom').flatMap((g) => g.members));
    assert.ok(other.members.every((m) => !inCustom.has(m)), 'Other Contacts holds what no group of the user has');
  });

  test('NTLM and a bearer token read the same list', async () => {
    const a = account('alice');
    const viaBasic = await contactsOf().list();
    const viaNtlm = await contactsOf('alice', session({ kind: 'ntlm', user: a.domainUserName, password: a.password })).list();
    const viaBearer = await contactsOf('alice', session({ kind: 'bearer', token: a.tokens.ews })).list();
    assert.deepEqual(viaNtlm, viaBasic);
    assert.deepEqual(viaBearer, viaBasic);
  });

  test("another user's contacts are access-denied; an unknown address is no-such-mailbox", async () => {
    assert.deepEqual(await failureOf(new LyncContacts(basic('carol'), account('alice').signInName).list()), { state: 'access-denied', mailbox: account('alice').signInName });
    assert.deepEqual(await failureOf(new LyncContacts(basic(), 'nobody@contoso.com').list()), { state: 'no-such-mailbox', mailbox: 'nobody@contoso.com' });
  });

  test('a wrong password is wrong-credentials', async () => {
    const f = await failureOf(contactsOf('alice', session({ kind: 'basic', user: account('alice').signInName, password: 'not-it' })).list());
    assert.equal(f.state, 'wrong-credentials');
  });

  describe('simulator faults', () => {
    const cases: Array<[string, (f: OfficeFailure) => void]> = [
      ['ews-server-busy:2500', (f) => assert.deepEqual([f.state, f.state === 'throttled' && f.backOffMs], ['throttled', 2500])],
      ['ews-busy-message:1200', (f) => assert.deepEqual([f.state, f.state === 'throttled' && f.backOffMs], ['throttled', 1200])],
      ['ews-unauthorized', (f) => assert.equal(f.state, 'wrong-credentials')],
      ['ews-server-error', (f) => assert.equal(f.state, 'malformed')],
      ['ews-silent', (f) => assert.deepEqual(f, { state: 'timeout', timeoutMs: 600, host: 'mail.contoso.com' })],
      ['untrusted-tls', (f) => assert.deepEqual([f.state, f.state === 'tls' && f.problem], ['tls', 'untrusted'])],
      ['wrong-host', (f) => assert.deepEqual([f.state, f.state === 'tls' && f.problem], ['tls', 'wrong-host'])],
    ];
    for (const [fault, check] of cases) {
      test(`${fault} is drawn as its own state`, async () => {
        await sim.setFaults('ex01', [fault]);
        try {
          check(await failureOf(contactsOf('alice', basic('alice', { timeoutMs: 600 })).list()));
        } finally {
          await sim.setFaults('ex01', []);
        }
      });
    }
    test('a closed port is unreachable', async () => {
      const f = await failureOf(contactsOf('alice', basic('alice', { connectTo: { 'mail.contoso.com:443': '127.0.0.1:1' } })).list());
      assert.deepEqual([f.state, f.state === 'unreachable' && f.code], ['unreachable', 'ECONNREFUSED']);
    });
  });
});
