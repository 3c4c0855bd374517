// The language server under a hostile or broken client, over the stdio of a
// real dist/server.js process: bytes that are not JSON-RPC, JSON-RPC with
// wrong types, unknown methods, requests about documents never opened and
// positions outside them, and a flood of 10,000 edits. After each the server
// still answers a plain request, and its heap after GC stays bounded.
import assert from 'node:assert/strict';
import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { StreamMessageReader, type Message } from 'vscode-languageserver-protocol/node';
import { serverPath } from '../server/lsp-session';

interface Answer {
  id?: number | string | null;
  result?: unknown;
  error?: { code: number; message: string };
}

class RawClient {
  private readonly answers = new Map<number | string, (a: Answer) => void>();
  readonly unmatched: Answer[] = [];
  stderr = '';
  private nextId = 1000;

  constructor(readonly child: ChildProcess) {
    const reader = new StreamMessageReader(child.stdout!);
    reader.listen((m: Message) => {
      const a = m as Answer & { method?: string };
      if (a.method !== undefined) {
        // The server's own requests (progress, registration): answered so that it does not wait.
        if (a.id !== undefined) this.send({ jsonrpc: '2.0', id: a.id, result: null });
        return;
      }
      const waiter = a.id === undefined || a.id === null ? undefined : this.answers.get(a.id);
      if (waiter) {
        this.answers.delete(a.id!);
        waiter(a);
      } else this.unmatched.push(a);
    });
    child.stderr!.on('data', (d) => (this.stderr += d));
  }

  /** Raw bytes, framed or not. */
  write(bytes: string | Buffer): void {
    this.child.stdin!.write(bytes);
  }

  send(message: unknown): void {
    const body = Buffer.from(JSON.stringify(message));
    this.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`), body]));
  }

  request(method: string, params: unknown, id: number | string = this.nextId++): Promise<Answer> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no answer to ${method} within 20 s; server stderr:\n${this.stderr}`)), 20_000);
      this.answers.set(id, (a) => {
        clearTimeout(timer);
        resolve(a);
      });
      this.send({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  /** The heap in use after two full collections, as the preloaded heap-report prints it. */
  heapAfterGc(): Promise<number> {
    return new Promise((resolve, reject) => {
      const from = this.stderr.length;
      const timer = setTimeout(() => reject(new Error('no heap report')), 10_000);
      const look = (): void => {
        const m = /heap-used (\d+)\n/.exec(this.stderr.slice(from));
        if (m) {
          clearTimeout(timer);
          resolve(Number(m[1]));
        } else setTimeout(look, 20);
      };
      this.child.kill('SIGUSR2');
      look();
    });
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }
}

const doc = 'file:///resilience/farm.farm';
const text = 'farm contoso { realm = "contoso.com" }\n\nexchange ex01 {\n  host   = "mail.contoso.com"\n  trusts = [sp01]\n}\n\nsharepoint sp01 {\n  url    = "https://intranet.contoso.com"\n  trusts = [ex01]\n}\n';

describe('language server resilience', () => {
  let client: RawClient;
  before(async () => {
    const child = spawn(process.execPath, ['--expose-gc', '-r', join(__dirname, 'heap-report.js'), serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    client = new RawClient(child);
    const init = await client.request('initialize', { processId: null, rootUri: null, capabilities: {}, initializationOptions: { diagnosticsDelayMs: 0 } });
    assert.ok(init.result, JSON.stringify(init));
    client.notify('initialized', {});
  });
  after(async () => {
    if (client.alive) {
      await client.request('shutdown', null).catch(() => undefined);
      client.notify('exit', null);
    }
    setTimeout(() => client.child.kill(), 2000).unref();
  });

  /** The server is alive and answers a plain request. */
  async function stillAnswers(): Promise<void> {
    const a = await client.request('workspace/symbol', { query: '' });
    assert.ok(client.alive, 'the server process ended');
    assert.ok(a.error === undefined, `a plain request failed: ${JSON.stringify(a.error)}`);
  }

  test('bytes that are not JSON-RPC: bad headers, bad JSON, bodies that are not messages', async () => {
    const bodies = ['{bad json', '[]', '42', '"x"', 'null', '{}', '{"jsonrpc":"2.0"}', '{"jsonrpc":"2.0","id":{},"method":5}', '{"jsonrpc":"1.0","id":1,"method":"initialize"}', '\u0000\u00ff'];
    for (const body of bodies) {
      const b = Buffer.from(body);
      client.write(Buffer.concat([Buffer.from(`Content-Length: ${b.length}\r\n\r\n`), b]));
      await stillAnswers();
    }
    // A charset the reader does not know: that message is dropped, the next one read.
    client.write('Content-Length: 2\r\nContent-Type: application/vscode-jsonrpc; charset=latin-9\r\n\r\n{}');
    await stillAnswers();
  });

  test('JSON-RPC with wrong types: every request the server offers, with params of the wrong shape', async (t) => {
    const methods = [
      'textDocument/completion', 'textDocument/hover', 'textDocument/definition', 'textDocument/references', 'textDocument/documentHighlight',
      'textDocument/prepareRename', 'textDocument/rename', 'textDocument/documentSymbol', 'workspace/symbol', 'textDocument/foldingRange',
      'textDocument/selectionRange', 'textDocument/formatting', 'textDocument/rangeFormatting', 'textDocument/semanticTokens/full',
      'textDocument/codeAction', 'textDocument/inlayHint', 'textDocument/codeLens', 'workspace/executeCommand', 'office-farm/topology',
    ];
    const wrong = [null, 5, 'x', [], {}, { textDocument: 5 }, { textDocument: { uri: 7 }, position: 'here' }, { textDocument: { uri: doc }, position: { line: 'a', character: null } }, { textDocument: { uri: doc }, range: { start: 1, end: 2 } }, { command: 'office-farm.probe', arguments: [5, {}] }, { query: 5 }, { uri: [] }];
    let answered = 0;
    const codes = new Map<string, number>();
    for (const method of methods) {
      for (const params of wrong) {
        const a = await client.request(method, params);
        assert.ok('result' in a || a.error, `${method} gave neither a result nor an error`);
        const key = a.error ? `error ${a.error.code}` : 'result';
        codes.set(key, (codes.get(key) ?? 0) + 1);
        answered++;
      }
    }
    t.diagnostic(`answers to ${answered} ill-typed requests: ${[...codes].map(([k, n]) => `${n} ${k}`).join(', ')}`);
    await stillAnswers();
    assert.equal(answered, methods.length * wrong.length);
  });

  test('unknown methods are answered MethodNotFound; unknown notifications are ignored', async () => {
    const a = await client.request('office-farm/noSuchThing', {});
    assert.equal(a.error?.code, -32601);
    client.notify('office-farm/noSuchNotification', { x: 1 });
    client.notify('$/cancelRequest', { id: 'never-sent' });
    await stillAnswers();
  });

  test('requests about a document never opened, and positions outside an open one', async () => {
    const missing = { uri: 'file:///resilience/never-opened.farm' };
    for (const method of ['textDocument/hover', 'textDocument/completion', 'textDocument/definition', 'textDocument/rename', 'textDocument/prepareRename']) {
      const a = await client.request(method, { textDocument: missing, position: { line: 0, character: 0 }, newName: 'x' });
      assert.ok('result' in a || a.error, method);
    }
    for (const method of ['textDocument/documentSymbol', 'textDocument/formatting', 'textDocument/semanticTokens/full', 'textDocument/codeLens', 'office-farm/topology']) {
      const a = await client.request(method, { textDocument: missing, uri: missing.uri, options: { tabSize: 2, insertSpaces: true } });
      assert.ok('result' in a || a.error, method);
    }
    client.notify('textDocument/didChange', { textDocument: { uri: missing.uri, version: 2 }, contentChanges: [{ text: 'x' }] });
    client.notify('textDocument/didClose', { textDocument: missing });
    client.notify('textDocument/didOpen', { textDocument: { uri: doc, languageId: 'farm', version: 1, text } });
    for (const position of [{ line: 999, character: 0 }, { line: 0, character: 99_999 }, { line: -1, character: -1 }, { line: 2 ** 31, character: 2 ** 31 }, { line: 1.5, character: 0.5 }]) {
      for (const method of ['textDocument/hover', 'textDocument/completion', 'textDocument/definition', 'textDocument/references', 'textDocument/rename', 'textDocument/selectionRange']) {
        const a = await client.request(method, { textDocument: { uri: doc }, position, positions: [position], newName: 'x', context: { includeDeclaration: true } });
        assert.ok('result' in a || a.error, `${method} at ${JSON.stringify(position)}`);
      }
    }
    await stillAnswers();
  });

  test('a flood of 10,000 edits: answered after, and the heap after GC stays bounded', async (t) => {
    const warm = await client.heapAfterGc();
    let version = 1;
    // Typing at the end of the ex01 block, one character per change, none waited for.
    for (let i = 0; i < 10_000; i++) {
      const line = 4;
      client.notify('textDocument/didChange', {
        textDocument: { uri: doc, version: ++version },
        contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: i % 50 === 49 ? '\n' : ' ' }],
      });
    }
    // Out-of-order and stale versions too.
    client.notify('textDocument/didChange', { textDocument: { uri: doc, version: 3 }, contentChanges: [{ text: 'exchange' }] });
    const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri: doc } });
    assert.ok(Array.isArray(symbols.result), JSON.stringify(symbols).slice(0, 300));
    client.notify('textDocument/didClose', { textDocument: { uri: doc } });
    await stillAnswers();
    const settled = await client.heapAfterGc();
    t.diagnostic(`heap after GC: ${(warm / 1048576).toFixed(1)} MB before the flood, ${(settled / 1048576).toFixed(1)} MB after it`);
    // Generous: the flood's text is 10 kB; what must not happen is keeping every version (or every analysis).
    assert.ok(settled < warm + 40 * 1024 * 1024, `heap after GC went from ${warm} to ${settled} bytes`);
    assert.ok(client.alive);
  });

  test('a header without a usable Content-Length: the stream cannot be read on, but the server does not die', async () => {
    // Where a message ends is what the header says; without it no reader can find the next one (docs/robustness.md).
    // The client sees the server stop answering and restarts it; this server ends only when its input does.
    for (const frame of ['Content-Type: application/json\r\n\r\n{}', 'Content-Length: abc\r\n\r\n']) {
      const child = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
      const other = new RawClient(child);
      await other.request('initialize', { processId: null, rootUri: null, capabilities: {} });
      other.write(frame);
      await new Promise((resolve) => setTimeout(resolve, 500));
      assert.ok(other.alive, `the server died after ${JSON.stringify(frame)}: ${other.stderr}`);
      child.stdin!.end();
      const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
      assert.equal(code, 1, 'the server did not end with its input');
    }
  });
});
