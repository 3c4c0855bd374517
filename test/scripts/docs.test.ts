// The step table is the generator's and the page's: docs/scripts.md holds
// its generated section as it is now, and every row says what it rests on.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { steps } from '../../src/core/scripts';
import { stepsMarkdown } from '../../src/core/scripts/steps-page';
import { repoRoot } from '../support/paths';

test('docs/scripts.md holds the steps section the table makes', () => {
  const page = readFileSync(join(repoRoot, 'docs', 'scripts.md'), 'utf8');
  assert.ok(page.includes(stepsMarkdown()), 'docs/scripts.md is stale: paste stepsMarkdown() (src/core/scripts/steps-page.ts) into its Steps section');
});

test('every step row is unique and rests on a source, or only writes a TODO', () => {
  assert.equal(new Set(steps.map((s) => s.id)).size, steps.length);
  for (const s of steps) {
    if (s.sources.length === 0) assert.match(s.idempotence, /^Not scripted/, `${s.id} scripts something without a source`);
    for (const src of s.sources) {
      assert.ok(src.quote.trim(), `${s.id}: a source without its sentence`);
      if (src.url) assert.match(src.url, /^https?:\/\/\S+$/);
      else assert.ok(src.readIn, `${s.id}: a source with neither address nor document`);
    }
  }
});

test('the README points at the scripts page', () => {
  assert.match(readFileSync(join(repoRoot, 'README.md'), 'utf8'), /docs\/scripts\.md/);
});
