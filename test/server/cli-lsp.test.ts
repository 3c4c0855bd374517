// `office-farm lsp --stdio` is the same server, in the CLI's process.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cliPath } from '../support/paths';
import { runCli } from '../support/run-cli';
import { LspSession } from './lsp-session';

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
