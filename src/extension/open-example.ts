import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { FARM_LANGUAGE_ID } from './farm-documents';

/**
 * The walkthrough's first step: the workspace's own first-steps.farm when
 * it has one (`npm start` opens the examples folder), else the example the
 * extension ships, as an untitled document the user may save anywhere.
 */
export async function openExample(context: vscode.ExtensionContext): Promise<vscode.TextDocument> {
  const inWorkspace = (vscode.workspace.workspaceFolders ?? []).map((f) => join(f.uri.fsPath, 'first-steps.farm')).find((p) => existsSync(p));
  const doc = inWorkspace
    ? await vscode.workspace.openTextDocument(vscode.Uri.file(inWorkspace))
    : await vscode.workspace.openTextDocument({ language: FARM_LANGUAGE_ID, content: readFileSync(context.asAbsolutePath('examples/first-steps.farm'), 'utf8') });
  await vscode.window.showTextDocument(doc);
  return doc;
}
