// The tasks panel drawn from its model: a header (whose tasks, the
// filters with their counts, refresh), the status line, and a table
// sortable by each column. "Mark complete" sends the ChangeKey the row
// shows; a conflict is said on the row with the task as the server now
// has it. Rows are one roving tab stop (arrows, Home, End); Tab reaches
// the row's button.
import { button } from '../components';
import { el, text } from '../common/dom';
import { StatusLine } from '../common/status-line';
import type { InboxNotice, OfficeFailure, TaskFilter, TaskSortKey, TaskSummary, TasksToHost, UserTarget } from '../protocol';
import { COLUMNS, FILTERS, isOverdue, ordered, STATE_LABEL } from './task-order';

export interface TasksModel {
  target?: UserTarget;
  account?: string;
  notice?: InboxNotice;
  failure?: { failure: OfficeFailure; retryAt?: number };
  tasks?: TaskSummary[];
  truncated: boolean;
  sort: TaskSortKey;
  descending: boolean;
  filter: TaskFilter;
  /** Tasks whose mark complete is on its way. */
  pending: Set<string>;
  /** Per task: what the last update said (a conflict). */
  notes: Map<string, string>;
  active?: string;
}

export function emptyModel(): TasksModel {
  return { truncated: false, sort: 'due', descending: false, filter: 'all', pending: new Set(), notes: new Map() };
}

type Post = (m: TasksToHost) => void;

export class TasksView {
  private readonly title = el('h1', 'title');
  private readonly filters = el('div', 'filters');
  private readonly status: StatusLine;
  private readonly table = el('table', 'tasks');
  private readonly body = el('tbody', 'rows');
  private readonly headRow = el('tr', 'head');

  constructor(
    root: HTMLElement,
    private readonly model: TasksModel,
    private readonly post: Post,
    private readonly saveState: () => void,
    private readonly now: () => number = () => Date.now(),
  ) {
    const header = el('header', 'header');
    this.filters.setAttribute('role', 'group');
    this.filters.setAttribute('aria-label', 'Show');
    header.append(this.title, this.filters, button('Refresh', { action: () => post({ type: 'refresh' }), title: 'Read the tasks again' }));
    this.status = new StatusLine(el('div', 'status'), 'tasks', (action) => post({ type: action }));
    const head = el('thead', '');
    head.append(this.headRow);
    this.table.append(head, this.body);
    this.table.setAttribute('aria-label', 'Tasks');
    this.body.addEventListener('keydown', (e) => this.onKey(e));
    this.body.addEventListener('focusin', (e) => {
      const id = (e.target as HTMLElement).closest<HTMLElement>('tr[data-id]')?.dataset.id;
      if (id && id !== model.active) this.setActive(id, false);
    });
    const scroller = el('div', 'scroller');
    scroller.append(this.table);
    root.append(header, this.status.element, scroller);
  }

  render(): void {
    const m = this.model;
    this.title.textContent = m.target ? `Tasks of ${m.target.name} — ${m.target.address}` : 'Tasks';
    const showData = !m.failure && m.notice?.state !== 'disabled' && m.tasks !== undefined;
    this.table.hidden = !showData;
    this.filters.hidden = !showData;
    if (m.failure) this.status.failure(m.failure.failure, m.failure.retryAt);
    else if (m.notice) this.status.notice(m.notice);
    else if (!m.tasks) this.status.notice({ state: 'loading' });
    if (!showData || !m.tasks) return;
    this.renderFilters(m.tasks);
    this.renderHead();
    this.renderRows();
  }

  private renderFilters(tasks: TaskSummary[]): void {
    const m = this.model;
    const now = this.now();
    this.filters.replaceChildren(
      ...FILTERS.map((f) => {
        const count = tasks.filter((t) => f.keep(t, now)).length;
        const b = button(`${f.label} (${count})`, {
          appearance: f.id === m.filter ? 'primary' : 'secondary',
          action: () => {
            m.filter = f.id;
            this.saveState();
            this.render();
          },
        });
        b.dataset.filter = f.id;
        b.setAttribute('aria-pressed', String(f.id === m.filter));
        return b;
      }),
    );
  }

  private renderHead(): void {
    const m = this.model;
    const cells = COLUMNS.map((c) => {
      const th = el('th', `col-${c.id}`);
      th.setAttribute('aria-sort', c.id === m.sort ? (m.descending ? 'descending' : 'ascending') : 'none');
      const b = el('button', 'sort');
      b.type = 'button';
      b.textContent = `${c.label}${c.id === m.sort ? (m.descending ? ' ▼' : ' ▲') : ''}`;
      b.title = `Sort by ${c.label.toLowerCase()}`;
      b.addEventListener('click', () => {
        if (m.sort === c.id) m.descending = !m.descending;
        else {
          m.sort = c.id;
          m.descending = false;
        }
        this.saveState();
        this.render();
      });
      th.append(b);
      return th;
    });
    const source = el('th', 'col-source');
    source.textContent = 'Source';
    const action = el('th', 'col-action');
    action.textContent = '';
    action.setAttribute('aria-label', 'Action');
    cells.splice(1, 0, source);
    this.headRow.replaceChildren(...cells, action);
  }

  private renderRows(): void {
    const m = this.model;
    const now = this.now();
    const rows = ordered(m.tasks ?? [], m.filter, m.sort, m.descending, now);
    if (rows.length === 0) {
      const tr = el('tr', 'empty');
      const td = el('td', '');
      td.colSpan = 6;
      td.textContent = m.filter === 'all' ? 'There are no tasks.' : `No task is ${FILTERS.find((f) => f.id === m.filter)!.label.toLowerCase()}.`;
      tr.append(td);
      this.body.replaceChildren(tr);
    } else {
      this.body.replaceChildren(...rows.map((t) => this.row(t, now)));
    }
    const n = m.tasks?.length ?? 0;
    this.status.message(n ? 'data' : 'empty', `${rows.length} of ${n} tasks${m.truncated ? ' (the first 2000 only)' : ''}`);
    if (!rows.some((t) => t.id === m.active)) m.active = rows[0]?.id;
    this.setActive(m.active, false);
  }

  private row(t: TaskSummary, now: number): HTMLElement {
    const m = this.model;
    const tr = el('tr', 'task');
    tr.dataset.id = t.id;
    tr.dataset.status = t.status;
    if (isOverdue(t, now)) tr.classList.add('overdue');
    const due = t.due ? new Date(t.due).toLocaleDateString(undefined, { dateStyle: 'medium' }) : '—';
    const cells = [
      text('td', t.subject || '(no subject)', 'col-subject'),
      text('td', t.source ? `Project: ${t.source.name}` : '', 'col-source'),
      text('td', `${due}${isOverdue(t, now) ? ' (overdue)' : ''}`, 'col-due'),
      text('td', STATE_LABEL[t.status], 'col-status'),
      text('td', `${t.percentComplete}%`, 'col-percent'),
    ];
    const action = el('td', 'col-action');
    if (m.pending.has(t.id)) action.append(text('span', 'Saving…', 'saving'));
    else if (t.status !== 'Completed') {
      const b = button('Mark complete', { action: () => this.complete(t), title: `Mark “${t.subject}” complete` });
      b.tabIndex = -1;
      action.append(b);
    }
    const note = m.notes.get(t.id);
    if (note) action.append(text('p', note, 'note'));
    tr.append(...cells, action);
    tr.setAttribute('aria-label', `${t.subject}, ${STATE_LABEL[t.status]}, ${t.percentComplete}% complete, due ${due}${isOverdue(t, now) ? ', overdue' : ''}${t.source ? `, from project ${t.source.name}` : ''}`);
    tr.addEventListener('click', () => this.setActive(t.id, true));
    return tr;
  }

  private complete(t: TaskSummary): void {
    this.model.pending.add(t.id);
    this.model.notes.delete(t.id);
    this.post({ type: 'complete', id: t.id, changeKey: t.changeKey });
    this.renderRows();
  }

  private setActive(id: string | undefined, focus: boolean): void {
    this.model.active = id;
    for (const tr of Array.from(this.body.querySelectorAll<HTMLElement>('tr[data-id]'))) {
      const on = tr.dataset.id === id;
      tr.tabIndex = on ? 0 : -1;
      const b = tr.querySelector<HTMLElement>('vscode-button');
      if (b) b.tabIndex = on ? 0 : -1;
      if (on && focus) tr.focus();
    }
  }

  private onKey(e: KeyboardEvent): void {
    if ((e.target as HTMLElement).tagName !== 'TR') return;
    const rows = Array.from(this.body.querySelectorAll<HTMLElement>('tr[data-id]'));
    const i = rows.findIndex((r) => r.dataset.id === this.model.active);
    const moves: Record<string, number> = { ArrowDown: i + 1, ArrowUp: i - 1, Home: 0, End: rows.length - 1 };
    if (!(e.key in moves)) return;
    e.preventDefault();
    const j = Math.max(0, Math.min(rows.length - 1, moves[e.key]));
    this.setActive(rows[j]?.dataset.id, true);
  }
}
