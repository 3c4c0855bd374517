import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { suite, test } from './framework';
import { codeOf, diagnosticsFor, openFarmFile, positionOf, textOfHover } from './farm-workspace';

function labels(list: vscode.CompletionList | undefined): string[] {
  return (list?.items ?? []).map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
}

async function complete(doc: vscode.TextDocument, at: vscode.Position): Promise<string[]> {
  return labels(await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, at));
}

async function hover(doc: vscode.TextDocument, at: vscode.Position): Promise<string> {
  return textOfHover((await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at)) ?? []);
}

function includesAll(found: string[], wanted: string[]): void {
  const missing = wanted.filter((w) => !found.includes(w));
  assert.deepEqual(missing, [], `missing from completion: ${missing.join(', ')} (got: ${found.slice(0, 40).join(', ')})`);
}

suite('completion', () => {
  test('offers the block kinds at the top level', async () => {
    const doc = await openFarmFile('first-steps.farm');
    await diagnosticsFor(doc.uri); // the server is up and has this document
    const endOfFile = doc.lineAt(doc.lineCount - 1).range.end;
    includesAll(await complete(doc, endOfFile), ['farm', 'exchange', 'sharepoint', 'lync', 'office-web-apps', 'project', 'feature', 'site-mailbox', 'user']);
  });

  test('offers the exchange properties inside an exchange block', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'farm', content: 'exchange ex01 {\n  \n}\n' });
    includesAll(await complete(doc, new vscode.Position(1, 2)), ['host', 'version', 'trusts', 'metadata', 'autodiscover', 'site-mailbox-policy', 'ews-url']);
  });
});

suite('hover', () => {
  test('on a server name: its kind and derived metadata endpoint', async () => {
    const doc = await openFarmFile('first-steps.farm');
    const text = await hover(doc, positionOf(doc, 'exchange ex01', 'exchange '.length + 1));
    assert.match(text, /exchange/i);
    assert.ok(text.includes('https://mail.fabrikam.com/autodiscover/metadata/json/1'), `hover text: ${text}`);
  });

  test('on a feature id: describes the feature and repeats none of its diagnostics', async () => {
    const doc = await openFarmFile('first-steps.farm');
    const id = positionOf(doc, 'feature site-mailboxes', 'feature '.length);
    const onId = (await diagnosticsFor(doc.uri, (ds) => ds.some((d) => d.range.contains(id)))).filter((d) => d.range.contains(id));
    const text = await hover(doc, id.translate(0, 2));
    assert.ok(text.includes('Trusts it needs:') && text.includes('Prerequisites:'), `hover text: ${text}`);
    // The Sources list names the rule each source backs: that describes the feature, it reports nothing.
    const described = text.split('\nSources:\n')[0];
    assert.ok(text.includes('\nSources:\n'), `hover text: ${text}`);
    for (const d of onId) {
      assert.ok(!text.includes(d.message), `the hover repeats "${d.message}"`);
      assert.ok(!described.includes(codeOf(d)), `the hover names ${codeOf(d)}`);
    }
  });

  test('on a feature id: its roles', async () => {
    const doc = await openFarmFile('first-steps.farm');
    const text = await hover(doc, positionOf(doc, 'feature site-mailboxes', 'feature '.length + 2));
    assert.match(text, /exchange/i, `hover text: ${text}`);
    assert.match(text, /sharepoint/i, `hover text: ${text}`);
  });
});
