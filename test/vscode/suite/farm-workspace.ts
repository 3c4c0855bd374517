// What the tests know about the workspace the harness lays out: a copy of
// examples/first-steps.farm and of a clean conformance file.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { eventually } from './framework';

export const EXTENSION_ID = 'office-farm.office-farm';

export function workspaceFolder(): vscode.WorkspaceFolder {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the harness opens a workspace folder');
  return folder;
}

export function workspaceFile(name: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder().uri, name);
}

export async function openFarmFile(name: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(workspaceFile(name));
  await vscode.window.showTextDocument(doc);
  assert.equal(doc.languageId, 'farm', `${name} opens in the farm language`);
  return doc;
}

/** A fresh copy of a workspace file, for tests that edit it. */
export async function copyOf(name: string, copyName: string): Promise<vscode.Uri> {
  const target = workspaceFile(copyName);
  await vscode.workspace.fs.copy(workspaceFile(name), target, { overwrite: true });
  return target;
}

export function codeOf(d: vscode.Diagnostic): string {
  const code = d.code;
  if (code === undefined) return '';
  return typeof code === 'object' ? String(code.value) : String(code);
}

export function codesAt(uri: vscode.Uri): string[] {
  return vscode.languages.getDiagnostics(uri).map(codeOf);
}

/** Waits until the server has published diagnostics for `uri` that satisfy `ready`. */
export function diagnosticsFor(
  uri: vscode.Uri,
  ready: (ds: vscode.Diagnostic[]) => boolean = (ds) => ds.length > 0,
  timeoutMs = 30_000,
): Promise<vscode.Diagnostic[]> {
  return eventually(
    () => {
      const ds = vscode.languages.getDiagnostics(uri);
      return ready(ds) ? ds : undefined;
    },
    () => `diagnostics for ${uri.path} never satisfied the test; last seen: [${codesAt(uri).join(', ')}]`,
    timeoutMs,
  );
}

export function textOfHover(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

export function positionOf(doc: vscode.TextDocument, needle: string, offsetInNeedle = 0): vscode.Position {
  const at = doc.getText().indexOf(needle);
  assert.ok(at >= 0, `"${needle}" occurs in ${doc.uri.path}`);
  return doc.positionAt(at + offsetInNeedle);
}
