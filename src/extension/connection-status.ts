import { existsSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import * as vscode from 'vscode';
import { readConnectionFile } from '../simulator/connection-file';
import { CONNECTED_SIMULATOR_KEY, connectToSimulator, simulatorRunning } from './connect-to-simulator';
import { farmLabel } from './network-settings';
import { plural } from './status-bar';
import type { NetworkState } from './workspace-trust';

/**
 * The status bar item that says which farm the editor's probes and panels
 * reach: the domain of the connect-to rules ("contoso.com"), marked when a
 * setting cannot be used or the simulator the settings came from stopped.
 * Hidden while nothing redirects connections or adds a CA: then the editor
 * reaches the servers as DNS and the system's CAs say, which needs no mark.
 *
 * When the settings came from "Connect to Simulator", a restarted simulator
 * (new ports in its connection file) is followed without asking.
 */
export class ConnectionStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('office-farm.connection', vscode.StatusBarAlignment.Left, -1);
  private watcher: vscode.FileSystemWatcher | undefined;
  private watched: string | undefined;
  private state: NetworkState | undefined;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.item.name = 'Office Farm connection';
  }

  update(state: NetworkState): void {
    this.state = state;
    this.watch(this.context.workspaceState.get<string>(CONNECTED_SIMULATOR_KEY));
    this.render();
  }

  private render(): void {
    const state = this.state;
    const item = this.item;
    if (!state) return;
    const { settings, problems } = state;
    const rules = settings.connectTo ?? [];
    const cas = settings.ca?.length ?? 0;
    if (rules.length === 0 && cas === 0 && problems.length === 0) {
      item.hide();
      return;
    }
    const label = farmLabel(rules) ?? 'custom CA';
    const simulator = this.watched;
    const stopped = simulator !== undefined && !this.simulatorUp(simulator);
    const lines = [
      settings.enabled ? `Office Farm reaches ${label}` : `Office Farm would reach ${label}, but network features are off: ${settings.disabledReason}`,
      ...rules.map((r) => {
        const [host, port, ...to] = r.split(':');
        return `- ${host}:${port} → ${to.join(':')}`;
      }),
      cas ? `- trusting ${plural(cas, 'extra CA certificate')}` : '',
      simulator ? `From the simulator's connection file ${simulator}${stopped ? ' — that simulator is not running' : ''}` : '',
      ...problems.map((p) => `⚠ ${p}`),
    ].filter((l) => l !== '');
    item.text = `${problems.length || stopped ? '$(warning)' : settings.enabled ? '$(plug)' : '$(debug-disconnect)'} ${label}${stopped ? ' (simulator stopped)' : ''}`;
    item.tooltip = new vscode.MarkdownString(lines.join('\n\n'));
    item.command = { title: 'Network settings', command: 'workbench.action.openSettings', arguments: ['office-farm.network'] };
    item.show();
  }

  private simulatorUp(path: string): boolean {
    try {
      return simulatorRunning(readConnectionFile(path));
    } catch {
      return false;
    }
  }

  private watch(path: string | undefined): void {
    if (path === this.watched) return;
    this.watcher?.dispose();
    this.watcher = undefined;
    this.watched = path;
    if (!path) return;
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(dirname(path)), basename(path)));
    // A simulator writes its file when its listeners are up, so a change means new ports.
    const follow = () => {
      if (!existsSync(path) || !this.simulatorUp(path)) return this.render();
      this.log.info(`the simulator's connection file changed (${path}): connecting again`);
      void connectToSimulator(this.context, this.log, path, true);
    };
    watcher.onDidCreate(follow);
    watcher.onDidChange(follow);
    watcher.onDidDelete(() => this.render());
    this.watcher = watcher;
  }

  dispose(): void {
    this.watcher?.dispose();
    this.item.dispose();
  }
}
