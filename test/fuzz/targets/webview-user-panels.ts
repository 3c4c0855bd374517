// Messages between the contacts and tasks webviews and the extension through
// the validators both ends run (webview/protocol.ts; the inbox's are the
// webview-protocol target's): any value is a message of the documented
// shape or undefined, and the view state read back is always a usable one.
import assert from 'node:assert/strict';
import { readContactsToHost, readContactsToView, readContactsViewState, readTasksToHost, readTasksToView, readTasksViewState } from '../../../webview/protocol';
import { hostileValue, mutateJson, mutateText } from '../framework/mutations';
import type { FuzzTarget } from '../framework/target';

const target = { name: 'alice', address: 'alice@contoso.com', server: 'ex01', ewsUrl: 'https://mail.contoso.com/EWS/Exchange.asmx' };
const contact = { id: 'AAMkC1', displayName: 'Bob Builder', email: 'bob@contoso.com', sip: 'bob@contoso.com', company: 'Contoso', jobTitle: 'Builder', presence: {} };
const task = { id: 'AAMkTASK1', changeKey: 'CKAAMkTASK1', subject: 'Write spec', due: '2024-05-01T00:00:00.000Z', status: 'InProgress', percentComplete: 50, source: { kind: 'project', name: 'Project X' } };
const samples: unknown[] = [
  { type: 'ready' },
  { type: 'refresh' },
  { type: 'retry' },
  { type: 'signIn' },
  { type: 'complete', id: 'AAMkTASK1', changeKey: 'CKAAMkTASK1' },
  { type: 'target', target, account: 'alice@contoso.com' },
  { type: 'notice', notice: { state: 'loading' } },
  { type: 'failure', failure: { state: 'throttled', detail: 'ErrorServerBusy', backOffMs: 5000 }, retryAt: 1 },
  { type: 'contacts', found: true, truncated: false, contacts: [contact, { ...contact, id: 'AAMkC2', presence: { availability: 'Busy', activity: 'InAMeeting', note: 'x', lastActive: '2024-05-01T00:00:00Z' } }], groups: [{ id: 'G1', name: 'Favorites', kind: 'favorites', members: ['AAMkC1'] }] },
  { type: 'presence', updates: [{ sip: 'bob@contoso.com', presence: { availability: 'Available' } }] },
  { type: 'tasks', truncated: false, tasks: [task, { ...task, id: 'AAMkTASK2', status: 'Completed', percentComplete: 100 }] },
  { type: 'updated', task },
  { type: 'conflict', task },
  { target, filter: 'bob', collapsed: ['G1'] },
  { target, sort: 'subject', descending: true, filter: 'overdue' },
];
const fragments = ['"', '{', '}', '[', ']', ',', ':', 'null', '"type"', '"complete"', '"__proto__"', '101', '-1', '1e999', '\\u0000', '"sip:evil"'];

export const webviewUserPanels: FuzzTarget<string> = {
  name: 'webview-user-panels',
  count: 5_000,
  seed: 2224,
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
    const toHost = readTasksToHost(message);
    if (toHost?.type === 'complete') assert.ok(toHost.id.length > 0 && toHost.id.length <= 2000 && toHost.changeKey.length > 0 && toHost.changeKey.length <= 2000, 'a complete request without a bounded id and ChangeKey');
    const contactsToHost = readContactsToHost(message);
    if (contactsToHost) assert.ok(['ready', 'refresh', 'retry', 'signIn'].includes(contactsToHost.type));
    const tasks = readTasksToView(message);
    if (tasks?.type === 'tasks') for (const t of tasks.tasks) assert.ok(t.percentComplete >= 0 && t.percentComplete <= 100, 'a task past 100 %');
    const contacts = readContactsToView(message);
    if (contacts?.type === 'contacts') assert.ok(contacts.contacts.length <= 5000 && contacts.groups.length <= 500);
    const contactsState = readContactsViewState(message);
    assert.equal(typeof contactsState.filter, 'string');
    assert.ok(Array.isArray(contactsState.collapsed) && contactsState.collapsed.every((c) => typeof c === 'string'));
    const tasksState = readTasksViewState(message);
    assert.ok(['subject', 'due', 'status', 'percent'].includes(tasksState.sort), `a sort key ${String(tasksState.sort)} the list cannot sort by`);
    assert.ok(['all', 'overdue', 'notStarted', 'inProgress', 'completed'].includes(tasksState.filter), `a filter ${String(tasksState.filter)} the list does not have`);
    assert.equal(typeof tasksState.descending, 'boolean');
  },
};
