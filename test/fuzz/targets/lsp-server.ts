// The real language server in this thread (startServer over a pair of
// in-memory streams, as over stdio), and a client that checks every range
// it answers: inside the document it was asked about, for every request the
// server offers, at positions inside and outside the text.
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { createConnection } from 'vscode-languageserver/node';
import { createProtocolConnection, ProtocolConnection, PublishDiagnosticsParams, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { startServer } from '../../../src/server/start';

export interface InProcessServer {
  client: ProtocolConnection;
  published: PublishDiagnosticsParams[];
  close(): void;
}

export async function startInProcessServer(): Promise<InProcessServer> {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  const server = createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
  startServer(server);
  const client = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  const published: PublishDiagnosticsParams[] = [];
  client.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    published.push(p);
  });
  client.onRequest('window/workDoneProgress/create', () => null);
  client.onRequest('workspace/codeLens/refresh', () => null);
  client.onNotification('window/logMessage', () => undefined);
  client.onNotification('window/showMessage', () => undefined);
  client.listen();
  await client.sendRequest('initialize', {
    processId: null,
    rootUri: null,
    workspaceFolders: null,
    initializationOptions: { diagnosticsDelayMs: 0 },
    capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } }, window: { workDoneProgress: false } },
  });
  await client.sendNotification('initialized', {});
  return {
    client,
    published,
    close: () => {
      client.dispose();
      server.dispose();
      toServer.destroy();
      toClient.destroy();
    },
  };
}

/** Line lengths as LSP counts them: \n, \r\n and \r end a line. */
export function lineLengths(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((l) => l.length);
}

interface Position {
  line: number;
  character: number;
}

function isPosition(v: unknown): v is Position {
  return typeof v === 'object' && v !== null && typeof (v as Position).line === 'number' && typeof (v as Position).character === 'number';
}

/** Every {start, end} position pair anywhere in an answer lies inside the document. */
export function assertRangesInside(answer: unknown, lines: number[], what: string): void {
  const inside = (p: Position): boolean => Number.isInteger(p.line) && Number.isInteger(p.character) && p.line >= 0 && p.line < lines.length && p.character >= 0 && p.character <= lines[p.line];
  const seen = new Set<unknown>();
  const walk = (v: unknown, path: string): void => {
    if (typeof v !== 'object' || v === null || seen.has(v)) return;
    seen.add(v);
    const r = v as { start?: unknown; end?: unknown };
    if (isPosition(r.start) && isPosition(r.end)) {
      assert.ok(inside(r.start) && inside(r.end), `${what}: range ${JSON.stringify(r)} at ${path} is outside a document of ${lines.length} lines`);
      assert.ok(r.start.line < r.end.line || (r.start.line === r.end.line && r.start.character <= r.end.character), `${what}: range ${JSON.stringify(r)} at ${path} ends before it starts`);
    }
    for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`);
  };
  walk(answer, '$');
}

/** Semantic tokens as relative quintuples: each token inside its line. */
export function assertTokensInside(data: number[], lines: number[]): void {
  assert.equal(data.length % 5, 0, 'semantic tokens are not quintuples');
  let line = 0;
  let char = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i];
    char = data[i] === 0 ? char + data[i + 1] : data[i + 1];
    assert.ok(line < lines.length && char + data[i + 2] <= lines[line], `semantic token at ${line}:${char} (+${data[i + 2]}) is outside its line`);
  }
}
