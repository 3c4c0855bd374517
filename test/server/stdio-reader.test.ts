// The reader of LSP messages on standard input: whatever way the bytes are
// cut into chunks, the same messages come out, in order; bad headers and
// bad JSON are reported, not thrown. And the server over --stdio leaves
// with 1 when its input ends without a shutdown, as the library's own did.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { test } from 'node:test';
import fc from 'fast-check';
import type { Message } from 'vscode-languageserver/node';
import { StdioMessageReader } from '../../src/server/stdio-reader';
import { serverPath } from './lsp-session';

class FakeStream extends EventEmitter {
  push(chunk: Buffer): void {
    this.emit('data', chunk);
  }
}

function frame(body: string, header = (n: number) => `Content-Length: ${n}\r\n\r\n`): Buffer {
  const bytes = Buffer.from(body, 'utf8');
  return Buffer.concat([Buffer.from(header(bytes.length), 'latin1'), bytes]);
}

function readAll(bytes: Buffer, cuts: number[]): { messages: Message[]; errors: string[] } {
  const stream = new FakeStream();
  const reader = new StdioMessageReader(stream);
  const messages: Message[] = [];
  const errors: string[] = [];
  reader.onError((e) => errors.push(e.message));
  reader.listen((m) => messages.push(m));
  let at = 0;
  for (const cut of [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b)) {
    stream.push(bytes.subarray(at, cut));
    at = cut;
  }
  stream.push(bytes.subarray(at));
  return { messages, errors };
}

const bodies = [
  { jsonrpc: '2.0', id: 1, method: 'initialize', params: { capabilities: {} } },
  { jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri: 'file:///a.farm', text: 'exchange ex01 { host = "é😀" }\n' } } },
  { jsonrpc: '2.0', id: 2, result: null },
  { jsonrpc: '2.0', method: 'x', params: { s: 'ünïcödé ✓ '.repeat(50) } },
];

test('messages come out whole and in order however the bytes are cut', () => {
  const bytes = Buffer.concat([
    ...bodies.map((b) => frame(JSON.stringify(b))),
    frame(JSON.stringify(bodies[0]), (n) => `content-length:${n}\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n`),
  ]);
  fc.assert(
    fc.property(fc.array(fc.nat(), { maxLength: 40 }), (cuts) => {
      const { messages, errors } = readAll(bytes, cuts);
      assert.deepEqual(errors, []);
      assert.deepEqual(messages, [...bodies, bodies[0]]);
    }),
    { numRuns: 1000, seed: 21 },
  );
  // One byte at a time: every multi-byte character is cut somewhere.
  const { messages } = readAll(bytes, Array.from({ length: bytes.length }, (_, i) => i));
  assert.deepEqual(messages, [...bodies, bodies[0]]);
});

test('a header without Content-Length, another charset and a body that is not JSON are reported', () => {
  assert.match(readAll(Buffer.from('Content-Type: application/json\r\n\r\n{}', 'latin1'), []).errors[0], /Content-Length/);
  assert.match(readAll(frame('{}', (n) => `Content-Length: ${n}\r\nContent-Type: application/json; charset=utf-16\r\n\r\n`), []).errors[0], /charset/);
  const notJson = readAll(Buffer.concat([frame('{"jsonrpc": '), frame(JSON.stringify(bodies[2]))]), [3, 30]);
  assert.match(notJson.errors[0], /not valid JSON/);
  // JSON that is no object is reported, and the reader goes on with the next message.
  const notObjects = readAll(Buffer.concat([frame('null'), frame('[1]'), frame('7'), frame('{"jsonrpc":"2.0","method":"exit"}')]), []);
  assert.deepEqual(notObjects.errors.map((e) => /must be a JSON object/.test(e)), [true, true, true]);
  assert.deepEqual(notObjects.messages, [{ jsonrpc: '2.0', method: 'exit' }]);
  assert.deepEqual(notJson.messages, [bodies[2]], 'the reader goes on with the next message');
});

for (const [label, args] of [['dist/server.js --stdio', [serverPath, '--stdio']]] as const) {
  test(`${label} leaves with 1 when its input ends without a shutdown`, async () => {
    const child = spawn(process.execPath, [...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    child.stdin.end();
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    assert.equal(code, 1);
  });
}
