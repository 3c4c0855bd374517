// `office-farm lsp --stdio` is the same server, in the CLI's process; and
// dist/server.js speaks over IPC too.
import assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import { test } from 'node:test';
import {
  createProtocolConnection,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  IPCMessageReader,
  IPCMessageWriter,
  PublishDiagnosticsNotification,
  PublishDiagnosticsParams,
  ShutdownRequest,
} from 'vscode-languageserver-protocol/node';
import { cliPath } from '../support/paths';
import { runCli } from '../support/run-cli';
import { LspSession, serverPath } from './lsp-session';

test('office-farm lsp --stdio answers initialize and checks a document', async () => {
  const session = await LspSession.start([cliPath, 'lsp', '--stdio']);
  try {
    assert.equal(session.initializeResult.serverInfo?.name, 'Office Farm Language Server');
    assert.equal(session.initializeResult.capabilities.hoverProvider, true);
    const diagnostics = await session.open('untitled:cli.farm', 'exchange ex01 { }\n');
    assert.deepEqual(diagnostics.map((d) => d.code), ['FARM108', 'FARM901']);
  } finally {
    await session.stop();
  }
  assert.equal(session.child.exitCode, 0, 'shutdown then exit ends the process with 0');
});

test('office-farm lsp without --stdio is a usage error', () => {
  const r = runCli(['lsp']);
  assert.equal(r.status, 2);
  assert.equal(r.stderr, 'office-farm lsp: the server talks over standard input and output: pass --stdio\nusage: office-farm lsp --stdio\n');
});

test('dist/server.js also speaks over node IPC, as VS Code starts it', async () => {
  const child = fork(serverPath, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
  const connection = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
  connection.listen();
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  try {
    const result = await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {} });
    assert.equal(result.serverInfo?.name, 'Office Farm Language Server');
    const published = new Promise<PublishDiagnosticsParams>((resolve) => connection.onNotification(PublishDiagnosticsNotification.type, resolve));
    await connection.sendNotification(InitializedNotification.type, {});
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: 'untitled:ipc.farm', languageId: 'farm', version: 1, text: 'user bob { }\n' } });
    assert.deepEqual((await published).diagnostics.map((d) => d.code), ['FARM108']);
    await connection.sendRequest(ShutdownRequest.type);
    await connection.sendNotification(ExitNotification.type);
    assert.equal(await exited, 0);
  } finally {
    if (child.exitCode === null) child.kill();
    connection.dispose();
  }
});
