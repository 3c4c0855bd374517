import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { suite, test } from './framework';
import { codeOf, copyOf, diagnosticsFor } from './farm-workspace';

/**
 * Applies the server's quick fix for the first diagnostic with `code`,
 * the way the light bulb does, and checks that exactly that diagnostic goes.
 */
async function fixOne(fileName: string, code: string): Promise<void> {
  const uri = await copyOf('first-steps.farm', fileName);
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc);
  const before = await diagnosticsFor(uri, (ds) => ds.some((d) => codeOf(d) === code));
  const target = before.find((d) => codeOf(d) === code)!;

  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider',
    uri,
    target.range,
    vscode.CodeActionKind.QuickFix.value,
    10,
  );
  // vscode.executeCodeActionProvider drops each action's `diagnostics`, and
  // several diagnostics share a range (a feature id carries FARM201 and
  // FARM3xx), so the fix is told apart as a person would: the rules
  // catalogue has every message name its fix.
  const candidates = (actions ?? []).filter(
    (a): a is vscode.CodeAction =>
      'kind' in a &&
      a.kind?.value === vscode.CodeActionKind.QuickFix.value &&
      // "Disable FARMxxx for this line" would also remove it, but proves
      // nothing about the fix itself.
      !/^disable /i.test(a.title),
  );
  const plain = (text: string) => text.toLowerCase().replace(/[.\s]+$/, '');
  const fix = candidates.find((a) => plain(target.message).includes(plain(a.title))) ?? (candidates.length === 1 ? candidates[0] : undefined);
  const describe = (a: vscode.CodeAction | vscode.Command) => ('kind' in a ? `${a.title} [${a.kind?.value}]` : a.title);
  assert.ok(fix, `a quick fix named in "${target.message}" is offered for ${code}; got:\n${(actions ?? []).map(describe).join('\n')}`);
  if (fix.edit) assert.ok(await vscode.workspace.applyEdit(fix.edit), `"${fix.title}" applies`);
  if (fix.command) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
  assert.ok(fix.edit || fix.command, `"${fix.title}" carries an edit or a command`);
  assert.notEqual(doc.getText(), (await vscode.workspace.fs.readFile(uri)).toString(), 'the fix changed the text');

  const sameCount = (ds: vscode.Diagnostic[]) => ds.filter((d) => codeOf(d) === code).length;
  // first-steps.farm has more wrong than one fix mends: an empty list would
  // be a cleared collection, not the server's answer for the new text.
  await diagnosticsFor(uri, (ds) => ds.length > 0 && !ds.some((d) => codeOf(d) === code && d.message === target.message));
  assert.equal(sameCount(vscode.languages.getDiagnostics(uri)), sameCount(before) - 1, `only the fixed ${code} went away`);
  await doc.save();
}

suite('quick fixes', () => {
  test('FARM202: adding the reverse trust removes the warning', () => fixOne('quick-fix-202.farm', 'FARM202'));
  test('FARM201: adding the missing trust removes the error', () => fixOne('quick-fix-201.farm', 'FARM201'));
});
