// Loaded on demand by language-server.ts: vscode-languageclient is most of
// the extension's bundle, and nothing at activation needs it evaluated.
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import {
  CloseAction,
  LanguageClient,
  State,
  TransportKind,
  type ErrorHandler,
  type LanguageClientOptions,
  type StateChangeEvent,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { FARM_LANGUAGE_ID } from './farm-documents';
import type { ServerState } from './server-state';
import { CrashNotices } from './crash-notices';
import { networkSettings, type NetworkSettings } from './workspace-trust';

/** The server's command that fetches metadata endpoints (src/server/probes.ts). */
const PROBE_COMMAND = 'office-farm.probe';
/** Tells a running server that network access changed (src/server/probes.ts). */
const NETWORK_NOTIFICATION = 'office-farm/network';

export interface ClientEvents {
  state(state: ServerState): void;
  published(uri: vscode.Uri, count: number): void;
  /** The client is about to tell the server that the document opened (or closed). */
  opened(uri: vscode.Uri): void;
  closed(uri: vscode.Uri): void;
}

/** How many crashes within vscode-languageclient's window before giving up. */
const MAX_RESTARTS = 4;

export class FarmLanguageClient {
  private client: LanguageClient | undefined;
  private failure: string | undefined;
  private readonly crashes = new CrashNotices();

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly log: vscode.LogOutputChannel,
    private readonly traceChannel: vscode.LogOutputChannel,
    private readonly events: ClientEvents,
  ) {}

  async start(): Promise<void> {
    this.failure = undefined;
    const serverModule = this.context.asAbsolutePath('dist/server.js');
    if (!fs.existsSync(serverModule)) {
      this.fail(`the language server is missing (${serverModule}); build it with \`npm run build\``);
      return;
    }
    const serverOptions: ServerOptions = {
      run: { module: serverModule, transport: TransportKind.ipc },
      debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
    };
    // vscode-languageclient's own restart policy, wrapped so that giving up
    // shows in the status bar rather than only in a notification. The
    // default handler needs the client, so it is created just after it.
    let defaults: ErrorHandler | undefined;
    const errorHandler: ErrorHandler = {
      error: (error, message, count) => defaults!.error(error, message, count),
      closed: async () => {
        const result = await defaults!.closed();
        if (result.action === CloseAction.DoNotRestart) {
          this.fail(`the language server stopped ${MAX_RESTARTS + 1} times in 3 minutes; see the output`);
          return { action: CloseAction.DoNotRestart, handled: true };
        }
        if (result.action !== CloseAction.Restart) return result;
        const notice = this.crashes.crashed();
        this.log.warn(notice.log);
        if (notice.notify) {
          void vscode.window.showWarningMessage(notice.notify, 'Show Output').then((choice) => {
            if (choice) this.log.show(true);
          });
        }
        // Handled: the library's own notification would repeat on every crash.
        return { action: CloseAction.Restart, handled: true };
      },
    };
    const clientOptions: LanguageClientOptions = {
      // Any scheme: the server gets text through document sync and never
      // reads the file system, so untitled and virtual files check too.
      documentSelector: [{ language: FARM_LANGUAGE_ID }],
      outputChannel: this.log,
      traceOutputChannel: this.traceChannel,
      errorHandler,
      initializationOptions: () => ({ network: networkSettings() }),
      middleware: {
        // The server offers probes as code lenses; in an untrusted workspace
        // it shows why they are off, and this guards the command as well.
        executeCommand: async (command, args, next) => {
          const network = networkSettings();
          if (command === PROBE_COMMAND && !network.enabled) {
            void vscode.window.showWarningMessage(`Office Farm: metadata probes are off: ${network.disabledReason}.`);
            return undefined;
          }
          return next(command, args);
        },
        handleDiagnostics: (uri, diagnostics, next) => {
          next(uri, diagnostics);
          this.events.published(uri, diagnostics.length);
        },
        didOpen: (document, next) => {
          this.events.opened(document.uri);
          return next(document);
        },
        didClose: (document, next) => {
          this.events.closed(document.uri);
          return next(document);
        },
      },
    };
    // The id is the settings prefix: the client reads `office-farm.trace.server`.
    const client = new LanguageClient('office-farm', 'Office Farm Language Server', serverOptions, clientOptions);
    defaults = client.createDefaultErrorHandler(MAX_RESTARTS);
    client.onDidChangeState((e: StateChangeEvent) => {
      if (this.failure !== undefined) return;
      if (e.newState === State.Running) this.events.state({ kind: 'running' });
      else if (e.newState === State.Starting) this.events.state({ kind: 'starting' });
      else this.events.state({ kind: 'stopped' });
    });
    this.client = client;
    this.events.state({ kind: 'starting' });
    try {
      await client.start();
    } catch (error) {
      this.fail(`the language server did not start: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** A request of the server's own (office-farm/...); undefined when no server runs. */
  async request(method: string, params: unknown): Promise<unknown> {
    if (!this.client?.isRunning()) return undefined;
    return this.client.sendRequest(method, params);
  }

  networkChanged(settings: NetworkSettings): void {
    if (this.client?.isRunning()) void this.client.sendNotification(NETWORK_NOTIFICATION, settings);
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (!client) return;
    try {
      if (client.needsStop()) await client.stop(2000);
    } catch (error) {
      this.log.warn(`stopping the language server: ${error instanceof Error ? error.message : String(error)}`);
    }
    await client.dispose(2000).catch(() => undefined);
  }

  private fail(reason: string): void {
    this.failure = reason;
    this.log.error(`Office Farm: ${reason}`);
    this.events.state({ kind: 'failed', reason });
    void vscode.window.showErrorMessage(`Office Farm: ${reason}.`, 'Show Output').then((choice) => {
      if (choice) this.log.show(true);
    });
  }
}
