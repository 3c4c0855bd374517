// The contacts (and tasks) panels end to end in the real VS Code: opened
// from a user of the Office Farm view and from the command palette's
// command, through SecretStorage credentials and the network settings
// Connect to Simulator filled in, to the simulator's EWS and back into
// the webview (its 'ready' shows its script ran under the panel's CSP).
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { eventually, suite, test } from './framework';
import { EXTENSION_ID } from './farm-workspace';

interface Trace {
  panel: string;
  target: { address: string };
  sent: string[];
  received: string[];
  lastFailure?: { state: string };
  lastCount?: number;
}
interface Api {
  userPanelTraces(): Trace[];
  farmTree: { getChildren(node?: { type: string }): Array<{ type: string; user?: { name: string; address: string } }>; readonly topology?: { uri: string } };
}

const api = (): Api => vscode.extensions.getExtension<Api>(EXTENSION_ID)!.exports;
const account = (user: string): { signInName: string; password: string } => {
  const connection = JSON.parse(readFileSync(process.env.OFFICE_FARM_SIMULATOR_CONNECTION!, 'utf8')) as { accounts: Array<{ user: string; signInName: string; password: string }> };
  return connection.accounts.find((a) => a.user === user)!;
};
const traceOf = (panel: string, address: string) => api().userPanelTraces().find((t) => t.panel === panel && t.target.address === address);
const waitFor = (panel: string, address: string, ready: (t: Trace) => boolean, what: string) =>
  eventually(
    () => {
      const t = traceOf(panel, address);
      return t && ready(t) ? t : undefined;
    },
    () => `${what}; the panel exchanged ${JSON.stringify(traceOf(panel, address) ?? 'nothing')}`,
  );
const userNode = (name: string) => {
  const tree = api().farmTree;
  const group = tree.getChildren().find((n) => n.type === 'users')!;
  return tree.getChildren(group).find((n) => n.user?.name === name)!;
};

suite('contacts panel', () => {
  test("alice's Lync contacts from the view: signed out first, then the list from the simulator", async () => {
    await vscode.commands.executeCommand('office-farm.signOut');
    assert.equal(await vscode.commands.executeCommand('office-farm.openContacts', userNode('alice')), 'alice@contoso.com');
    await waitFor('contacts', 'alice@contoso.com', (t) => t.received.includes('ready') && t.lastFailure?.state === 'signed-out', 'the webview loads and the host says signed out');
    const a = account('alice');
    await vscode.commands.executeCommand('office-farm.signIn', 'mail.contoso.com', { kind: 'ntlm', user: a.signInName, password: a.password });
    const t = await waitFor('contacts', 'alice@contoso.com', (x) => (x.lastCount ?? 0) > 0, 'the contacts arrive');
    assert.ok(t.sent.includes('contacts'));
  });

  test("from the palette's command with a user picked, bob's contacts are access-denied for alice", async () => {
    const pick = vscode.window.showQuickPick;
    // The palette's quick pick, answered as a user would: the item for bob.
    (vscode.window as { showQuickPick: unknown }).showQuickPick = async (items: Array<{ description?: string }>) => (await items).find((i) => i.description === 'bob@contoso.com');
    try {
      assert.equal(await vscode.commands.executeCommand('office-farm.openContacts'), 'bob@contoso.com');
    } finally {
      (vscode.window as { showQuickPick: unknown }).showQuickPick = pick;
    }
    await waitFor('contacts', 'bob@contoso.com', (t) => t.lastFailure?.state === 'access-denied', 'another user’s contacts are refused, and said so');
    await vscode.commands.executeCommand('office-farm.signOut');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
