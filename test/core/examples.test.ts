// The repository ships the shared examples, so the README's commands work
// from a clone alone; they must stay the same files.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { test } from 'node:test';
import { farmFiles, repoRoot } from '../support/paths';

for (const shared of farmFiles('examples')) {
  test(`examples/${basename(shared)} is the shared example`, () => {
    assert.equal(readFileSync(join(repoRoot, 'examples', basename(shared)), 'utf8'), readFileSync(shared, 'utf8'));
  });
}
