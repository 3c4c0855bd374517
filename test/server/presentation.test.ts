// Semantic tokens and inlay hints on first-steps.farm.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { InlayHint, InlayHintRequest, SemanticTokens, SemanticTokensRequest } from 'vscode-languageserver-protocol';
import { sampleFile, uriOf, useSession } from './lsp-session';

const firstSteps = sampleFile('examples', 'first-steps.farm');
const uri = uriOf(firstSteps);
const session = useSession({ open: [firstSteps] });

test('semantic tokens tell declarations, references, enum members, feature ids and keys apart', async () => {
  const legend = session().initializeResult.capabilities.semanticTokensProvider!.legend;
  const tokens = (await session().connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri } })) as SemanticTokens;
  const lines = readFileSync(firstSteps, 'utf8').split('\n');
  const decoded: string[] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < tokens.data.length; i += 5) {
    const [dl, dc, length, type, modifiers] = tokens.data.slice(i, i + 5);
    line += dl;
    character = dl === 0 ? character + dc : dc;
    const mods = legend.tokenModifiers.filter((_, bit) => modifiers & (1 << bit));
    decoded.push(`${lines[line].slice(character, character + length)} ${legend.tokenTypes[type]}${mods.length ? '.' + mods.join('.') : ''}`);
  }
  assert.deepEqual(decoded, [
    'exchange keyword',
    'ex01 variable.declaration',
    'host property',
    'trusts property',
    'sp01 variable',
    'sharepoint keyword',
    'sp01 variable.declaration',
    'url property',
    'services property',
    'user-profile enumMember',
    'feature keyword',
    'site-mailboxes event',
    'prefix property',
  ]);
});

test('inlay hints: derived metadata endpoints and inferred feature roles', async () => {
  const hints = (await session().connection.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 15, character: 0 } } })) as InlayHint[];
  assert.deepEqual(
    hints.map((h) => [`${h.position.line}:${h.position.character}`, h.label, h.kind]),
    [
      ['4:13', 'metadata: https://mail.fabrikam.com/autodiscover/metadata/json/1', 1],
      ['9:15', 'metadata: http://portal.fabrikam.com/_layouts/15/metadata/json/1', 1],
      ['14:22', 'exchange = ex01, sharepoint = sp01', 2],
    ],
  );
  const onlyFeature = (await session().connection.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range: { start: { line: 14, character: 0 }, end: { line: 14, character: 41 } } })) as InlayHint[];
  assert.deepEqual(onlyFeature.map((h) => h.label), ['exchange = ex01, sharepoint = sp01']);
});

test('no metadata hint where the file writes metadata', async () => {
  const other = 'untitled:hints.farm';
  await session().open(other, 'lync l1 {\n  host = "pool.contoso.com"\n  metadata = "https://pool.contoso.com/metadata/json/1"\n}\nlync l2 { host = "pool2.contoso.com" }\n');
  const hints = (await session().connection.sendRequest(InlayHintRequest.type, { textDocument: { uri: other }, range: { start: { line: 0, character: 0 }, end: { line: 5, character: 0 } } })) as InlayHint[];
  assert.deepEqual(hints.map((h) => `${h.position.line}:${h.position.character} ${h.label}`), ['4:7 metadata: https://pool2.contoso.com/metadata/json/1']);
  await session().close(other);
});
