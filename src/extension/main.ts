import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { ConnectionStatus } from './connection-status';
import { FARM_VIEW_ID, FarmTreeProvider } from './farm-tree';
import { LanguageServer } from './language-server';
import { OfficeCredentials } from './office-credentials';
import { inboxPanelTraces, loadOfficePanels, officePanelsLoaded, recordPanelMessages, registerOfficePanels, userPanelTraces } from './office-panel-commands';
import { PresenceMarks } from './presence-marks';
import { registerScriptCommands } from './script-commands';
import { FarmStatusBar } from './status-bar';
import { createTraceChannel } from './trace-channel';
import { diagramPanelsOpen, registerDiagram } from './diagram-commands';
import { trackNetworkFeatures } from './workspace-trust';

export interface OfficeFarmApi {
  /** Time spent in activate(), for the activation budget (well under 100 ms). */
  readonly activationMs: number;
  /** The Office Farm view's data, for the editor tests. */
  readonly farmTree: FarmTreeProvider;
  /** For the editor tests: whether the panels' bundle (with EWS) is loaded, and what open inbox panels exchanged. */
  readonly officePanelsLoaded: () => boolean;
  readonly inboxPanelTraces: typeof inboxPanelTraces;
  /** For the editor tests: what open contacts and tasks panels exchanged. */
  readonly userPanelTraces: typeof userPanelTraces;
  /** For the editor tests: the open topology diagram panels. */
  readonly diagramPanels: typeof diagramPanelsOpen;
  /** For the editor tests: the presence the Office Farm view shows, by address. */
  readonly presenceViews: () => ReadonlyMap<string, unknown>;
  /** For the editor tests' leak check: record the panels' whole messages, and where the extension's logs and storage are. */
  readonly recordPanelMessages: typeof recordPanelMessages;
  readonly folders: { readonly logUri: string; readonly globalStorageUri: string; readonly storageUri?: string };
}

let server: LanguageServer | undefined;

export function activate(context: vscode.ExtensionContext): OfficeFarmApi {
  const started = performance.now();
  const log = vscode.window.createOutputChannel('Office Farm', { log: true });
  const traceChannel = createTraceChannel(log);
  server = new LanguageServer(context, log, traceChannel);
  const connection = new ConnectionStatus(context, log);
  const farmTree = new FarmTreeProvider(server);
  const credentials = new OfficeCredentials(context);
  const farmView = vscode.window.createTreeView(FARM_VIEW_ID, { treeDataProvider: farmTree, showCollapseAll: true });
  const presenceMarks = new PresenceMarks(farmTree, farmView, credentials, log, loadOfficePanels);
  let reported = '';
  context.subscriptions.push(
    log,
    traceChannel,
    server,
    new FarmStatusBar(server),
    connection,
    farmTree,
    farmView,
    presenceMarks,
    registerCommands(context, server, log, farmTree),
    credentials,
    registerOfficePanels(context, credentials, farmTree, log),
    registerScriptCommands(server, log),
    registerDiagram(context, server, log),
    trackNetworkFeatures((state) => {
      server?.networkChanged(state.settings);
      connection.update(state);
      // Each distinct set of problems once: settings change events come in bursts.
      const problems = state.problems.join('\n');
      if (problems !== reported) {
        reported = problems;
        for (const p of state.problems) log.warn(p);
        if (state.problems.length) void vscode.window.showWarningMessage(`Office Farm: ${state.problems[0]}${state.problems.length > 1 ? ` (and ${state.problems.length - 1} more; see the output)` : ''}.`);
      }
    }),
  );
  // Not awaited: activation must not wait for a process to start. Failures
  // are reported by the server handle itself (status bar, output, message).
  void server.start();
  const activationMs = performance.now() - started;
  log.info(`activated in ${activationMs.toFixed(1)} ms`);
  return {
    activationMs,
    farmTree,
    officePanelsLoaded,
    inboxPanelTraces,
    userPanelTraces,
    diagramPanels: diagramPanelsOpen,
    presenceViews: () => presenceMarks.presenceViews,
    recordPanelMessages,
    folders: { logUri: context.logUri.toString(), globalStorageUri: context.globalStorageUri.toString(), storageUri: context.storageUri?.toString() },
  };
}

export function deactivate(): Promise<void> | undefined {
  return server?.stop();
}
