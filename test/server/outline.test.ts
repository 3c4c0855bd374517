// Document symbols, workspace symbols, folding ranges and selection ranges.
import assert from 'node:assert/strict';
import { basename } from 'node:path';
import { test } from 'node:test';
import { DocumentSymbol, DocumentSymbolRequest, FoldingRange, FoldingRangeRequest, Range, SelectionRange, SelectionRangeRequest, SymbolInformation, SymbolKind, WorkspaceSymbolRequest } from 'vscode-languageserver-protocol';
import { sampleFile, uriOf, useSession } from './lsp-session';

const firstSteps = sampleFile('examples', 'first-steps.farm');
const contoso = sampleFile('examples', 'contoso.farm');
const session = useSession({ open: [firstSteps, contoso] });

const at = (r: Range): string => `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;

test('document symbols: one per block, properties as children', async () => {
  const symbols = (await session().connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: uriOf(firstSteps) } })) as DocumentSymbol[];
  const flat = (s: DocumentSymbol): unknown => [s.name, s.detail, s.kind, at(s.range), at(s.selectionRange), ...(s.children?.length ? [s.children.map(flat)] : [])];
  assert.deepEqual(symbols.map(flat), [
    ['ex01', 'exchange', SymbolKind.Class, '4:0-7:1', '4:9-4:13', [
      ['host', '"mail.fabrikam.com"', SymbolKind.Property, '5:2-5:30', '5:2-5:6'],
      ['trusts', '[sp01]', SymbolKind.Property, '6:2-6:17', '6:2-6:8'],
    ]],
    ['sp01', 'sharepoint', SymbolKind.Class, '9:0-12:1', '9:11-9:15', [
      ['url', '"http://portal.fabrikam.com"', SymbolKind.Property, '10:2-10:41', '10:2-10:5'],
      ['services', '[user-profile]', SymbolKind.Property, '11:2-11:27', '11:2-11:10'],
    ]],
    ['site-mailboxes', 'feature', SymbolKind.Event, '14:0-14:41', '14:8-14:22', [
      ['prefix', '"SM-"', SymbolKind.Property, '14:25-14:39', '14:25-14:31'],
    ]],
  ]);
});

test('workspace symbols: the blocks of every open farm file that match the query', async () => {
  const symbols = (await session().connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'ex0' })) as SymbolInformation[];
  assert.deepEqual(
    symbols.map((s) => [basename(s.location.uri), s.name, s.containerName, s.kind, at(s.location.range)]),
    [
      ['contoso.farm', 'ex01', 'exchange', SymbolKind.Class, '7:9-7:13'],
      ['first-steps.farm', 'ex01', 'exchange', SymbolKind.Class, '4:9-4:13'],
    ],
  );
  const features = (await session().connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'sitemail' })) as SymbolInformation[];
  assert.deepEqual(features.map((s) => `${basename(s.location.uri)} ${s.name}`), ['contoso.farm site-mailboxes', 'first-steps.farm site-mailboxes']);
});

test('folding ranges: comment runs and multi-line blocks, closing brace left visible', async () => {
  const ranges = (await session().connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri: uriOf(firstSteps) } })) as FoldingRange[];
  assert.deepEqual(ranges, [
    { startLine: 0, endLine: 2, kind: 'comment' },
    { startLine: 4, endLine: 6 },
    { startLine: 9, endLine: 11 },
  ]);
});

test('a multi-line list folds too', async () => {
  const uri = 'untitled:fold-list.farm';
  await session().open(uri, 'sharepoint sp01 {\n  url = "https://portal.contoso.com"\n  services = [\n    search,\n    user-profile,\n  ]\n}\n');
  const ranges = (await session().connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } })) as FoldingRange[];
  assert.deepEqual(ranges, [{ startLine: 0, endLine: 5 }, { startLine: 2, endLine: 4 }]);
  await session().close(uri);
});

test('selection ranges grow from a list element to the whole file', async () => {
  const [range] = (await session().connection.sendRequest(SelectionRangeRequest.type, { textDocument: { uri: uriOf(firstSteps) }, positions: [{ line: 6, character: 14 }] })) as SelectionRange[];
  const chain: string[] = [];
  for (let r: SelectionRange | undefined = range; r; r = r.parent) chain.push(at(r.range));
  assert.deepEqual(chain, ['6:12-6:16', '6:11-6:17', '6:2-6:17', '4:15-7:0', '4:0-7:1', '0:0-15:0']);
});
