// The contacts panel drawn from its model: a header (whose contacts, a
// filter, refresh), the status line, and a tree of Lync groups with their
// contacts, each contact with its presence slot (empty until the presence
// work fills it). One roving tab stop: arrows move, Left/Right fold and
// unfold a group, Enter or Space toggles it, Home/End jump.
import { button, searchField } from '../components';
import { el, text } from '../common/dom';
import { StatusLine } from '../common/status-line';
import type { ContactEntry, ContactsToHost, InboxNotice, LyncGroup, OfficeFailure, PresenceSlot, UserTarget } from '../protocol';

export interface ContactsModel {
  target?: UserTarget;
  account?: string;
  notice?: InboxNotice;
  failure?: { failure: OfficeFailure; retryAt?: number };
  /** Undefined until the first list arrives. */
  found?: boolean;
  contacts: Map<string, ContactEntry>;
  groups: LyncGroup[];
  truncated: boolean;
  filter: string;
  collapsed: Set<string>;
  /** The row holding the tab stop: a group id, or group id + '/' + contact id. */
  active?: string;
}

export function emptyModel(): ContactsModel {
  return { contacts: new Map(), groups: [], truncated: false, filter: '', collapsed: new Set() };
}

type Post = (m: ContactsToHost) => void;

interface Row {
  key: string;
  group: LyncGroup;
  contact?: ContactEntry;
}

export class ContactsView {
  private readonly title = el('h1', 'title');
  private readonly status: StatusLine;
  private readonly tree = el('div', 'tree');
  private rows: Row[] = [];

  constructor(
    root: HTMLElement,
    private readonly model: ContactsModel,
    private readonly post: Post,
    private readonly saveState: () => void,
  ) {
    const header = el('header', 'header');
    const filter = searchField('Filter by name, address or company', model.filter, (t) => this.setFilter(t));
    filter.addEventListener('input', () => this.setFilter((filter as HTMLElement & { value: string }).value ?? ''));
    filter.classList.add('search');
    header.append(this.title, filter, button('Refresh', { action: () => post({ type: 'refresh' }), title: 'Read the contacts again' }));
    this.status = new StatusLine(el('div', 'status'), 'contacts', (action) => post({ type: action }));
    this.tree.setAttribute('role', 'tree');
    this.tree.setAttribute('aria-label', 'Lync contacts by group');
    this.tree.addEventListener('keydown', (e) => this.onKey(e));
    // Focus that arrives by mouse or by the test harness moves the tab stop with it.
    this.tree.addEventListener('focusin', (e) => {
      const key = (e.target as HTMLElement).closest<HTMLElement>('[data-key]')?.dataset.key;
      if (key && key !== model.active) this.focus(key);
    });
    root.append(header, this.status.element, this.tree);
  }

  private setFilter(t: string): void {
    if (t === this.model.filter) return;
    this.model.filter = t;
    this.saveState();
    this.renderTree();
  }

  render(): void {
    const m = this.model;
    this.title.textContent = m.target ? `Lync contacts of ${m.target.name} — ${m.target.address}` : 'Lync contacts';
    this.renderStatus();
    this.renderTree();
  }

  private renderStatus(): void {
    const m = this.model;
    this.tree.hidden = !!m.failure || m.notice?.state === 'disabled' || m.found !== true;
    if (m.failure) return this.status.failure(m.failure.failure, m.failure.retryAt);
    if (m.notice) return this.status.notice(m.notice);
    if (m.found === undefined) return this.status.notice({ state: 'loading' });
    if (!m.found) {
      return this.status.message('no-folder', `${m.target?.address ?? 'This mailbox'} has no Lync Contacts folder: this user's contacts are not kept in the unified contact store.`);
    }
    const n = m.contacts.size;
    this.status.message(n ? 'data' : 'empty', n ? `${n} contacts in ${m.groups.length} groups${m.truncated ? ' (the first 2000 items only)' : ''}` : 'The Lync contact list is empty.');
  }

  private matches(c: ContactEntry): boolean {
    const f = this.model.filter.trim().toLowerCase();
    if (!f) return true;
    return [c.displayName, c.email, c.company, c.jobTitle].some((s) => s.toLowerCase().includes(f));
  }

  renderTree(): void {
    const m = this.model;
    if (this.tree.hidden) {
      this.tree.replaceChildren();
      return;
    }
    this.rows = [];
    const parts: HTMLElement[] = [];
    for (const g of m.groups) {
      const members = g.members.map((id) => m.contacts.get(id)).filter((c): c is ContactEntry => !!c && this.matches(c));
      if (m.filter.trim() && members.length === 0) continue;
      const open = !m.collapsed.has(g.id);
      const head = this.groupRow(g, members.length, open);
      const box = el('div', 'group');
      box.setAttribute('role', 'none');
      box.append(head);
      if (open) {
        const list = el('div', 'members');
        list.setAttribute('role', 'group');
        for (const c of members) list.append(this.contactRow(g, c));
        box.append(list);
      }
      parts.push(box);
    }
    if (parts.length === 0 && m.filter.trim()) parts.push(text('p', `No contact matches “${m.filter.trim()}”.`, 'placeholder'));
    this.tree.replaceChildren(...parts);
    if (!this.rows.some((r) => r.key === m.active)) m.active = this.rows[0]?.key;
    for (const node of Array.from(this.tree.querySelectorAll<HTMLElement>('[data-key]'))) node.tabIndex = node.dataset.key === m.active ? 0 : -1;
  }

  private groupRow(g: LyncGroup, count: number, open: boolean): HTMLElement {
    const key = g.id;
    this.rows.push({ key, group: g });
    const r = el('div', 'group-head');
    r.dataset.key = key;
    r.dataset.kind = g.kind;
    r.setAttribute('role', 'treeitem');
    r.setAttribute('aria-expanded', String(open));
    r.setAttribute('aria-level', '1');
    r.append(text('span', open ? '▾' : '▸', 'twisty'), text('span', g.name || '(unnamed group)', 'group-name'), text('span', String(count), 'count'));
    r.addEventListener('click', () => {
      this.model.active = key;
      this.toggle(g.id);
    });
    return r;
  }

  private contactRow(g: LyncGroup, c: ContactEntry): HTMLElement {
    const key = `${g.id}/${c.id}`;
    this.rows.push({ key, group: g, contact: c });
    const r = el('div', 'contact');
    r.dataset.key = key;
    r.dataset.sip = c.sip.toLowerCase();
    r.setAttribute('role', 'treeitem');
    r.setAttribute('aria-level', '2');
    const presence = presenceText(c.presence);
    const dot = el('span', 'presence');
    dot.dataset.availability = c.presence.availability ?? 'unknown';
    dot.setAttribute('role', 'img');
    dot.setAttribute('aria-label', presence);
    dot.title = presence;
    const who = el('span', 'who');
    who.append(text('span', c.displayName || c.email, 'name'), text('span', [c.jobTitle, c.company].filter(Boolean).join(' · '), 'org'));
    const detail = el('span', 'detail');
    detail.append(text('span', c.email, 'email'), text('span', c.presence.note ?? '', 'note'));
    r.append(dot, who, detail);
    r.setAttribute('aria-label', `${c.displayName}, ${presence}${c.jobTitle ? `, ${c.jobTitle}` : ''}${c.company ? `, ${c.company}` : ''}, ${c.email}`);
    r.addEventListener('click', () => this.focus(key));
    return r;
  }

  private toggle(groupId: string): void {
    const m = this.model;
    if (m.collapsed.has(groupId)) m.collapsed.delete(groupId);
    else m.collapsed.add(groupId);
    this.saveState();
    this.renderTree();
    this.focus(m.active);
  }

  private focus(key: string | undefined): void {
    if (!key) return;
    this.model.active = key;
    for (const node of Array.from(this.tree.querySelectorAll<HTMLElement>('[data-key]'))) {
      node.tabIndex = node.dataset.key === key ? 0 : -1;
      if (node.dataset.key === key) node.focus();
    }
  }

  private onKey(e: KeyboardEvent): void {
    const m = this.model;
    const i = this.rows.findIndex((r) => r.key === m.active);
    if (i < 0) return;
    const row = this.rows[i];
    const go = (j: number) => this.focus(this.rows[Math.max(0, Math.min(this.rows.length - 1, j))]?.key);
    switch (e.key) {
      case 'ArrowDown':
        go(i + 1);
        break;
      case 'ArrowUp':
        go(i - 1);
        break;
      case 'Home':
        go(0);
        break;
      case 'End':
        go(this.rows.length - 1);
        break;
      case 'ArrowRight':
        if (!row.contact && m.collapsed.has(row.group.id)) this.toggle(row.group.id);
        else go(i + 1);
        break;
      case 'ArrowLeft':
        if (row.contact) this.focus(row.group.id);
        else if (!m.collapsed.has(row.group.id)) this.toggle(row.group.id);
        break;
      case 'Enter':
      case ' ':
        if (!row.contact) this.toggle(row.group.id);
        break;
      default:
        return;
    }
    e.preventDefault();
  }

  /** New presence for some contacts: only their rows change. */
  updatePresence(sips: Set<string>): void {
    for (const node of Array.from(this.tree.querySelectorAll<HTMLElement>('.contact'))) {
      if (!sips.has(node.dataset.sip ?? '')) continue;
      const key = node.dataset.key!;
      const row = this.rows.find((r) => r.key === key);
      if (!row?.contact) continue;
      const fresh = this.contactRow(row.group, row.contact);
      this.rows.pop();
      fresh.tabIndex = node.tabIndex;
      node.replaceWith(fresh);
    }
  }
}

/** The slot in words: "presence unknown" until a source fills it. */
export function presenceText(p: PresenceSlot): string {
  if (!p.availability && !p.activity) return 'presence unknown';
  const parts = [p.availability, p.activity && p.activity !== p.availability ? p.activity : undefined].filter(Boolean);
  if (p.lastActive) parts.push(`last active ${new Date(p.lastActive).toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'short' })}`);
  return parts.join(', ');
}
