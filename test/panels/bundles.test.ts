// EWS code loads the first time a panel opens, never at activation: the
// activation bundle holds none of it, and the panels' bundle holds it all.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../support/paths';

const read = (f: string) => readFileSync(join(repoRoot, 'dist', f), 'utf8');

test('dist/extension.js has no EWS code, and requires the panels bundle only by name', () => {
  const activation = read('extension.js');
  for (const marker of ['ExchangeService', 'ews-javascript-api', 'SoapFaultDetails', 'EwsSession', 'dompurify', 'LyncContacts', 'UserTasks', 'IPM.DistList.MOC']) {
    assert.ok(!activation.includes(marker), `dist/extension.js contains ${marker}`);
  }
  assert.match(activation, /require\(["']\.\/office-panels["']\)/);
});

test('dist/office-panels.js carries the EWS client; the inbox webview bundle carries DOMPurify, and neither the other', () => {
  const panels = read('office-panels.js');
  assert.ok(panels.includes('ExchangeService') && panels.includes('EwsSession'));
  const webview = read('webview/inbox.js');
  assert.ok(/DOMPurify/i.test(webview));
  assert.ok(!webview.includes('ExchangeService'), 'no EWS code reaches the webview');
});

test('the contacts and tasks panels: their EWS code is in dist/office-panels.js, their webviews carry none', () => {
  const panels = read('office-panels.js');
  assert.ok(panels.includes('IPM.DistList.MOC.Favorites') && panels.includes('NeverOverwrite'));
  for (const webview of ['webview/contacts.js', 'webview/tasks.js']) {
    const code = read(webview);
    assert.ok(!code.includes('ExchangeService') && !code.includes('EwsSession'), `no EWS code in ${webview}`);
  }
});
