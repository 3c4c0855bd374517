import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { eventually, suite, test } from './framework';
import { EXTENSION_ID, openFarmFile } from './farm-workspace';

interface Contributions {
  commands: { command: string; title: string; category?: string }[];
  configuration: { properties: Record<string, { description?: string; markdownDescription?: string; enum?: string[] }> };
  configurationDefaults: Record<string, Record<string, unknown>>;
  walkthroughs: { id: string; steps: { id: string; description: string; media: { markdown?: string }; completionEvents: string[] }[] }[];
}

suite('activation', () => {
  test('activates when a .farm file opens', async () => {
    const ext = vscode.extensions.getExtension<{ activationMs: number }>(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is installed`);
    // Nothing in this fresh window is a farm file yet: activating earlier
    // would mean an activation event broader than the language.
    assert.equal(ext.isActive, false, 'not active before a farm file opens');
    await openFarmFile('first-steps.farm');
    await eventually(() => ext.isActive || undefined, () => 'the extension never activated');
    // Reported, not asserted: speed is the bench's to measure (bench/README.md, Start-up).
    assert.equal(typeof ext.exports.activationMs, 'number');
    console.log(`  (activate() took ${ext.exports.activationMs.toFixed(1)} ms)`);
  });

  test('it runs from the installed .vsix, not from the source tree', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    // The harness installs the .vsix (test/vscode/run.mjs) and says where.
    const installed = process.env.OFFICE_FARM_VSCODE_INSTALLED;
    assert.ok(installed, 'the harness names the installed extension folder in OFFICE_FARM_VSCODE_INSTALLED');
    assert.equal(ext.extensionPath, installed);
    // vsce writes readme.md and LICENSE.txt; a source tree has src/ and node_modules/.
    for (const present of ['readme.md', 'LICENSE.txt', 'dist/server.js']) assert.ok(existsSync(join(installed, present)), `${present} is installed`);
    for (const absent of ['src', 'node_modules', 'test']) assert.ok(!existsSync(join(installed, absent)), `${absent}/ is not installed`);
  });

  test('its commands are registered under the Office Farm category', async () => {
    const contributes = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes as Contributions;
    const ids = contributes.commands.map((c) => c.command).sort();
    assert.deepEqual(ids, [
      'office-farm.checkWorkspace',
      'office-farm.compareWithInventory',
      'office-farm.connectToSimulator',
      'office-farm.exportDiagram',
      'office-farm.farmView.refresh',
      'office-farm.generateScripts',
      'office-farm.openContacts',
      'office-farm.openExample',
      'office-farm.openInbox',
      'office-farm.openTasks',
      'office-farm.presence.refresh',
      'office-farm.presence.signInMicrosoft',
      'office-farm.presence.signInPool',
      'office-farm.probeServer',
      'office-farm.restartServer',
      'office-farm.revealInFile',
      'office-farm.showDiagram',
      'office-farm.showOutput',
      'office-farm.signIn',
      'office-farm.signOut',
    ]);
    for (const c of contributes.commands) assert.equal(c.category, 'Office Farm', c.command);
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const id of ids) assert.ok(registered.has(id), `${id} has a handler`);
  });

  test('every setting has a description, and trace.server offers off/messages/verbose', () => {
    const { properties } = (vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes as Contributions).configuration;
    assert.ok(Object.keys(properties).length > 0);
    for (const [key, p] of Object.entries(properties)) assert.ok(p.description || p.markdownDescription, `${key} has a description`);
    assert.deepEqual(properties['office-farm.trace.server'].enum, ['off', 'messages', 'verbose']);
  });

  test('word-based suggestions are off in farm files, so completion lists only the language', () => {
    const farm = vscode.workspace.getConfiguration('editor', { languageId: 'farm' });
    assert.equal(farm.get('wordBasedSuggestions'), 'off');
    assert.notEqual(vscode.workspace.getConfiguration('editor', { languageId: 'plaintext' }).get('wordBasedSuggestions'), 'off', 'only farm files change');
  });

  test('the walkthrough: each step has its media, and every command it links to or waits for runs', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const [walkthrough] = (ext.packageJSON.contributes as Contributions).walkthroughs;
    assert.deepEqual(walkthrough.steps.map((s) => s.id), ['openExample', 'seeProblems', 'fixProblem', 'probeServer', 'openInbox']);
    // office-farm.probe is the language server's: the client registers it once the server has started.
    const registered = await eventually(
      async () => {
        const ids = new Set(await vscode.commands.getCommands(true));
        return ids.has('office-farm.probe') ? ids : undefined;
      },
      () => 'the language server never registered office-farm.probe',
    );
    for (const step of walkthrough.steps) {
      assert.ok(step.media.markdown && existsSync(join(ext.extensionPath, step.media.markdown)), `${step.id}: ${step.media.markdown} ships`);
      const linked = [...step.description.matchAll(/\(command:([\w.-]+)\)/g)].map((m) => m[1]);
      const awaited = step.completionEvents.filter((e) => e.startsWith('onCommand:')).map((e) => e.slice('onCommand:'.length));
      assert.ok(linked.length > 0, `${step.id} links to a command`);
      for (const id of [...linked, ...awaited]) assert.ok(registered.has(id), `${step.id}: ${id} is a command`);
    }
  });

  test('Open the First Steps Example opens the workspace copy of first-steps.farm', async () => {
    const uri = await vscode.commands.executeCommand<string>('office-farm.openExample');
    assert.match(uri, /first-steps\.farm$/);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri);
  });
});
