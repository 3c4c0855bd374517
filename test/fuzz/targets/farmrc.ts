// .farmrc.json through the reader the CLI and the server share: any bytes
// give a configuration and problems in words, never an exception.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadFarmrc } from '../../../src/config/farmrc';
import type { FuzzTarget } from '../framework/target';
import { jsonInput } from './json-files';

const samples = [
  '{ "rules": { "FARM202": "off", "FARM301": "warning" } }',
  '{ "rules": { "FARM101": "error", "FARM401": "info", "FARM402": "hint" } }',
  '{ "extends": "x", "rules": {} }',
];
let dir: string | undefined;

export const farmrc: FuzzTarget<Buffer> = {
  name: 'farmrc',
  count: 5_000,
  seed: 2215,
  deadlineMs: 2000,
  kind: 'bytes',
  setUp() {
    dir = mkdtempSync(join(tmpdir(), 'office-farm-fuzz-farmrc-'));
  },
  tearDown() {
    if (dir) rmSync(dir, { recursive: true, force: true });
  },
  generate: (rng) => jsonInput(rng, samples),
  run(bytes) {
    const path = join(dir!, '.farmrc.json');
    writeFileSync(path, bytes);
    const loaded = loadFarmrc(path);
    assert.ok(loaded.problems.every((p) => typeof p === 'string' && p.startsWith(path)), 'a problem that does not name the file');
    for (const [code, severity] of Object.entries(loaded.config.rules ?? {})) assert.equal(typeof severity, 'string', `rule ${code} has a severity of type ${typeof severity}`);
  },
};
