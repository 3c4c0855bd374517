// The host of one user's contacts panel: the Lync contacts and groups of
// the unified contact store, with an empty presence slot per contact that
// the presence work (issue 19) fills through `updatePresence`.
import * as vscode from 'vscode';
import type { EwsSession } from '../../office/ews-session';
import { LyncContacts } from '../../office/lync-contacts';
import { readContactsToHost, type ContactsToHost, type ContactsToView, type PresenceSlot, type UserTarget } from '../../../webview/protocol';
import { EwsPanel, type EwsPanelDeps } from './ews-panel';
import { panelOptions } from './panel-host';

export const CONTACTS_VIEW_TYPE = 'office-farm.contacts';

const panels = new Map<string, ContactsPanel>();

export function openContactsPanels(): ContactsPanel[] {
  return [...panels.values()];
}

export function showContactsPanel(target: UserTarget, deps: EwsPanelDeps): ContactsPanel {
  const existing = panels.get(target.address.toLowerCase());
  if (existing) {
    existing.panel.reveal();
    return existing;
  }
  const panel = vscode.window.createWebviewPanel(CONTACTS_VIEW_TYPE, `Contacts: ${target.name}`, vscode.ViewColumn.Active, panelOptions(deps.extensionUri));
  return new ContactsPanel(panel, target, deps);
}

/** After a reload: the webview's saved state named the user. */
export function restoreContactsPanel(panel: vscode.WebviewPanel, target: UserTarget, deps: EwsPanelDeps): ContactsPanel {
  panel.webview.options = panelOptions(deps.extensionUri);
  return new ContactsPanel(panel, target, deps);
}

export class ContactsPanel extends EwsPanel<ContactsToView, ContactsToHost> {
  constructor(panel: vscode.WebviewPanel, target: UserTarget, deps: EwsPanelDeps) {
    super(panel, target, deps, 'contacts', readContactsToHost);
    panels.set(target.address.toLowerCase(), this);
  }

  title(): string {
    return `Contacts: ${this.target.name}`;
  }

  protected async read(session: EwsSession): Promise<void> {
    const list = await new LyncContacts(session, this.target.address).list();
    this.trace.lastCount = list.contacts.length;
    this.post({
      type: 'contacts',
      found: list.folder !== undefined,
      contacts: list.contacts.map((c) => ({ ...c, presence: {} })),
      groups: list.groups,
      truncated: list.truncated,
    });
  }

  protected async handle(): Promise<void> {
    // Contacts asks nothing beyond the common messages.
  }

  /** For the presence work: new presence for contacts by SIP address. */
  updatePresence(updates: Array<{ sip: string; presence: PresenceSlot }>): void {
    this.post({ type: 'presence', updates: updates.map((u) => ({ sip: u.sip.toLowerCase(), presence: u.presence })) });
  }

  protected override onDispose(): void {
    panels.delete(this.target.address.toLowerCase());
  }
}
