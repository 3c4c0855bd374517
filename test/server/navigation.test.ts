// Definition, references, document highlight, rename and prepareRename on contoso.farm.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { DefinitionRequest, DocumentHighlight, DocumentHighlightRequest, Location, Position, PrepareRenameRequest, Range, ReferencesRequest, RenameRequest, ResponseError, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { sampleFile, uriOf, useSession } from './lsp-session';

const contoso = sampleFile('examples', 'contoso.farm');
const uri = uriOf(contoso);
const text = readFileSync(contoso, 'utf8');
const session = useSession({ open: [contoso] });

const at = (r: Range): string => `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
/** Where each occurrence of a whole word stands, as line:start-line:end. */
function occurrences(word: string): string[] {
  const out: string[] = [];
  text.split('\n').forEach((line, i) => {
    for (const m of line.matchAll(new RegExp(`(?<![\\w-])${word}(?![\\w-])`, 'g'))) out.push(`${i}:${m.index}-${i}:${m.index! + word.length}`);
  });
  return out;
}
const lync01Declaration: Position = { line: 32, character: 7 };

test('definition of a reference is its declaration; a declaration is its own', async () => {
  assert.equal(text.split('\n')[32], 'lync lync01 {');
  const fromTrusts = (await session().connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: { line: 14, character: 33 } })) as Location;
  assert.deepEqual(fromTrusts, { uri, range: { start: { line: 32, character: 5 }, end: { line: 32, character: 11 } } });
  const fromItself = (await session().connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: lync01Declaration })) as Location;
  assert.deepEqual(fromItself, fromTrusts);
  assert.equal(await session().connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: { line: 8, character: 4 } }), null);
});

test('references find every place that names the server', async () => {
  const withDeclaration = (await session().connection.sendRequest(ReferencesRequest.type, { textDocument: { uri }, position: lync01Declaration, context: { includeDeclaration: true } })) as Location[];
  assert.deepEqual(withDeclaration.map((l) => at(l.range)), occurrences('lync01'));
  assert.ok(withDeclaration.every((l) => l.uri === uri));
  const without = (await session().connection.sendRequest(ReferencesRequest.type, { textDocument: { uri }, position: lync01Declaration, context: { includeDeclaration: false } })) as Location[];
  assert.deepEqual(without.map((l) => at(l.range)), occurrences('lync01').filter((o) => o !== '32:5-32:11'));
});

test('document highlight: the declaration as a write, references as reads', async () => {
  const highlights = (await session().connection.sendRequest(DocumentHighlightRequest.type, { textDocument: { uri }, position: { line: 72, character: 12 } })) as DocumentHighlight[];
  assert.deepEqual(
    highlights.map((h) => `${at(h.range)} ${h.kind}`),
    occurrences('lync01').map((o) => `${o} ${o === '32:5-32:11' ? 3 : 2}`),
  );
});

test('prepareRename gives the name and its range; a feature id or a key cannot be renamed', async () => {
  assert.deepEqual(await session().connection.sendRequest(PrepareRenameRequest.type, { textDocument: { uri }, position: { line: 14, character: 27 } }), {
    range: { start: { line: 14, character: 25 }, end: { line: 14, character: 29 } },
    placeholder: 'sp01',
  });
  await assert.rejects(
    session().connection.sendRequest(PrepareRenameRequest.type, { textDocument: { uri }, position: { line: 53, character: 10 } }),
    (e: ResponseError<unknown>) => e.message === 'A feature id is fixed by the language and cannot be renamed.',
  );
  await assert.rejects(
    session().connection.sendRequest(PrepareRenameRequest.type, { textDocument: { uri }, position: { line: 8, character: 3 } }),
    (e: ResponseError<unknown>) => e.message === 'Only the name of a server, user or site mailbox can be renamed.',
  );
});

test('rename updates the declaration and every reference, and the file stays clean', async () => {
  const edit = (await session().connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position: lync01Declaration, newName: 'pool-01' })) as WorkspaceEdit;
  const edits = edit.changes![uri];
  assert.deepEqual(edits.map((e) => at(e.range)), occurrences('lync01'));
  assert.ok(edits.every((e) => e.newText === 'pool-01'));
  const diagnostics = await session().applyEdit(uri, edit);
  assert.deepEqual(diagnostics, []);
  assert.equal(session().text(uri), text.replace(/(?<![\w-])lync01(?![\w-])/g, 'pool-01'));
  await session().change(uri, [{ text }]);
});

test('rename refuses an invalid identifier and a name already taken', async () => {
  await assert.rejects(
    session().connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position: lync01Declaration, newName: '1pool' }),
    (e: ResponseError<unknown>) => e.message === "'1pool' is not a valid name: a name starts with a letter or _ and holds letters, digits, _ and -.",
  );
  await assert.rejects(
    session().connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position: lync01Declaration, newName: 'true' }),
    (e: ResponseError<unknown>) => e.message === "'true' is not a valid name: a name starts with a letter or _ and holds letters, digits, _ and -, and is not true or false.",
  );
  await assert.rejects(
    session().connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position: lync01Declaration, newName: 'alice' }),
    (e: ResponseError<unknown>) => e.message === "'alice' is already the name of the user block on line 70: servers, users and site mailboxes share one namespace.",
  );
});
