// The corpus: every input that once failed, one JSON file each under
// test/fuzz/corpus/<target>/, named by its hash so one input is kept once.
// Replayed before any new input, so a fixed bug stays fixed.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../support/paths';
import type { FuzzInput } from './target';

/** OFFICE_FARM_FUZZ_CORPUS moves it, for the framework's own test. */
export function corpusRoot(): string {
  return process.env.OFFICE_FARM_FUZZ_CORPUS ?? join(repoRoot, 'test', 'fuzz', 'corpus');
}

interface CorpusFile {
  /** Why it was kept: the failure as first seen. */
  reason: string;
  text?: string;
  base64?: string;
}

export interface CorpusEntry {
  file: string;
  input: FuzzInput;
}

export function readCorpus(target: string, kind: 'text' | 'bytes'): CorpusEntry[] {
  const dir = join(corpusRoot(), target);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const data = JSON.parse(readFileSync(join(dir, f), 'utf8')) as CorpusFile;
      const input = kind === 'text' ? data.text : data.base64 === undefined ? undefined : Buffer.from(data.base64, 'base64');
      if (input === undefined) throw new Error(`${join(dir, f)} holds no ${kind} input`);
      return { file: join(dir, f), input };
    });
}

/** Keeps a failing input; returns its path. */
export function saveToCorpus(target: string, input: FuzzInput, reason: string): string {
  const dir = join(corpusRoot(), target);
  mkdirSync(dir, { recursive: true });
  const bytes = typeof input === 'string' ? Buffer.from(JSON.stringify(input)) : input;
  const name = createHash('sha256').update(bytes).digest('hex').slice(0, 16) + '.json';
  const data: CorpusFile = typeof input === 'string' ? { reason, text: input } : { reason, base64: input.toString('base64') };
  const path = join(dir, name);
  if (!existsSync(path)) writeFileSync(path, JSON.stringify(data, null, 1) + '\n');
  return path;
}
