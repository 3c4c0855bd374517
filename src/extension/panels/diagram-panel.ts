// The topology diagram beside a .farm editor: asks the language server for
// office-farm/diagram (graph and layout from the model it already has),
// sends it to the webview, and follows the document — redrawn after each
// publication of its diagnostics (the server publishes after every edit and
// probe), debounced while typing. Clicks in the webview reveal declarations;
// the editor's cursor highlights the node it is in. One panel per document.
import * as vscode from 'vscode';
import { DIAGRAM_REQUEST, type DiagramLayout, type DiagramParams, type DiagramResult } from '../../server/diagram-protocol';
import { isDiagramGraph, isDiagramLayout, readDiagramToHost, type DiagramGraph, type DiagramToHost, type DiagramToView, type DiagramViewState } from '../../../webview/diagram/messages';
import type { LanguageServer } from '../language-server';
import { onValidMessage, panelHtml, panelOptions } from './panel-host';

export const DIAGRAM_VIEW_TYPE = 'office-farm.diagram';
/** Typing pauses this long before the diagram asks again (on top of the server's own debounce of publication). */
export const REDRAW_DEBOUNCE_MS = 150;

export interface DiagramPanelDeps {
  extensionUri: vscode.Uri;
  server: LanguageServer;
  log: vscode.LogOutputChannel;
}

/** For the editor tests: what a panel sent and received, by message type, and what it revealed. */
export interface DiagramPanelTrace {
  uri: string;
  sent: string[];
  received: string[];
  revealed: string[];
  lastCursor?: string;
  nodes: number;
  version?: number;
}

const panels = new Map<string, DiagramPanel>();

export function openDiagramPanels(): DiagramPanel[] {
  return [...panels.values()];
}

export function showDiagramPanel(uri: vscode.Uri, deps: DiagramPanelDeps): DiagramPanel {
  const existing = panels.get(uri.toString());
  if (existing) {
    existing.panel.reveal(vscode.ViewColumn.Beside, true);
    return existing;
  }
  const panel = vscode.window.createWebviewPanel(DIAGRAM_VIEW_TYPE, titleOf(uri), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { ...panelOptions(deps.extensionUri), retainContextWhenHidden: false });
  return new DiagramPanel(panel, uri, deps, []);
}

export function restoreDiagramPanel(panel: vscode.WebviewPanel, state: DiagramViewState, deps: DiagramPanelDeps): DiagramPanel | undefined {
  if (!state.uri) {
    panel.dispose();
    return undefined;
  }
  const uri = vscode.Uri.parse(state.uri);
  const existing = panels.get(uri.toString());
  if (existing) {
    panel.dispose();
    return existing;
  }
  panel.webview.options = panelOptions(deps.extensionUri);
  return new DiagramPanel(panel, uri, deps, state.expanded, state.layout);
}

function titleOf(uri: vscode.Uri): string {
  return `Diagram: ${uri.path.split('/').pop() ?? uri.toString()}`;
}

export class DiagramPanel {
  readonly trace: DiagramPanelTrace;
  private graph?: DiagramGraph;
  private layout?: DiagramLayout;
  private timer?: ReturnType<typeof setTimeout>;
  private ready = false;
  private disposed = false;
  private asking?: Promise<void>;
  private again = false;
  private nextRaster = 1;
  private readonly rasters = new Map<number, { resolve: (png: Uint8Array) => void; reject: (e: Error) => void }>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly whenReadyWaiters: Array<() => void> = [];

  constructor(
    readonly panel: vscode.WebviewPanel,
    readonly uri: vscode.Uri,
    private readonly deps: DiagramPanelDeps,
    private expanded: string[],
    previous?: DiagramLayout,
  ) {
    this.layout = previous;
    this.trace = { uri: uri.toString(), sent: [], received: [], revealed: [], nodes: 0 };
    panels.set(uri.toString(), this);
    panel.title = titleOf(uri);
    panel.webview.html = panelHtml(panel.webview, deps.extensionUri, 'diagram', titleOf(uri));
    const key = uri.toString();
    this.disposables.push(
      onValidMessage(panel.webview, readDiagramToHost, (m) => this.receive(m), deps.log, 'diagram'),
      deps.server.onDidPublishDiagnostics((u) => u.toString() === key && this.schedule()),
      vscode.workspace.onDidChangeTextDocument((e) => e.document.uri.toString() === key && e.contentChanges.length > 0 && this.schedule()),
      vscode.workspace.onDidOpenTextDocument((d) => d.uri.toString() === key && this.schedule()),
      deps.server.onDidChangeState(() => this.schedule()),
      vscode.window.onDidChangeTextEditorSelection((e) => e.textEditor.document.uri.toString() === key && this.followCursor(e.textEditor)),
      panel.onDidChangeViewState((e) => e.webviewPanel.visible && this.schedule()),
    );
    panel.onDidDispose(() => this.dispose());
  }

  /** Handles one message of the webview (already validated). */
  receive(m: DiagramToHost): void {
    this.trace.received.push(m.type);
    switch (m.type) {
      case 'ready':
        this.ready = true;
        void this.refresh();
        for (const w of this.whenReadyWaiters.splice(0)) w();
        break;
      case 'reveal':
        void this.reveal(m.kind, m.id);
        break;
      case 'toggleGroup':
        this.expanded = this.expanded.includes(m.id) ? this.expanded.filter((e) => e !== m.id) : [...this.expanded, m.id];
        void this.refresh();
        break;
      case 'png': {
        const w = this.rasters.get(m.id);
        this.rasters.delete(m.id);
        w?.resolve(Buffer.from(m.data, 'base64'));
        break;
      }
      case 'rasteriseFailed': {
        const w = this.rasters.get(m.id);
        this.rasters.delete(m.id);
        w?.reject(new Error(m.reason));
        break;
      }
    }
  }

  /** Asks the server again and redraws; a request while one is out runs once after it. */
  refresh(): Promise<void> {
    if (this.asking) {
      this.again = true;
      return this.asking;
    }
    this.asking = this.ask().finally(() => {
      this.asking = undefined;
      if (this.again && !this.disposed) {
        this.again = false;
        void this.refresh();
      }
    });
    return this.asking;
  }

  /** The standalone SVG of the current document (the CLI's output). */
  async svg(): Promise<DiagramResult> {
    const result = await this.request(true);
    if (!result?.svg) throw new Error(`the language server has no diagram of ${titleOf(this.uri).slice(9)} (is it open in an editor?)`);
    return result;
  }

  /** The diagram as PNG, drawn by the webview from the standalone SVG at twice its size. */
  async png(): Promise<Uint8Array> {
    const result = await this.svg();
    await this.whenReady();
    const id = this.nextRaster++;
    return new Promise<Uint8Array>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.rasters.delete(id);
        reject(new Error('the diagram panel did not draw the PNG within 30 s'));
      }, 30_000);
      this.rasters.set(id, {
        resolve: (png) => (clearTimeout(timer), resolve(png)),
        reject: (e) => (clearTimeout(timer), reject(e)),
      });
      this.post({ type: 'rasterise', id, svg: result.svg!, width: result.layout.width, height: result.layout.height, scale: 2 });
    });
  }

  private whenReady(): Promise<void> {
    return this.ready ? Promise.resolve() : new Promise((resolve) => this.whenReadyWaiters.push(resolve));
  }

  private schedule(): void {
    if (this.disposed || !this.ready) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), REDRAW_DEBOUNCE_MS);
  }

  private async request(svg: boolean): Promise<DiagramResult | undefined> {
    const params: DiagramParams = { uri: this.uri.toString(), expanded: this.expanded, ...(this.layout ? { previous: this.layout } : {}), ...(svg ? { svg } : {}) };
    const answer = (await this.deps.server.request(DIAGRAM_REQUEST, params)) as DiagramResult | undefined;
    if (answer === undefined) return undefined;
    if (!answer || !isDiagramGraph(answer.graph) || !isDiagramLayout(answer.layout) || !Number.isInteger(answer.version)) throw new Error(`${DIAGRAM_REQUEST} answered something that is not a diagram`);
    return answer;
  }

  private async ask(): Promise<void> {
    if (!this.ready || this.disposed) return;
    let result: DiagramResult | undefined;
    try {
      result = await this.request(false);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (/is not open/.test(message)) this.post({ type: 'notice', text: `Open ${titleOf(this.uri).slice(9)} in an editor to see its diagram.` });
      else {
        this.deps.log.warn(`diagram of ${this.uri.toString()}: ${message}`);
        this.post({ type: 'notice', text: `The diagram could not be drawn: ${message}` });
      }
      return;
    }
    if (!result) {
      this.post({ type: 'notice', text: 'The Office Farm language server is not running (see Office Farm: Show Output).' });
      return;
    }
    if (this.disposed) return;
    this.graph = result.graph;
    this.layout = result.layout;
    this.trace.nodes = result.graph.nodes.length;
    this.trace.version = result.version;
    if (result.graph.nodes.length === 0) {
      this.post({ type: 'notice', text: `${titleOf(this.uri).slice(9)} declares no server yet: add an exchange, sharepoint, lync, office-web-apps or project block.` });
      return;
    }
    this.post({ type: 'diagram', uri: this.uri.toString(), version: result.version, title: titleOf(this.uri), graph: result.graph, layout: result.layout, expanded: this.expanded });
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === this.uri.toString());
    if (editor) this.followCursor(editor);
  }

  private followCursor(editor: vscode.TextEditor): void {
    if (!this.graph || !this.layout) return;
    const p = editor.selection.active;
    const inside = (r: { start: { line: number; character: number }; end: { line: number; character: number } }) =>
      (p.line > r.start.line || (p.line === r.start.line && p.character >= r.start.character)) && (p.line < r.end.line || (p.line === r.end.line && p.character <= r.end.character));
    const node = this.graph.nodes.find((n) => inside(n.blockRange));
    const drawn = node && (this.layout.nodes.some((n) => n.id === node.id) ? node.id : `group:${node.kind}`);
    if (drawn === this.trace.lastCursor) return;
    this.trace.lastCursor = drawn;
    this.post({ type: 'cursor', ...(drawn ? { id: drawn } : {}) });
  }

  private async reveal(kind: 'node' | 'edge' | 'missing' | 'feature', id: string): Promise<void> {
    const g = this.graph;
    if (!g) return;
    const range =
      kind === 'node' ? g.nodes.find((n) => n.id === id)?.range : kind === 'edge' ? g.edges.find((e) => e.id === id)?.range : kind === 'missing' ? g.missing.find((m) => m.id === id)?.range : g.features.find((f) => f.id === id)?.range;
    if (!range) return;
    const selection = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
    const document = await vscode.workspace.openTextDocument(this.uri);
    const shown = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === this.uri.toString());
    const column = shown?.viewColumn ?? (this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One);
    await vscode.window.showTextDocument(document, { viewColumn: column, selection, preserveFocus: false });
    this.trace.revealed.push(`${kind} ${id}`);
  }

  private post(m: DiagramToView): void {
    this.trace.sent.push(m.type);
    void this.panel.webview.postMessage(m);
  }

  private dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
    panels.delete(this.uri.toString());
    for (const w of this.rasters.values()) w.reject(new Error('the diagram panel was closed'));
    this.rasters.clear();
    for (const d of this.disposables) d.dispose();
  }
}
