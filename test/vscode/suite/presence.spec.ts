// Presence in the real VS Code: a farm of its own (one user on a Lync pool,
// one online) served by a simulator started here, reached through the same
// CA and connect-to settings a user sets; a fake AuthenticationProvider
// registered for `microsoft` is what the extension asks for the Graph token
// (no real sign-in). The Office Farm view shows each user's presence or the
// state in its place (signed out of Microsoft, of the pool), and follows the
// simulator's schedule.
import * as assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { readTopology } from '../../../src/core';
import { startSimulator, type RunningSimulator } from '../../../src/simulator';
import { eventually, suite, test } from './framework';
import { EXTENSION_ID, workspaceFile } from './farm-workspace';

const FARM = `farm fabrikam {
  realm = "fabrikam.com"
}

lync lync02 {
  host = "pool02.fabrikam.com"
}

user erin {
  address = "erin@fabrikam.com"
  lync    = lync02
}

user frank {
  address = "frank@fabrikam.com"
  online  = true
}
`;

interface ViewLike {
  source?: string;
  presence?: { availability: string; activity?: string };
  failure?: { state: string };
}
interface Api {
  presenceViews(): ReadonlyMap<string, ViewLike>;
  farmTree: { getChildren(node?: { type: string }): Array<{ type: string; user?: { name: string } }>; getTreeItem(node: unknown): vscode.TreeItem; readonly topology?: { uri: string } };
}
const api = (): Api => vscode.extensions.getExtension<Api>(EXTENSION_ID)!.exports;
const view = (address: string) => api().presenceViews().get(address);
const waitView = (address: string, ready: (v: ViewLike | undefined) => boolean, what: string) =>
  eventually(
    () => (ready(view(address)) ? view(address) : undefined),
    () => `${what}; ${address} shows ${JSON.stringify(view(address) ?? 'nothing')}`,
    40_000,
  );

class FakeMicrosoft implements vscode.AuthenticationProvider {
  private readonly changed = new vscode.EventEmitter<vscode.AuthenticationProviderAuthenticationSessionsChangeEvent>();
  readonly onDidChangeSessions = this.changed.event;
  readonly asked: string[][] = [];
  constructor(private readonly token: string) {}
  async getSessions(scopes?: readonly string[]): Promise<vscode.AuthenticationSession[]> {
    this.asked.push([...(scopes ?? [])]);
    return [this.session(scopes ?? [])];
  }
  async createSession(scopes: readonly string[]): Promise<vscode.AuthenticationSession> {
    return this.session(scopes);
  }
  async removeSession(): Promise<void> {}
  private session(scopes: readonly string[]): vscode.AuthenticationSession {
    return { id: 'fake', accessToken: this.token, account: { id: 'frank', label: 'frank@fabrikam.com' }, scopes };
  }
}

suite('presence', () => {
  let sim: RunningSimulator | undefined;
  let provider: vscode.Disposable | undefined;
  const network = () => vscode.workspace.getConfiguration('office-farm.network');
  const presenceSettings = () => vscode.workspace.getConfiguration('office-farm.presence');
  let savedCa: string[] | undefined;
  let savedConnectTo: Record<string, string> | undefined;

  test('the farm view asks the microsoft provider for the Graph scopes (client id, tenant) and marks frank signed out until VS Code lets it use the account; erin is signed out of her pool', async () => {
    sim = await startSimulator(readTopology(FARM), { stateDir: mkdtempSync(join(tmpdir(), 'office-farm-presence-')), seed: 4, presencePeriodMs: 3000 });
    savedCa = network().inspect<string[]>('ca')?.workspaceValue;
    savedConnectTo = network().inspect<Record<string, string>>('connectTo')?.workspaceValue;
    await network().update('ca', [...(savedCa ?? []), sim.connection.ca.path!], vscode.ConfigurationTarget.Workspace);
    await network().update('connectTo', { ...(savedConnectTo ?? {}), ...sim.connection.connectTo }, vscode.ConfigurationTarget.Workspace);
    await presenceSettings().update('intervalSeconds', 5, vscode.ConfigurationTarget.Workspace);
    await presenceSettings().update('microsoftClientId', '11111111-2222-3333-4444-555555555555', vscode.ConfigurationTarget.Workspace);
    await presenceSettings().update('microsoftTenant', 'fabrikam.com', vscode.ConfigurationTarget.Workspace);
    const frank = sim.connection.accounts.find((a) => a.user === 'frank')!;
    const fake = new FakeMicrosoft(frank.tokens.graph);
    provider = vscode.authentication.registerAuthenticationProvider('microsoft', 'Microsoft (test)', fake, { supportsMultipleAccounts: false });

    await vscode.workspace.fs.writeFile(workspaceFile('presence.farm'), Buffer.from(FARM));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceFile('presence.farm')));
    await vscode.commands.executeCommand('office-farm.farmView.focus');

    // The extension asks VS Code's Microsoft sign-in silently, with the client id and tenant of the settings.
    await eventually(
      () => (fake.asked.some((s) => s.includes('VSCODE_CLIENT_ID:11111111-2222-3333-4444-555555555555') && s.includes('VSCODE_TENANT:fabrikam.com') && s.includes('https://graph.microsoft.com/Presence.Read.All')) ? true : undefined),
      () => `the provider was asked for the Graph scopes with the client id and tenant; asked: ${JSON.stringify(fake.asked)}`,
    );
    // VS Code hands a session to an extension only after the user allowed it in a dialog, which VS Code
    // refuses to show under test; until then the mark says signed out (the Graph calls themselves are
    // tested with the real client against the simulator in test/office/graph-presence.test.ts).
    const out = await waitView('frank@fabrikam.com', (v) => v?.failure?.state === 'signed-out', 'frank is signed out of Microsoft');
    assert.equal(out!.source, 'graph');
    const e = await waitView('erin@fabrikam.com', (v) => v?.failure?.state === 'signed-out', 'erin is signed out of her pool');
    assert.equal(e!.source, 'ucwa:lync02');
    const t = api().farmTree;
    const users = t.getChildren(t.getChildren().find((n) => n.type === 'users'));
    const descriptions = users.map((n) => String(t.getTreeItem(n).description));
    assert.ok(descriptions.some((d) => /^erin@fabrikam\.com · signed out of lync02/.test(d)), descriptions.join(' | '));
    assert.ok(descriptions.some((d) => /^frank@fabrikam\.com · signed out of Microsoft/.test(d)), descriptions.join(' | '));
  }, { timeoutMs: 120_000 });

  test("after signing in to the pool, UCWA presence for erin, following the simulator's schedule as it changes", async () => {
    const erin = sim!.connection.accounts.find((a) => a.user === 'erin')!;
    await vscode.commands.executeCommand('office-farm.signIn', 'pool02.fabrikam.com', { kind: 'ntlm', user: erin.domainUserName, password: erin.password });
    const first = await waitView('erin@fabrikam.com', (v) => v?.presence !== undefined, 'UCWA presence for erin');
    assert.equal(first!.source, 'ucwa:lync02');
    const seen = new Map<string, Set<string>>();
    await eventually(
      () => {
        for (const a of ['erin@fabrikam.com']) {
          const p = view(a)?.presence;
          if (p) (seen.get(a) ?? seen.set(a, new Set()).get(a)!).add(`${p.availability}/${p.activity}`);
        }
        return (seen.get('erin@fabrikam.com')?.size ?? 0) >= 2 ? true : undefined;
      },
      () => `presence changes as the schedule turns; seen ${JSON.stringify([...seen].map(([a, s]) => [a, [...s]]))}`,
      60_000,
    );
  }, { timeoutMs: 90_000 });

  test('cleanup: settings restored, provider and simulator gone', async () => {
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await network().update('ca', savedCa, vscode.ConfigurationTarget.Workspace);
    await network().update('connectTo', savedConnectTo, vscode.ConfigurationTarget.Workspace);
    for (const key of ['intervalSeconds', 'microsoftClientId', 'microsoftTenant']) await presenceSettings().update(key, undefined, vscode.ConfigurationTarget.Workspace);
    provider?.dispose();
    await sim?.close();
    assert.deepEqual(network().inspect('connectTo')?.workspaceValue, savedConnectTo);
    assert.equal(presenceSettings().inspect('intervalSeconds')?.workspaceValue, undefined);
  });
});
