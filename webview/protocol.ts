// Every message between a panel's webview and the extension, both ways, as
// discriminated unions with a validator for each direction. Both ends run
// the validator on what they receive: an invalid message is logged and
// dropped, never acted on. The only file webview/ and src/extension share.
import type { OfficeFailure } from '../src/office/office-failure';
import type { InboxFolderInfo, MessageDetail, MessageSummary } from '../src/office/site-mailbox-inbox';
import type { LyncContact, LyncGroup, LyncGroupKind } from '../src/office/lync-contacts';
import type { TaskState, TaskSummary } from '../src/office/user-tasks';

export type { OfficeFailure, InboxFolderInfo, MessageDetail, MessageSummary };

/** What the inbox panel shows: one site mailbox on one Exchange server. */
export interface InboxTarget {
  /** The site-mailbox block's name. */
  name: string;
  address: string;
  /** The SharePoint site the mailbox belongs to. */
  site: string;
  /** The exchange block's name and its EWS address. */
  server: string;
  ewsUrl: string;
}

/** Why a panel shows no data, beyond a failed call. */
export type InboxNotice =
  | { state: 'loading' }
  /** Network features are off (untrusted workspace, or the setting). */
  | { state: 'disabled'; reason: string };

export type InboxToView =
  | { type: 'target'; target: InboxTarget; account?: string }
  /** A new list: the folder, or the results of a search; pages of `generation` follow. */
  | { type: 'folder'; generation: number; folder: InboxFolderInfo; search: string; total: number }
  | { type: 'page'; generation: number; offset: number; total: number; items: MessageSummary[] }
  /** The message, and whether its remote images may load (then the page's CSP allows their origins). */
  | { type: 'message'; message: MessageDetail; remoteImages: boolean }
  | { type: 'read'; id: string; isRead: boolean }
  | { type: 'notice'; notice: InboxNotice }
  /** `retryAt` (epoch ms) when the extension retries by itself, as ErrorServerBusy asks. */
  | { type: 'failure'; failure: OfficeFailure; retryAt?: number };

export type InboxToHost =
  | { type: 'ready' }
  | { type: 'needPage'; generation: number; offset: number; size: number }
  | { type: 'open'; id: string }
  | { type: 'setRead'; id: string; isRead: boolean }
  | { type: 'refresh' }
  | { type: 'search'; text: string }
  | { type: 'signIn' }
  | { type: 'retry' }
  | { type: 'allowImages'; id: string }
  | { type: 'openLink'; url: string }
  | { type: 'openSite' };

/** What the webview keeps with vscode.setState: enough to come back to the same place, nothing secret. */
export interface InboxViewState {
  target?: InboxTarget;
  selectedId?: string;
  search: string;
  scrollTop: number;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown, max = 10_000): v is string => typeof v === 'string' && v.length <= max;
const int = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const bool = (v: unknown): v is boolean => typeof v === 'boolean';
const optStr = (v: unknown) => v === undefined || str(v);
const optNum = (v: unknown) => v === undefined || (typeof v === 'number' && Number.isFinite(v));
const person = (v: unknown) => isObj(v) && str(v.name, 1000) && str(v.address, 1000);

const MAX_BODY_CHARS = 16 * 1024 * 1024;

function isTarget(v: unknown): v is InboxTarget {
  return isObj(v) && str(v.name, 200) && str(v.address, 400) && str(v.site, 2000) && str(v.server, 200) && str(v.ewsUrl, 2000);
}

function isSummary(v: unknown): v is MessageSummary {
  return isObj(v) && str(v.id, 2000) && str(v.subject) && person(v.from) && str(v.received, 64) && bool(v.isRead) && bool(v.hasAttachments);
}

function isDetail(v: unknown): v is MessageDetail {
  if (!isSummary(v)) return false;
  const d = v as unknown as Obj;
  const people = (x: unknown) => Array.isArray(x) && x.every(person);
  const attachments = (x: unknown) => Array.isArray(x) && x.every((a) => isObj(a) && str(a.name, 1000) && typeof a.size === 'number' && str(a.contentType, 300));
  return people(d.to) && people(d.cc) && str(d.html, MAX_BODY_CHARS) && attachments(d.attachments);
}

const FAILURE_STATES = new Set<OfficeFailure['state']>([
  'signed-out',
  'wrong-credentials',
  'no-such-mailbox',
  'access-denied',
  'throttled',
  'timeout',
  'unreachable',
  'tls',
  'too-large',
  'malformed',
  'server-fault',
  'insecure',
]);

function isFailure(v: unknown): v is OfficeFailure {
  if (!isObj(v) || !FAILURE_STATES.has(v.state as OfficeFailure['state'])) return false;
  // Every field a state carries is a short string or a number; no state carries anything else.
  return Object.entries(v).every(([, x]) => str(x, 4000) || (typeof x === 'number' && Number.isFinite(x)));
}

function isFolder(v: unknown): v is InboxFolderInfo {
  return isObj(v) && str(v.displayName, 400) && int(v.total) && int(v.unread);
}

/** A message for the webview, or undefined. */
export function readInboxToView(m: unknown): InboxToView | undefined {
  if (!isObj(m)) return undefined;
  switch (m.type) {
    case 'target':
      return isTarget(m.target) && optStr(m.account) ? (m as InboxToView) : undefined;
    case 'folder':
      return int(m.generation) && isFolder(m.folder) && str(m.search, 400) && int(m.total) ? (m as InboxToView) : undefined;
    case 'page':
      return int(m.generation) && int(m.offset) && int(m.total) && Array.isArray(m.items) && m.items.length <= 1000 && m.items.every(isSummary) ? (m as InboxToView) : undefined;
    case 'message':
      return isDetail(m.message) && bool(m.remoteImages) ? (m as InboxToView) : undefined;
    case 'read':
      return str(m.id, 2000) && bool(m.isRead) ? (m as InboxToView) : undefined;
    case 'notice':
      return isObj(m.notice) && (m.notice.state === 'loading' || (m.notice.state === 'disabled' && str(m.notice.reason, 1000))) ? (m as InboxToView) : undefined;
    case 'failure':
      return isFailure(m.failure) && optNum(m.retryAt) ? (m as InboxToView) : undefined;
  }
  return undefined;
}

/** A message from the webview, or undefined. */
export function readInboxToHost(m: unknown): InboxToHost | undefined {
  if (!isObj(m)) return undefined;
  switch (m.type) {
    case 'ready':
    case 'refresh':
    case 'signIn':
    case 'retry':
    case 'openSite':
      return { type: m.type };
    case 'needPage':
      return int(m.generation) && int(m.offset) && int(m.size) && m.size > 0 && m.size <= 200 ? { type: 'needPage', generation: m.generation, offset: m.offset, size: m.size } : undefined;
    case 'open':
    case 'allowImages':
      return str(m.id, 2000) && m.id.length > 0 ? { type: m.type, id: m.id } : undefined;
    case 'setRead':
      return str(m.id, 2000) && bool(m.isRead) ? { type: 'setRead', id: m.id, isRead: m.isRead } : undefined;
    case 'search':
      return str(m.text, 400) ? { type: 'search', text: m.text } : undefined;
    case 'openLink':
      return str(m.url, 8000) && /^(https?:|mailto:)/i.test(m.url) ? { type: 'openLink', url: m.url } : undefined;
  }
  return undefined;
}

/** The view's saved state when it has the shape above; a fresh one otherwise. */
export function readInboxViewState(v: unknown): InboxViewState {
  if (!isObj(v)) return { search: '', scrollTop: 0 };
  return {
    ...(isTarget(v.target) ? { target: v.target } : {}),
    ...(str(v.selectedId, 2000) ? { selectedId: v.selectedId } : {}),
    search: str(v.search, 400) ? v.search : '',
    scrollTop: typeof v.scrollTop === 'number' && Number.isFinite(v.scrollTop) && v.scrollTop >= 0 ? v.scrollTop : 0,
  };
}

// ---------------------------------------------------------------------------
// The contacts and tasks panels: one user's mailbox on one Exchange server.

/** Whose contacts or tasks a panel shows. */
export interface UserTarget {
  /** The user block's name. */
  name: string;
  address: string;
  /** The exchange block's name and its EWS address. */
  server: string;
  ewsUrl: string;
}

/** What every Office panel hears besides its data. */
type StateToView<Target> =
  | { type: 'target'; target: Target; account?: string }
  | { type: 'notice'; notice: InboxNotice }
  /** `retryAt` (epoch ms) when the extension retries by itself, as ErrorServerBusy asks. */
  | { type: 'failure'; failure: OfficeFailure; retryAt?: number };

/** What every Office panel may ask besides its data. */
type StateToHost = { type: 'ready' } | { type: 'refresh' } | { type: 'retry' } | { type: 'signIn' };

function isUserTarget(v: unknown): v is UserTarget {
  return isObj(v) && str(v.name, 200) && str(v.address, 400) && str(v.server, 200) && str(v.ewsUrl, 2000);
}

function readStateToView<Target>(m: Obj, isTargetOf: (v: unknown) => v is Target): StateToView<Target> | undefined | false {
  switch (m.type) {
    case 'target':
      return isTargetOf(m.target) && optStr(m.account) ? (m as StateToView<Target>) : undefined;
    case 'notice':
      return isObj(m.notice) && (m.notice.state === 'loading' || (m.notice.state === 'disabled' && str(m.notice.reason, 1000))) ? (m as StateToView<Target>) : undefined;
    case 'failure':
      return isFailure(m.failure) && optNum(m.retryAt) ? (m as StateToView<Target>) : undefined;
  }
  return false;
}

function readStateToHost(m: Obj): StateToHost | undefined {
  return m.type === 'ready' || m.type === 'refresh' || m.type === 'retry' || m.type === 'signIn' ? { type: m.type } : undefined;
}

// --- Contacts ---------------------------------------------------------------

/**
 * The presence of one contact. Filled by the presence work (issue 19,
 * UCWA on premises or Graph online); every field stays undefined until a
 * source answers, and the panel then draws "presence unknown". Plain
 * strings as the source gives them, so either source fits.
 */
export interface PresenceSlot {
  /** e.g. Available, Busy, DoNotDisturb, Away, Offline (Graph `availability`, UCWA `availability`). */
  availability?: string;
  /** e.g. InACall, InAMeeting, Presenting (Graph `activity`, UCWA `activity`). */
  activity?: string;
  /** The contact's own note (out-of-office or personal). */
  note?: string;
  /** ISO 8601: when the contact was last active. */
  lastActive?: string;
}

export type { LyncContact, LyncGroup, LyncGroupKind };

/** A contact as the panel holds it: the store's data and its presence slot. */
export interface ContactEntry extends LyncContact {
  presence: PresenceSlot;
}

export type ContactsToView =
  | StateToView<UserTarget>
  /** The whole list (a Lync list is a few hundred at most). `found` false: no Lync Contacts folder (the unified contact store is not in use for this user). */
  | { type: 'contacts'; found: boolean; contacts: ContactEntry[]; groups: LyncGroup[]; truncated: boolean }
  /** Presence for the contacts with these SIP addresses (lower case); the rest keep what they had. */
  | { type: 'presence'; updates: Array<{ sip: string; presence: PresenceSlot }> };

export type ContactsToHost = StateToHost;

/** What the contacts webview keeps with setState. */
export interface ContactsViewState {
  target?: UserTarget;
  filter: string;
  /** Group ids the user folded. */
  collapsed: string[];
}

const GROUP_KINDS = new Set<LyncGroupKind>(['favorites', 'other', 'custom', 'distribution', 'tagged']);

function isPresence(v: unknown): v is PresenceSlot {
  return isObj(v) && Object.keys(v).every((k) => ['availability', 'activity', 'note', 'lastActive'].includes(k)) && optStr(v.availability) && optStr(v.activity) && optStr(v.note) && optStr(v.lastActive);
}

function isContactEntry(v: unknown): v is ContactEntry {
  return isObj(v) && str(v.id, 2000) && str(v.displayName, 1000) && str(v.email, 1000) && str(v.sip, 1000) && str(v.company, 1000) && str(v.jobTitle, 1000) && isPresence(v.presence);
}

function isGroup(v: unknown): v is LyncGroup {
  return isObj(v) && str(v.id, 2000) && str(v.name, 1000) && GROUP_KINDS.has(v.kind as LyncGroupKind) && Array.isArray(v.members) && v.members.length <= 5000 && v.members.every((m) => str(m, 2000));
}

export function readContactsToView(m: unknown): ContactsToView | undefined {
  if (!isObj(m)) return undefined;
  const common = readStateToView(m, isUserTarget);
  if (common !== false) return common;
  switch (m.type) {
    case 'contacts':
      return bool(m.found) && bool(m.truncated) && Array.isArray(m.contacts) && m.contacts.length <= 5000 && m.contacts.every(isContactEntry) && Array.isArray(m.groups) && m.groups.length <= 500 && m.groups.every(isGroup)
        ? (m as ContactsToView)
        : undefined;
    case 'presence':
      return Array.isArray(m.updates) && m.updates.length <= 5000 && m.updates.every((u) => isObj(u) && str(u.sip, 1000) && isPresence(u.presence)) ? (m as ContactsToView) : undefined;
  }
  return undefined;
}

export function readContactsToHost(m: unknown): ContactsToHost | undefined {
  return isObj(m) ? readStateToHost(m) : undefined;
}

export function readContactsViewState(v: unknown): ContactsViewState {
  if (!isObj(v)) return { filter: '', collapsed: [] };
  return {
    ...(isUserTarget(v.target) ? { target: v.target } : {}),
    filter: str(v.filter, 400) ? v.filter : '',
    collapsed: Array.isArray(v.collapsed) ? v.collapsed.filter((c): c is string => str(c, 2000)).slice(0, 500) : [],
  };
}

// --- Tasks ------------------------------------------------------------------

export type { TaskSummary, TaskState };

export type TasksToView =
  | StateToView<UserTarget>
  | { type: 'tasks'; tasks: TaskSummary[]; truncated: boolean }
  /** The task as the server has it after a mark complete. */
  | { type: 'updated'; task: TaskSummary }
  /** The task changed on the server since the panel read it: nothing was written; `task` is how it is now. */
  | { type: 'conflict'; task: TaskSummary };

export type TasksToHost = StateToHost | { type: 'complete'; id: string; changeKey: string };

export type TaskSortKey = 'subject' | 'due' | 'status' | 'percent';
export type TaskFilter = 'all' | 'overdue' | 'notStarted' | 'inProgress' | 'completed';

/** What the tasks webview keeps with setState. */
export interface TasksViewState {
  target?: UserTarget;
  sort: TaskSortKey;
  descending: boolean;
  filter: TaskFilter;
}

const TASK_STATES = new Set<TaskState>(['NotStarted', 'InProgress', 'Completed', 'WaitingOnOthers', 'Deferred']);
const SORT_KEYS = new Set<TaskSortKey>(['subject', 'due', 'status', 'percent']);
const FILTERS = new Set<TaskFilter>(['all', 'overdue', 'notStarted', 'inProgress', 'completed']);

function isTask(v: unknown): v is TaskSummary {
  if (!isObj(v)) return false;
  const source = v.source === undefined || (isObj(v.source) && v.source.kind === 'project' && str(v.source.name, 400));
  return str(v.id, 2000) && str(v.changeKey, 2000) && str(v.subject, 4000) && optStr(v.due) && TASK_STATES.has(v.status as TaskState) && typeof v.percentComplete === 'number' && v.percentComplete >= 0 && v.percentComplete <= 100 && source;
}

export function readTasksToView(m: unknown): TasksToView | undefined {
  if (!isObj(m)) return undefined;
  const common = readStateToView(m, isUserTarget);
  if (common !== false) return common;
  switch (m.type) {
    case 'tasks':
      return bool(m.truncated) && Array.isArray(m.tasks) && m.tasks.length <= 5000 && m.tasks.every(isTask) ? (m as TasksToView) : undefined;
    case 'updated':
    case 'conflict':
      return isTask(m.task) ? (m as TasksToView) : undefined;
  }
  return undefined;
}

export function readTasksToHost(m: unknown): TasksToHost | undefined {
  if (!isObj(m)) return undefined;
  if (m.type === 'complete') return str(m.id, 2000) && m.id.length > 0 && str(m.changeKey, 2000) && m.changeKey.length > 0 ? { type: 'complete', id: m.id, changeKey: m.changeKey } : undefined;
  return readStateToHost(m);
}

export function readTasksViewState(v: unknown): TasksViewState {
  const fresh: TasksViewState = { sort: 'due', descending: false, filter: 'all' };
  if (!isObj(v)) return fresh;
  return {
    ...(isUserTarget(v.target) ? { target: v.target } : {}),
    sort: SORT_KEYS.has(v.sort as TaskSortKey) ? (v.sort as TaskSortKey) : fresh.sort,
    descending: bool(v.descending) ? v.descending : false,
    filter: FILTERS.has(v.filter as TaskFilter) ? (v.filter as TaskFilter) : fresh.filter,
  };
}
