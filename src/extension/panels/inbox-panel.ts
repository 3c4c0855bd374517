// The host of one site mailbox's inbox panel: it holds the EWS session
// (built from the stored credential and the network settings), answers the
// webview's requests a page at a time, and turns every failure into a
// state the webview draws. Loaded with the EWS library the first time a
// panel opens (dist/office-panels.js), never at activation.
import * as vscode from 'vscode';
import { EwsSession } from '../../office/ews-session';
import { describeFailure, OfficeCallError, type OfficeFailure } from '../../office/office-failure';
import { SiteMailboxInbox } from '../../office/site-mailbox-inbox';
import { readInboxToHost, type InboxTarget, type InboxToHost, type InboxToView } from '../../../webview/protocol';
import type { OfficeCredentials } from '../office-credentials';
import { networkSettings } from '../workspace-trust';
import { remoteImageOrigins } from './content-security';
import { MessageRecord } from './message-record';
import { authOf, reach } from './ews-panel';
import { onValidMessage, panelHtml, panelOptions } from './panel-host';

export const INBOX_VIEW_TYPE = 'office-farm.inbox';

export interface InboxPanelDeps {
  extensionUri: vscode.Uri;
  credentials: OfficeCredentials;
  log: vscode.LogOutputChannel;
  /** The account the prompt suggests (the site mailbox's first owner). */
  suggestedAccount?: string;
}

/** What the editor tests read of a panel: the message types each way, in order. */
export interface InboxPanelTrace {
  target: InboxTarget;
  sent: string[];
  received: string[];
  lastFolderTotal?: number;
  lastFailure?: OfficeFailure;
  pagesServed: number;
  /** The whole messages, once a test switched recording on (message-record.ts). */
  record: MessageRecord;
}

const panels = new Map<string, InboxPanel>();

export function openInboxPanels(): InboxPanel[] {
  return [...panels.values()];
}

export function showInboxPanel(target: InboxTarget, deps: InboxPanelDeps): InboxPanel {
  const key = target.address.toLowerCase();
  const existing = panels.get(key);
  if (existing) {
    existing.panel.reveal();
    return existing;
  }
  const panel = vscode.window.createWebviewPanel(INBOX_VIEW_TYPE, titleOf(target), vscode.ViewColumn.Active, panelOptions(deps.extensionUri));
  return new InboxPanel(panel, target, deps);
}

/** After a reload: the webview's saved state named the mailbox. */
export function restoreInboxPanel(panel: vscode.WebviewPanel, target: InboxTarget, deps: InboxPanelDeps): InboxPanel {
  panel.webview.options = panelOptions(deps.extensionUri);
  return new InboxPanel(panel, target, deps);
}

function titleOf(target: InboxTarget): string {
  return `Inbox: ${target.name}`;
}

export class InboxPanel {
  readonly trace: InboxPanelTrace;
  private inbox: SiteMailboxInbox | undefined;
  private generation = 0;
  private search = '';
  private readonly allowedImages = new Map<string, string[]>();
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];
  private disposed = false;
  private readonly host: string;

  constructor(
    readonly panel: vscode.WebviewPanel,
    readonly target: InboxTarget,
    private readonly deps: InboxPanelDeps,
  ) {
    this.host = new URL(target.ewsUrl).hostname;
    this.trace = { target, sent: [], received: [], pagesServed: 0, record: new MessageRecord() };
    panels.set(target.address.toLowerCase(), this);
    panel.title = titleOf(target);
    this.subscriptions.push(
      onValidMessage(panel.webview, readInboxToHost, (m) => void this.handle(m), deps.log, 'inbox'),
      panel.onDidDispose(() => this.dispose()),
      deps.credentials.onDidChange((host) => {
        if (host === undefined || host === this.host.toLowerCase()) {
          this.inbox = undefined;
          void this.load();
        }
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => void this.load()),
    );
    this.render();
  }

  private render(imageOrigins: readonly string[] = []): void {
    this.panel.webview.html = panelHtml(this.panel.webview, this.deps.extensionUri, 'inbox', titleOf(this.target), imageOrigins);
  }

  private post(m: InboxToView): void {
    if (this.disposed) return;
    this.trace.sent.push(m.type);
    this.trace.record.add('webview', m);
    if (m.type === 'folder') this.trace.lastFolderTotal = m.total;
    if (m.type === 'failure') this.trace.lastFailure = m.failure;
    void this.panel.webview.postMessage(m);
  }

  private async handle(m: InboxToHost): Promise<void> {
    this.trace.received.push(m.type);
    this.trace.record.add('host', m);
    switch (m.type) {
      case 'ready':
        await this.load();
        return;
      case 'refresh':
      case 'retry':
        await this.load();
        return;
      case 'search':
        this.search = m.text.trim();
        await this.load();
        return;
      case 'needPage':
        if (m.generation !== this.generation || !this.inbox) return;
        await this.call(async (inbox) => {
          const page = await inbox.page(m.offset, m.size, this.search);
          if (m.generation !== this.generation) return;
          this.trace.pagesServed++;
          this.post({ type: 'page', generation: m.generation, offset: page.offset, total: page.total, items: page.items });
        });
        return;
      case 'open':
        await this.call(async (inbox) => {
          const message = await inbox.message(m.id);
          this.post({ type: 'message', message, remoteImages: this.allowedImages.has(m.id) });
        });
        return;
      case 'setRead':
        await this.call(async (inbox) => {
          await inbox.setRead(m.id, m.isRead);
          this.post({ type: 'read', id: m.id, isRead: m.isRead });
        });
        return;
      case 'allowImages':
        await this.call(async (inbox) => {
          const message = await inbox.message(m.id);
          const origins = remoteImageOrigins(message.html);
          this.allowedImages.set(m.id, origins);
          // A new page with these origins in img-src: the webview restores its place from its saved state.
          this.render(origins);
        });
        return;
      case 'openLink':
        await openAfterConfirmation(m.url);
        return;
      case 'openSite':
        await vscode.env.openExternal(vscode.Uri.parse(this.target.site));
        return;
      case 'signIn': {
        const server = { name: this.target.server, host: this.host };
        const previous = await this.deps.credentials.get(this.host);
        // The prompt stores the answer, which reloads the panel through onDidChange.
        const answer = await this.deps.credentials.prompt(server, previous?.user ?? this.deps.suggestedAccount);
        if (!answer) await this.load();
        return;
      }
    }
  }

  /** Reads the folder (or the search) anew; the webview then asks for the pages it shows. */
  async load(): Promise<void> {
    clearTimeout(this.retryTimer);
    const network = networkSettings();
    if (!network.enabled) {
      this.post({ type: 'notice', notice: { state: 'disabled', reason: network.disabledReason ?? 'network access is off' } });
      return;
    }
    const credential = await this.deps.credentials.get(this.host);
    this.post({ type: 'target', target: this.target, ...(credential ? { account: credential.user } : {}) });
    if (!credential) {
      this.inbox = undefined;
      this.fail({ state: 'signed-out', server: `${this.target.server} (${this.host})`, account: this.deps.suggestedAccount ?? '' });
      return;
    }
    this.post({ type: 'notice', notice: { state: 'loading' } });
    try {
      this.inbox ??= new SiteMailboxInbox(new EwsSession({ url: this.target.ewsUrl, auth: authOf(credential), ...reach(network.timeoutMs) }), this.target.address);
    } catch (error) {
      if (error instanceof OfficeCallError) return this.fail(error.failure);
      throw error;
    }
    await this.call(async (inbox) => {
      const folder = await inbox.folder();
      const total = this.search ? (await inbox.page(0, 1, this.search)).total : folder.total;
      this.generation++;
      this.post({ type: 'folder', generation: this.generation, folder, search: this.search, total });
    });
  }

  private async call(work: (inbox: SiteMailboxInbox) => Promise<void>): Promise<void> {
    const inbox = this.inbox;
    if (!inbox) return;
    try {
      await work(inbox);
    } catch (error) {
      if (!(error instanceof OfficeCallError)) {
        this.deps.log.error(`inbox ${this.target.address}: ${error instanceof Error ? error.message : String(error)}`);
        return this.fail({ state: 'malformed', detail: error instanceof Error ? error.message : String(error) });
      }
      this.fail(error.failure);
    }
  }

  private fail(failure: OfficeFailure): void {
    this.deps.log.warn(`inbox ${this.target.address}: ${describeFailure(failure)}`);
    if (failure.state === 'wrong-credentials') this.inbox = undefined;
    if (failure.state === 'throttled' && failure.backOffMs !== undefined) {
      // ErrorServerBusy says how long to wait: wait that long, then try again.
      const retryAt = Date.now() + failure.backOffMs;
      this.post({ type: 'failure', failure, retryAt });
      this.retryTimer = setTimeout(() => void this.load(), failure.backOffMs);
      return;
    }
    this.post({ type: 'failure', failure });
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    clearTimeout(this.retryTimer);
    panels.delete(this.target.address.toLowerCase());
    for (const s of this.subscriptions) s.dispose();
  }
}

async function openAfterConfirmation(url: string): Promise<void> {
  const choice = await vscode.window.showWarningMessage(`Open a link from the mail?\n${url}`, { modal: true, detail: 'Links in mail can lead anywhere; check the address first.' }, 'Open');
  if (choice === 'Open') await vscode.env.openExternal(vscode.Uri.parse(url));
}
