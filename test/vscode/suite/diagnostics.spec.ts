import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { suite, test } from './framework';
import { codeOf, codesAt, diagnosticsFor, openFarmFile } from './farm-workspace';

/** What the rule table (docs/rules.md) says first-steps.farm breaks, and how badly. */
const EXPECTED: Record<string, vscode.DiagnosticSeverity> = {
  FARM201: vscode.DiagnosticSeverity.Error,
  FARM202: vscode.DiagnosticSeverity.Information,
  FARM204: vscode.DiagnosticSeverity.Error,
  FARM302: vscode.DiagnosticSeverity.Error,
  FARM303: vscode.DiagnosticSeverity.Error,
  FARM304: vscode.DiagnosticSeverity.Error,
  FARM306: vscode.DiagnosticSeverity.Information,
};

suite('diagnostics', () => {
  test('first-steps.farm shows the checker\'s diagnostics', async () => {
    const doc = await openFarmFile('first-steps.farm');
    const ds = await diagnosticsFor(doc.uri, (ds) => Object.keys(EXPECTED).every((c) => ds.some((d) => codeOf(d) === c)));
    for (const [code, severity] of Object.entries(EXPECTED)) {
      for (const d of ds.filter((d) => codeOf(d) === code)) {
        assert.equal(d.severity, severity, `${code} severity`);
        assert.ok(d.message.length > 0, `${code} has a message`);
      }
    }
  });

  test('an untitled farm document is checked too', async () => {
    // Untitled documents have no file on disk: checking them shows that the
    // client syncs text for any scheme, which is what virtual workspaces need.
    const doc = await vscode.workspace.openTextDocument({ language: 'farm', content: 'exchnage ex01 {\n}\n' });
    await vscode.window.showTextDocument(doc);
    const ds = await diagnosticsFor(doc.uri, (ds) => ds.some((d) => codeOf(d) === 'FARM004'));
    const d = ds.find((d) => codeOf(d) === 'FARM004')!;
    assert.equal(doc.getText(d.range), 'exchnage');
    assert.deepEqual(codesAt(doc.uri), ['FARM004']);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
