// .farm text through every request the language server offers. Each input
// is opened as a new document, asked everything at one position inside it
// and one outside, edited once, asked again, and closed.
import assert from 'node:assert/strict';
import { ResponseError, ErrorCodes } from 'vscode-languageserver-protocol/node';
import type { FuzzTarget } from '../framework/target';
import { Random } from '../framework/random';
import { farmFragments, farmInput } from './farm-inputs';
import { assertRangesInside, assertTokensInside, InProcessServer, lineLengths, startInProcessServer } from './lsp-server';

let server: InProcessServer | undefined;
let documents = 0;

interface Pos {
  line: number;
  character: number;
}

function positionAt(text: string, offset: number): Pos {
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: before.length - 1, character: before[before.length - 1].length };
}

/** One request; an internal error (an exception in a handler) fails the input, any other answered error is the server declining. */
async function ask(method: string, params: unknown, lines: number[]): Promise<unknown> {
  try {
    const answer = await server!.client.sendRequest(method, params);
    assertRangesInside(answer, lines, method);
    return answer;
  } catch (error) {
    if (error instanceof ResponseError && error.code !== ErrorCodes.InternalError && error.code !== ErrorCodes.UnknownErrorCode) return undefined;
    throw new Error(`${method} ${JSON.stringify(params).slice(0, 300)}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function askEverything(uri: string, text: string, rng: Random): Promise<void> {
  const lines = lineLengths(text);
  const textDocument = { uri };
  const inside = positionAt(text, rng.int(text.length + 1));
  const outside = rng.pick([{ line: lines.length + 3, character: 0 }, { line: 0, character: 1e6 }, { line: lines.length - 1, character: lines[lines.length - 1] + 5 }, { line: -1, character: -1 }]);
  const whole = { start: { line: 0, character: 0 }, end: { line: lines.length - 1, character: lines[lines.length - 1] } };
  for (const position of [inside, outside]) {
    const range = { start: position, end: positionAt(text, Math.min(text.length, rng.int(text.length + 1))) };
    if (range.end.line < range.start.line || (range.end.line === range.start.line && range.end.character < range.start.character)) [range.start, range.end] = [range.end, range.start];
    await Promise.all([
      ask('textDocument/completion', { textDocument, position }, lines),
      ask('textDocument/hover', { textDocument, position }, lines),
      ask('textDocument/definition', { textDocument, position }, lines),
      ask('textDocument/references', { textDocument, position, context: { includeDeclaration: true } }, lines),
      ask('textDocument/documentHighlight', { textDocument, position }, lines),
      ask('textDocument/prepareRename', { textDocument, position }, lines),
      ask('textDocument/rename', { textDocument, position, newName: rng.pick(['x1', 'ex02', '', 'a b', '😀']) }, lines),
      ask('textDocument/selectionRange', { textDocument, positions: [position] }, lines),
      ask('textDocument/rangeFormatting', { textDocument, range, options: { tabSize: 2, insertSpaces: true } }, lines),
      ask('textDocument/inlayHint', { textDocument, range }, lines),
      ask('textDocument/codeAction', { textDocument, range, context: { diagnostics: [] } }, lines),
    ]);
  }
  const [, , , , tokens] = await Promise.all([
    ask('textDocument/documentSymbol', { textDocument }, lines),
    ask('textDocument/foldingRange', { textDocument }, lines),
    ask('textDocument/formatting', { textDocument, options: { tabSize: 4, insertSpaces: rng.chance(0.5) } }, lines),
    ask('textDocument/codeLens', { textDocument }, lines),
    ask('textDocument/semanticTokens/full', { textDocument }, lines),
    ask('textDocument/codeAction', { textDocument, range: whole, context: { diagnostics: [] } }, lines),
    ask('workspace/symbol', { query: rng.pick(['', 'e', 'sp']) }, lines),
    ask('office-farm/topology', { uri }, lines),
  ]);
  if (tokens) assertTokensInside((tokens as { data: number[] }).data, lines);
}

export const farmLsp: FuzzTarget<string> = {
  name: 'farm-lsp',
  count: 2_000,
  seed: 2213,
  deadlineMs: 10_000,
  kind: 'text',
  async setUp() {
    server = await startInProcessServer();
  },
  tearDown() {
    server?.close();
  },
  // Pathological sizes are the check target's; here each input costs some 50 requests, and a
  // document of 20,000 stray braces (20,000 diagnostics in every answer) takes 2 s alone.
  generate: (rng) => farmInput(rng).slice(0, 8_000),
  async run(text) {
    const uri = `file:///fuzz/${++documents}.farm`;
    const rng = new Random(documents);
    const client = server!.client;
    await client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'farm', version: 1, text } });
    await askEverything(uri, text, rng);
    // One edit through the incremental path, then the questions again.
    const lines = lineLengths(text);
    const at = positionAt(text, rng.int(text.length + 1));
    const insert = rng.pick(farmFragments);
    await client.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: at, end: at }, text: insert }] });
    const offset = offsetOf(text, at);
    const edited = text.slice(0, offset) + insert + text.slice(offset);
    assert.ok(lines.length > 0);
    await askEverything(uri, edited, rng);
    await client.sendNotification('textDocument/didClose', { textDocument: { uri } });
    // Diagnostics are published for the versions the server analysed: each inside the text of its version.
    for (const p of server!.published.splice(0)) {
      if (p.uri !== uri || p.version === undefined) continue;
      assertRangesInside(p.diagnostics, lineLengths(p.version === 1 ? text : edited), 'publishDiagnostics');
    }
  },
};

function offsetOf(text: string, p: Pos): number {
  const re = /\r\n|\r|\n/g;
  let start = 0;
  for (let line = 0; line < p.line; line++) {
    const m = re.exec(text);
    if (!m) return text.length;
    start = m.index + m[0].length;
  }
  return start + p.character;
}
