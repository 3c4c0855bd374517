import * as vscode from 'vscode';

/**
 * Context key for `when` clauses of anything that contacts farm servers
 * (metadata probes, Office panels): true only in a trusted workspace whose
 * settings allow network features. A `.farm` file from an untrusted source
 * names hosts; opening it must not make the editor reach out to them.
 */
export const NETWORK_FEATURES_CONTEXT_KEY = 'office-farm.networkFeaturesEnabled';
const SETTING = 'office-farm.network.enabled';

export function networkFeaturesEnabled(): boolean {
  return vscode.workspace.isTrusted && vscode.workspace.getConfiguration().get<boolean>(SETTING, true);
}

export function trackNetworkFeatures(): vscode.Disposable {
  const update = () => void vscode.commands.executeCommand('setContext', NETWORK_FEATURES_CONTEXT_KEY, networkFeaturesEnabled());
  update();
  return vscode.Disposable.from(
    vscode.workspace.onDidGrantWorkspaceTrust(update),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(SETTING)) update();
    }),
  );
}
