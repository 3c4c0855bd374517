// The settings that let the editor reach the servers the CLI reaches:
// `office-farm.network.ca`, `.connectTo` and `.timeoutMs`, the same as the
// CLI's --ca, --connect-to and --timeout. The probes run in the language
// server, which cannot read VS Code's settings or resolve
// ${workspaceFolder}, so they are read and checked here and handed over as
// PEM text and curl-style rules.
import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import * as vscode from 'vscode';
import { parseConnectTo } from '../probe/connect-to';
import { readCaBundle } from '../probe/trust-store';

export const NETWORK_SECTION = 'office-farm.network';

export interface ReachSettings {
  /** PEM certificates from the `ca` files. */
  ca: string[];
  /** HOST:PORT:ADDR:PORT, as `office-farm probe --connect-to` takes them. */
  connectTo: string[];
  timeoutMs?: number;
  /** What could not be used, one sentence each, naming the setting. */
  problems: string[];
}

export function readReachSettings(): ReachSettings {
  const config = vscode.workspace.getConfiguration(NETWORK_SECTION);
  const problems: string[] = [];
  const ca: string[] = [];
  for (const entry of config.get<unknown[]>('ca', [])) {
    if (typeof entry !== 'string' || entry.trim() === '') {
      problems.push(`${NETWORK_SECTION}.ca: each entry must be the path of a PEM file`);
      continue;
    }
    const path = resolveWorkspacePath(entry.trim());
    try {
      ca.push(...readCaBundle(readFileSync(path, 'utf8'), path));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      problems.push(`${NETWORK_SECTION}.ca: ${code === 'ENOENT' ? `${path}: no such file` : (error as Error).message}`);
    }
  }
  const connectTo: string[] = [];
  const map = config.get<unknown>('connectTo', {});
  for (const [from, to] of Object.entries(map && typeof map === 'object' ? map : {})) {
    const rule = `${from}:${String(to)}`;
    if (typeof to !== 'string' || !/^[^:\s]+:\d{1,5}$/.test(from) || !/^(\[[0-9a-fA-F:.]+\]|[^:\s[\]]+):\d{1,5}$/.test(to)) {
      problems.push(`${NETWORK_SECTION}.connectTo: "${from}": "${String(to)}" must map HOST:PORT to ADDRESS:PORT`);
      continue;
    }
    try {
      parseConnectTo(rule);
      connectTo.push(rule);
    } catch (error) {
      problems.push(`${NETWORK_SECTION}.connectTo: ${(error as Error).message}`);
    }
  }
  const timeout = config.get<unknown>('timeoutMs');
  let timeoutMs: number | undefined;
  if (timeout !== undefined && timeout !== null) {
    if (typeof timeout === 'number' && Number.isFinite(timeout) && timeout > 0) timeoutMs = Math.round(timeout);
    else problems.push(`${NETWORK_SECTION}.timeoutMs must be a positive number of milliseconds`);
  }
  return { ca, connectTo, ...(timeoutMs !== undefined ? { timeoutMs } : {}), problems };
}

/** Relative paths and ${workspaceFolder} are taken from the first workspace folder, as tasks do. */
export function resolveWorkspacePath(path: string): string {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  const expanded = folder ? path.replace(/\$\{workspaceFolder\}/g, folder) : path;
  if (isAbsolute(expanded) || !folder) return expanded;
  return resolve(folder, expanded);
}

/**
 * The farm a set of connect-to rules points at, for the status bar: the
 * domain its host names share ("contoso.com"), else the first host.
 */
export function farmLabel(connectTo: readonly string[]): string | undefined {
  const hosts = connectTo.map((rule) => rule.split(':')[0].toLowerCase()).filter((h) => h !== '');
  if (hosts.length === 0) return undefined;
  let common = hosts[0].split('.');
  for (const host of hosts.slice(1)) {
    const labels = host.split('.');
    let n = 0;
    while (n < common.length && n < labels.length && common[common.length - 1 - n] === labels[labels.length - 1 - n]) n++;
    common = common.slice(common.length - n);
  }
  return common.length >= 2 ? common.join('.') : hosts[0];
}
