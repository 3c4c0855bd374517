import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { eventually, suite, test } from './framework';
import { codeOf, diagnosticsFor, openFarmFile, workspaceFile } from './farm-workspace';

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

  test('Check All counts what the server says of each file now, not what it said before the file was closed', async () => {
    // Large enough that the server's answer for it takes a while: a count
    // taken before that answer would leave out its errors.
    const uri = workspaceFile('reopened.farm');
    const blocks = Array.from({ length: 3000 }, (_, i) => `exchange ex${i} { host = "mail${i}.contoso.com"; trusts = [nowhere${i}] }`);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(blocks.join('\n') + '\n'));
    let doc = await vscode.workspace.openTextDocument(uri);
    await diagnosticsFor(uri, (ds) => ds.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length >= 3000);
    // Another language closes the document for the server, which clears its
    // diagnostics; VS Code disposes a document whose editor closed only when
    // it likes, so this is the close a test can make happen.
    doc = await vscode.languages.setTextDocumentLanguage(doc, 'plaintext');
    await eventually(() => (vscode.languages.getDiagnostics(uri).length === 0 ? true : undefined), () => 'the server clears the diagnostics of a document it no longer has');
    // Opened again, and counted at once: the answer must be for this opening.
    await vscode.languages.setTextDocumentLanguage(doc, 'farm');
    const result = await vscode.commands.executeCommand<WorkspaceCheck>('office-farm.checkWorkspace');
    assert.equal(result.unanswered, 0);
    let errors = 0;
    for (const file of await vscode.workspace.findFiles('**/*.farm')) {
      errors += vscode.languages.getDiagnostics(file).filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
    }
    assert.ok(vscode.languages.getDiagnostics(uri).length >= 3000, 'reopened.farm has its errors again');
    assert.equal(result.errors, errors, 'the totals include reopened.farm as it is now');
    await vscode.workspace.fs.delete(uri);
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
