// "Office Farm: Generate Configuration Scripts" and "Office Farm: Compare
// with Inventory…". Both ask the language server (office-farm/scripts,
// office-farm/drift; shapes in src/server/scripts-protocol.ts) and check its
// answers. Scripts are written to a folder the user picks, then opened: a
// script is meant to be copied to a server and run, which needs a file, and
// the file is written with a byte order mark so Windows PowerShell 5.1 reads
// every value as written (without it, it reads the file in the ANSI code
// page). Drift is shown as diagnostics of their own on the .farm file, and
// follows the text as it is edited until the file is closed.
import * as vscode from 'vscode';
import type { LanguageServer } from './language-server';
import { FARM_LANGUAGE_ID } from './farm-documents';
import { DRIFT_REQUEST, SCRIPTS_REQUEST, type DriftResult, type ScriptFile, type ScriptsResult } from '../server/scripts-protocol';

export const ScriptCommands = {
  generateScripts: 'office-farm.generateScripts',
  compareWithInventory: 'office-farm.compareWithInventory',
} as const;

/** Arguments the commands take from a caller (a test, a keybinding) instead of asking. */
export interface GenerateOptions {
  folder?: vscode.Uri;
  inventory?: boolean;
  /** Open the written scripts in editors (default true). */
  open?: boolean;
}

const maxInventoryBytes = 5 * 1024 * 1024;
const bom = new Uint8Array([0xef, 0xbb, 0xbf]);

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string';
const isPos = (v: unknown) => isObj(v) && Number.isInteger(v.line) && Number.isInteger(v.character);
const kinds = ['sharepoint', 'exchange', 'lync', 'office-web-apps'];

function readScripts(value: unknown): ScriptFile[] | undefined {
  if (!isObj(value) || !Array.isArray(value.scripts)) return undefined;
  // A file name is written into the chosen folder: nothing but a plain name is accepted.
  const ok = value.scripts.every((s) => isObj(s) && isStr(s.server) && kinds.includes(s.kind as string) && isStr(s.text) && isStr(s.fileName) && /^[A-Za-z_][A-Za-z0-9_-]*(\.inventory)?\.ps1$/.test(s.fileName));
  return ok ? (value as unknown as ScriptsResult).scripts : undefined;
}

function readDrift(value: unknown): DriftResult | undefined {
  if (!isObj(value) || !Array.isArray(value.errors) || !value.errors.every(isStr) || !Array.isArray(value.diagnostics)) return undefined;
  const ok = value.diagnostics.every((d) => isObj(d) && isStr(d.code) && isStr(d.message) && ['error', 'warning', 'information', 'hint'].includes(d.severity as string) && isObj(d.range) && isPos(d.range.start) && isPos(d.range.end));
  return ok ? (value as unknown as DriftResult) : undefined;
}

/** The farm document a command is about: the one given, else the active editor's. */
async function farmDocument(uri: unknown): Promise<vscode.TextDocument | undefined> {
  if (uri instanceof vscode.Uri) return vscode.workspace.openTextDocument(uri);
  const active = vscode.window.activeTextEditor?.document;
  if (active?.languageId === FARM_LANGUAGE_ID) return active;
  void vscode.window.showWarningMessage('Office Farm: open a .farm file first.');
  return undefined;
}

export function registerScriptCommands(server: LanguageServer, log: vscode.LogOutputChannel): vscode.Disposable {
  const drift = new DriftDiagnostics(server, log);
  return vscode.Disposable.from(
    drift,
    vscode.commands.registerCommand(ScriptCommands.generateScripts, (uri?: unknown, options?: GenerateOptions) => generateScripts(server, log, uri, options)),
    vscode.commands.registerCommand(ScriptCommands.compareWithInventory, (uri?: unknown, inventories?: vscode.Uri[]) => drift.compare(uri, inventories)),
  );
}

/** Writes the scripts and answers their URIs (undefined when the user cancelled). */
async function generateScripts(server: LanguageServer, log: vscode.LogOutputChannel, uri: unknown, options: GenerateOptions = {}): Promise<string[] | undefined> {
  const document = await farmDocument(uri);
  if (!document) return undefined;
  let inventory = options.inventory;
  if (inventory === undefined) {
    const choice = await vscode.window.showQuickPick(
      [
        { label: 'Configuration scripts', description: 'what each server must have, step by step', inventory: false },
        { label: 'Inventory scripts', description: 'read-only: collect what each server has, to compare with Compare with Inventory…', inventory: true },
      ],
      { title: 'Office Farm: Generate Scripts', placeHolder: 'Which scripts?' },
    );
    if (!choice) return undefined;
    inventory = choice.inventory;
  }
  let folder = options.folder;
  if (!folder) {
    const picked = await vscode.window.showOpenDialog({
      canSelectFiles: false,
      canSelectFolders: true,
      canSelectMany: false,
      openLabel: 'Write Scripts Here',
      title: 'Office Farm: the folder for the scripts',
      defaultUri: document.uri.scheme === 'file' ? vscode.Uri.joinPath(document.uri, '..') : vscode.workspace.workspaceFolders?.[0]?.uri,
    });
    if (!picked?.[0]) return undefined;
    folder = picked[0];
  }
  const answer = await server.request(SCRIPTS_REQUEST, { uri: document.uri.toString(), inventory });
  const scripts = readScripts(answer);
  if (!scripts) {
    void vscode.window.showErrorMessage('Office Farm: the language server gave no scripts (is it running? see the output).');
    return undefined;
  }
  if (scripts.length === 0) {
    void vscode.window.showInformationMessage('Office Farm: this file declares no SharePoint, Exchange, Lync or Office Web Apps server to script.');
    return [];
  }
  const targets = scripts.map((s) => ({ script: s, uri: vscode.Uri.joinPath(folder!, s.fileName) }));
  const existing: string[] = [];
  for (const t of targets) {
    try {
      await vscode.workspace.fs.stat(t.uri);
      existing.push(t.script.fileName);
    } catch {
      // Not there yet: nothing to replace.
    }
  }
  if (existing.length && options.folder === undefined) {
    const replace = await vscode.window.showWarningMessage(`Office Farm: replace ${existing.join(', ')} in ${folder.fsPath}?`, { modal: true }, 'Replace');
    if (replace !== 'Replace') return undefined;
  }
  const encoder = new TextEncoder();
  for (const t of targets) {
    const body = encoder.encode(t.script.text);
    const bytes = new Uint8Array(bom.length + body.length);
    bytes.set(bom);
    bytes.set(body, bom.length);
    await vscode.workspace.fs.writeFile(t.uri, bytes);
  }
  log.info(`wrote ${targets.length} ${inventory ? 'inventory' : 'configuration'} script(s) to ${folder.fsPath}`);
  if (options.open !== false) {
    for (const [i, t] of targets.entries()) await vscode.window.showTextDocument(t.uri, { preview: false, preserveFocus: i > 0 });
  }
  return targets.map((t) => t.uri.toString());
}

const severities: Record<string, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/** Drift diagnostics per farm document, computed again when the document changes. */
class DriftDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('office-farm-drift');
  private readonly inventories = new Map<string, Array<{ name: string; text: string }>>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly server: LanguageServer,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.subscriptions = [
      vscode.workspace.onDidChangeTextDocument((e) => {
        const key = e.document.uri.toString();
        if (!this.inventories.has(key)) return;
        clearTimeout(this.timers.get(key));
        this.timers.set(key, setTimeout(() => void this.update(e.document.uri), 300));
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri)),
    ];
  }

  /** Asks for the inventories (unless given), shows the drift; answers how many differences. */
  async compare(uri: unknown, given?: vscode.Uri[]): Promise<number | undefined> {
    const document = await farmDocument(uri);
    if (!document) return undefined;
    const files =
      given ??
      (await vscode.window.showOpenDialog({
        canSelectFiles: true,
        canSelectMany: true,
        openLabel: 'Compare',
        title: 'Office Farm: inventories from the inventory scripts',
        filters: { 'Office Farm inventory': ['json'] },
        defaultUri: document.uri.scheme === 'file' ? vscode.Uri.joinPath(document.uri, '..') : undefined,
      }));
    if (!files || files.length === 0) return undefined;
    const inventories: Array<{ name: string; text: string }> = [];
    for (const file of files) {
      try {
        const stat = await vscode.workspace.fs.stat(file);
        if (stat.size > maxInventoryBytes) throw new Error(`larger than ${maxInventoryBytes / 1024 / 1024} MB: not an inventory`);
        inventories.push({ name: file.path.split('/').pop() ?? file.toString(), text: new TextDecoder().decode(await vscode.workspace.fs.readFile(file)) });
      } catch (error) {
        void vscode.window.showErrorMessage(`Office Farm: cannot read ${file.fsPath}: ${error instanceof Error ? error.message : String(error)}`);
        return undefined;
      }
    }
    this.inventories.set(document.uri.toString(), inventories);
    const count = await this.update(document.uri, true);
    if (count === undefined) this.forget(document.uri);
    return count;
  }

  private async update(uri: vscode.Uri, tell = false): Promise<number | undefined> {
    const inventories = this.inventories.get(uri.toString());
    if (!inventories) return undefined;
    const result = readDrift(await this.server.request(DRIFT_REQUEST, { uri: uri.toString(), inventories }));
    if (!result) {
      if (tell) void vscode.window.showErrorMessage('Office Farm: the language server gave no comparison (is it running? see the output).');
      return undefined;
    }
    if (result.errors.length) {
      for (const e of result.errors) this.log.warn(e);
      if (tell) void vscode.window.showErrorMessage(`Office Farm: ${result.errors[0]}${result.errors.length > 1 ? ` (and ${result.errors.length - 1} more; see the output)` : ''}`);
      return undefined;
    }
    this.collection.set(
      uri,
      result.diagnostics.map((d) => {
        const range = new vscode.Range(d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character);
        const diagnostic = new vscode.Diagnostic(range, d.message, severities[d.severity]);
        diagnostic.code = d.code;
        diagnostic.source = 'office-farm drift';
        return diagnostic;
      }),
    );
    if (tell) {
      const n = result.diagnostics.length;
      void vscode.window.showInformationMessage(n === 0 ? `Office Farm: the ${inventories.length} inventor${inventories.length === 1 ? 'y matches' : 'ies match'} the topology.` : `Office Farm: ${n} difference${n === 1 ? '' : 's'} between the inventories and the topology, shown in the file.`);
    }
    return result.diagnostics.length;
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.inventories.delete(key);
    this.collection.delete(uri);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    for (const s of this.subscriptions) s.dispose();
    this.collection.dispose();
  }
}
