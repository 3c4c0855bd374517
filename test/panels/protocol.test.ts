// The one message protocol of the inbox panel (webview/protocol.ts): each
// direction's validator keeps well-formed messages and drops the rest.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readInboxToHost, readInboxToView, readInboxViewState } from '../../webview/protocol';
import { contentSecurityPolicy, newNonce, remoteImageOrigins } from '../../src/extension/panels/content-security';

const summary = { id: 'AAMk1', subject: 'Status', from: { name: 'Bob', address: 'bob@contoso.com' }, received: '2014-03-14T10:00:00.000Z', isRead: false, hasAttachments: true };

test('messages to the webview: each type accepted in shape, refused out of it', () => {
  assert.ok(readInboxToView({ type: 'page', generation: 1, offset: 0, total: 1, items: [summary] }));
  assert.equal(readInboxToView({ type: 'page', generation: 1, offset: 0, total: 1, items: [{ ...summary, isRead: 'no' }] }), undefined);
  assert.equal(readInboxToView({ type: 'page', generation: -1, offset: 0, total: 1, items: [] }), undefined);
  assert.ok(readInboxToView({ type: 'message', remoteImages: false, message: { ...summary, to: [], cc: [], html: '<p>x</p>', attachments: [{ name: 'a.docx', size: 10, contentType: 'x' }] } }));
  assert.equal(readInboxToView({ type: 'message', remoteImages: false, message: { ...summary, to: [], cc: [], html: 7, attachments: [] } }), undefined);
  assert.ok(readInboxToView({ type: 'failure', failure: { state: 'throttled', backOffMs: 2000, detail: 'busy' }, retryAt: 5 }));
  assert.equal(readInboxToView({ type: 'failure', failure: { state: 'exploded' } }), undefined);
  assert.equal(readInboxToView({ type: 'failure', failure: { state: 'timeout', host: { toString: 1 } } }), undefined);
  assert.ok(readInboxToView({ type: 'notice', notice: { state: 'disabled', reason: 'the workspace is not trusted' } }));
  assert.equal(readInboxToView({ type: 'nonsense' }), undefined);
  assert.equal(readInboxToView(null), undefined);
});

test('messages to the extension: only what the webview may ask, with its fields copied, nothing more', () => {
  assert.deepEqual(readInboxToHost({ type: 'needPage', generation: 2, offset: 100, size: 100, extra: 'dropped' }), { type: 'needPage', generation: 2, offset: 100, size: 100 });
  assert.equal(readInboxToHost({ type: 'needPage', generation: 2, offset: 0, size: 5000 }), undefined, 'never the whole folder');
  assert.equal(readInboxToHost({ type: 'openLink', url: 'javascript:alert(1)' }), undefined);
  assert.equal(readInboxToHost({ type: 'openLink', url: 'file:///etc/passwd' }), undefined);
  assert.deepEqual(readInboxToHost({ type: 'openLink', url: 'https://intranet.contoso.com/' }), { type: 'openLink', url: 'https://intranet.contoso.com/' });
  assert.equal(readInboxToHost({ type: 'open', id: '' }), undefined);
  assert.equal(readInboxToHost({ type: 'setRead', id: 'x', isRead: 'yes' }), undefined);
  assert.deepEqual(readInboxToHost({ type: 'ready' }), { type: 'ready' });
});

test('saved state: read back in shape, anything else replaced by a fresh state', () => {
  assert.deepEqual(readInboxViewState(undefined), { search: '', scrollTop: 0 });
  assert.deepEqual(readInboxViewState({ search: 'x', scrollTop: -5, selectedId: 3 }), { search: 'x', scrollTop: 0 });
});

test("the CSP: nothing by default, scripts by this load's nonce, remote images only from the origins given", () => {
  const a = newNonce();
  assert.notEqual(a, newNonce());
  const csp = contentSecurityPolicy('https://webview.test', a);
  assert.match(csp, /^default-src 'none'; /);
  assert.ok(csp.includes(`script-src 'nonce-${a}'`));
  assert.ok(!csp.includes('unsafe'));
  assert.ok(csp.includes('img-src https://webview.test data:;'));
  const allowed = contentSecurityPolicy('https://webview.test', a, ['https://cdn.fabrikam.com', "https://x.com; script-src *", 'http://plain.example']);
  assert.ok(allowed.includes('img-src https://webview.test data: https://cdn.fabrikam.com;'));
});

test('the origins "Show remote images" adds to img-src: https image sources only, each once', () => {
  const html = '<img src="https://cdn.fabrikam.com/a.png"><IMG alt=x SRC=https://cdn.fabrikam.com/b.png><img src="http://plain.example/c.png"><img src="data:image/png;base64,AA"><a href="https://link.example/">x</a><img src=\'https://tracker.example:8443/p.gif\'>';
  assert.deepEqual(remoteImageOrigins(html), ['https://cdn.fabrikam.com', 'https://tracker.example:8443']);
});
