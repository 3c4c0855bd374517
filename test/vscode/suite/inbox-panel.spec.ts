// The inbox panel end to end in the real VS Code: from the Office Farm
// view's site mailbox, through SecretStorage credentials, the network
// settings Connect to Simulator filled in (simulator.spec.ts) and the real
// EWS client, to the webview, whose own messages (ready, needPage) show
// that its script ran under the panel's CSP and asked for pages.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { eventually, suite, test } from './framework';
import { EXTENSION_ID } from './farm-workspace';

interface Trace {
  target: { address: string };
  sent: string[];
  received: string[];
  lastFolderTotal?: number;
  lastFailure?: { state: string };
  pagesServed: number;
}
interface Api {
  officePanelsLoaded(): boolean;
  inboxPanelTraces(): Trace[];
  farmTree: { getChildren(node?: { type: string }): Array<{ type: string; mailbox?: { address: string } }>; readonly topology?: { uri: string } };
}

const api = (): Api => vscode.extensions.getExtension<Api>(EXTENSION_ID)!.exports;
const alice = (): { signInName: string; password: string } => {
  const connection = JSON.parse(readFileSync(process.env.OFFICE_FARM_SIMULATOR_CONNECTION!, 'utf8')) as { accounts: Array<{ user: string; signInName: string; password: string }> };
  return connection.accounts.find((a) => a.user === 'alice')!;
};
const trace = (): Trace | undefined => api().inboxPanelTraces().find((t) => t.target.address === 'SMO-ProjectX@contoso.com');
const waitFor = (ready: (t: Trace) => boolean, what: string) =>
  eventually(
    () => {
      const t = trace();
      return t && ready(t) ? t : undefined;
    },
    () => `${what}; the panel exchanged ${JSON.stringify(trace() ?? 'nothing')}`,
  );

suite('inbox panel', () => {
  test('the EWS bundle is not loaded until a panel opens', () => {
    assert.equal(api().officePanelsLoaded(), false);
  });

  test("opening projectx's inbox from the view before signing in draws the sign-in state", async () => {
    await vscode.commands.executeCommand('office-farm.signOut');
    const tree = api().farmTree;
    assert.ok(tree.topology, 'the view shows a farm (farm-view.spec.ts opened contoso-view.farm)');
    const group = tree.getChildren().find((n) => n.type === 'siteMailboxes')!;
    const projectx = tree.getChildren(group)[0];
    assert.equal(await vscode.commands.executeCommand('office-farm.openInbox', projectx), 'SMO-ProjectX@contoso.com');
    assert.equal(api().officePanelsLoaded(), true);
    const t = await waitFor((x) => x.received.includes('ready') && x.lastFailure?.state === 'signed-out', 'the webview loads and the host says signed out');
    assert.ok(!t.sent.includes('folder'));
  });

  test('signed in as the owner (NTLM), the site mailbox loads from the simulator, a page at a time', async () => {
    const a = alice();
    await vscode.commands.executeCommand('office-farm.signIn', 'mail.contoso.com', { kind: 'ntlm', user: a.signInName, password: a.password });
    const t = await waitFor((x) => x.lastFolderTotal === 5000 && x.pagesServed >= 1, 'the folder and a first page arrive');
    assert.ok(t.received.includes('needPage'), 'the webview asked for the page it shows');
    assert.ok(t.pagesServed <= 3, `${t.pagesServed} pages served for the first screen, not the folder`);
  });

  test('a wrong password is drawn as wrong-credentials; Sign Out forgets the credential', async () => {
    await vscode.commands.executeCommand('office-farm.signIn', 'mail.contoso.com', { kind: 'basic', user: alice().signInName, password: 'not-the-password' });
    await waitFor((x) => x.lastFailure?.state === 'wrong-credentials', 'the refused password is named');
    const forgotten = await vscode.commands.executeCommand<string[]>('office-farm.signOut');
    assert.deepEqual(forgotten, ['mail.contoso.com']);
    const before = trace()!.sent.length;
    await waitFor((x) => x.sent.length > before && x.lastFailure?.state === 'signed-out', 'signed out again');
  });

  test('network access off: the panel says why instead of connecting', async () => {
    const config = vscode.workspace.getConfiguration('office-farm');
    await config.update('network.enabled', false, vscode.ConfigurationTarget.Global);
    try {
      const before = trace()!.sent.length;
      await vscode.commands.executeCommand('office-farm.signIn', 'mail.contoso.com', { kind: 'ntlm', user: alice().signInName, password: alice().password });
      await waitFor((x) => x.sent.slice(before).includes('notice') && !x.sent.slice(before).includes('folder'), 'a disabled notice, no folder');
    } finally {
      await config.update('network.enabled', undefined, vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand('office-farm.signOut');
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    }
  });
});

// Faults need a simulator this suite controls: one of contoso.farm in this
// process, with the workspace's network settings pointed at it for the
// length of the test and put back after.
suite('inbox panel against simulator faults', () => {
  test('ErrorServerBusy: the panel waits BackOffMilliseconds and retries by itself; a TLS problem is named', async () => {
    const { startSimulator } = require('../../../src/simulator') as typeof import('../../../src/simulator');
    const { readTopology } = require('../../../src/core') as typeof import('../../../src/core');
    const { mkdtempSync, rmSync } = require('node:fs') as typeof import('node:fs');
    const { tmpdir } = require('node:os') as typeof import('node:os');
    const { join } = require('node:path') as typeof import('node:path');
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'contoso.farm'));
    const stateDir = mkdtempSync(join(tmpdir(), 'office-farm-inbox-faults-'));
    const sim = await startSimulator(readTopology(doc.getText()), { stateDir, faults: { ex01: ['ews-server-busy:1500'] } });
    const network = vscode.workspace.getConfiguration('office-farm.network');
    const saved = { ca: network.inspect('ca')?.workspaceValue, connectTo: network.inspect('connectTo')?.workspaceValue };
    try {
      await network.update('ca', [sim.connection.ca.path], vscode.ConfigurationTarget.Workspace);
      await network.update('connectTo', { ...sim.connection.connectTo }, vscode.ConfigurationTarget.Workspace);
      const a = sim.connection.accounts.find((x) => x.user === 'alice')!;
      const tree = api().farmTree;
      const group = tree.getChildren().find((n) => n.type === 'siteMailboxes')!;
      await vscode.commands.executeCommand('office-farm.openInbox', tree.getChildren(group)[0]);
      await waitFor((x) => x.received.includes('ready') && x.lastFailure?.state === 'signed-out', 'the panel is up and signed out');
      const start = trace()!.sent.length;
      await vscode.commands.executeCommand('office-farm.signIn', 'mail.contoso.com', { kind: 'basic', user: a.signInName, password: a.password });
      await waitFor((x) => x.lastFailure?.state === 'throttled', 'the busy server is drawn as throttled');
      const since = trace()!.sent.length;
      const asked = trace()!.received.length;
      await sim.setFaults('ex01', []);
      // Nobody presses Retry: the panel goes back after the 1.5 s the server asked for.
      const t = await waitFor((x) => x.sent.slice(since).includes('folder') && x.lastFolderTotal === 5000, 'the panel retries by itself');
      assert.deepEqual(t.received.slice(asked).filter((m) => ['retry', 'refresh', 'ready', 'signIn', 'search'].includes(m)), [], 'the webview asked for no reload');
      assert.ok(t.sent.slice(start).includes('failure'));

      await sim.setFaults('ex01', ['untrusted-tls']);
      const before = trace()!.sent.length;
      await vscode.commands.executeCommand('office-farm.signIn', 'mail.contoso.com', { kind: 'ntlm', user: a.signInName, password: a.password });
      const tls = await waitFor((x) => x.sent.length > before && x.lastFailure?.state === 'tls', 'the untrusted certificate is named');
      assert.equal((tls.lastFailure as { problem?: string }).problem, 'untrusted');
    } finally {
      await network.update('ca', saved.ca, vscode.ConfigurationTarget.Workspace);
      await network.update('connectTo', saved.connectTo, vscode.ConfigurationTarget.Workspace);
      await vscode.commands.executeCommand('office-farm.signOut');
      await sim.close();
      rmSync(stateDir, { recursive: true, force: true });
    }
  });
});
