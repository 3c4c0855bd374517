import * as vscode from 'vscode';
import { checkWorkspace } from './check-workspace';
import { connectToSimulator } from './connect-to-simulator';
import { probeServer, revealInFile, type FarmTreeProvider } from './farm-tree';
import { openExample } from './open-example';
import type { LanguageServer } from './language-server';

/** Command ids, as contributed in package.json. */
export const Commands = {
  restartServer: 'office-farm.restartServer',
  showOutput: 'office-farm.showOutput',
  checkWorkspace: 'office-farm.checkWorkspace',
  connectToSimulator: 'office-farm.connectToSimulator',
  openExample: 'office-farm.openExample',
  refreshFarmView: 'office-farm.farmView.refresh',
  revealInFile: 'office-farm.revealInFile',
  probeServer: 'office-farm.probeServer',
} as const;

export function registerCommands(context: vscode.ExtensionContext, server: LanguageServer, log: vscode.LogOutputChannel, farmTree: FarmTreeProvider): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(Commands.refreshFarmView, () => farmTree.refresh()),
    vscode.commands.registerCommand(Commands.revealInFile, revealInFile),
    vscode.commands.registerCommand(Commands.probeServer, probeServer),
    vscode.commands.registerCommand(Commands.connectToSimulator, (file?: unknown) => connectToSimulator(context, log, file)),
    vscode.commands.registerCommand(Commands.openExample, async () => (await openExample(context)).uri.toString()),
    vscode.commands.registerCommand(Commands.restartServer, async () => {
      await server.restart();
      return server.state.kind;
    }),
    vscode.commands.registerCommand(Commands.showOutput, () => log.show(true)),
    vscode.commands.registerCommand(Commands.checkWorkspace, async () => {
      try {
        return await checkWorkspace(server);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        void vscode.window.showErrorMessage(message, 'Show Output').then((choice) => {
          if (choice) log.show(true);
        });
        throw error;
      }
    }),
  );
}
