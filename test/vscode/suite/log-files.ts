// The window's log files, as VS Code writes them: what a user copies into
// a bug report. Read by the credential check and the log-content check.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import * as vscode from 'vscode';

/** Every file under `folder`, a few levels down, skipping what is not ours to read (extensions, caches). */
export function filesUnder(folder: string, depth = 6): string[] {
  if (!existsSync(folder)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      if (depth > 0 && !['extensions', 'CachedData', 'CachedExtensionVSIXs'].includes(entry.name)) out.push(...filesUnder(path, depth - 1));
    } else if (entry.isFile() && statSync(path).size < 64 * 1024 * 1024) out.push(path);
  }
  return out;
}

/** The session's log folder: <user-data>/logs/<session>/window…/exthost/<extension id> is context.logUri. */
export function sessionLogFolder(logUri: string): string {
  const path = vscode.Uri.parse(logUri).fsPath;
  const parts = path.split(sep);
  const logs = parts.lastIndexOf('logs');
  return logs >= 0 && logs + 1 < parts.length ? parts.slice(0, logs + 2).join(sep) : dirname(dirname(dirname(path)));
}
