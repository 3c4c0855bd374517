import * as vscode from 'vscode';
import { countFarmProblems, type ProblemCounts } from './farm-documents';
import type { LanguageServer } from './language-server';
import { plural } from './status-bar';

/** How long to wait for the server to answer for every opened file. */
const PUBLISH_TIMEOUT_MS = 30_000;

export interface WorkspaceCheck extends ProblemCounts {
  /** Farm files found and opened. */
  checked: number;
  /** Files the server had not answered for when the wait ran out. */
  unanswered: number;
}

/**
 * Opens every `.farm` file in the workspace so the server checks it (it
 * only sees documents the editor syncs), waits for their diagnostics and
 * reports the totals. Opening is what puts them in the Problems view.
 */
export async function checkWorkspace(server: LanguageServer): Promise<WorkspaceCheck> {
  if (server.state.kind === 'failed') {
    throw new Error(`Office Farm: cannot check: ${server.state.reason}`);
  }
  const maxFiles = vscode.workspace.getConfiguration('office-farm').get<number>('checkWorkspace.maxFiles', 1000);
  const uris = await vscode.workspace.findFiles('**/*.farm', undefined, maxFiles);
  if (uris.length === 0) {
    void vscode.window.showInformationMessage('Office Farm: no .farm files in this workspace.');
    return { checked: 0, unanswered: 0, errors: 0, warnings: 0, files: 0 };
  }
  const unanswered = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Office Farm: checking ${plural(uris.length, 'farm file')}`, cancellable: true },
    async (progress, token) => {
      const step = 100 / uris.length;
      for (const uri of uris) {
        if (token.isCancellationRequested) break;
        await vscode.workspace.openTextDocument(uri);
        progress.report({ increment: step / 2 });
      }
      return server.whenPublished(uris, PUBLISH_TIMEOUT_MS, token);
    },
  );
  const counts = countFarmProblems(new Set(uris.map((u) => u.toString())));
  const summary = { checked: uris.length, unanswered: unanswered.length, ...counts };
  const text =
    `Office Farm: checked ${plural(uris.length, 'farm file')}: ${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')}` +
    (counts.files ? ` in ${plural(counts.files, 'file')}` : '') +
    (unanswered.length ? ` (${plural(unanswered.length, 'file')} not answered yet)` : '') +
    '.';
  // Not awaited: the command's result must not wait for someone to click.
  const shown = counts.errors + counts.warnings > 0 ? vscode.window.showWarningMessage(text, 'Show Problems') : vscode.window.showInformationMessage(text);
  void shown.then((choice) => {
    if (choice) void vscode.commands.executeCommand('workbench.actions.view.problems');
  });
  return summary;
}
