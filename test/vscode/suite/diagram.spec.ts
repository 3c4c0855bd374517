// The topology diagram in the real VS Code: the code lens and the command
// open the panel beside contoso.farm, whose webview asks for and draws the
// server's diagram; a click's message reveals the declaration; the cursor
// highlights its node; an edit redraws; Export writes SVG and PNG (the PNG
// drawn by the real webview). The click itself, in the webview's DOM, is
// diagram-checks.mjs's.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { eventually, suite, test } from './framework';
import { copyOf, EXTENSION_ID, positionOf, workspaceFile } from './farm-workspace';

interface Trace {
  uri: string;
  sent: string[];
  received: string[];
  revealed: string[];
  lastCursor?: string;
  nodes: number;
}
interface PanelLike {
  trace: Trace;
  receive(m: unknown): void;
}
const panels = (): PanelLike[] => vscode.extensions.getExtension<{ diagramPanels(): PanelLike[] }>(EXTENSION_ID)!.exports.diagramPanels();
const panelFor = (uri: vscode.Uri) => panels().find((p) => p.trace.uri === uri.toString());
const waitFor = (uri: vscode.Uri, ready: (t: Trace) => boolean, what: string) =>
  eventually(
    () => {
      const p = panelFor(uri);
      return p && ready(p.trace) ? p : undefined;
    },
    () => `${what}; the panel exchanged ${JSON.stringify(panelFor(uri)?.trace ?? 'nothing')}`,
  );

suite('topology diagram', () => {
  let uri: vscode.Uri;
  let doc: vscode.TextDocument;

  test('a code lens on the farm block offers "Show Topology Diagram"', async () => {
    uri = await copyOf('contoso.farm', 'contoso-diagram.farm');
    doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
    const lens = await eventually(
      async () => ((await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 100)) ?? []).find((l) => l.command?.title === 'Show Topology Diagram'),
      () => 'the diagram lens',
    );
    assert.equal(lens.command!.command, 'office-farm.showDiagram');
    assert.equal(lens.range.start.line, positionOf(doc, 'farm contoso').line);
  });

  test('the command opens the panel beside the editor; its webview draws the five servers', async () => {
    assert.equal(await vscode.commands.executeCommand('office-farm.showDiagram'), uri.toString());
    await waitFor(uri, (t) => t.received.includes('ready') && t.sent.includes('diagram') && t.nodes === 5, 'the webview loads and gets the diagram');
    // Once more shows the same panel, not a second one.
    await vscode.commands.executeCommand('office-farm.showDiagram', uri);
    assert.equal(panels().filter((p) => p.trace.uri === uri.toString()).length, 1);
  });

  test("a click's reveal message selects the declaration in the editor", async () => {
    const panel = panelFor(uri)!;
    panel.receive({ type: 'reveal', kind: 'node', id: 'sp01' });
    const expected = positionOf(doc, 'sharepoint sp01', 'sharepoint '.length);
    await eventually(
      () => {
        const e = vscode.window.activeTextEditor;
        return e?.document.uri.toString() === uri.toString() && e.selection.start.isEqual(expected) ? e : undefined;
      },
      () => `sp01 selected; the active editor is ${vscode.window.activeTextEditor?.document.uri.toString()} at ${JSON.stringify(vscode.window.activeTextEditor?.selection.start)}`,
    );
    panel.receive({ type: 'reveal', kind: 'edge', id: 'ex01->lync01' });
    await eventually(() => (vscode.window.activeTextEditor?.selection.start.line === positionOf(doc, 'trusts              = [sp01, lync01]').line ? true : undefined), () => 'the trust in ex01\'s list is selected');
    assert.deepEqual(panel.trace.revealed.slice(-2), ['node sp01', 'edge ex01->lync01']);
  });

  test('moving the cursor into a block highlights its node', async () => {
    const editor = await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
    const inside = positionOf(doc, 'ucs                  = true');
    editor.selection = new vscode.Selection(inside, inside);
    await waitFor(uri, (t) => t.lastCursor === 'lync01', 'the cursor in lync01 highlights lync01');
  });

  test('typing redraws: a new server appears without a refresh', async () => {
    const editor = await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
    await editor.edit((b) => b.insert(new vscode.Position(doc.lineCount, 0), '\nexchange ex02 {\n  host = "mail2.contoso.com"\n  trusts = [sp01]\n}\n'));
    await waitFor(uri, (t) => t.nodes === 6 && t.sent.filter((s) => s === 'diagram').length >= 2, 'the edit is drawn');
  });

  test('Export Diagram writes the SVG (the CLI\'s) and a PNG drawn by the webview', async () => {
    const svgFile = workspaceFile('contoso-diagram.svg');
    const pngFile = workspaceFile('contoso-diagram.png');
    await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
    assert.equal(await vscode.commands.executeCommand('office-farm.exportDiagram', 'svg', svgFile), svgFile.toString());
    const svg = new TextDecoder().decode(await vscode.workspace.fs.readFile(svgFile));
    assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.equal(svg.match(/class="node server /g)?.length, 6);
    assert.equal(await vscode.commands.executeCommand('office-farm.exportDiagram', 'png', pngFile), pngFile.toString());
    const png = await vscode.workspace.fs.readFile(pngFile);
    assert.deepEqual([...png.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
    assert.ok(png.length > 5000, `${png.length} bytes`);
  });
});
