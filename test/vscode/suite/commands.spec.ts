import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { suite, test } from './framework';
import { codeOf, diagnosticsFor, openFarmFile } from './farm-workspace';

interface WorkspaceCheck {
  checked: number;
  unanswered: number;
  errors: number;
  warnings: number;
  files: number;
}

suite('commands', () => {
  test('Show Output runs', async () => {
    await vscode.commands.executeCommand('office-farm.showOutput');
  });

  test('Check All Farm Files opens and counts every .farm file', async () => {
    const expected = await vscode.workspace.findFiles('**/*.farm');
    assert.ok(expected.length >= 2, 'the harness lays out more than one farm file');
    const result = await vscode.commands.executeCommand<WorkspaceCheck>('office-farm.checkWorkspace');
    assert.equal(result.checked, expected.length);
    assert.equal(result.unanswered, 0, 'the server answered for every file');
    let errors = 0;
    for (const uri of expected) {
      assert.ok(vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()), `${uri.path} was opened`);
      errors += vscode.languages.getDiagnostics(uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
    }
    assert.ok(errors > 0, 'first-steps.farm has errors');
    assert.equal(result.errors, errors);
  });

  test('Restart Server brings a working server back', async () => {
    const doc = await openFarmFile('first-steps.farm');
    const state = await vscode.commands.executeCommand<string>('office-farm.restartServer');
    assert.equal(state, 'running');
    // The old connection's diagnostics are dropped on stop; these come from
    // the new server process after it reopened the document.
    await diagnosticsFor(doc.uri, (ds) => ds.some((d) => codeOf(d) === 'FARM201'));
  });
});
