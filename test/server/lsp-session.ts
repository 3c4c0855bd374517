// A real LSP client over the stdio of a separate server process: what the
// server tests drive. Every session is closed with shutdown + exit, and the
// child is killed if it does not go.
import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { after, before } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  Diagnostic,
  DiagnosticSeverity,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  InitializeResult,
  ProtocolConnection,
  PublishDiagnosticsNotification,
  PublishDiagnosticsParams,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocumentContentChangeEvent,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import assert from 'node:assert/strict';
import { repoRoot, farmFiles } from '../support/paths';
import { runCli } from '../support/run-cli';

export const serverPath = join(repoRoot, 'dist', 'server.js');

export function uriOf(path: string): string {
  return pathToFileURL(path).href;
}

interface Waiter {
  uri: string;
  version: number;
  resolve: (d: Diagnostic[]) => void;
}

export class LspSession {
  readonly published: PublishDiagnosticsParams[] = [];
  readonly registrations: unknown[] = [];
  readonly messages: string[] = [];
  /** Progress reports the server sent ($/progress values), and how many times it asked to refresh code lenses. */
  readonly progress: unknown[] = [];
  lensRefreshes = 0;
  private readonly documents = new Map<string, TextDocument>();
  private waiters: Waiter[] = [];
  initializeResult!: InitializeResult;

  private constructor(
    readonly child: ChildProcess,
    readonly connection: ProtocolConnection,
  ) {
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      this.published.push(p);
      const ready = this.waiters.filter((w) => w.uri === p.uri && p.version === w.version);
      this.waiters = this.waiters.filter((w) => !ready.includes(w));
      for (const w of ready) w.resolve(p.diagnostics);
    });
    connection.onRequest(RegistrationRequest.type, (p) => {
      this.registrations.push(...p.registrations);
    });
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onNotification('$/progress', (p: { value: unknown }) => {
      this.progress.push(p.value);
    });
    connection.onRequest('workspace/codeLens/refresh', () => {
      this.lensRefreshes++;
      return null;
    });
    connection.onNotification('window/showMessage', (p: { message: string }) => {
      this.messages.push(p.message);
    });
    connection.onNotification('window/logMessage', (p: { message: string }) => {
      this.messages.push(p.message);
    });
  }

  /** Starts dist/server.js --stdio (or another command line speaking LSP on stdio) and initializes it. */
  static async start(args: string[] = [serverPath, '--stdio'], initializationOptions?: Record<string, unknown>): Promise<LspSession> {
    const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (d) => (stderr += d));
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const session = new LspSession(child, connection);
    connection.listen();
    try {
      session.initializeResult = await connection.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        rootUri: uriOf(repoRoot),
        initializationOptions,
        workspaceFolders: null,
        capabilities: {
          workspace: { didChangeWatchedFiles: { dynamicRegistration: true }, workspaceEdit: { documentChanges: false }, codeLens: { refreshSupport: true } },
          window: { workDoneProgress: true },
          textDocument: {
            publishDiagnostics: { versionSupport: true },
            completion: { completionItem: { snippetSupport: true } },
            rename: { prepareSupport: true },
          },
        },
      });
    } catch (err) {
      child.kill();
      throw new Error(`the server did not initialize: ${(err as Error).message}\n${stderr}`);
    }
    await connection.sendNotification(InitializedNotification.type, {});
    return session;
  }

  text(uri: string): string {
    return this.documents.get(uri)!.getText();
  }

  version(uri: string): number {
    return this.documents.get(uri)!.version;
  }

  /** Opens a document and waits for its first diagnostics. */
  async open(uri: string, text: string): Promise<Diagnostic[]> {
    this.documents.set(uri, TextDocument.create(uri, 'farm', 1, text));
    const published = this.diagnosticsFor(uri, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'farm', version: 1, text } });
    return published;
  }

  /** Sends incremental changes as one new version; resolves with that version's diagnostics. */
  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<Diagnostic[]> {
    const previous = this.documents.get(uri)!;
    const version = previous.version + 1;
    this.documents.set(uri, TextDocument.update(previous, changes, version));
    const published = this.diagnosticsFor(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
    return published;
  }

  /** Sends a change without waiting for its diagnostics (for bursts of typing). */
  async changeQuietly(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const previous = this.documents.get(uri)!;
    const version = previous.version + 1;
    this.documents.set(uri, TextDocument.update(previous, changes, version));
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  /** Applies a WorkspaceEdit's changes for the document, as an editor would, as one incremental change. */
  async applyEdit(uri: string, edit: WorkspaceEdit): Promise<Diagnostic[]> {
    const edits = edit.changes?.[uri] ?? [];
    return this.applyTextEdits(uri, edits);
  }

  async applyTextEdits(uri: string, edits: TextEdit[]): Promise<Diagnostic[]> {
    // Last first, so that each range still means what the server meant.
    const sorted = [...edits].sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character);
    return this.change(uri, sorted.map((e) => ({ range: e.range, text: e.newText })));
  }

  /** The next diagnostics published for the document after `count` publications in all. */
  nextDiagnostics(uri: string, count: number): Promise<Diagnostic[]> {
    return new Promise((resolve) => {
      const look = (): void => {
        const p = this.published.slice(count).find((x) => x.uri === uri);
        if (p) resolve(p.diagnostics);
        else setTimeout(look, 5);
      };
      look();
    });
  }

  diagnosticsFor(uri: string, version: number): Promise<Diagnostic[]> {
    const already = this.published.find((p) => p.uri === uri && p.version === version);
    if (already) return Promise.resolve(already.diagnostics);
    return new Promise((resolve) => this.waiters.push({ uri, version, resolve }));
  }

  async close(uri: string): Promise<void> {
    this.documents.delete(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  async stop(): Promise<void> {
    const exited = new Promise<void>((resolve) => {
      if (this.child.exitCode !== null) resolve();
      else this.child.once('exit', () => resolve());
    });
    try {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // A server that is gone already needs no shutdown.
    }
    const timer = setTimeout(() => this.child.kill(), 5000);
    await exited;
    clearTimeout(timer);
    this.connection.dispose();
  }
}

const severityNames: Record<number, string> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'information',
  [DiagnosticSeverity.Hint]: 'hint',
};

/** The LSP diagnostics in the CLI's JSON shape. */
export function asCheckJson(diagnostics: Diagnostic[]): unknown[] {
  return diagnostics.map((d) => ({ code: d.code, severity: severityNames[d.severity!], message: d.message, range: d.range }));
}

/** `office-farm check --format json` of several files in one run (the CLI takes a second to start). */
export function checkJson(files: string[]): Map<string, unknown[]> {
  const r = runCli(['check', '--format', 'json', ...files]);
  assert.ok(r.status === 0 || r.status === 1, r.stderr);
  return new Map((JSON.parse(r.stdout) as Array<{ file: string; diagnostics: unknown[] }>).map((f) => [f.file, f.diagnostics]));
}


/** A sample (examples/ or test/conformance/) by folder and file name. */
export function sampleFile(folder: 'examples' | 'conformance', name: string): string {
  const file = farmFiles(folder).find((f) => basename(f) === name);
  if (!file) throw new Error(`no ${folder}/${name} among the samples`);
  return file;
}

/**
 * One server for a test file: started before its tests, with `open`'s files
 * open, and stopped after them. Call the returned function for the session.
 */
export function useSession(options: { open?: string[]; initializationOptions?: Record<string, unknown> } = {}): () => LspSession {
  let session: LspSession | undefined;
  before(async () => {
    session = await LspSession.start(undefined, options.initializationOptions);
    for (const file of options.open ?? []) await session.open(uriOf(file), readFileSync(file, 'utf8'));
  });
  after(async () => {
    await session?.stop();
  });
  return () => {
    if (!session) throw new Error('the language server session has not started');
    return session;
  };
}
