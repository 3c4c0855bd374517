// Drives one language server, started as its own process over stdio, the way
// an editor does: initialize, open a document, type into it, and time each
// answer (textDocument/publishDiagnostics). It knows nothing of the server's
// internals — only the protocol.
import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createMessageConnection, MessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { Diagnostic, InitializeResult, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

export interface ServerCommand {
  /** As the table names it. */
  label: string;
  command: string;
  args: string[];
  languageId: string;
  /** Answers to workspace/configuration, by section. */
  settings?: Record<string, unknown>;
}

export interface EditTarget {
  line: number;
  character: number;
}

export interface Timings {
  p50: number;
  p95: number;
  max: number;
  mean: number;
  count: number;
}

export interface DocumentRun {
  /** Spawn to the initialize result (process start included). */
  initializeMs: number;
  /** didOpen to the first publishDiagnostics for the document (main.ts puts the median of several fresh servers here). */
  openMs: number;
  openDiagnostics: number;
  /** Each edit to the next publishDiagnostics for its version (ms). */
  edits: Timings;
  editSamples: number[];
  /** Diagnostics after the last edit. */
  finalDiagnostics: number;
  /** VmHWM of the server process after the edits (MB, 2^20 bytes). */
  peakRssMB: number;
  /** Server CPU time (user + system) from spawn to the end of the edits (s). */
  serverCpuS: number;
  /** Whether the server says which version its diagnostics are for. */
  versionedDiagnostics: boolean;
  /** 1 full, 2 incremental: what the server asked for. */
  textDocumentSync: number;
  /** The planted document, opened after the measurement. */
  planted?: { openMs: number; diagnostics: Array<Pick<Diagnostic, 'code' | 'message' | 'range'>> };
  /** CLOCK_MONOTONIC in µs (the clock of V8's CPU profiles) at didOpen, at the first edit, after the last answer. */
  marksUs: { open: number; edits: number; end: number };
}

const monotonicUs = (): number => Number(process.hrtime.bigint() / 1000n);

export interface DriveOptions {
  server: ServerCommand;
  uri: string;
  text: string;
  target: EditTarget;
  edits: number;
  planted?: { uri: string; text: string };
  /** Longest wait for one answer (ms). */
  timeoutMs: number;
  /** Settings pushed after `initialized` (workspace/didChangeConfiguration). */
  pushSettings?: unknown;
  log?: (line: string) => void;
}

const typed = 'abcdefghijklmnopqrstuvwxyz';

export async function driveServer(o: DriveOptions): Promise<DocumentRun> {
  const started = performance.now();
  const child = spawn(o.server.command, o.server.args, { stdio: ['pipe', 'pipe', 'pipe'] });
  const stderr: string[] = [];
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => {
    if (stderr.length < 200) stderr.push(chunk);
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const waiters = new Set<{ accept: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }>();
  let versioned = false;
  let configurationPulled: () => void = () => {};
  const pulled = new Promise<void>((resolve) => (configurationPulled = resolve));

  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    const at = performance.now();
    if (params.version !== undefined && params.version !== null) versioned = true;
    for (const w of waiters) {
      if (w.accept(params)) {
        waiters.delete(w);
        (w.resolve as (p: PublishDiagnosticsParams & { at: number }) => void)({ ...params, at } as PublishDiagnosticsParams & { at: number });
      }
    }
  });
  connection.onNotification(() => undefined);
  connection.onRequest('workspace/configuration', (params: { items: Array<{ section?: string }> }) => {
    configurationPulled();
    return params.items.map((item) => (item.section !== undefined ? o.server.settings?.[item.section] ?? null : null));
  });
  connection.onRequest(() => null);
  connection.onError(([error]) => o.log?.(`${o.server.label}: connection error ${error.message}`));
  connection.listen();

  const waitFor = (accept: (p: PublishDiagnosticsParams) => boolean, what: string): Promise<PublishDiagnosticsParams & { at: number }> =>
    new Promise((resolve, reject) => {
      const w = { accept, resolve: resolve as (p: PublishDiagnosticsParams) => void };
      waiters.add(w);
      const timer = setTimeout(() => {
        waiters.delete(w);
        reject(new Error(`${o.server.label}: no ${what} within ${o.timeoutMs} ms${stderr.length ? `; stderr: ${stderr.join('').slice(0, 500)}` : ''}`));
      }, o.timeoutMs);
      const done = w.resolve;
      w.resolve = (p) => {
        clearTimeout(timer);
        done(p);
      };
      exited.then((code) => {
        if (waiters.delete(w)) {
          clearTimeout(timer);
          reject(new Error(`${o.server.label}: exited with ${code} while waiting for ${what}${stderr.length ? `; stderr: ${stderr.join('').slice(0, 500)}` : ''}`));
        }
      });
    });

  try {
    const init = (await Promise.race([
      connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri: null,
        workspaceFolders: null,
        clientInfo: { name: 'office-farm-bench', version: '1' },
        capabilities: {
          workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false }, workspaceFolders: false },
          textDocument: {
            synchronization: { dynamicRegistration: false, didSave: false, willSave: false },
            publishDiagnostics: { versionSupport: true, relatedInformation: false },
          },
          window: { workDoneProgress: false },
        },
      }),
      exited.then((code) => Promise.reject(new Error(`${o.server.label}: exited with ${code} before initialize${stderr.length ? `; stderr: ${stderr.join('').slice(0, 500)}` : ''}`))),
      delay(o.timeoutMs).then(() => Promise.reject(new Error(`${o.server.label}: no initialize result within ${o.timeoutMs} ms`))),
    ])) as InitializeResult;
    const initializeMs = performance.now() - started;
    const sync = init.capabilities.textDocumentSync;
    const textDocumentSync = typeof sync === 'number' ? sync : sync?.change ?? 0;
    connection.sendNotification('initialized', {});
    if (o.pushSettings !== undefined) {
      connection.sendNotification('workspace/didChangeConfiguration', { settings: o.pushSettings });
      // A server that pulls its settings does so now; wait for the pull (bounded) so the
      // document is validated with them.
      await Promise.race([pulled, delay(5000)]);
      await delay(50);
    }

    // Open.
    const opened = waitFor((p) => p.uri === o.uri && (p.version === undefined || p.version === null || p.version === 1), 'diagnostics after didOpen');
    const openUs = monotonicUs();
    const t0 = performance.now();
    connection.sendNotification('textDocument/didOpen', { textDocument: { uri: o.uri, languageId: o.server.languageId, version: 1, text: o.text } });
    const first = await opened;
    const openMs = first.at - t0;
    o.log?.(`${o.server.label}: open ${openMs.toFixed(0)} ms, ${first.diagnostics.length} diagnostics`);

    // Type.
    const samples: number[] = [];
    let text = o.text;
    const lineStart = offsetOfLine(o.text, o.target.line);
    let last = first;
    const editsUs = monotonicUs();
    for (let i = 0; i < o.edits; i++) {
      const version = i + 2;
      const ch = typed[i % typed.length];
      const position = { line: o.target.line, character: o.target.character + i };
      const offset = lineStart + o.target.character + i;
      text = text.slice(0, offset) + ch + text.slice(offset);
      const change = textDocumentSync === 2 ? { range: { start: position, end: position }, text: ch } : { text };
      const answered = waitFor((p) => p.uri === o.uri && (p.version === undefined || p.version === null || p.version === version), `diagnostics for version ${version}`);
      const t = performance.now();
      connection.sendNotification('textDocument/didChange', { textDocument: { uri: o.uri, version }, contentChanges: [change] });
      last = await answered;
      samples.push(last.at - t);
    }
    const endUs = monotonicUs();
    const peakRssMB = procStatusMB(child, 'VmHWM');
    const serverCpuS = procCpuSeconds(child);
    if (samples.length > 0) o.log?.(`${o.server.label}: edits p50 ${percentile(samples, 50).toFixed(0)} ms, peak RSS ${peakRssMB.toFixed(0)} MB`);

    let planted: DocumentRun['planted'];
    if (o.planted) {
      const plantedUri = o.planted.uri;
      const answer = waitFor((p) => p.uri === plantedUri, 'diagnostics for the planted document');
      const tp = performance.now();
      connection.sendNotification('textDocument/didOpen', { textDocument: { uri: plantedUri, languageId: o.server.languageId, version: 1, text: o.planted.text } });
      const got = await answer;
      planted = { openMs: got.at - tp, diagnostics: got.diagnostics.map((d) => ({ code: d.code, message: d.message, range: d.range })) };
    }

    return {
      initializeMs,
      openMs,
      openDiagnostics: first.diagnostics.length,
      edits: summarize(samples),
      editSamples: samples.map((x) => Math.round(x * 10) / 10),
      finalDiagnostics: last.diagnostics.length,
      peakRssMB,
      serverCpuS,
      versionedDiagnostics: versioned,
      textDocumentSync,
      planted,
      marksUs: { open: openUs, edits: editsUs, end: endUs },
    };
  } finally {
    await shutdown(connection, child, exited);
  }
}

async function shutdown(connection: MessageConnection, child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    try {
      await Promise.race([connection.sendRequest('shutdown'), delay(3000)]);
      connection.sendNotification('exit');
    } catch {
      // the process is going away anyway
    }
    const gone = await Promise.race([exited.then(() => true), delay(3000).then(() => false)]);
    if (!gone) {
      child.kill('SIGKILL');
      await Promise.race([exited, delay(2000)]);
    }
  }
  connection.dispose();
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function offsetOfLine(text: string, line: number): number {
  let offset = 0;
  for (let i = 0; i < line; i++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) throw new Error(`the text has no line ${line}`);
    offset = next + 1;
  }
  return offset;
}

function procStatusMB(child: ChildProcess, field: 'VmHWM' | 'VmRSS'): number {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  if (!m) throw new Error(`no ${field} in /proc/${child.pid}/status`);
  return Number(m[1]) / 1024;
}

function procCpuSeconds(child: ChildProcess): number {
  const stat = readFileSync(`/proc/${child.pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of stat, in clock ticks (100 per second on Linux).
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))];
}

export function summarize(samples: number[]): Timings {
  const r = (x: number): number => Math.round(x * 10) / 10;
  return {
    p50: r(percentile(samples, 50)),
    p95: r(percentile(samples, 95)),
    max: r(Math.max(...samples)),
    mean: r(samples.reduce((a, b) => a + b, 0) / samples.length),
    count: samples.length,
  };
}

/** The line and column just before the closing quote of the first `needle` value nearest the middle line. */
export function middleTarget(text: string, needle: RegExp): EditTarget {
  const lines = text.split('\n');
  const middle = Math.floor(lines.length / 2);
  for (let d = 0; d < lines.length; d++) {
    for (const line of [middle + d, middle - d]) {
      if (line < 0 || line >= lines.length) continue;
      const m = needle.exec(lines[line]);
      if (m) return { line, character: m.index + m[0].length };
    }
  }
  throw new Error(`no line matches ${needle}`);
}
