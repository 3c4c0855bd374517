import * as vscode from 'vscode';
import type { FarmLanguageClient } from './language-client';
import type { ServerState } from './server-state';
import type { NetworkSettings } from './workspace-trust';

export type { ServerState } from './server-state';

/**
 * The extension's handle on the language server. It loads the language
 * client module on the first start, so activation never pays for
 * vscode-languageclient, and it remembers which open documents the server
 * has published diagnostics for since they were opened, which is how
 * "check all" knows it is done: a publication from before a document was
 * closed and opened again (the server clears a closed document's
 * diagnostics) says nothing about its text now.
 */
export class LanguageServer implements vscode.Disposable {
  private client: FarmLanguageClient | undefined;
  private current: ServerState = { kind: 'stopped' };
  private readonly published = new Set<string>();
  /** Documents the client has told the server are closed, until they open again. */
  private readonly closed = new Set<string>();
  private readonly stateChanged = new vscode.EventEmitter<ServerState>();
  private readonly diagnosticsPublished = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChangeState = this.stateChanged.event;
  /** After each diagnostics publication: the server republishes a document after every edit and probe. */
  readonly onDidPublishDiagnostics = this.diagnosticsPublished.event;
  /** Where a restart is under way: commands wait for it instead of racing it. */
  private pending: Promise<void> = Promise.resolve();

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly log: vscode.LogOutputChannel,
    private readonly traceChannel: vscode.LogOutputChannel,
  ) {}

  get state(): ServerState {
    return this.current;
  }

  start(): Promise<void> {
    return this.enqueue(async () => {
      if (!this.client) {
        // A bundle of its own (dist/language-client.js): vscode-languageclient is
        // nearly all of the extension's code, and activation must not load it.
        const { FarmLanguageClient } = require('./language-client') as typeof import('./language-client');
        this.client = new FarmLanguageClient(this.context, this.log, this.traceChannel, {
          state: (state) => this.setState(state),
          published: (uri, count) => {
            const key = uri.toString();
            // The clearing of a document closed since: not an answer for any text open now.
            if (count === 0 && this.closed.has(key)) return;
            this.published.add(key);
            this.diagnosticsPublished.fire(uri);
          },
          opened: (uri) => {
            this.published.delete(uri.toString());
            this.closed.delete(uri.toString());
          },
          closed: (uri) => {
            this.published.delete(uri.toString());
            this.closed.add(uri.toString());
          },
        });
      }
      this.published.clear();
      this.closed.clear();
      await this.client.start();
    });
  }

  restart(): Promise<void> {
    return this.enqueue(async () => {
      this.log.info('restarting the language server');
      await this.client?.stop();
    }).then(() => this.start());
  }

  /**
   * Resolves with the documents the server has not published diagnostics
   * for when `timeoutMs` runs out (empty when it answered for all).
   */
  whenPublished(uris: readonly vscode.Uri[], timeoutMs: number, token?: vscode.CancellationToken): Promise<vscode.Uri[]> {
    const waiting = new Map(uris.map((u) => [u.toString(), u]));
    for (const key of this.published) waiting.delete(key);
    if (waiting.size === 0) return Promise.resolve([]);
    return new Promise((resolve) => {
      const finish = () => {
        clearTimeout(timer);
        listener.dispose();
        cancelled?.dispose();
        resolve([...waiting.values()]);
      };
      const listener = this.diagnosticsPublished.event((uri) => {
        waiting.delete(uri.toString());
        if (waiting.size === 0) finish();
      });
      const timer = setTimeout(finish, timeoutMs);
      const cancelled = token?.onCancellationRequested(finish);
    });
  }

  /** Sends one of the server's own requests once a pending start or restart is done; undefined when it is not running. */
  async request(method: string, params: unknown): Promise<unknown> {
    await this.pending;
    return this.client?.request(method, params);
  }

  /** New initialization options would reach only a restarted server: running ones get a notification. */
  networkChanged(settings: NetworkSettings): void {
    this.client?.networkChanged(settings);
  }

  /** For deactivation: VS Code waits for the returned promise. */
  stop(): Promise<void> {
    return this.enqueue(async () => {
      await this.client?.stop();
    });
  }

  dispose(): void {
    this.stateChanged.dispose();
    this.diagnosticsPublished.dispose();
  }

  private setState(state: ServerState): void {
    this.current = state;
    this.stateChanged.fire(state);
  }

  private enqueue(step: () => Promise<void>): Promise<void> {
    const next = this.pending.then(step, step);
    this.pending = next.catch(() => undefined);
    return next;
  }
}
