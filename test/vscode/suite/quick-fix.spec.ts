import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { suite, test } from './framework';
import { codeOf, copyOf, diagnosticsFor, workspaceFile } from './farm-workspace';

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

/** Writes a farm file into the workspace, opens it and waits for the diagnostic with `code`. */
async function openWith(name: string, text: string, code: string): Promise<{ doc: vscode.TextDocument; target: vscode.Diagnostic }> {
  const uri = workspaceFile(name);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc);
  const ds = await diagnosticsFor(uri, (all) => all.some((d) => codeOf(d) === code));
  return { doc, target: ds.find((d) => codeOf(d) === code)! };
}

/** The quick fixes VS Code offers at a place, by title. */
async function quickFixesAt(doc: vscode.TextDocument, range: vscode.Range): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', doc.uri, range, vscode.CodeActionKind.QuickFix.value);
  return (actions ?? []).filter((a): a is vscode.CodeAction => 'kind' in a && a.kind?.value === vscode.CodeActionKind.QuickFix.value);
}

suite('quick fixes: unknown key', () => {
  test('FARM104: the "did you mean" is offered at the cursor, preferred, and renames the key', async () => {
    const { doc, target } = await openWith('quick-fix-104.farm', 'exchange ex01 {\n  host    = "mail.contoso.com"\n  verison = 2016\n}\n', 'FARM104');
    assert.match(target.message, /did you mean 'version'\?/);
    // A cursor inside the key, as when the light bulb comes up.
    const inKey = target.range.start.translate(0, 3);
    const fixes = await quickFixesAt(doc, new vscode.Range(inKey, inKey));
    const change = fixes.find((a) => a.title === "Change to 'version'");
    assert.ok(change, `offered: ${fixes.map((a) => a.title).join(' | ')}`);
    assert.equal(change.isPreferred, true, 'the editor may apply it with the "auto fix" keybinding');
    assert.ok(change.edit && (await vscode.workspace.applyEdit(change.edit)), 'the fix applies');
    assert.equal(doc.lineAt(2).text, '  version = 2016');
    await diagnosticsFor(doc.uri, (ds) => ds.length > 0 && !ds.some((d) => codeOf(d) === 'FARM104'));
    await doc.save();
  });
});

suite('quick fixes: an added property', () => {
  const exchange = 'exchange ex01 { host = "mail.contoso.com"; trusts = [sp01] }\n';
  async function addReverseTrust(name: string, sharepoint: string): Promise<vscode.TextDocument> {
    const { doc, target } = await openWith(name, `${sharepoint}\n${exchange}`, 'FARM202');
    const fix = (await quickFixesAt(doc, target.range)).find((a) => a.title === "Add ex01 to sp01's trusts");
    assert.ok(fix?.edit && (await vscode.workspace.applyEdit(fix.edit)), '"Add ex01 to sp01\'s trusts" applies');
    await diagnosticsFor(doc.uri, (ds) => !ds.some((d) => codeOf(d) === 'FARM202'));
    await doc.save();
    return doc;
  }

  test('is indented with a tab among tab-indented properties', async () => {
    const doc = await addReverseTrust('indent-tabs.farm', 'sharepoint sp01 {\n\turl = "https://a.contoso.com"\n\tews-api = true\n}');
    assert.deepEqual(doc.getText().split('\n').slice(0, 5), ['sharepoint sp01 {', '\turl = "https://a.contoso.com"', '\tews-api = true', '\ttrusts = [ex01]', '}']);
  });

  test('takes the depth of its siblings, not of a list continued onto the last line', async () => {
    const doc = await addReverseTrust('indent-depth.farm', 'sharepoint sp01 {\n    url = "https://a.contoso.com"\n    services = [user-profile-sync,\n        app-management]; ews-api = true\n}');
    assert.equal(doc.lineAt(4).text, '    trusts = [ex01]');
  });

  test('in an empty block, takes the formatter\'s indentation', async () => {
    const doc = await addReverseTrust('indent-empty.farm', 'sharepoint sp01 {\n}');
    assert.deepEqual(doc.getText().split('\n').slice(0, 3), ['sharepoint sp01 {', '  trusts = [ex01]', '}']);
  });
});
