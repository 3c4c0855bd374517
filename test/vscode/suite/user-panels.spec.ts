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

/** Runs a command that asks for a user, and takes the quick pick's first item (alice) as a user would with Enter. */
async function fromPalette(command: string): Promise<unknown> {
  let settled = false;
  const opened = Promise.resolve(vscode.commands.executeCommand(command)).finally(() => (settled = true));
  // Accepting before the pick shows does nothing, so keep pressing Enter until it is answered.
  for (let i = 0; i < 100 && !settled; i++) {
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await new Promise((r) => setTimeout(r, 100));
  }
  return opened;
}

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

  test("from the palette's command, the user picked in its quick pick: the same list", async () => {
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await eventually(() => (traceOf('contacts', 'alice@contoso.com') ? undefined : true), () => 'the panel closed');
    assert.equal(await fromPalette('office-farm.openContacts'), 'alice@contoso.com');
    const t = await waitFor('contacts', 'alice@contoso.com', (x) => (x.lastCount ?? 0) > 0, 'the contacts arrive');
    assert.ok(t.received.includes('ready'));
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});

suite('tasks panel', () => {
  test("alice's tasks from the view's user, then from the palette: her own and her project's, from the simulator", async () => {
    const a = account('alice');
    await vscode.commands.executeCommand('office-farm.signIn', 'mail.contoso.com', { kind: 'basic', user: a.signInName, password: a.password });
    assert.equal(await vscode.commands.executeCommand('office-farm.openTasks', userNode('alice')), 'alice@contoso.com');
    const t = await waitFor('tasks', 'alice@contoso.com', (x) => (x.lastCount ?? 0) > 120, 'the tasks arrive, the project folder’s too');
    assert.ok(t.received.includes('ready') && t.sent.includes('tasks'));
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await eventually(() => (traceOf('tasks', 'alice@contoso.com') ? undefined : true), () => 'the panel closed');
    assert.equal(await fromPalette('office-farm.openTasks'), 'alice@contoso.com');
    await waitFor('tasks', 'alice@contoso.com', (x) => (x.lastCount ?? 0) > 120, 'the tasks arrive again');
  });

  test('signed out, the tasks panel asks to sign in; Sign Out reaches it', async () => {
    await vscode.commands.executeCommand('office-farm.signOut');
    await waitFor('tasks', 'alice@contoso.com', (x) => x.lastFailure?.state === 'signed-out', 'signed out');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
