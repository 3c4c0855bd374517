import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { rules } from '../../src/core';
import { ruleChanges } from '../../src/core/rules/changes';
import { rulesReferencePage } from '../../src/core/rules/reference-page';
import { repoRoot } from '../support/paths';

test('docs/rules.md is generated from the catalogue and up to date', () => {
  const path = join(repoRoot, 'docs', 'rules.md');
  const page = rulesReferencePage();
  if (process.env.OFFICE_FARM_ACCEPT === '1') writeFileSync(path, page);
  assert.equal(readFileSync(path, 'utf8'), page, 'docs/rules.md is stale: run npm run baselines');
});

// test/spec/rules.md is the first rule table; where the catalogue departs from
// it (a code added or retired, a severity changed), docs/rules.md's Changes
// must say so, from the spec's value to the catalogue's.
test('the catalogue has the codes of the spec, with its severities, but for the listed changes', () => {
  const spec = readFileSync(join(repoRoot, 'test', 'spec', 'rules.md'), 'utf8');
  const specCodes = new Set([...spec.matchAll(/^\| (FARM\d{3}) \|/gm)].map((m) => m[1]));
  const added = ruleChanges.filter((c) => c.what === 'added').map((c) => c.code);
  const retired = new Set(ruleChanges.filter((c) => c.what === 'retired').map((c) => c.code));
  for (const code of added) assert.ok(!specCodes.has(code), `${code} is listed as added but the spec has it`);
  for (const code of retired) assert.ok(specCodes.has(code), `${code} is listed as retired but the spec never had it`);
  const expected = [...[...specCodes].filter((c) => !retired.has(c)), ...added].sort();
  assert.deepEqual(rules.map((r) => r.code).sort(), expected);
  const severityChanges = new Map(ruleChanges.filter((c) => c.what === 'severity').map((c) => [c.code, c]));
  for (const m of spec.matchAll(/^\| (FARM\d{3}) \| (error|warning|hint|information) \|/gm)) {
    if (retired.has(m[1])) continue;
    const change = severityChanges.get(m[1]);
    const severity = rules.find((r) => r.code === m[1])?.severity;
    if (change) {
      assert.equal(change.before, m[2], `${m[1]}: the change is listed from ${change.before}, the spec says ${m[2]}`);
      assert.equal(severity, change.after, `${m[1]}: the change is listed to ${change.after}, the catalogue says ${severity}`);
    } else {
      assert.equal(severity, m[2], m[1]);
    }
  }
});
