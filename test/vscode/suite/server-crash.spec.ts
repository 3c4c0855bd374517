// The language server killed from outside (as an out-of-memory kill or a
// crash would end it): the client starts a new process by itself, and the
// new one checks the open document again. The words shown are one
// notification per window (src/extension/crash-notices.ts, unit-tested in
// test/fuzz/crash-notices.test.ts); here the restart itself is proved.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { eventually, suite, test } from './framework';
import { codeOf, copyOf, diagnosticsFor } from './farm-workspace';

/** The extension host's children running dist/server.js, read from /proc. */
function serverProcesses(): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== process.pid) continue;
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes('dist/server.js')) found.push(Number(entry));
    } catch {
      // The process ended while it was read.
    }
  }
  return found;
}

suite('server crash', () => {
  test('a killed server is started again by the client, and checks the open document', async () => {
    const uri = await copyOf('first-steps.farm', 'crash.farm');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    await diagnosticsFor(uri, (ds) => ds.some((d) => codeOf(d) === 'FARM201'));
    const [before] = await eventually(() => (serverProcesses().length === 1 ? serverProcesses() : undefined), () => `server processes: ${JSON.stringify(serverProcesses())}`);
    process.kill(before, 'SIGKILL');
    const [after] = await eventually(() => {
      const now = serverProcesses();
      return now.length === 1 && now[0] !== before ? now : undefined;
    }, () => `no new server process after ${before} was killed: ${JSON.stringify(serverProcesses())}`);
    assert.notEqual(after, before);
    // A new error typed now can only be found by the new process.
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(doc.lineCount, 0), '\nexchange after-crash {\n  host = 5\n}\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await diagnosticsFor(uri, (ds) => ds.some((d) => d.range.start.line >= doc.lineCount - 3 && codeOf(d) !== ''));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.workspace.fs.delete(uri);
  });
});
