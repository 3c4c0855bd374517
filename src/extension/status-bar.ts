import * as vscode from 'vscode';
import { countFarmProblems } from './farm-documents';
import type { LanguageServer, ServerState } from './language-server';

/** Diagnostics change in bursts while typing; recount at most this often. */
const RECOUNT_DELAY_MS = 150;

/** One status bar item: the server's state and the farm files' error count. */
export class FarmStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('office-farm.status', vscode.StatusBarAlignment.Left, 0);
  private readonly subscriptions: vscode.Disposable[] = [];
  private recount: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly server: LanguageServer) {
    this.item.name = 'Office Farm';
    this.subscriptions.push(
      server.onDidChangeState(() => this.render()),
      vscode.languages.onDidChangeDiagnostics(() => {
        if (this.recount === undefined) {
          this.recount = setTimeout(() => {
            this.recount = undefined;
            this.render();
          }, RECOUNT_DELAY_MS);
        }
      }),
    );
    this.render();
    this.item.show();
  }

  private render(): void {
    const state: ServerState = this.server.state;
    const item = this.item;
    item.backgroundColor = undefined;
    switch (state.kind) {
      case 'failed':
        item.text = '$(error) Farm: server failed';
        item.tooltip = `Office Farm: ${state.reason}. Click to see the output.`;
        item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
        item.command = 'office-farm.showOutput';
        return;
      case 'stopped':
        item.text = '$(circle-slash) Farm: stopped';
        item.tooltip = 'Office Farm: the language server is not running. Click to restart it.';
        item.command = 'office-farm.restartServer';
        return;
      case 'starting':
        item.text = '$(sync~spin) Farm';
        item.tooltip = 'Office Farm: starting the language server';
        item.command = 'office-farm.showOutput';
        return;
      case 'running': {
        const { errors, warnings, files } = countFarmProblems();
        item.text = errors > 0 ? `$(error) Farm: ${errors}` : '$(check) Farm';
        item.tooltip =
          errors + warnings === 0
            ? 'Office Farm: no errors or warnings in open farm files'
            : `Office Farm: ${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(files, 'farm file')}. Click for the Problems view.`;
        item.command = 'workbench.actions.view.problems';
        return;
      }
    }
  }

  dispose(): void {
    if (this.recount !== undefined) clearTimeout(this.recount);
    this.subscriptions.forEach((s) => s.dispose());
    this.item.dispose();
  }
}

export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
