// The simulator's connection file through the reader the extension and the
// CLI use: a ConnectionFile, or a ConnectionFileError naming the field.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConnectionFileError, readConnectionFile } from '../../../src/simulator/connection-file';
import { repoRoot } from '../../support/paths';
import type { FuzzTarget } from '../framework/target';
import { jsonInput } from './json-files';

let samples: string[] | undefined;
let dir: string | undefined;

export const connectionFile: FuzzTarget<Buffer> = {
  name: 'connection-file',
  count: 5_000,
  seed: 2216,
  deadlineMs: 2000,
  kind: 'bytes',
  setUp() {
    dir = mkdtempSync(join(tmpdir(), 'office-farm-fuzz-connection-'));
  },
  tearDown() {
    if (dir) rmSync(dir, { recursive: true, force: true });
  },
  generate(rng) {
    samples ??= [readFileSync(join(repoRoot, 'test', 'fixtures', 'fuzz-samples', 'simulator-connection.json'), 'utf8')];
    return jsonInput(rng, samples);
  },
  run(bytes) {
    const path = join(dir!, 'simulator.json');
    writeFileSync(path, bytes);
    try {
      readConnectionFile(path);
    } catch (error) {
      if (!(error instanceof ConnectionFileError)) throw error;
    }
  },
};
