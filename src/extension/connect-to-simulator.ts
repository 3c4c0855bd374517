// "Office Farm: Connect to Simulator": reads the connection file that
// `office-farm simulate` writes and points the editor's network settings at
// the simulated farm, as `office-farm probe --connection` does for the CLI.
// Only the CA path and the connect-to map go into settings: the file's
// passwords and tokens never leave it.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { ConnectionFileError, readConnectionFile, type ConnectionFile } from '../simulator/connection-file';
import { NETWORK_SECTION } from './network-settings';

/** Where `office-farm simulate` writes its connection file when run in the folder. */
export const DEFAULT_CONNECTION_FILE = join('.office-farm', 'simulator.json');
/** workspaceState key: the connection file the settings came from. */
export const CONNECTED_SIMULATOR_KEY = 'office-farm.connectedSimulator';

export interface SimulatorConnection {
  path: string;
  realm: string;
  servers: number;
  target: 'workspace' | 'global';
}

/** Whether the process that wrote the file still runs (same machine as the extension host). */
export function simulatorRunning(connection: ConnectionFile): boolean {
  try {
    process.kill(connection.pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function pickConnectionFile(given: unknown): Promise<string | undefined> {
  if (typeof given === 'string') return given;
  if (given instanceof vscode.Uri) return given.fsPath;
  const found = (vscode.workspace.workspaceFolders ?? []).map((f) => join(f.uri.fsPath, DEFAULT_CONNECTION_FILE)).filter((p) => existsSync(p));
  if (found.length === 1) return found[0];
  if (found.length > 1) {
    return vscode.window.showQuickPick(found, { title: 'Office Farm: which simulator?', placeHolder: 'Connection files of running simulators' });
  }
  const picked = await vscode.window.showOpenDialog({
    title: 'Office Farm: the simulator connection file (office-farm simulate --connection FILE)',
    openLabel: 'Connect',
    canSelectMany: false,
    filters: { 'Connection file': ['json'] },
    ...(vscode.workspace.workspaceFolders?.[0] ? { defaultUri: vscode.workspace.workspaceFolders[0].uri } : {}),
  });
  return picked?.[0]?.fsPath;
}

/**
 * Fills office-farm.network.ca and .connectTo (workspace settings, or user
 * settings when no folder is open) from a connection file. `given` is a
 * path or Uri (from a caller or a test); without it the folder's
 * .office-farm/simulator.json is used, or the user picks a file.
 */
export async function connectToSimulator(context: vscode.ExtensionContext, log: vscode.LogOutputChannel, given?: unknown, quiet = false): Promise<SimulatorConnection | undefined> {
  const path = await pickConnectionFile(given);
  if (!path) {
    if (!quiet) void vscode.window.showInformationMessage('Office Farm: no simulator connection file chosen. Start one with `office-farm simulate FILE.farm` in the folder.');
    return undefined;
  }
  let connection: ConnectionFile;
  try {
    connection = readConnectionFile(path);
  } catch (error) {
    const message = error instanceof ConnectionFileError ? error.message : `${path}: ${(error as Error).message}`;
    log.error(`connect to simulator: ${message}`);
    if (!quiet) void vscode.window.showErrorMessage(`Office Farm: cannot connect to the simulator: ${message}`);
    return undefined;
  }
  if (!simulatorRunning(connection)) {
    const message = `the simulator that wrote ${path} (pid ${connection.pid}) is not running; start it again with \`office-farm simulate\``;
    log.warn(`connect to simulator: ${message}`);
    if (!quiet) void vscode.window.showWarningMessage(`Office Farm: ${message}.`);
    return undefined;
  }
  const caPath = connection.ca.path ?? (await keepCa(context, connection.ca.pem));
  const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  const config = vscode.workspace.getConfiguration(NETWORK_SECTION);
  await config.update('ca', [caPath], target);
  await config.update('connectTo', { ...connection.connectTo }, target);
  await context.workspaceState.update(CONNECTED_SIMULATOR_KEY, path);
  const result: SimulatorConnection = {
    path,
    realm: connection.realm,
    servers: connection.servers.length,
    target: target === vscode.ConfigurationTarget.Workspace ? 'workspace' : 'global',
  };
  log.info(`connected to the simulator of ${path} (pid ${connection.pid}): ${Object.keys(connection.connectTo).length} connect-to rules, CA ${caPath}`);
  if (!quiet) {
    void vscode.window.showInformationMessage(
      `Office Farm: connected to the simulator: ${connection.servers.length} servers on 127.0.0.1, trusting its CA (${result.target} settings).`,
    );
  }
  return result;
}

/** A connection file without a CA path: the PEM is kept in the extension's storage so the setting can name a file. */
async function keepCa(context: vscode.ExtensionContext, pem: string): Promise<string> {
  const uri = vscode.Uri.joinPath(context.globalStorageUri, 'simulator-ca.pem');
  await vscode.workspace.fs.createDirectory(context.globalStorageUri);
  await vscode.workspace.fs.writeFile(uri, Buffer.from(pem, 'utf8'));
  return uri.fsPath;
}
