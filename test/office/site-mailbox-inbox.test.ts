// The inbox panel's queries (src/office/site-mailbox-inbox.ts) through the
// real ews-javascript-api against the simulated Contoso over HTTPS,
// trusting only the simulator's CA, and every simulator fault as the
// failure state the panel draws.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import https from 'node:https';
import { startSimulator, type RunningSimulator } from '../../src/simulator';
import { EwsSession } from '../../src/office/ews-session';
import { OfficeCallError, describeFailure, type OfficeFailure } from '../../src/office/office-failure';
import { MAX_PAGE_SIZE, SiteMailboxInbox } from '../../src/office/site-mailbox-inbox';
import type { EwsAuth } from '../../src/office/ews-connection';
import { contosoTopology } from '../simulator/contoso-topology';
import { SHARED_STATE_DIR } from '../simulator/shared-state';
import { EWS, ewsSessions, failureOf } from './ews-simulator';

const SITE = 'SMO-ProjectX@contoso.com';


describe('site mailbox inbox', () => {
  let sim: RunningSimulator;
  before(async () => {
    sim = await startSimulator(contosoTopology(), { stateDir: SHARED_STATE_DIR, seed: 11 });
  });
  after(() => sim.close());

  const { account, session, basic } = ewsSessions(() => sim);
  const inbox = (s = basic()) => new SiteMailboxInbox(s, SITE);

  test('pages of summaries, newest first, and never more than a page at a time', async () => {
    const box = inbox();
    const info = await box.folder();
    assert.equal(info.total, 5000);
    const first = await box.page(0, 50);
    assert.equal(first.total, 5000);
    assert.equal(first.items.length, 50);
    assert.equal(first.offset, 0);
    const m = first.items[0];
    assert.ok(m.id && m.subject && m.from.address.includes('@'), JSON.stringify(m));
    assert.equal(new Date(m.received).getUTCFullYear(), 2014);
    const times = first.items.map((i) => Date.parse(i.received));
    assert.deepEqual(times, [...times].sort((a, b) => b - a));
    assert.ok(first.items.some((i) => i.hasAttachments) && first.items.some((i) => !i.isRead));

    const second = await box.page(50, 50);
    assert.equal(second.offset, 50);
    assert.ok(Date.parse(second.items[0].received) <= times[49]);
    assert.equal(new Set([...first.items, ...second.items].map((i) => i.id)).size, 100);

    const end = await box.page(4990, 50);
    assert.equal(end.items.length, 10);
    assert.equal((await box.page(0, 100_000)).items.length, MAX_PAGE_SIZE, 'a page is capped, whatever is asked');
  });

  test('a message body as the server sent it (hostile markup included), with recipients and attachments', async () => {
    const box = inbox(basic('bob'));
    const page = await box.page(0, 30);
    const details = [];
    for (const s of page.items.slice(0, 12)) details.push(await box.message(s.id));
    assert.ok(details.every((d) => d.to.length >= 1 && d.html.length > 0));
    assert.ok(details.some((d) => /<script/i.test(d.html)), 'the raw body keeps what the panel must sanitise');
    const withFiles = details.find((d) => d.hasAttachments);
    assert.ok(withFiles && withFiles.attachments.length >= 1 && /\.\w+$/.test(withFiles.attachments[0].name));
    assert.equal(details[0].id, page.items[0].id);
    assert.equal(details[0].subject, page.items[0].subject);
  });

  test('mark read and unread: the change reaches the server', async () => {
    const box = inbox();
    const unread = (await box.page(0, 100)).items.find((i) => !i.isRead)!;
    const before = (await box.folder()).unread;
    await box.setRead(unread.id, true);
    assert.equal((await box.message(unread.id)).isRead, true);
    assert.equal((await box.folder()).unread, before - 1);
    await box.setRead(unread.id, false);
    assert.equal((await box.message(unread.id)).isRead, false);
    assert.equal((await box.folder()).unread, before);
  });

  test('search by subject or sender is a server-side restriction, paged like the folder', async () => {
    const box = inbox();
    const bySubject = await box.page(0, 50, 'budget');
    assert.ok(bySubject.total > 0 && bySubject.total < 5000);
    assert.ok(bySubject.items.every((i) => /budget/i.test(i.subject) || /budget/i.test(i.from.name + i.from.address)));
    const sender = (await box.page(0, 1)).items[0].from;
    const bySender = await box.page(0, 50, sender.address.toUpperCase());
    assert.ok(bySender.total > 0 && bySender.total < 5000);
    assert.ok(bySender.items.every((i) => i.from.address === sender.address || i.subject.toLowerCase().includes(sender.address.toLowerCase())));
    const none = await box.page(0, 50, 'zebedee-quux');
    assert.equal(none.total, 0);
    assert.deepEqual(none.items, []);
    assert.equal((await box.page(0, 10, '   ')).total, 5000, 'a blank search is no search');
  });

  describe('auth modes', () => {
    test('NTLM and a bearer token open the site mailbox as its owner and member', async () => {
      const a = account('alice');
      assert.equal((await inbox(session({ kind: 'ntlm', user: a.domainUserName, password: a.password })).page(0, 5)).items.length, 5);
      assert.equal((await inbox(session({ kind: 'bearer', token: account('bob').tokens.ews })).page(0, 5)).items.length, 5);
    });

    test('a wrong password is wrong-credentials, for Basic and NTLM alike', async () => {
      const a = account('alice');
      for (const kind of ['basic', 'ntlm'] as const) {
        const f = await failureOf(inbox(session({ kind, user: a.signInName, password: 'not-it' })).page(0, 5));
        assert.equal(f.state, 'wrong-credentials', kind);
      }
    });

    test('Basic and Bearer are refused over plain http before anything is sent', () => {
      for (const auth of [{ kind: 'basic', user: 'alice@contoso.com', password: 'x' }, { kind: 'bearer', token: 'x' }] as EwsAuth[]) {
        assert.throws(
          () => new EwsSession({ url: 'http://mail.contoso.com/EWS/Exchange.asmx', auth }),
          (e: unknown) => e instanceof OfficeCallError && e.failure.state === 'insecure',
        );
      }
    });

    test('a user who is neither owner nor member is access-denied; an unknown address is no-such-mailbox', async () => {
      assert.deepEqual(await failureOf(inbox(basic('carol')).page(0, 5)), { state: 'access-denied', mailbox: SITE });
      assert.deepEqual(await failureOf(new SiteMailboxInbox(basic(), 'SMO-Nothing@contoso.com').page(0, 5)), {
        state: 'no-such-mailbox',
        mailbox: 'SMO-Nothing@contoso.com',
      });
    });
  });

  describe('transport', () => {
    test('without the CA the certificate is named untrusted, never a server fault', async () => {
      const f = await failureOf(inbox(basic('alice', { ca: [] })).page(0, 5));
      assert.equal(f.state, 'tls');
      assert.equal(f.state === 'tls' && f.problem, 'untrusted');
      assert.match(describeFailure(f), /mail\.contoso\.com.*not trust/);
    });

    test('a closed port is unreachable', async () => {
      const f = await failureOf(inbox(basic('alice', { connectTo: { 'mail.contoso.com:443': '127.0.0.1:1' } })).page(0, 5));
      assert.equal(f.state, 'unreachable');
      assert.equal(f.state === 'unreachable' && f.code, 'ECONNREFUSED');
    });

    test('an answer over the size cap is too-large', async () => {
      assert.deepEqual(await failureOf(inbox(basic('alice', { maxResponseBytes: 2000 })).page(0, 50)), { state: 'too-large', maxBytes: 2000 });
    });

    test("https.request is never called, so VS Code's proxy patch cannot swap our agent (and its CA and connect-to)", async (t) => {
      // The extension host patches https.request; here a patch that refuses stands in for it.
      t.mock.method(https, 'request', () => {
        throw new Error('https.request was used');
      });
      const a = account('alice');
      for (const auth of [{ kind: 'basic', user: a.signInName, password: a.password }, { kind: 'ntlm', user: a.domainUserName, password: a.password }] as EwsAuth[]) {
        assert.equal((await inbox(session(auth)).page(0, 3)).items.length, 3, auth.kind);
      }
    });

    test('calls run one at a time: a failure does not poison the next call', async () => {
      const box = inbox();
      const [a, b] = await Promise.all([box.page(0, 5), box.page(5, 5)]);
      assert.equal(a.offset + b.offset, 5);
      await sim.setFaults('ex01', ['ews-soap-fault']);
      const failed = await failureOf(box.page(0, 5));
      await sim.setFaults('ex01', []);
      assert.equal(failed.state, 'server-fault');
      assert.equal((await box.page(0, 5)).items.length, 5);
    });
  });

  describe('simulator faults', () => {
    const cases: Array<[string, (f: OfficeFailure) => void]> = [
      ['ews-server-busy:2500', (f) => assert.deepEqual([f.state, f.state === 'throttled' && f.backOffMs], ['throttled', 2500])],
      ['ews-busy-message:1200', (f) => assert.deepEqual([f.state, f.state === 'throttled' && f.backOffMs], ['throttled', 1200])],
      ['ews-soap-fault', (f) => assert.deepEqual([f.state, f.state === 'server-fault' && f.responseCode], ['server-fault', 'ErrorInternalServerError'])],
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
          check(await failureOf(inbox(basic('alice', { timeoutMs: 600 })).page(0, 5)));
        } finally {
          await sim.setFaults('ex01', []);
        }
      });
    }
  });
});
