import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { LanguageServer } from './language-server';
import { FarmStatusBar } from './status-bar';
import { createTraceChannel } from './trace-channel';
import { trackNetworkFeatures } from './workspace-trust';

export interface OfficeFarmApi {
  /** Time spent in activate(), for the activation budget (well under 100 ms). */
  readonly activationMs: number;
}

let server: LanguageServer | undefined;

export function activate(context: vscode.ExtensionContext): OfficeFarmApi {
  const started = performance.now();
  const log = vscode.window.createOutputChannel('Office Farm', { log: true });
  const traceChannel = createTraceChannel(log);
  server = new LanguageServer(context, log, traceChannel);
  context.subscriptions.push(
    log,
    traceChannel,
    server,
    new FarmStatusBar(server),
    registerCommands(server, log),
    trackNetworkFeatures((settings) => server?.networkChanged(settings)),
  );
  // Not awaited: activation must not wait for a process to start. Failures
  // are reported by the server handle itself (status bar, output, message).
  void server.start();
  const activationMs = performance.now() - started;
  log.info(`activated in ${activationMs.toFixed(1)} ms`);
  return { activationMs };
}

export function deactivate(): Promise<void> | undefined {
  return server?.stop();
}
