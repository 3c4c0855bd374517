// What the contacts and tasks panels share: one user's mailbox on one
// Exchange server, the session built from the stored credential and the
// network settings (CA, connect-to, timeout), the states every panel draws
// (off in an untrusted workspace, signed out, loading, each failure), the
// ErrorServerBusy countdown and retry, and the sign-in prompt.
import * as vscode from 'vscode';
import { parseConnectTo } from '../../probe/connect-to';
import type { ConnectToMap } from '../../office/connect-to';
import type { EwsAuth } from '../../office/ews-connection';
import { EwsSession } from '../../office/ews-session';
import { describeFailure, OfficeCallError, type OfficeFailure } from '../../office/office-failure';
import type { UserTarget } from '../../../webview/protocol';
import { readReachSettings } from '../network-settings';
import type { OfficeCredential, OfficeCredentials } from '../office-credentials';
import { networkSettings } from '../workspace-trust';
import { MessageRecord } from './message-record';
import { onValidMessage, panelHtml } from './panel-host';

export interface EwsPanelDeps {
  extensionUri: vscode.Uri;
  credentials: OfficeCredentials;
  log: vscode.LogOutputChannel;
}

/** What the editor tests read of a panel: the message types each way, in order. */
export interface EwsPanelTrace {
  panel: string;
  target: UserTarget;
  sent: string[];
  received: string[];
  lastFailure?: OfficeFailure;
  /** Items in the last data message (contacts, tasks). */
  lastCount?: number;
  /** The whole messages, once a test switched recording on (message-record.ts). */
  record: MessageRecord;
}

type Common = { type: 'target'; target: UserTarget; account?: string } | { type: 'notice'; notice: { state: 'loading' } | { state: 'disabled'; reason: string } } | { type: 'failure'; failure: OfficeFailure; retryAt?: number };

export abstract class EwsPanel<ToView extends { type: string }, ToHost extends { type: string }> {
  readonly trace: EwsPanelTrace;
  protected session: EwsSession | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];
  private disposed = false;
  protected readonly host: string;

  constructor(
    readonly panel: vscode.WebviewPanel,
    readonly target: UserTarget,
    protected readonly deps: EwsPanelDeps,
    /** The webview bundle's name: dist/webview/<name>.js. */
    private readonly bundle: string,
    read: (m: unknown) => ToHost | undefined,
  ) {
    this.host = new URL(target.ewsUrl).hostname;
    this.trace = { panel: bundle, target, sent: [], received: [], record: new MessageRecord() };
    panel.title = this.title();
    this.subscriptions.push(
      onValidMessage(panel.webview, read, (m) => void this.receive(m), deps.log, bundle),
      panel.onDidDispose(() => this.dispose()),
      deps.credentials.onDidChange((host) => {
        if (host === undefined || host === this.host.toLowerCase()) {
          this.session = undefined;
          void this.load();
        }
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => void this.load()),
    );
    panel.webview.html = panelHtml(panel.webview, deps.extensionUri, bundle, this.title());
  }

  abstract title(): string;
  /** Reads the data anew and posts it; failures are thrown as OfficeCallError. */
  protected abstract read(session: EwsSession): Promise<void>;
  /** Messages beyond ready/refresh/retry/signIn. */
  protected abstract handle(m: ToHost): Promise<void>;

  protected post(m: ToView | Common): void {
    if (this.disposed) return;
    this.trace.sent.push(m.type);
    this.trace.record.add('webview', m);
    if (m.type === 'failure') this.trace.lastFailure = (m as Common & { type: 'failure' }).failure;
    void this.panel.webview.postMessage(m);
  }

  private async receive(m: ToHost): Promise<void> {
    this.trace.received.push(m.type);
    this.trace.record.add('host', m);
    switch (m.type) {
      case 'ready':
      case 'refresh':
      case 'retry':
        return this.load();
      case 'signIn': {
        const previous = await this.deps.credentials.get(this.host);
        // The prompt stores the answer, which reloads the panel through onDidChange.
        const answer = await this.deps.credentials.prompt({ name: this.target.server, host: this.host }, previous?.user ?? this.target.address);
        if (!answer) await this.load();
        return;
      }
    }
    return this.handle(m);
  }

  /** The whole state from the start: settings, credential, session, data. */
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
      this.session = undefined;
      this.fail({ state: 'signed-out', server: `${this.target.server} (${this.host})`, account: this.target.address });
      return;
    }
    this.post({ type: 'notice', notice: { state: 'loading' } });
    try {
      this.session ??= new EwsSession({ url: this.target.ewsUrl, auth: authOf(credential), ...reach(network.timeoutMs) });
    } catch (error) {
      if (error instanceof OfficeCallError) return this.fail(error.failure);
      throw error;
    }
    await this.call((s) => this.read(s));
  }

  /** Runs work on the session; every failure becomes the state the webview draws. */
  protected async call(work: (session: EwsSession) => Promise<void>): Promise<void> {
    const session = this.session;
    if (!session) return;
    try {
      await work(session);
    } catch (error) {
      if (error instanceof OfficeCallError) return this.fail(error.failure);
      const detail = error instanceof Error ? error.message : String(error);
      this.deps.log.error(`${this.bundle} ${this.target.address}: ${detail}`);
      this.fail({ state: 'malformed', detail });
    }
  }

  protected fail(failure: OfficeFailure): void {
    this.deps.log.warn(`${this.bundle} ${this.target.address}: ${describeFailure(failure)}`);
    if (failure.state === 'wrong-credentials') this.session = undefined;
    if (failure.state === 'throttled' && failure.backOffMs !== undefined) {
      // ErrorServerBusy says how long to wait: wait that long, then try again.
      this.post({ type: 'failure', failure, retryAt: Date.now() + failure.backOffMs });
      this.retryTimer = setTimeout(() => void this.load(), failure.backOffMs);
      return;
    }
    this.post({ type: 'failure', failure });
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    clearTimeout(this.retryTimer);
    for (const s of this.subscriptions) s.dispose();
    this.onDispose();
  }

  protected onDispose(): void {}
}

export function authOf(c: OfficeCredential): EwsAuth {
  return c.kind === 'bearer' ? { kind: 'bearer', token: c.token } : { kind: c.kind, user: c.user, password: c.password };
}

/** The CA and connect-to settings, as the probes use them. */
export function reach(timeoutMs: number | undefined): { ca: string[]; connectTo: ConnectToMap; timeoutMs?: number } {
  const settings = readReachSettings();
  const connectTo: ConnectToMap = {};
  for (const text of settings.connectTo) {
    const rule = parseConnectTo(text);
    if (!rule.host || rule.port === undefined || !rule.toHost || rule.toPort === undefined) continue;
    connectTo[`${rule.host}:${rule.port}`] = `${rule.toHost.includes(':') ? `[${rule.toHost}]` : rule.toHost}:${rule.toPort}`;
  }
  return { ca: settings.ca, connectTo, ...(timeoutMs !== undefined ? { timeoutMs } : {}) };
}
