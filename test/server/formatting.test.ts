// Document formatting equals `office-farm format`; range formatting formats
// only the blocks the range touches; text with syntax errors is left alone.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { DocumentFormattingRequest, DocumentRangeFormattingRequest, TextEdit } from 'vscode-languageserver-protocol';
import { runCli } from '../support/run-cli';
import { useSession } from './lsp-session';

const session = useSession();

const messy = [
  '# Contoso',
  'exchange ex01 {',
  '    host="mail.contoso.com"',
  '  trusts=[sp01,   lync01]',
  '}',
  'sharepoint   sp01 {',
  'url = "https://portal.contoso.com"',
  '      trusts = [ex01]',
  '}',
  'lync lync01 { host = "pool.contoso.com" ;   trusts=[ex01] }',
  '',
].join('\n');
const options = { tabSize: 2, insertSpaces: true };

test('document formatting gives what office-farm format prints', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'farm-lsp-format-'));
  try {
    const file = join(dir, 'messy.farm');
    writeFileSync(file, messy);
    const cli = runCli(['format', file]);
    assert.equal(cli.status, 0, cli.stderr);
    const uri = 'untitled:messy.farm';
    await session().open(uri, messy);
    const edits = (await session().connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri }, options })) as TextEdit[];
    assert.equal(edits.length, 1);
    await session().applyTextEdits(uri, edits);
    assert.equal(session().text(uri), cli.stdout);
    const again = (await session().connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri }, options })) as TextEdit[];
    assert.deepEqual(again, [], 'formatted text formats to itself');
    await session().close(uri);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('range formatting formats the whole blocks the range touches, and nothing else', async () => {
  const uri = 'untitled:range.farm';
  await session().open(uri, messy);
  const edits = (await session().connection.sendRequest(DocumentRangeFormattingRequest.type, {
    textDocument: { uri },
    range: { start: { line: 6, character: 3 }, end: { line: 6, character: 5 } },
    options,
  })) as TextEdit[];
  await session().applyTextEdits(uri, edits);
  assert.equal(
    session().text(uri),
    [
      '# Contoso',
      'exchange ex01 {',
      '    host="mail.contoso.com"',
      '  trusts=[sp01,   lync01]',
      '}',
      'sharepoint sp01 {',
      '  url    = "https://portal.contoso.com"',
      '  trusts = [ex01]',
      '}',
      'lync lync01 { host = "pool.contoso.com" ;   trusts=[ex01] }',
      '',
    ].join('\n'),
  );
  await session().close(uri);
});

test('a file with a syntax error is not formatted', async () => {
  const uri = 'untitled:broken.farm';
  await session().open(uri, 'exchange ex01 {\n    host = "mail.contoso.com" $\n}\n');
  assert.deepEqual(await session().connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri }, options }), []);
  await session().close(uri);
});
