// analyze() in process, under V8's sampling profiler (node:inspector), with
// its samples attributed to core's modules the same way as the server's
// profile — through the public API only, so this keeps working while core
// changes inside. Plus what the server adds around one edit: applying the
// change to its text document, and JSON for a didOpen message.
import { Session } from 'node:inspector';
import { performance } from 'node:perf_hooks';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../src/core';

export interface CpuProfileLike {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }>;
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.floor(s.length / 2)] * 10) / 10;
};

function post<T>(session: Session, method: string, params?: object): Promise<T> {
  return new Promise((resolve, reject) => session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result as T))));
}

/** Times analyze (5 runs after a warm-up) and profiles 5 more runs. */
export async function profileAnalyze(text: string, runs = 5): Promise<{ timings: Record<string, number>; profile: CpuProfileLike }> {
  analyze(text);
  const analyzeMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    analyze(text);
    analyzeMs.push(performance.now() - t);
  }
  const session = new Session();
  session.connect();
  await post(session, 'Profiler.enable');
  await post(session, 'Profiler.setSamplingInterval', { interval: 200 });
  await post(session, 'Profiler.start');
  for (let i = 0; i < runs; i++) analyze(text);
  const { profile } = await post<{ profile: CpuProfileLike }>(session, 'Profiler.stop');
  session.disconnect();

  const update: number[] = [];
  const stringify: number[] = [];
  const parse: number[] = [];
  for (let i = 0; i < runs; i++) {
    const doc = TextDocument.create('file:///x.farm', 'farm', 1, text);
    const middle = doc.positionAt(text.length >> 1);
    let t = performance.now();
    TextDocument.update(doc, [{ range: { start: middle, end: middle }, text: 'x' }], 2);
    doc.getText();
    update.push(performance.now() - t);
    t = performance.now();
    const message = JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri: 'file:///x.farm', languageId: 'farm', version: 1, text } } });
    stringify.push(performance.now() - t);
    t = performance.now();
    JSON.parse(message);
    parse.push(performance.now() - t);
  }
  return {
    timings: {
      'analyze (whole file, fresh)': median(analyzeMs),
      'TextDocument.update + getText, 1 character': median(update),
      'JSON.stringify of the didOpen message': median(stringify),
      'JSON.parse of the didOpen message': median(parse),
    },
    profile,
  };
}
