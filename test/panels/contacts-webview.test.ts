// The contacts webview (dist/webview/contacts.js) in chromium under the
// panel's CSP: Lync groups and their contacts, the presence slot (empty,
// then filled), the filter, keyboard use, hostile names, every failure
// state, and the state kept across a reload.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ORIGIN, openPanel, type PanelPage } from './webview-page';

const TARGET = { name: 'alice', address: 'alice@contoso.com', server: 'ex01', ewsUrl: 'https://mail.contoso.com/EWS/Exchange.asmx' };

const contact = (id: string, displayName: string, email: string, company = 'Contoso', jobTitle = 'Colleague') => ({ id, displayName, email, sip: email, company, jobTitle, presence: {} });
const CONTACTS = [
  contact('c-bob', 'Bob Builder', 'bob@contoso.com'),
  contact('c-carol', 'Carol Jones', 'carol@contoso.com'),
  contact('c-dana', 'Dana Whitfield', 'dana@fabrikam.com', 'Fabrikam', 'Account Manager'),
  contact('c-evil', '<img src=x onerror="window.__pwned=1">Mallory', 'mallory@evil.example', '<script>window.__pwned=2</script>'),
];
const GROUPS = [
  { id: 'g-fav', name: 'Favorites', kind: 'favorites', members: ['c-bob'] },
  { id: 'g-partners', name: 'Partners', kind: 'custom', members: ['c-dana', 'c-evil'] },
  { id: 'g-other', name: 'Other Contacts', kind: 'other', members: ['c-bob', 'c-carol'] },
];

describe('contacts webview', () => {
  let p: PanelPage;
  before(async () => {
    p = await openPanel('contacts');
  });
  after(() => p?.close());

  const show = async (state?: unknown) => {
    await p.load(state);
    await p.deliver({ type: 'target', target: TARGET, account: 'alice@contoso.com' });
    await p.deliver({ type: 'contacts', found: true, contacts: CONTACTS, groups: GROUPS, truncated: false });
  };
  const visible = () => p.page.evaluate(() => Array.from(document.querySelectorAll('[data-key]')).map((e) => (e as HTMLElement).dataset.key));
  const focused = () => p.page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.key);

  test('groups in the order the store gives, each with its contacts; the status counts them', async () => {
    await show();
    assert.deepEqual(await p.page.evaluate(() => Array.from(document.querySelectorAll('.group-name')).map((e) => e.textContent)), ['Favorites', 'Partners', 'Other Contacts']);
    assert.deepEqual(await visible(), ['g-fav', 'g-fav/c-bob', 'g-partners', 'g-partners/c-dana', 'g-partners/c-evil', 'g-other', 'g-other/c-bob', 'g-other/c-carol']);
    assert.match(await p.page.locator('.status').textContent(), /4 contacts in 3 groups/);
    const dana = await p.page.evaluate(() => document.querySelector('[data-key="g-partners/c-dana"]')!.textContent);
    assert.match(dana!, /Dana Whitfield.*Account Manager · Fabrikam.*dana@fabrikam\.com/);
    assert.ok(p.requests.every((u) => u.startsWith(ORIGIN)), p.requests.join('\n'));
  });

  test('server text is text: a hostile name or company runs nothing', async () => {
    await show();
    const evil = await p.page.evaluate(() => ({ html: document.querySelector('[data-key="g-partners/c-evil"]')!.innerHTML, pwned: (window as any).__pwned }));
    assert.equal(evil.pwned, undefined);
    assert.ok(!/<img|<script/i.test(evil.html), 'escaped, not parsed');
    assert.deepEqual(p.errors, []);
  });

  test('the presence slot says "presence unknown" until presence arrives, then shows it for that contact only', async () => {
    await show();
    const label = (key: string) => p.page.evaluate((k) => document.querySelector(`[data-key="${k}"] .presence`)!.getAttribute('aria-label'), key);
    assert.equal(await label('g-fav/c-bob'), 'presence unknown');
    await p.deliver({ type: 'presence', updates: [{ sip: 'BOB@contoso.com'.toLowerCase(), presence: { availability: 'Busy', activity: 'InAMeeting', note: 'Back at 3' } }] });
    assert.equal(await label('g-fav/c-bob'), 'Busy, InAMeeting');
    assert.equal(await label('g-other/c-bob'), 'Busy, InAMeeting', 'every row of the contact');
    assert.equal(await label('g-other/c-carol'), 'presence unknown');
    assert.match(await p.page.evaluate(() => document.querySelector('[data-key="g-fav/c-bob"]')!.textContent!), /Back at 3/);
    assert.equal(await p.page.evaluate(() => (document.querySelector('[data-key="g-fav/c-bob"] .presence') as HTMLElement).dataset.availability), 'Busy');
  });

  test('the filter matches name, address or company and hides empty groups', async () => {
    await show();
    await p.page.focus('vscode-text-field');
    await p.page.keyboard.type('fabrikam');
    await p.page.keyboard.press('Enter');
    assert.deepEqual(await visible(), ['g-partners', 'g-partners/c-dana']);
    await p.page.keyboard.press('Control+A');
    await p.page.keyboard.type('zebedee');
    await p.page.keyboard.press('Enter');
    assert.match(await p.page.locator('.tree').textContent(), /No contact matches “zebedee”/);
  });

  test('keyboard: one tab stop; arrows move, Left folds a group, Right and Enter unfold it, Home and End jump', async () => {
    await show();
    await p.page.focus('[data-key="g-fav"]');
    await p.page.keyboard.press('ArrowDown');
    assert.equal(await focused(), 'g-fav/c-bob');
    await p.page.keyboard.press('ArrowLeft');
    assert.equal(await focused(), 'g-fav', 'Left from a contact goes to its group');
    await p.page.keyboard.press('ArrowLeft');
    assert.equal(await p.page.evaluate(() => document.querySelector('[data-key="g-fav"]')!.getAttribute('aria-expanded')), 'false');
    assert.ok(!(await visible()).includes('g-fav/c-bob'));
    await p.page.keyboard.press('ArrowDown');
    assert.equal(await focused(), 'g-partners');
    await p.page.keyboard.press('End');
    assert.equal(await focused(), 'g-other/c-carol');
    await p.page.keyboard.press('Home');
    await p.page.keyboard.press('Enter');
    assert.ok((await visible()).includes('g-fav/c-bob'), 'Enter unfolds');
    const stops = await p.page.evaluate(() => Array.from(document.querySelectorAll('[data-key]')).filter((e) => (e as HTMLElement).tabIndex === 0).length);
    assert.equal(stops, 1);
  });

  test('saved state: the filter and folded groups come back after a reload, with no account in it', async () => {
    await show();
    await p.page.focus('[data-key="g-partners"]');
    await p.page.keyboard.press('ArrowLeft');
    const saved = await p.page.evaluate('window.__state');
    assert.deepEqual((saved as { collapsed: string[] }).collapsed, ['g-partners']);
    assert.ok(!JSON.stringify(saved).includes('account'), JSON.stringify(saved));
    await show(saved);
    assert.ok(!(await visible()).includes('g-partners/c-dana'));
    assert.equal(await p.page.evaluate(() => document.querySelector('[data-key="g-partners"]')!.getAttribute('aria-expanded')), 'false');
  });

  test('a mailbox without a Lync Contacts folder says why there is nothing', async () => {
    await p.load();
    await p.deliver({ type: 'target', target: TARGET });
    await p.deliver({ type: 'contacts', found: false, contacts: [], groups: [], truncated: false });
    assert.match(await p.page.locator('.status').textContent(), /has no Lync Contacts folder.*unified contact store/);
  });

  describe('states', () => {
    const failure = async (f: Record<string, unknown>, retryAt?: number) => {
      await p.load();
      await p.deliver({ type: 'target', target: TARGET });
      await p.deliver({ type: 'failure', failure: f, ...(retryAt ? { retryAt } : {}) });
      return p.page.evaluate(() => ({
        state: (document.querySelector('.status') as HTMLElement).dataset.state,
        text: document.querySelector('.status')!.textContent,
        buttons: Array.from(document.querySelectorAll('.status vscode-button')).map((b) => b.textContent),
        treeHidden: (document.querySelector('.tree') as HTMLElement).hidden,
      }));
    };

    test('signed out: a sign-in button that asks the extension to prompt', async () => {
      const s = await failure({ state: 'signed-out', server: 'ex01 (mail.contoso.com)', account: 'alice@contoso.com' });
      assert.deepEqual([s.state, s.treeHidden, s.buttons], ['signed-out', true, ['Sign in']]);
      assert.match(s.text!, /Sign in to ex01 \(mail\.contoso\.com\) to see these contacts \(as alice@contoso\.com\)/);
      await p.page.locator('.status vscode-button').click();
      assert.ok((await p.posted()).some((m) => m.type === 'signIn'));
    });

    test('wrong password: re-enter', async () => {
      const s = await failure({ state: 'wrong-credentials', httpStatus: 401, detail: 'refused' });
      assert.deepEqual(s.buttons, ['Re-enter credentials']);
    });

    test('throttled: the countdown to the retry the server asked for', async () => {
      const s = await failure({ state: 'throttled', backOffMs: 5000, detail: 'busy' }, Date.now() + 5000);
      assert.match(s.text!, /busy\. Retrying in [45] s/);
      await p.page.waitForFunction(() => /Retrying in [34] s/.test(document.querySelector('.status')!.textContent!), undefined, { timeout: 3000 });
    });

    const named: Array<[Record<string, unknown>, RegExp]> = [
      [{ state: 'no-such-mailbox', mailbox: 'nobody@contoso.com' }, /no mailbox nobody@contoso\.com/],
      [{ state: 'access-denied', mailbox: 'bob@contoso.com' }, /may not open bob@contoso\.com/],
      [{ state: 'timeout', timeoutMs: 10000, host: 'mail.contoso.com' }, /did not answer within 10 s/],
      [{ state: 'unreachable', host: 'mail.contoso.com', code: 'ECONNREFUSED', detail: 'x' }, /cannot be reached \(ECONNREFUSED\)/],
      [{ state: 'tls', host: 'mail.contoso.com', problem: 'untrusted', code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', detail: 'x' }, /does not trust/],
      [{ state: 'tls', host: 'mail.contoso.com', problem: 'wrong-host', code: 'ERR_TLS_CERT_ALTNAME_INVALID', detail: 'x' }, /is not issued for mail\.contoso\.com/],
      [{ state: 'malformed', detail: 'HTTP 500: unreadable answer' }, /not EWS: HTTP 500/],
    ];
    for (const [f, words] of named) {
      test(`${String(f.state)}${f.problem ? ` (${String(f.problem)})` : ''} is named, with a retry`, async () => {
        const s = await failure(f);
        assert.equal(s.state, f.state);
        assert.match(s.text!, words);
        if (f.state !== 'access-denied') assert.deepEqual(s.buttons, ['Retry']);
      });
    }

    test('an untrusted workspace: the panel says it is off and why', async () => {
      await p.load();
      await p.deliver({ type: 'notice', notice: { state: 'disabled', reason: 'the workspace is not trusted' } });
      assert.match(await p.page.locator('.status').textContent(), /contacts panel is off: the workspace is not trusted/);
    });

    test('an invalid message is dropped, not drawn', async () => {
      await show();
      await p.deliver({ type: 'contacts', found: true, contacts: [{ id: 1 }], groups: [], truncated: false });
      await p.deliver({ type: 'presence', updates: [{ sip: 'bob@contoso.com', presence: { availability: 3 } }] });
      assert.match(await p.page.locator('.status').textContent(), /4 contacts/);
      assert.ok(p.console.some((l) => /dropped an invalid message/.test(l)));
    });
  });
});
