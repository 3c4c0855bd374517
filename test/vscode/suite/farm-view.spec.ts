// The Office Farm view against the real server: contoso.farm's servers by
// kind, its site mailbox and users; a probe from the view shows in the
// server's entry; an edit shows without a refresh; Reveal in File selects
// the declaration. Runs after simulator.spec.ts, whose Connect to
// Simulator leaves the workspace trusting the simulator.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { eventually, suite, test } from './framework';
import { copyOf, EXTENSION_ID } from './farm-workspace';

interface FarmNodeLike {
  type: string;
  server?: { name: string };
}
interface FarmTreeLike {
  getChildren(node?: FarmNodeLike): FarmNodeLike[];
  getTreeItem(node: FarmNodeLike): vscode.TreeItem;
  readonly topology: { uri: string } | undefined;
}

const tree = (): FarmTreeLike => vscode.extensions.getExtension<{ farmTree: FarmTreeLike }>(EXTENSION_ID)!.exports.farmTree;
const label = (item: vscode.TreeItem) => (typeof item.label === 'string' ? item.label : (item.label?.label ?? ''));
/** Each node as "label — description", depth-first. */
function outline(t: FarmTreeLike, node?: FarmNodeLike, depth = 0): string[] {
  return t.getChildren(node).flatMap((child) => {
    const item = t.getTreeItem(child);
    return [`${'  '.repeat(depth)}${label(item)}${item.description ? ` — ${String(item.description)}` : ''}`, ...outline(t, child, depth + 1)];
  });
}

function treeShowing(uri: vscode.Uri, ready: (lines: string[]) => boolean, what: string): Promise<string[]> {
  let last: string[] = [];
  return eventually(
    () => {
      const t = tree();
      last = t.topology?.uri === uri.toString() ? outline(t) : [];
      return ready(last) ? last : undefined;
    },
    () => `${what}; the view shows:\n${last.join('\n')}`,
  );
}

suite('farm view', () => {
  test('shows the servers by kind, the site mailbox and the users of the farm file in the editor', async () => {
    const uri = await copyOf('contoso.farm', 'contoso-view.farm');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const lines = await treeShowing(uri, (l) => l.length > 0, 'the view shows contoso-view.farm');
    assert.deepEqual(lines, [
      'Exchange — 1',
      '  ex01 — mail.contoso.com · 2013 · not probed',
      'SharePoint — 1',
      '  sp01 — https://intranet.contoso.com · 2013 · not probed',
      'Lync — 1',
      '  lync01 — pool01.contoso.com · 2013 · not probed',
      'Office Web Apps — 1',
      '  wac01 — https://wac.contoso.com · 2013',
      'Project — 1',
      '  pwa01 — https://intranet.contoso.com/pwa · 2013',
      'Site mailboxes — 1',
      '  projectx — SMO-ProjectX@contoso.com',
      'Users — 2',
      '  alice — alice@contoso.com',
      '  bob — bob@contoso.com',
    ]);
  });

  test('Probe Metadata from the view: the entry shows the outcome', async () => {
    const t = tree();
    const exchange = t.getChildren().find((n) => label(t.getTreeItem(n)) === 'Exchange')!;
    const ex01 = t.getChildren(exchange)[0];
    assert.equal(t.getTreeItem(ex01).contextValue, 'server.probed', 'the context menu offers the probe');
    const results = await vscode.commands.executeCommand<Array<{ outcome: string }>>('office-farm.probeServer', ex01);
    assert.deepEqual(results?.map((r) => r.outcome), ['ok']);
    await treeShowing(vscode.Uri.parse(t.topology!.uri), (l) => l.includes('  ex01 — mail.contoso.com · 2013 · metadata OK'), 'the probe result reaches the view');
  });

  test('follows edits as they are typed, without saving', async () => {
    const editor = vscode.window.activeTextEditor!;
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    await editor.edit((e) => e.insert(end, '\nuser carol {\n  address = "carol@contoso.com"\n}\n'));
    const lines = await treeShowing(editor.document.uri, (l) => l.includes('Users — 3'), 'the new user appears');
    assert.ok(lines.includes('  carol — carol@contoso.com'));
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('Reveal in File selects the declaration', async () => {
    const t = tree();
    const mailboxes = t.getChildren().find((n) => n.type === 'siteMailboxes')!;
    const projectx = t.getChildren(mailboxes)[0];
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('office-farm.revealInFile', projectx);
    assert.equal(editor.document.getText(editor.selection), 'projectx');
    assert.match(editor.document.lineAt(editor.selection.start.line).text, /^site-mailbox projectx/);
  });
});
