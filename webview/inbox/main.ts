// The inbox panel's entry: restores its saved state, draws, and keeps the
// model in step with the extension's messages (each validated first).
import { registerComponents } from '../components';
import { vscodeApi } from '../common/vscode-api';
import { readInboxToView, readInboxViewState, type InboxToHost, type InboxToView, type InboxViewState } from '../protocol';
import { PAGE_SIZE } from './virtual-window';
import { emptyModel, InboxView } from './view';
import './inbox.css';

const vscode = vscodeApi();
registerComponents();

const saved = readInboxViewState(vscode.getState());
const model = emptyModel();
model.target = saved.target;
model.search = saved.search;
model.selectedId = saved.selectedId;

const post = (m: InboxToHost) => vscode.postMessage(m);
const save = () => {
  const state: InboxViewState = { ...(model.target ? { target: model.target } : {}), ...(model.selectedId ? { selectedId: model.selectedId } : {}), search: model.search, scrollTop: view.scrollTop };
  vscode.setState(state);
};

const root = document.getElementById('root')!;
const view = new InboxView(root, model, post, save);
let restoreScroll = saved.scrollTop;

function apply(m: InboxToView): void {
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
      break;
    case 'folder': {
      const sameList = m.search === model.search && m.generation > model.generation && model.total === m.total;
      model.generation = m.generation;
      model.folder = m.folder;
      model.search = m.search;
      model.total = m.total;
      model.pages.clear();
      model.requested.clear();
      model.failure = undefined;
      model.notice = undefined;
      if (!sameList) model.activeIndex = 0;
      view.render();
      if (restoreScroll) {
        view.scrollTop = restoreScroll;
        restoreScroll = 0;
      }
      save();
      if (model.selectedId) post({ type: 'open', id: model.selectedId });
      return;
    }
    case 'page':
      if (m.generation !== model.generation) return;
      model.total = m.total;
      model.pages.set(Math.floor(m.offset / PAGE_SIZE), m.items);
      view.renderList();
      return;
    case 'message':
      if (m.message.id !== model.selectedId) return;
      model.message = { detail: m.message, remoteImages: m.remoteImages };
      model.opening = undefined;
      view.renderReader();
      return;
    case 'read': {
      for (const items of model.pages.values()) for (const s of items) if (s.id === m.id) s.isRead = m.isRead;
      if (model.message?.detail.id === m.id) model.message.detail.isRead = m.isRead;
      if (model.folder) model.folder.unread = Math.max(0, model.folder.unread + (m.isRead ? -1 : 1));
      view.render();
      return;
    }
  }
  view.render();
}

window.addEventListener('message', (event: MessageEvent) => {
  const m = readInboxToView(event.data);
  if (!m) {
    console.warn('office-farm inbox: dropped an invalid message from the extension');
    return;
  }
  apply(m);
});

view.render();
post({ type: 'ready' });
