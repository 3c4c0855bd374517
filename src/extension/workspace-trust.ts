import * as vscode from 'vscode';

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
}

export function networkFeaturesEnabled(): boolean {
  return networkSettings().enabled;
}

export function networkSettings(): NetworkSettings {
  if (!vscode.workspace.isTrusted) return { enabled: false, disabledReason: 'the workspace is not trusted' };
  if (!vscode.workspace.getConfiguration().get<boolean>(SETTING, true)) return { enabled: false, disabledReason: `${SETTING} is off` };
  // The probes connect from the server process, which does not go through
  // VS Code's proxy support: it is handed the same settings instead.
  const http = vscode.workspace.getConfiguration('http');
  const proxy = http.get<string>('proxy')?.trim();
  const noProxy = http.get<string[]>('noProxy') ?? [];
  return { enabled: true, ...(proxy ? { proxy } : {}), ...(noProxy.length ? { noProxy: noProxy.join(',') } : {}) };
}

/** Keeps the context key current and tells `changed` whenever the settings may differ. */
export function trackNetworkFeatures(changed: (settings: NetworkSettings) => void): vscode.Disposable {
  const update = () => {
    const settings = networkSettings();
    void vscode.commands.executeCommand('setContext', NETWORK_FEATURES_CONTEXT_KEY, settings.enabled);
    changed(settings);
  };
  void vscode.commands.executeCommand('setContext', NETWORK_FEATURES_CONTEXT_KEY, networkFeaturesEnabled());
  return vscode.Disposable.from(
    vscode.workspace.onDidGrantWorkspaceTrust(update),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(SETTING) || e.affectsConfiguration('http.proxy') || e.affectsConfiguration('http.noProxy')) update();
    }),
  );
}
