// The contacts and tasks panels' messages (webview/protocol.ts): each
// direction's validator keeps well-formed messages, drops the rest, and the
// saved states hold nothing but the view's own place.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readContactsToHost, readContactsToView, readContactsViewState, readTasksToHost, readTasksToView, readTasksViewState } from '../../webview/protocol';
import { repoRoot } from '../support/paths';

const contact = { id: 'c1', displayName: 'Bob', email: 'bob@contoso.com', sip: 'bob@contoso.com', company: 'Contoso', jobTitle: 'Colleague', presence: {} };
const task = { id: 't1', changeKey: 'ck', subject: 'Review', due: '2014-03-14T00:00:00.000Z', status: 'InProgress', percentComplete: 50 };
const target = { name: 'alice', address: 'alice@contoso.com', server: 'ex01', ewsUrl: 'https://mail.contoso.com/EWS/Exchange.asmx' };

test('contacts to the webview: the list, the presence slot and the common states', () => {
  assert.ok(readContactsToView({ type: 'contacts', found: true, truncated: false, contacts: [contact], groups: [{ id: 'g', name: 'Favorites', kind: 'favorites', members: ['c1'] }] }));
  assert.equal(readContactsToView({ type: 'contacts', found: true, truncated: false, contacts: [{ ...contact, presence: undefined }], groups: [] }), undefined, 'every contact has its slot');
  assert.equal(readContactsToView({ type: 'contacts', found: true, truncated: false, contacts: [], groups: [{ id: 'g', name: 'x', kind: 'weird', members: [] }] }), undefined);
  assert.ok(readContactsToView({ type: 'presence', updates: [{ sip: 'bob@contoso.com', presence: { availability: 'Busy', activity: 'InAMeeting', note: 'x', lastActive: '2014-03-14T10:00:00Z' } }] }));
  assert.equal(readContactsToView({ type: 'presence', updates: [{ sip: 'bob@contoso.com', presence: { availability: 'Busy', colour: 'red' } }] }), undefined, 'only the four fields');
  assert.ok(readContactsToView({ type: 'target', target }));
  assert.ok(readContactsToView({ type: 'failure', failure: { state: 'signed-out', server: 'ex01', account: 'alice@contoso.com' } }));
  assert.equal(readContactsToView({ type: 'failure', failure: { state: 'nope' } }), undefined);
  assert.equal(readContactsToView({ type: 'page', generation: 1, offset: 0, total: 0, items: [] }), undefined, "the inbox's messages are not the contacts panel's");
});

test('tasks to the webview, and what the webview may ask', () => {
  assert.ok(readTasksToView({ type: 'tasks', truncated: false, tasks: [task, { ...task, id: 't2', due: undefined, source: { kind: 'project', name: 'Project X' } }] }));
  assert.equal(readTasksToView({ type: 'tasks', truncated: false, tasks: [{ ...task, status: 'Done' }] }), undefined);
  assert.equal(readTasksToView({ type: 'tasks', truncated: false, tasks: [{ ...task, percentComplete: 101 }] }), undefined);
  assert.equal(readTasksToView({ type: 'updated', task: { ...task, source: { kind: 'sharepoint', name: 'x' } } }), undefined);
  assert.ok(readTasksToView({ type: 'conflict', task }));
  assert.deepEqual(readTasksToHost({ type: 'complete', id: 't1', changeKey: 'ck', status: 'Completed' }), { type: 'complete', id: 't1', changeKey: 'ck' });
  assert.equal(readTasksToHost({ type: 'complete', id: 't1', changeKey: '' }), undefined, 'no update without the ChangeKey it was read with');
  assert.deepEqual(readContactsToHost({ type: 'signIn', user: 'x' }), { type: 'signIn' });
  assert.equal(readContactsToHost({ type: 'complete', id: 't1', changeKey: 'ck' }), undefined);
});

test('saved states: read back in shape, fresh otherwise', () => {
  assert.deepEqual(readContactsViewState({ target, filter: 'bob', collapsed: ['g', 3] }), { target, filter: 'bob', collapsed: ['g'] });
  assert.deepEqual(readContactsViewState('x'), { filter: '', collapsed: [] });
  assert.deepEqual(readTasksViewState({ target, sort: 'percent', descending: true, filter: 'overdue', password: 'x' }), { target, sort: 'percent', descending: true, filter: 'overdue' });
  assert.deepEqual(readTasksViewState({ sort: 'size', filter: 'mine' }), { sort: 'due', descending: false, filter: 'all' });
});

test('the panels open from the view and the palette, and come back after a reload', () => {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
    activationEvents: string[];
    contributes: { commands: Array<{ command: string }>; menus: Record<string, Array<{ command: string; when?: string }>> };
  };
  for (const [command, viewType] of [['office-farm.openTasks', 'office-farm.tasks'], ['office-farm.openContacts', 'office-farm.contacts']]) {
    assert.ok(manifest.contributes.commands.some((c) => c.command === command), `${command} is in the palette`);
    assert.ok(manifest.contributes.menus['view/item/context'].some((m) => m.command === command && m.when?.includes('viewItem == user')), `${command} is on users`);
    assert.ok(manifest.activationEvents.includes(`onWebviewPanel:${viewType}`), `${viewType} is restored after a reload`);
  }
});
