// Every rule says what it rests on (issue 17): a Microsoft page and the
// sentence on it, or, for the language's own rules, the project's catalogue.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { rules } from '../../src/core';
import { ruleSourceMarkdown } from '../../src/core/rules/catalogue';
import { repoRoot } from '../support/paths';

test('every rule in the catalogue carries at least one source with a sentence', () => {
  for (const r of rules) {
    assert.ok(r.sources.length > 0, `${r.code} has no source`);
    for (const s of r.sources) {
      assert.ok(s.quote.trim().length > 0, `${r.code}: a source without its sentence`);
      if (s.url !== undefined) assert.match(s.url, /^https?:\/\/\S+$/, `${r.code}: ${s.url}`);
      // A source without an address must say where its sentence was read.
      if (s.url === undefined) assert.ok(s.readIn, `${r.code}: a source with neither address nor document`);
    }
  }
});

test('rules about the farm (trusts, prerequisites, photo sizes) rest on Microsoft, not on the project alone', () => {
  for (const r of rules.filter((x) => /^FARM(2|3|401)/.test(x.code))) {
    assert.ok(
      r.sources.some((s) => s.kind === 'microsoft'),
      `${r.code} rests only on the project's own catalogue`,
    );
  }
});

test('the hover text of a rule names its sources', () => {
  const md = ruleSourceMarkdown('FARM315');
  assert.match(md, /plan-office-online-server/);
  assert.match(md, /we always recommend that you use HTTPS/);
  assert.equal(ruleSourceMarkdown('FARM999'), '');
});

test('docs/rules.md shows every rule\'s sources', () => {
  const page = readFileSync(join(repoRoot, 'docs', 'rules.md'), 'utf8');
  for (const r of rules) {
    for (const s of r.sources) if (s.url) assert.ok(page.includes(s.url), `${r.code}: ${s.url} not on the page`);
  }
});
