import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { eventually, suite, test } from './framework';
import { diagnosticsFor, openFarmFile } from './farm-workspace';

async function lensTitles(uri: vscode.Uri): Promise<string[]> {
  const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 100)) ?? [];
  return lenses.map((l) => l.command?.title ?? '');
}

function lensesSatisfying(uri: vscode.Uri, ready: (titles: string[]) => boolean, what: string): Promise<string[]> {
  let last: string[] = [];
  return eventually(
    async () => {
      last = await lensTitles(uri);
      return ready(last) ? last : undefined;
    },
    () => `${what}; lenses: [${last.join(' | ')}]`,
  );
}

// The harness runs a trusted workspace (trust prompts would block it); the
// untrusted case takes the same path with "the workspace is not trusted"
// as the reason, so the setting stands in for it here.
suite('network access', () => {
  test('probes are offered in a trusted workspace and turned off by office-farm.network.enabled', async () => {
    const doc = await openFarmFile('first-steps.farm');
    await diagnosticsFor(doc.uri);
    assert.equal(vscode.workspace.isTrusted, true);
    await lensesSatisfying(doc.uri, (t) => t.includes('Probe all') && t.includes('Probe metadata'), 'probe lenses while network access is on');
    const config = vscode.workspace.getConfiguration('office-farm');
    await config.update('network.enabled', false, vscode.ConfigurationTarget.Global);
    try {
      const off = await lensesSatisfying(doc.uri, (t) => t.some((x) => x.startsWith('Metadata probes are off')), 'the server hears that network access is off');
      assert.ok(off.some((t) => t.includes('office-farm.network.enabled is off')), off.join(' | '));
      assert.ok(!off.includes('Probe metadata'));
    } finally {
      await config.update('network.enabled', undefined, vscode.ConfigurationTarget.Global);
    }
    await lensesSatisfying(doc.uri, (t) => t.includes('Probe all'), 'probe lenses come back when the setting is cleared');
  });
});
