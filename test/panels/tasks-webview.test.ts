// The tasks webview (dist/webview/tasks.js) in chromium under the panel's
// CSP: the table, sorting, the filters (overdue, not started, in progress,
// completed), mark complete with the row's ChangeKey, a conflict said on
// the row, keyboard use, hostile subjects, failure states, saved state.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openPanel, type PanelPage } from './webview-page';

const TARGET = { name: 'alice', address: 'alice@contoso.com', server: 'ex01', ewsUrl: 'https://mail.contoso.com/EWS/Exchange.asmx' };
const DAY = 86_400_000;
const day = (n: number) => new Date(Date.now() + n * DAY).toISOString();

const TASKS = [
  { id: 't1', changeKey: 'ck1', subject: 'Review the project plan', due: day(-3), status: 'InProgress', percentComplete: 50 },
  { id: 't2', changeKey: 'ck2', subject: 'Approve the budget forecast', due: day(5), status: 'NotStarted', percentComplete: 0, source: { kind: 'project', name: 'Project projectx' } },
  { id: 't3', changeKey: 'ck3', subject: 'Draft the release notes', due: day(-10), status: 'Completed', percentComplete: 100 },
  { id: 't4', changeKey: 'ck4', subject: 'Send the SLA draft', status: 'NotStarted', percentComplete: 0 },
  { id: 't5', changeKey: 'ck5', subject: '<img src=x onerror="window.__pwned=1">File the expense report', due: day(-1), status: 'WaitingOnOthers', percentComplete: 25 },
];

describe('tasks webview', () => {
  let p: PanelPage;
  before(async () => {
    p = await openPanel('tasks');
  });
  after(() => p?.close());

  const show = async (state?: unknown) => {
    await p.load(state);
    await p.deliver({ type: 'target', target: TARGET, account: 'alice@contoso.com' });
    await p.deliver({ type: 'tasks', tasks: TASKS, truncated: false });
  };
  const ids = () => p.page.evaluate(() => Array.from(document.querySelectorAll('tr[data-id]')).map((r) => (r as HTMLElement).dataset.id));
  const filter = async (id: string) => {
    await p.page.locator(`vscode-button[data-filter="${id}"]`).click();
    return ids();
  };

  test('every task with due date, status, % complete and its project; sorted by due date, undated last', async () => {
    await show();
    assert.deepEqual(await ids(), ['t3', 't1', 't5', 't2', 't4']);
    const t2 = await p.page.evaluate(() => document.querySelector('tr[data-id="t2"]')!.textContent);
    assert.match(t2!, /Approve the budget forecast.*Project: Project projectx.*Not started.*0%.*Mark complete/);
    assert.match(await p.page.locator('.status').textContent(), /5 of 5 tasks/);
    assert.ok(await p.page.evaluate(() => document.querySelector('tr[data-id="t1"]')!.classList.contains('overdue')));
    assert.ok(!(await p.page.evaluate(() => document.querySelector('tr[data-id="t3"]')!.classList.contains('overdue'))), 'a completed task is not overdue');
    assert.equal(await p.page.evaluate(() => document.querySelectorAll('tr[data-id="t3"] vscode-button').length), 0, 'nothing to complete');
  });

  test('a hostile subject is text', async () => {
    await show();
    assert.equal(await p.page.evaluate(() => (window as any).__pwned), undefined);
    assert.ok(!(await p.page.evaluate(() => document.querySelector('tr[data-id="t5"] .col-subject')!.innerHTML)).includes('<img'));
  });

  test('sorting: a header sorts by its column, again reverses it; aria-sort says which', async () => {
    await show();
    await p.page.locator('th.col-subject button').click();
    assert.deepEqual(await ids(), ['t5', 't2', 't3', 't1', 't4']);
    await p.page.locator('th.col-subject button').click();
    assert.deepEqual(await ids(), ['t4', 't1', 't3', 't2', 't5']);
    assert.equal(await p.page.evaluate(() => document.querySelector('th.col-subject')!.getAttribute('aria-sort')), 'descending');
    await p.page.locator('th.col-percent button').click();
    assert.deepEqual((await ids()).slice(0, 2).sort(), ['t2', 't4']);
    await p.page.locator('th.col-status button').click();
    assert.deepEqual(await ids(), ['t2', 't4', 't1', 't5', 't3']);
  });

  test('filters: overdue, not started, in progress, completed, with their counts', async () => {
    await show();
    assert.deepEqual(await filter('overdue'), ['t1', 't5']);
    assert.deepEqual(await filter('notStarted'), ['t2', 't4']);
    assert.deepEqual(await filter('inProgress'), ['t1']);
    assert.deepEqual(await filter('completed'), ['t3']);
    assert.deepEqual(await p.page.evaluate(() => Array.from(document.querySelectorAll('vscode-button[data-filter]')).map((b) => b.textContent)), ['All (5)', 'Overdue (2)', 'Not started (2)', 'In progress (1)', 'Completed (1)']);
    assert.equal(await p.page.evaluate(() => document.querySelector('vscode-button[data-filter="completed"]')!.getAttribute('aria-pressed')), 'true');
    assert.deepEqual((await filter('all')).length, 5);
  });

  test('mark complete posts the row’s ChangeKey; the answer updates the row', async () => {
    await show();
    await p.page.locator('tr[data-id="t1"] vscode-button').click();
    const posted = (await p.posted()).filter((m) => m.type === 'complete');
    assert.deepEqual(posted, [{ type: 'complete', id: 't1', changeKey: 'ck1' }]);
    assert.match(await p.page.locator('tr[data-id="t1"]').textContent(), /Saving…/);
    await p.deliver({ type: 'updated', task: { ...TASKS[0], changeKey: 'ck1b', status: 'Completed', percentComplete: 100 } });
    const row = await p.page.locator('tr[data-id="t1"]').textContent();
    assert.match(row, /Completed.*100%/);
    assert.doesNotMatch(row, /Saving|Mark complete/);
  });

  test('a conflict is said on the row with the task as it is now; trying again sends the new ChangeKey', async () => {
    await show();
    await p.page.locator('tr[data-id="t2"] vscode-button').click();
    await p.deliver({ type: 'conflict', task: { ...TASKS[1], changeKey: 'ck2b', status: 'InProgress', percentComplete: 50 } });
    const row = await p.page.locator('tr[data-id="t2"]').textContent();
    assert.match(row, /Changed on the server since it was shown, so nothing was written\. It is now in progress, 50% complete\./);
    assert.match(row, /In progress.*50%/);
    await p.page.locator('tr[data-id="t2"] vscode-button').click();
    assert.deepEqual((await p.posted()).filter((m) => m.type === 'complete').map((m) => m.changeKey), ['ck2', 'ck2b']);
  });

  test('keyboard: one tab stop on the rows; arrows and Home/End move; Tab reaches the row’s button and Enter presses it', async () => {
    await show();
    await p.page.focus('tr[data-id="t3"]');
    await p.page.keyboard.press('ArrowDown');
    const focused = () => p.page.evaluate(() => (document.activeElement as HTMLElement).dataset.id ?? document.activeElement!.closest('tr')?.dataset.id);
    assert.equal(await focused(), 't1');
    await p.page.keyboard.press('End');
    assert.equal(await focused(), 't4');
    await p.page.keyboard.press('Home');
    await p.page.keyboard.press('ArrowDown');
    const stops = await p.page.evaluate(() => Array.from(document.querySelectorAll('tr[data-id]')).filter((r) => (r as HTMLElement).tabIndex === 0).length);
    assert.equal(stops, 1);
    await p.page.keyboard.press('Tab');
    assert.equal(await p.page.evaluate(() => document.activeElement!.tagName), 'VSCODE-BUTTON');
    await p.page.keyboard.press('Enter');
    assert.deepEqual((await p.posted()).filter((m) => m.type === 'complete'), [{ type: 'complete', id: 't1', changeKey: 'ck1' }]);
  });

  test('saved state: the sort and the filter come back after a reload, with no account in it', async () => {
    await show();
    await p.page.locator('th.col-percent button').click();
    await p.page.locator('th.col-percent button').click();
    await filter('overdue');
    const saved = await p.page.evaluate('window.__state');
    assert.deepEqual({ ...(saved as object), target: undefined }, { target: undefined, sort: 'percent', descending: true, filter: 'overdue' });
    await show(saved);
    assert.deepEqual(await ids(), ['t1', 't5']);
    assert.equal(await p.page.evaluate(() => document.querySelector('th.col-percent')!.getAttribute('aria-sort')), 'descending');
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
        tableHidden: (document.querySelector('table') as HTMLElement).hidden,
      }));
    };

    test('signed out: sign in; wrong password: re-enter', async () => {
      const s = await failure({ state: 'signed-out', server: 'ex01 (mail.contoso.com)', account: 'alice@contoso.com' });
      assert.deepEqual([s.state, s.tableHidden, s.buttons], ['signed-out', true, ['Sign in']]);
      assert.match(s.text!, /to see these tasks/);
      await p.page.locator('.status vscode-button').click();
      assert.ok((await p.posted()).some((m) => m.type === 'signIn'));
      assert.deepEqual((await failure({ state: 'wrong-credentials', httpStatus: 401, detail: 'x' })).buttons, ['Re-enter credentials']);
    });

    test('throttled: the countdown', async () => {
      const s = await failure({ state: 'throttled', backOffMs: 3000, detail: 'busy' }, Date.now() + 3000);
      assert.match(s.text!, /Retrying in [23] s/);
    });

    const named: Array<[Record<string, unknown>, RegExp]> = [
      [{ state: 'no-such-mailbox', mailbox: 'nobody@contoso.com' }, /no mailbox nobody@contoso\.com/],
      [{ state: 'timeout', timeoutMs: 10000, host: 'mail.contoso.com' }, /did not answer within 10 s/],
      [{ state: 'unreachable', host: 'mail.contoso.com', code: 'ECONNREFUSED', detail: 'x' }, /cannot be reached \(ECONNREFUSED\)/],
      [{ state: 'tls', host: 'mail.contoso.com', problem: 'expired', code: 'CERT_HAS_EXPIRED', detail: 'x' }, /has expired \(CERT_HAS_EXPIRED\)/],
      [{ state: 'malformed', detail: 'HTTP 500: unreadable answer' }, /not EWS: HTTP 500/],
    ];
    for (const [f, words] of named) {
      test(`${String(f.state)} is named, with a retry`, async () => {
        const s = await failure(f);
        assert.equal(s.state, f.state);
        assert.match(s.text!, words);
        assert.deepEqual(s.buttons, ['Retry']);
      });
    }

    test('an untrusted workspace: off, and why', async () => {
      await p.load();
      await p.deliver({ type: 'notice', notice: { state: 'disabled', reason: 'the workspace is not trusted' } });
      assert.match(await p.page.locator('.status').textContent(), /tasks panel is off: the workspace is not trusted/);
    });

    test('an invalid message is dropped', async () => {
      await show();
      await p.deliver({ type: 'tasks', tasks: [{ ...TASKS[0], percentComplete: 300 }], truncated: false });
      await p.deliver({ type: 'updated', task: { ...TASKS[0], status: 'Done' } });
      assert.equal((await ids()).length, 5);
      assert.ok(p.console.some((l) => /tasks: dropped an invalid message/.test(l)));
    });
  });
});
