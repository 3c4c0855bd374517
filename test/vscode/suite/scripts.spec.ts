import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { eventually, suite, test } from './framework';
import { codeOf, workspaceFile } from './farm-workspace';

const FARM = [
  'exchange ex01 { host = "mail.contoso.com"; trusts = [sp01] }',
  'sharepoint sp01 { url = "https://intranet.contoso.com"; trusts = [ex01] }',
  '',
].join('\n');

const INVENTORY = JSON.stringify({ officeFarmInventory: 1, server: 'sp01', kind: 'sharepoint', trusts: [] });

async function write(name: string, text: string): Promise<vscode.Uri> {
  const uri = workspaceFile(name);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

suite('configuration scripts and drift', () => {
  test('Generate Configuration Scripts writes one script per server, with a byte order mark, and opens them', async () => {
    const farm = await write('scripts-test.farm', FARM);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(farm));
    const folder = workspaceFile('scripts-out');
    const written = await vscode.commands.executeCommand<string[]>('office-farm.generateScripts', farm, { folder, inventory: false });
    assert.deepEqual(written?.map((u) => u.split('/').pop()), ['ex01.ps1', 'sp01.ps1']);
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, 'sp01.ps1'));
    assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], 'a UTF-8 byte order mark');
    const text = new TextDecoder().decode(bytes.slice(3));
    assert.match(text, /New-SPTrustedSecurityTokenIssuer -Name 'ex01' -MetadataEndPoint 'https:\/\/mail\.contoso\.com\/autodiscover\/metadata\/json\/1'/);
    await eventually(
      () => vscode.window.visibleTextEditors.some((e) => e.document.uri.path.endsWith('/scripts-out/sp01.ps1')) || undefined,
      () => 'sp01.ps1 was not opened in an editor',
    );
  });

  test('Compare with Inventory shows the drift on the .farm file, and it follows edits', async () => {
    const farm = workspaceFile('scripts-test.farm');
    const document = await vscode.workspace.openTextDocument(farm);
    await vscode.window.showTextDocument(document);
    const inventory = await write('sp01.inventory.json', INVENTORY);
    const count = await vscode.commands.executeCommand<number>('office-farm.compareWithInventory', farm, [inventory]);
    assert.equal(count, 1);
    const drift = () => vscode.languages.getDiagnostics(farm).filter((d) => d.source === 'office-farm drift');
    const first = await eventually(() => (drift().length === 1 ? drift()[0] : undefined), () => 'no drift diagnostic on the file');
    assert.equal(codeOf(first), 'FARM601');
    assert.equal(first.range.start.line, 1);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(farm, new vscode.Position(0, 0), '# moved down\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await eventually(() => (drift()[0]?.range.start.line === 2 ? true : undefined), () => `the drift did not follow the edit: ${drift().map((d) => d.range.start.line)}`);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
