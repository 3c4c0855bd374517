// The tasks panel's entry: restores its saved state (sort, filter), draws,
// and keeps the model in step with the extension's messages (each
// validated first).
import { registerComponents } from '../components';
import { vscodeApi } from '../common/vscode-api';
import { readTasksToView, readTasksViewState, type TasksToHost, type TasksToView, type TasksViewState } from '../protocol';
import { STATE_LABEL } from './task-order';
import { emptyModel, TasksView } from './view';
import './tasks.css';

const vscode = vscodeApi();
registerComponents();

const saved = readTasksViewState(vscode.getState());
const model = emptyModel();
model.target = saved.target;
model.sort = saved.sort;
model.descending = saved.descending;
model.filter = saved.filter;

const post = (m: TasksToHost) => vscode.postMessage(m);
const save = () => {
  const state: TasksViewState = { ...(model.target ? { target: model.target } : {}), sort: model.sort, descending: model.descending, filter: model.filter };
  vscode.setState(state);
};

const view = new TasksView(document.getElementById('root')!, model, post, save);

function replace(task: TasksToView & { type: 'updated' | 'conflict' }): void {
  const i = model.tasks?.findIndex((t) => t.id === task.task.id) ?? -1;
  if (model.tasks && i >= 0) model.tasks[i] = task.task;
  model.pending.delete(task.task.id);
}

function apply(m: TasksToView): void {
  switch (m.type) {
    case 'target':
      model.target = m.target;
      model.account = m.account;
      save();
      break;
    case 'notice':
      model.notice = m.notice;
      if (m.notice.state === 'loading') model.failure = undefined;
      break;
    case 'failure':
      model.failure = { failure: m.failure, retryAt: m.retryAt };
      model.notice = undefined;
      model.pending.clear();
      break;
    case 'tasks':
      model.tasks = m.tasks;
      model.truncated = m.truncated;
      model.pending.clear();
      model.notes.clear();
      model.failure = undefined;
      model.notice = undefined;
      break;
    case 'updated':
      replace(m);
      model.notes.delete(m.task.id);
      break;
    case 'conflict':
      replace(m);
      model.notes.set(m.task.id, `Changed on the server since it was shown, so nothing was written. It is now ${STATE_LABEL[m.task.status].toLowerCase()}, ${m.task.percentComplete}% complete.`);
      break;
  }
  view.render();
}

window.addEventListener('message', (event: MessageEvent) => {
  const m = readTasksToView(event.data);
  if (!m) {
    console.warn('office-farm tasks: dropped an invalid message from the extension');
    return;
  }
  apply(m);
});

view.render();
post({ type: 'ready' });
