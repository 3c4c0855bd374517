import * as vscode from 'vscode';
import { NETWORK_SECTION, readReachSettings } from './network-settings';

/**
 * Context key for `when` clauses of anything that contacts farm servers
 * (metadata probes, Office panels): true only in a trusted workspace whose
 * settings allow network features. A `.farm` file from an untrusted source
 * names hosts; opening it must not make the editor reach out to them.
 */
export const NETWORK_FEATURES_CONTEXT_KEY = 'office-farm.networkFeaturesEnabled';
const SETTING = 'office-farm.network.enabled';

/** What the language server is told about the network (its `NetworkSettings`). */
export interface NetworkSettings {
  enabled: boolean;
  disabledReason?: string;
  proxy?: string;
  noProxy?: string;
  /** PEM certificates to trust besides the system's (office-farm.network.ca). */
  ca?: string[];
  /** HOST:PORT:ADDR:PORT rules (office-farm.network.connectTo). */
  connectTo?: string[];
  timeoutMs?: number;
}

/** The settings, and what in them could not be used (for the log and a warning). */
export interface NetworkState {
  settings: NetworkSettings;
  problems: string[];
}

export function networkFeaturesEnabled(): boolean {
  return networkSettings().enabled;
}

export function networkSettings(): NetworkSettings {
  return networkState().settings;
}

export function networkState(): NetworkState {
  if (!vscode.workspace.isTrusted) return { settings: { enabled: false, disabledReason: 'the workspace is not trusted' }, problems: [] };
  if (!vscode.workspace.getConfiguration().get<boolean>(SETTING, true)) return { settings: { enabled: false, disabledReason: `${SETTING} is off` }, problems: [] };
  // The probes connect from the server process, which does not go through
  // VS Code's proxy support: it is handed the same settings instead.
  const http = vscode.workspace.getConfiguration('http');
  const proxy = http.get<string>('proxy')?.trim();
  const noProxy = http.get<string[]>('noProxy') ?? [];
  // A CA file is read only in a trusted workspace: its path comes from the folder's settings.
  const reach = readReachSettings();
  const settings: NetworkSettings = {
    enabled: true,
    ...(proxy ? { proxy } : {}),
    ...(noProxy.length ? { noProxy: noProxy.join(',') } : {}),
    ...(reach.ca.length ? { ca: reach.ca } : {}),
    ...(reach.connectTo.length ? { connectTo: reach.connectTo } : {}),
    ...(reach.timeoutMs !== undefined ? { timeoutMs: reach.timeoutMs } : {}),
  };
  return { settings, problems: reach.problems };
}

/** Keeps the context key current and tells `changed` whenever the settings may differ. */
export function trackNetworkFeatures(changed: (state: NetworkState) => void): vscode.Disposable {
  const update = () => {
    const state = networkState();
    void vscode.commands.executeCommand('setContext', NETWORK_FEATURES_CONTEXT_KEY, state.settings.enabled);
    changed(state);
  };
  update();
  return vscode.Disposable.from(
    vscode.workspace.onDidGrantWorkspaceTrust(update),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(NETWORK_SECTION) || e.affectsConfiguration('http.proxy') || e.affectsConfiguration('http.noProxy')) update();
    }),
  );
}
