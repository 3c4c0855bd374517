// The host of one user's tasks panel: the Tasks folder and the project
// folders under it, and "mark complete" with the ChangeKey the webview
// showed, so a task changed on the server meanwhile is reported, not
// overwritten.
import * as vscode from 'vscode';
import type { EwsSession } from '../../office/ews-session';
import { UserTasks, type TaskSummary } from '../../office/user-tasks';
import { readTasksToHost, type TasksToHost, type TasksToView, type UserTarget } from '../../../webview/protocol';
import { EwsPanel, type EwsPanelDeps } from './ews-panel';
import { panelOptions } from './panel-host';

export const TASKS_VIEW_TYPE = 'office-farm.tasks';

const panels = new Map<string, TasksPanel>();

export function openTasksPanels(): TasksPanel[] {
  return [...panels.values()];
}

export function showTasksPanel(target: UserTarget, deps: EwsPanelDeps): TasksPanel {
  const existing = panels.get(target.address.toLowerCase());
  if (existing) {
    existing.panel.reveal();
    return existing;
  }
  const panel = vscode.window.createWebviewPanel(TASKS_VIEW_TYPE, `Tasks: ${target.name}`, vscode.ViewColumn.Active, panelOptions(deps.extensionUri));
  return new TasksPanel(panel, target, deps);
}

/** After a reload: the webview's saved state named the user. */
export function restoreTasksPanel(panel: vscode.WebviewPanel, target: UserTarget, deps: EwsPanelDeps): TasksPanel {
  panel.webview.options = panelOptions(deps.extensionUri);
  return new TasksPanel(panel, target, deps);
}

export class TasksPanel extends EwsPanel<TasksToView, TasksToHost> {
  /** Each task's source as last read: the update keeps it. */
  private readonly sources = new Map<string, TaskSummary['source']>();

  constructor(panel: vscode.WebviewPanel, target: UserTarget, deps: EwsPanelDeps) {
    super(panel, target, deps, 'tasks', readTasksToHost);
    panels.set(target.address.toLowerCase(), this);
  }

  title(): string {
    return `Tasks: ${this.target.name}`;
  }

  protected async read(session: EwsSession): Promise<void> {
    const list = await new UserTasks(session, this.target.address).list();
    this.sources.clear();
    for (const t of list.tasks) this.sources.set(t.id, t.source);
    this.trace.lastCount = list.tasks.length;
    this.post({ type: 'tasks', tasks: list.tasks, truncated: list.truncated });
  }

  protected async handle(m: TasksToHost): Promise<void> {
    if (m.type !== 'complete') return;
    await this.call(async (session) => {
      const result = await new UserTasks(session, this.target.address).markComplete(m.id, m.changeKey, this.sources.get(m.id));
      this.post(result.outcome === 'completed' ? { type: 'updated', task: result.task } : { type: 'conflict', task: result.task });
    });
  }

  protected override onDispose(): void {
    panels.delete(this.target.address.toLowerCase());
  }
}
