// The topology diagram's commands, code lens and serializer, registered at
// activation without loading the panel host (dist/diagram-panels.js is
// required on first use).
//
// The code lens is the client's: it asks the outline the language server
// already serves for the farm block (or the first block) and puts "Show
// Topology Diagram" there. The server's code lens feature stays the probes'
// alone, and the extension still reads no .farm text itself.
import * as vscode from 'vscode';
import { readDiagramViewState } from '../../webview/diagram/messages';
import type { LanguageServer } from './language-server';
import { replaceFile, type ReplaceFs } from './replace-file';

type DiagramPanels = typeof import('./diagram-panels');

let loaded: DiagramPanels | undefined;
function diagramPanels(): DiagramPanels {
  loaded ??= require('./diagram-panels') as DiagramPanels;
  return loaded;
}

export const DIAGRAM_VIEW_TYPE = 'office-farm.diagram';
export const SHOW_DIAGRAM = 'office-farm.showDiagram';
export const EXPORT_DIAGRAM = 'office-farm.exportDiagram';

/** For the editor tests: the open diagram panels (none until the bundle loads). */
export function diagramPanelsOpen() {
  return loaded ? loaded.openDiagramPanels() : [];
}

function farmUriOf(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  if (typeof arg === 'string') return vscode.Uri.parse(arg);
  const editor = vscode.window.activeTextEditor;
  if (editor?.document.languageId === 'farm') return editor.document.uri;
  // The command runs from the diagram's own tab too: then it means that diagram's file.
  const open = diagramPanelsOpen().find((p) => p.panel.active);
  return open?.uri;
}

export function registerDiagram(context: vscode.ExtensionContext, server: LanguageServer, log: vscode.LogOutputChannel): vscode.Disposable {
  const deps = () => ({ extensionUri: context.extensionUri, server, log });

  const show = async (arg?: unknown): Promise<string | undefined> => {
    const uri = farmUriOf(arg);
    if (!uri) {
      void vscode.window.showInformationMessage('Office Farm: open a .farm file to see its topology diagram.');
      return undefined;
    }
    // The server answers for open documents: open it (without showing) if the lens or a script named one that is not.
    if (!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString())) await vscode.workspace.openTextDocument(uri);
    diagramPanels().showDiagramPanel(uri, deps());
    return uri.toString();
  };

  const exportDiagram = async (format?: unknown, target?: unknown): Promise<string | undefined> => {
    const uri = farmUriOf(undefined);
    if (!uri) {
      void vscode.window.showInformationMessage('Office Farm: open a .farm file (or its diagram) to export its topology diagram.');
      return undefined;
    }
    let chosen = format === 'svg' || format === 'png' ? format : undefined;
    if (!chosen) {
      const pick = await vscode.window.showQuickPick(
        [
          { label: 'SVG', description: 'vector, light palette (as office-farm diagram --format svg)', format: 'svg' as const },
          { label: 'PNG', description: 'picture at twice the size', format: 'png' as const },
        ],
        { title: 'Office Farm: export the diagram as' },
      );
      chosen = pick?.format;
    }
    if (!chosen) return undefined;
    const base = uri.path.replace(/\.farm$/, '').split('/').pop() ?? 'farm';
    const destination =
      target instanceof vscode.Uri
        ? target
        : await vscode.window.showSaveDialog({
            defaultUri: vscode.Uri.joinPath(vscode.workspace.getWorkspaceFolder(uri)?.uri ?? uri.with({ path: uri.path.replace(/[^/]*$/, '') }), `${base}-diagram.${chosen}`),
            filters: chosen === 'svg' ? { SVG: ['svg'] } : { PNG: ['png'] },
            title: 'Export Diagram',
          });
    if (!destination) return undefined;
    await show(uri);
    const panel = diagramPanels().openDiagramPanels().find((p) => p.uri.toString() === uri.toString())!;
    try {
      const bytes = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Exporting the diagram as ${chosen.toUpperCase()}` }, async () =>
        chosen === 'svg' ? new TextEncoder().encode((await panel.svg()).svg!) : panel.png(),
      );
      // Through a temporary file and a rename: a failed export leaves a file of that name as it was.
      await replaceFile(workspaceFs, destination, bytes);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      log.warn(`export of the diagram of ${uri.toString()} failed: ${message}`);
      void vscode.window.showErrorMessage(`Office Farm: the diagram could not be exported: ${message}`);
      return undefined;
    }
    void vscode.window.showInformationMessage(`Office Farm: diagram saved to ${vscode.workspace.asRelativePath(destination)}.`);
    return destination.toString();
  };

  const lenses: vscode.CodeLensProvider = {
    async provideCodeLenses(document) {
      const symbols = (await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>('vscode.executeDocumentSymbolProvider', document.uri)) ?? [];
      const servers = symbols.filter((s) => ['exchange', 'sharepoint', 'lync', 'office-web-apps', 'project'].includes(s.detail));
      if (servers.length === 0) return [];
      const anchor = symbols.find((s) => s.detail === 'farm') ?? symbols[0];
      const start = anchor.range.start;
      return [new vscode.CodeLens(new vscode.Range(start, start), { title: 'Show Topology Diagram', command: SHOW_DIAGRAM, arguments: [document.uri] })];
    },
  };

  return vscode.Disposable.from(
    vscode.commands.registerCommand(SHOW_DIAGRAM, show),
    vscode.commands.registerCommand(EXPORT_DIAGRAM, exportDiagram),
    vscode.languages.registerCodeLensProvider({ language: 'farm' }, lenses),
    vscode.window.registerWebviewPanelSerializer(DIAGRAM_VIEW_TYPE, {
      async deserializeWebviewPanel(panel, state) {
        const saved = readDiagramViewState(state);
        if (saved.uri) {
          try {
            await vscode.workspace.openTextDocument(vscode.Uri.parse(saved.uri));
          } catch {
            // The file is gone: the panel says so when the server does not know it.
          }
        }
        diagramPanels().restoreDiagramPanel(panel, saved, deps());
      },
    }),
  );
}

const workspaceFs: ReplaceFs<vscode.Uri> = {
  writeFile: (target, bytes) => vscode.workspace.fs.writeFile(target, bytes),
  rename: (from, to) => vscode.workspace.fs.rename(from, to, { overwrite: true }),
  remove: (target) => vscode.workspace.fs.delete(target, { useTrash: false }),
  sibling: (target, name) => vscode.Uri.joinPath(target, '..', name),
  nameOf: (target) => target.path.split('/').pop() ?? 'export',
};
