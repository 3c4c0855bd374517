// The main thread's side of a fuzz run: starts the target's worker, watches
// its progress counter for an input that never returns, and keeps every
// failing input in the corpus.
import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import { readCorpus, saveToCorpus } from './corpus';
import { Random } from './random';
import type { WorkerData, WorkerMessage } from './worker';
import { loadTarget } from '../targets';

export interface FuzzReport {
  target: string;
  corpus: number;
  generated: number;
  ms: number;
  /** Each failure in words, with where its input was kept. */
  failures: string[];
}

const POLL_MS = 200;

export function runTarget(name: string): Promise<FuzzReport> {
  const target = loadTarget(name);
  // Read before the worker starts, as the worker reads it: inputs kept during the run come after.
  const corpus = readCorpus(name, target.kind);
  const progress = new SharedArrayBuffer(4);
  const seq = new Int32Array(progress);
  const worker = new Worker(join(__dirname, 'worker.js'), { workerData: { target: name, progress } satisfies WorkerData });
  const failures: string[] = [];
  return new Promise((resolve) => {
    let last = 0;
    let lastChange = Date.now();
    let settled = false;
    const finish = (report: Omit<FuzzReport, 'target' | 'failures'>): void => {
      if (settled) return;
      settled = true;
      clearInterval(watch);
      void worker.terminate();
      resolve({ target: name, failures, ...report });
    };
    // A hang inside synchronous code: the worker's own deadline cannot fire, so the input is made again here.
    const watch = setInterval(() => {
      const now = Atomics.load(seq, 0);
      if (now !== last) {
        last = now;
        lastChange = Date.now();
        return;
      }
      if (now === 0 || Date.now() - lastChange < target.deadlineMs + 2000) return;
      const position = now - 1;
      const reason = `input ${position} ran past its deadline of ${target.deadlineMs} ms (synchronously; the worker was stopped)`;
      if (position < corpus.length) failures.push(`${reason}: ${corpus[position].file}`);
      else {
        const index = position - corpus.length;
        failures.push(`${reason}: kept in ${saveToCorpus(name, target.generate(Random.forInput(target.seed, index), index), reason)}`);
      }
      finish({ corpus: corpus.length, generated: Math.max(0, position - corpus.length), ms: Date.now() - lastChange });
    }, POLL_MS);
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'failure') {
        const input = typeof m.input === 'string' ? m.input : Buffer.from(m.input);
        const where = m.source === 'corpus' ? `corpus input ${m.file} fails again` : `generated input ${m.index} kept in ${saveToCorpus(name, input, m.reason)}`;
        failures.push(`${where}: ${m.reason}`);
      } else if (m.type === 'crash') {
        failures.push(`the worker failed outside any input: ${m.reason}`);
        finish({ corpus: 0, generated: 0, ms: 0 });
      } else finish(m);
    });
    worker.on('error', (error) => {
      failures.push(`the worker died: ${error.stack ?? String(error)}`);
      finish({ corpus: 0, generated: 0, ms: 0 });
    });
    worker.on('exit', (code) => {
      if (!settled) failures.push(`the worker exited (code ${code}) before it finished`);
      finish({ corpus: 0, generated: 0, ms: 0 });
    });
  });
}
