// The contacts panel's entry: restores its saved state, draws, and keeps the
// model in step with the extension's messages (each validated first).
import { registerComponents } from '../components';
import { vscodeApi } from '../common/vscode-api';
import { readContactsToView, readContactsViewState, type ContactsToHost, type ContactsToView, type ContactsViewState } from '../protocol';
import { ContactsView, emptyModel } from './view';
import './contacts.css';

const vscode = vscodeApi();
registerComponents();

const saved = readContactsViewState(vscode.getState());
const model = emptyModel();
model.target = saved.target;
model.filter = saved.filter;
model.collapsed = new Set(saved.collapsed);

const post = (m: ContactsToHost) => vscode.postMessage(m);
const save = () => {
  const state: ContactsViewState = { ...(model.target ? { target: model.target } : {}), filter: model.filter, collapsed: [...model.collapsed] };
  vscode.setState(state);
};

const view = new ContactsView(document.getElementById('root')!, model, post, save);

function apply(m: ContactsToView): void {
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
    case 'contacts':
      model.found = m.found;
      model.contacts = new Map(m.contacts.map((c) => [c.id, c]));
      model.groups = m.groups;
      model.truncated = m.truncated;
      model.failure = undefined;
      model.notice = undefined;
      break;
    case 'presence': {
      const changed = new Set<string>();
      const bySip = new Map(m.updates.map((u) => [u.sip.toLowerCase(), u.presence]));
      for (const c of model.contacts.values()) {
        const p = bySip.get(c.sip.toLowerCase());
        if (!p) continue;
        c.presence = p;
        changed.add(c.sip.toLowerCase());
      }
      view.updatePresence(changed);
      return;
    }
  }
  view.render();
}

window.addEventListener('message', (event: MessageEvent) => {
  const m = readContactsToView(event.data);
  if (!m) {
    console.warn('office-farm contacts: dropped an invalid message from the extension');
    return;
  }
  apply(m);
});

view.render();
post({ type: 'ready' });
