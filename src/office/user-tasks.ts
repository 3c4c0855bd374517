// The signed-in user's Exchange tasks as the tasks panel reads them: the
// Tasks folder and the task folders under it, a page of FindItem at a
// time, and "mark complete" as an UpdateItem that refuses to overwrite a
// task changed on the server since it was read.
//
// Facts relied on (cited in docs/office-panels.md):
// - NeverOverwrite: "If there is a conflict, the UpdateItem operation fails
//   and ErrorIrresolvableConflict ... will be returned" ([MS-OXWSCORE]
//   3.1.4.9.4.1). The conflict is found by the ChangeKey the item had when
//   the panel read it, sent with the update.
// - Project Server's Exchange integration syncs a project's tasks "into
//   folders that are named by the project name the task belongs to"
//   (Project 2010: Introducing Exchange Integration): a task in a folder
//   under Tasks carries that folder as its source. No documented property
//   was found that marks a task synced from SharePoint's Work Management,
//   so no SharePoint source is claimed.
import {
  BasePropertySet,
  ConflictResolutionMode,
  FolderId,
  FolderSchema,
  FolderTraversal,
  FolderView,
  ItemId,
  ItemView,
  Mailbox,
  PropertySet,
  Task,
  TaskSchema,
  TaskStatus,
  ItemSchema,
  WellKnownFolderName,
  type ExchangeService,
  type Item,
} from 'ews-javascript-api';
import { classifyEwsError } from './ews-connection';
import type { EwsSession } from './ews-session';
import { textOf } from './answer-text';

export type TaskState = 'NotStarted' | 'InProgress' | 'Completed' | 'WaitingOnOthers' | 'Deferred';

const STATES: Record<number, TaskState> = {
  [TaskStatus.NotStarted]: 'NotStarted',
  [TaskStatus.InProgress]: 'InProgress',
  [TaskStatus.Completed]: 'Completed',
  [TaskStatus.WaitingOnOthers]: 'WaitingOnOthers',
  [TaskStatus.Deferred]: 'Deferred',
};

export interface TaskSummary {
  id: string;
  /** The item's version when read: an update made with it fails if the task changed since. */
  changeKey: string;
  subject: string;
  /** ISO 8601, or undefined when the task has no due date. */
  due?: string;
  status: TaskState;
  percentComplete: number;
  /** Where the task comes from when it is not the user's own: a project's task folder. */
  source?: { kind: 'project'; name: string };
}

export interface TaskList {
  tasks: TaskSummary[];
  /** More tasks than MAX_TASKS: the list is cut there. */
  truncated: boolean;
}

export type CompleteResult =
  | { outcome: 'completed'; task: TaskSummary }
  /** The task changed on the server since it was read: nothing was written; `task` is how it is now. */
  | { outcome: 'conflict'; task: TaskSummary };

export const TASK_PAGE_SIZE = 200;
export const MAX_TASKS = 2000;

const SUMMARY = [ItemSchema.Subject, TaskSchema.DueDate, TaskSchema.Status, TaskSchema.PercentComplete];

export class UserTasks {
  constructor(
    private readonly session: EwsSession,
    readonly address: string,
  ) {}

  list(): Promise<TaskList> {
    return this.session.run('Tasks', (service) => this.read(service), this.address);
  }

  private async read(service: ExchangeService): Promise<TaskList> {
    const root = new FolderId(WellKnownFolderName.Tasks, new Mailbox(this.address));
    const view = new FolderView(100);
    view.Traversal = FolderTraversal.Deep;
    view.PropertySet = new PropertySet(BasePropertySet.IdOnly, [FolderSchema.DisplayName]);
    const subfolders = await service.FindFolders(root, view);
    const folders: Array<{ id: FolderId; source?: TaskSummary['source'] }> = [{ id: root }];
    // A name the answer left out or doubled is still a string: the webview refuses a task whose source name is not.
    for (const f of subfolders.Folders) folders.push({ id: f.Id, source: { kind: 'project', name: textOf(f.DisplayName) } });

    const tasks: TaskSummary[] = [];
    let truncated = false;
    for (const folder of folders) {
      for (let offset = 0; ; ) {
        if (tasks.length >= MAX_TASKS) {
          truncated = true;
          break;
        }
        const items = new ItemView(Math.min(TASK_PAGE_SIZE, MAX_TASKS - tasks.length), offset);
        items.PropertySet = new PropertySet(BasePropertySet.IdOnly, SUMMARY);
        const page = await service.FindItems(folder.id, items);
        // An item without an id cannot be shown or completed; the panel's validator would refuse the whole list for it.
        for (const item of page.Items) if (item.Id?.UniqueId && item.Id.ChangeKey) tasks.push(summaryOf(item, folder.source));
        if (!page.MoreAvailable || page.Items.length === 0) break;
        offset += page.Items.length;
      }
    }
    return { tasks, truncated };
  }

  /** Completes the task read with `changeKey`, unless it changed on the server since. */
  markComplete(id: string, changeKey: string, source?: TaskSummary['source']): Promise<CompleteResult> {
    return this.session.run(
      'UpdateItem',
      async (service) => {
        const task = await Task.Bind(service, new ItemId(id), new PropertySet(BasePropertySet.IdOnly, []));
        // The update carries the version the panel showed, not the one just read.
        task.Id.ChangeKey = changeKey;
        task.Status = TaskStatus.Completed;
        let conflict = false;
        try {
          await task.Update(ConflictResolutionMode.NeverOverwrite);
        } catch (error) {
          if (classifyEwsError(error).responseCode !== 'ErrorIrresolvableConflict') throw error;
          conflict = true;
        }
        const now = await Task.Bind(service, new ItemId(id), new PropertySet(BasePropertySet.IdOnly, SUMMARY));
        return { outcome: conflict ? 'conflict' : 'completed', task: summaryOf(now, source) };
      },
      this.address,
    );
  }
}

function summaryOf(item: Item, source: TaskSummary['source']): TaskSummary {
  const t = item as Task;
  const ms = t.DueDate?.TotalMilliSeconds;
  // A date past what Date holds (year 275760) would throw in toISOString.
  const due = typeof ms === 'number' && Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString() : undefined;
  return {
    id: textOf(t.Id.UniqueId),
    changeKey: textOf(t.Id.ChangeKey),
    subject: textOf(t.Subject),
    ...(due ? { due } : {}),
    status: STATES[t.Status] ?? 'NotStarted',
    percentComplete: percentOf(t.PercentComplete),
    ...(source ? { source } : {}),
  };
}

/** 0 to 100 as the panel accepts it, whatever the answer held (NaN, 1e400, -5). */
function percentOf(value: unknown): number {
  const n = Number(value ?? 0);
  return Number.isFinite(n) ? Math.min(100, Math.max(0, n)) : 0;
}
