// Runs one target inside a worker thread: the corpus first, then the
// generated inputs. The shared counter tells the main thread which input is
// running, so a synchronous hang (which no timer inside this thread could
// interrupt) is seen from outside and the input made again there.
import { parentPort, workerData } from 'node:worker_threads';
import { readCorpus } from './corpus';
import { Random } from './random';
import { scaled, type FuzzInput, type FuzzTarget } from './target';
import { loadTarget } from '../targets';

export interface WorkerData {
  target: string;
  progress: SharedArrayBuffer;
}

export type WorkerMessage =
  | { type: 'failure'; source: 'corpus' | 'generated'; index: number; file?: string; reason: string; input: FuzzInput }
  | { type: 'done'; corpus: number; generated: number; ms: number }
  | { type: 'crash'; reason: string };

/** Stops a run that fails everywhere from filling the corpus. */
const MAX_FAILURES = 10;

class DeadlineError extends Error {}

async function withDeadline(work: () => Promise<void> | void, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      Promise.resolve().then(work),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new DeadlineError(`no answer within ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}\n${(error.stack ?? '').split('\n').slice(1, 6).join('\n')}`;
  return `a non-Error was thrown: ${String(error)}`;
}

async function main(): Promise<void> {
  const { target: name, progress } = workerData as WorkerData;
  const seq = new Int32Array(progress);
  const target: FuzzTarget = loadTarget(name);
  const post = (m: WorkerMessage): void => parentPort!.postMessage(m);
  const started = Date.now();
  let failures = 0;
  await target.setUp?.();
  let current: { input: FuzzInput; source: 'corpus' | 'generated'; index: number; file?: string } | undefined;
  // A rejection nobody handles escaped the reader even though its call returned (or will only time out):
  // it belongs to the input running when it surfaced. Node would otherwise end the thread.
  process.on('unhandledRejection', (error) => {
    failures++;
    const c = current ?? { input: '', source: 'generated' as const, index: -1 };
    post({ type: 'failure', ...c, reason: `an unhandled rejection escaped: ${describe(error)}` });
  });
  const attempt = async (input: FuzzInput, source: 'corpus' | 'generated', index: number, file?: string): Promise<void> => {
    Atomics.add(seq, 0, 1);
    current = { input, source, index, file };
    try {
      await withDeadline(() => target.run(input), target.deadlineMs);
      // Rejections nobody handles are reported after the microtasks of this turn: let them surface here.
      await new Promise<void>((resolve) => setImmediate(resolve));
    } catch (error) {
      failures++;
      post({ type: 'failure', source, index, file, reason: describe(error), input });
    }
  };
  const corpus = readCorpus(name, target.kind);
  for (const [i, entry] of corpus.entries()) await attempt(entry.input, 'corpus', i, entry.file);
  const count = scaled(target.count);
  let generated = 0;
  for (let i = 0; i < count && failures < MAX_FAILURES; i++, generated++) {
    await attempt(target.generate(Random.forInput(target.seed, i), i), 'generated', i);
  }
  await target.tearDown?.();
  post({ type: 'done', corpus: corpus.length, generated, ms: Date.now() - started });
}

main().catch((error) => parentPort!.postMessage({ type: 'crash', reason: describe(error) } satisfies WorkerMessage));
