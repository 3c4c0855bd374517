// The tasks panel's filters and sort orders, as data: what "overdue" and
// "in progress" mean, and how each column compares.
import type { TaskFilter, TaskSortKey, TaskState, TaskSummary } from '../protocol';

export const STATE_LABEL: Record<TaskState, string> = {
  NotStarted: 'Not started',
  InProgress: 'In progress',
  WaitingOnOthers: 'Waiting on someone else',
  Deferred: 'Deferred',
  Completed: 'Completed',
};

/** Status order for sorting: the work still to do first. */
const STATE_ORDER: Record<TaskState, number> = { NotStarted: 0, InProgress: 1, WaitingOnOthers: 2, Deferred: 3, Completed: 4 };

export function isOverdue(t: TaskSummary, now: number): boolean {
  return t.status !== 'Completed' && t.due !== undefined && Date.parse(t.due) < now;
}

export const FILTERS: ReadonlyArray<{ id: TaskFilter; label: string; keep: (t: TaskSummary, now: number) => boolean }> = [
  { id: 'all', label: 'All', keep: () => true },
  { id: 'overdue', label: 'Overdue', keep: isOverdue },
  { id: 'notStarted', label: 'Not started', keep: (t) => t.status === 'NotStarted' },
  { id: 'inProgress', label: 'In progress', keep: (t) => t.status === 'InProgress' },
  { id: 'completed', label: 'Completed', keep: (t) => t.status === 'Completed' },
];

export const COLUMNS: ReadonlyArray<{ id: TaskSortKey; label: string; compare: (a: TaskSummary, b: TaskSummary) => number }> = [
  { id: 'subject', label: 'Subject', compare: (a, b) => a.subject.localeCompare(b.subject, undefined, { sensitivity: 'base' }) },
  // Tasks without a due date go last either way up.
  { id: 'due', label: 'Due', compare: (a, b) => (a.due ? Date.parse(a.due) : Infinity) - (b.due ? Date.parse(b.due) : Infinity) },
  { id: 'status', label: 'Status', compare: (a, b) => STATE_ORDER[a.status] - STATE_ORDER[b.status] },
  { id: 'percent', label: '% complete', compare: (a, b) => a.percentComplete - b.percentComplete },
];

export function ordered(tasks: readonly TaskSummary[], filter: TaskFilter, sort: TaskSortKey, descending: boolean, now: number): TaskSummary[] {
  const keep = FILTERS.find((f) => f.id === filter)!.keep;
  const compare = COLUMNS.find((c) => c.id === sort)!.compare;
  const noDue = (t: TaskSummary) => sort === 'due' && t.due === undefined;
  return tasks
    .filter((t) => keep(t, now))
    .sort((a, b) => {
      if (noDue(a) !== noDue(b)) return noDue(a) ? 1 : -1;
      const c = compare(a, b) || a.subject.localeCompare(b.subject) || a.id.localeCompare(b.id);
      return descending ? -c : c;
    });
}
