import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { rules } from '../../src/core';
import { rulesReferencePage } from '../../src/core/rules/reference-page';
import { repoRoot } from '../support/paths';

test('docs/rules.md is generated from the catalogue and up to date', () => {
  const path = join(repoRoot, 'docs', 'rules.md');
  const page = rulesReferencePage();
  if (process.env.OFFICE_FARM_ACCEPT === '1') writeFileSync(path, page);
  assert.equal(readFileSync(path, 'utf8'), page, 'docs/rules.md is stale: run npm run baselines');
});

test('the catalogue has exactly the codes of the spec, with its severities', () => {
  const spec = readFileSync(join(repoRoot, 'test', 'spec', 'rules.md'), 'utf8');
  const specCodes = [...new Set([...spec.matchAll(/^\| (FARM\d{3}) \|/gm)].map((m) => m[1]))].sort();
  assert.deepEqual(rules.map((r) => r.code).sort(), specCodes);
  for (const m of spec.matchAll(/^\| (FARM\d{3}) \| (error|warning|hint|information) \|/gm)) {
    assert.equal(rules.find((r) => r.code === m[1])?.severity, m[2], m[1]);
  }
});
