// Messages between the inbox webview and the extension through the
// validators both ends run (webview/protocol.ts): any value is a message of
// the documented shape or undefined, and the view state read back is always
// a usable one. An input is the message as JSON text; text that is not JSON
// is posted as the string itself.
import assert from 'node:assert/strict';
import { readInboxToHost, readInboxToView, readInboxViewState } from '../../../webview/protocol';
import { hostileValue, mutateJson, mutateText } from '../framework/mutations';
import type { FuzzTarget } from '../framework/target';

const person = { name: 'Carol', address: 'carol@contoso.com' };
const summary = { id: 'AAMkMSG1', subject: 'Project kickoff', from: person, received: '2024-04-01T09:30:00.000Z', isRead: false, hasAttachments: true };
const target = { name: 'projectx', address: 'SMO-ProjectX@contoso.com', site: 'https://sp.contoso.com/sites/projectx', server: 'ex01', ewsUrl: 'https://mail.contoso.com/EWS/Exchange.asmx' };
const samples: unknown[] = [
  { type: 'ready' },
  { type: 'needPage', generation: 1, offset: 50, size: 50 },
  { type: 'open', id: 'AAMkMSG1' },
  { type: 'setRead', id: 'AAMkMSG1', isRead: true },
  { type: 'search', text: 'kickoff' },
  { type: 'openLink', url: 'https://contoso.com/a' },
  { type: 'allowImages', id: 'AAMkMSG1' },
  { type: 'target', target, account: 'alice@contoso.com' },
  { type: 'folder', generation: 1, folder: { displayName: 'Inbox', total: 5000, unread: 12 }, search: '', total: 5000 },
  { type: 'page', generation: 1, offset: 0, total: 2, items: [summary, { ...summary, id: 'AAMkMSG2', isRead: true }] },
  { type: 'message', message: { ...summary, to: [person], cc: [], html: '<p>hi</p>', attachments: [{ name: 'a.txt', size: 3, contentType: 'text/plain' }] }, remoteImages: false },
  { type: 'read', id: 'AAMkMSG1', isRead: true },
  { type: 'notice', notice: { state: 'disabled', reason: 'untrusted workspace' } },
  { type: 'failure', failure: { state: 'throttled', host: 'mail.contoso.com', backOffMs: 5000 }, retryAt: 1 },
  { target, selectedId: 'AAMkMSG1', search: 'x', scrollTop: 120 },
];
const fragments = ['"', '{', '}', '[', ']', ',', ':', 'null', '"type"', '"javascript:alert(1)"', '1e999', '-1', '"__proto__"', '\\u0000'];

export const webviewProtocol: FuzzTarget<string> = {
  name: 'webview-protocol',
  count: 5_000,
  seed: 2218,
  deadlineMs: 2000,
  kind: 'text',
  generate(rng) {
    const r = rng.int(10);
    if (r < 6) return JSON.stringify(mutateJson(rng, rng.pick(samples) as never));
    if (r < 8) return mutateText(rng, JSON.stringify(rng.pick(samples)), fragments);
    return JSON.stringify(hostileValue(rng));
  },
  run(text) {
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch {
      message = text;
    }
    const toHost = readInboxToHost(message);
    if (toHost) {
      assert.equal(typeof toHost.type, 'string');
      if (toHost.type === 'openLink') assert.match(toHost.url, /^(https?:|mailto:)/i, 'a link the host would open is not http(s) or mailto');
      if (toHost.type === 'needPage') assert.ok(toHost.size >= 1 && toHost.size <= 200 && Number.isSafeInteger(toHost.offset), 'a page request outside its bounds');
    }
    readInboxToView(message);
    const state = readInboxViewState(message);
    assert.equal(typeof state.search, 'string');
    assert.ok(Number.isFinite(state.scrollTop) && state.scrollTop >= 0, 'a scroll position that is not a number');
  },
};
