// Golden files in the manner of Bicep's baselines: a failing comparison
// shows the whole new output, and `npm run baselines` accepts it.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { repoRoot } from './paths';

const accept = process.env.OFFICE_FARM_ACCEPT === '1';

export function matchBaseline(relativePath: string, actual: string): void {
  const path = join(repoRoot, 'test', 'baselines', relativePath);
  if (accept) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  const expected = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  if (expected !== actual) {
    const actualPath = join(repoRoot, 'out', 'baselines-actual', relativePath);
    mkdirSync(dirname(actualPath), { recursive: true });
    writeFileSync(actualPath, actual);
  }
  assert.equal(
    actual,
    expected,
    expected === undefined
      ? `no baseline ${relative(repoRoot, path)} yet: run npm run baselines`
      : `${relative(repoRoot, path)} differs (new output in out/baselines-actual); run npm run baselines to accept it`,
  );
}
