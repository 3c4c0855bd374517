// Incremental analysis must equal a fresh analysis of the same text:
// random edit sequences over the samples, compared in full.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import { analyze, Analysis } from '../../src/core';
import { findChange } from '../../src/core/incremental/text-edit';
import { boundKeys } from '../../src/core/model/effective';
import { farmFiles } from '../support/paths';

const corpus = [...farmFiles('examples'), ...farmFiles('conformance')].map((f) => readFileSync(f, 'utf8'));
const pieces = ['x', ' ', '\n', '\r\n', '{', '}', '[', ']', '=', ',', ';', '"', '#', 'exchange ex09 { host = "h.example.com" }\n', 'trusts = [sp01]', 'sp01', 'ex01', 'user', 'feature', '', ''];

/** Everything a client can observe, positions included. */
function observable(a: Analysis): { diagnostics: unknown } & Record<string, unknown> {
  return {
    diagnostics: a.diagnostics.map((d) => ({ ...d, fixes: d.fixes?.map((f) => ({ ...f, edits: f.edits.map((e) => ({ ...e })) })) })),
    lines: a.lines.starts,
    blocks: a.syntax.file.blocks.map((b) => [b.start, b.end, b.kind, b.name?.text, b.open, b.close, b.properties.map((p) => [p.start, p.end, p.key, p.value && [p.value.start, p.value.end]])]),
    comments: a.syntax.comments.map((c) => [c.start, c.end, c.text]),
    references: a.model.references.map((r) => [r.node.start, r.node.name, r.target?.name, r.target?.nameNode.start, r.key]),
    features: a.model.features.map((f) => [f.id.start, f.id.text, [...f.roles].map(([role, b]) => [role, b.target?.name])]),
    declarations: a.model.declarations.map((d) => [d.kind, d.name, d.first, d.nameNode.start, boundKeys(d)]),
  };
}

const edit = fc.tuple(fc.nat(), fc.nat({ max: 12 }), fc.constantFrom(...pieces));

test('findChange finds the one changed range', () => {
  assert.deepEqual(findChange('abcdef', 'abXdef'), { start: 2, oldEnd: 3, newEnd: 3 });
  assert.deepEqual(findChange('aaaa', 'aaaaa'), { start: 4, oldEnd: 4, newEnd: 5 });
  assert.deepEqual(findChange('same', 'same'), { start: 4, oldEnd: 4, newEnd: 4 });
  const big = 'x'.repeat(100000);
  assert.deepEqual(findChange(big + 'a' + big, big + 'bb' + big), { start: 100000, oldEnd: 100001, newEnd: 100002 });
});

/** Applies the edits one by one, analysing incrementally, and calls `after` with each result and a fresh one. */
function editIncrementally(start: string, edits: Array<[number, number, string]>, after: (incremental: Analysis, fresh: Analysis) => void): Analysis {
  let text = start;
  let incremental = analyze(text);
  for (const [at, remove, insert] of edits) {
    const i = at % (text.length + 1);
    text = text.slice(0, i) + insert + text.slice(i + remove);
    incremental = analyze(text, undefined, incremental);
    after(incremental, analyze(text));
  }
  return incremental;
}

test('random edit sequences: incremental analysis equals a fresh one', () => {
  fc.assert(
    fc.property(fc.constantFrom(...corpus), fc.array(edit, { minLength: 1, maxLength: 25 }), (start, edits) => {
      editIncrementally(start, edits, (incremental, fresh) => assert.deepEqual(observable(incremental), observable(fresh)));
    }),
    { numRuns: 400, seed: 42 },
  );
});

test('random edit sequences with the references read only at the end (they are made on first use)', () => {
  fc.assert(
    fc.property(fc.constantFrom(...corpus), fc.array(edit, { minLength: 1, maxLength: 25 }), (start, edits) => {
      let last: Analysis | undefined;
      // The unused-server hint counts references without making them; only
      // the diagnostics are read on the way (observable() would make them).
      const incremental = editIncrementally(start, edits, (inc, fresh) => {
        assert.deepEqual(inc.diagnostics, fresh.diagnostics);
        last = fresh;
      });
      assert.deepEqual(observable(incremental), observable(last!));
    }),
    { numRuns: 200, seed: 7 },
  );
});

test('a large farm: single-character edits in the middle stay equal to a fresh analysis', () => {
  const one = corpus.find((t) => t.includes('farm contoso'))!;
  let text = Array.from({ length: 40 }, (_, n) => one.replace(/\b(ex01|sp01|lync01|wac01|pwa01|alice|bob|projectx|contoso)\b/g, `$1_${n}`)).join('\n');
  let incremental = analyze(text);
  for (let k = 0; k < 60; k++) {
    const i = Math.floor(text.length / 2) + ((k * 7919) % 2000) - 1000;
    text = k % 2 ? text.slice(0, i) + text.slice(i + 1) : text.slice(0, i) + 'z' + text.slice(i);
    incremental = analyze(text, undefined, incremental);
    assert.deepEqual(observable(incremental), observable(analyze(text)), `edit ${k}`);
  }
});

test('edits that change other blocks\' diagnostics are followed', () => {
  const scenarios: Array<[string, Array<[string, string]>]> = [
    ['first-steps.farm', [['http://portal', 'https://portal'], ['services = [user-profile]', 'services = [user-profile]\n  trusts = [ex01]'], ['trusts = [ex01]', 'trusts = []'], ['host   = "mail', 'version = 2010\n  host   = "mail']]],
    ['site-mailboxes.farm', [['"sales@fabrikam.com"', '"SM-sales@fabrikam.com"'], ['other.fabrikam.com', 'portal.fabrikam.com'], ['feature site-mailboxes { }', 'feature site-mailboxes { prefix = "XX-" }'], ['prefix = "XX-"', 'prefix = ""']]],
    ['task-sync.farm', [['sharepoint = sp02', 'sharepoint = sp01'], ['search-crawls = [full]', 'search-crawls = [incremental]']]],
    ['trusts.farm', [['trusts   = [ex01]', 'trusts   = []'], ['version = 2010', 'version = 2013']]],
  ];
  for (const [name, edits] of scenarios) {
    let text = readFileSync(farmFiles(name.startsWith('first') ? 'examples' : 'conformance').find((f) => f.endsWith(name))!, 'utf8');
    let incremental = analyze(text);
    for (const [from, to] of edits) {
      assert.ok(text.includes(from), `${name}: ${from}`);
      const next = text.replace(from, to);
      const fresh = analyze(next);
      incremental = analyze(next, undefined, incremental);
      assert.notDeepEqual(observable(fresh).diagnostics, observable(analyze(text)).diagnostics, `${name}: the edit ${from} → ${to} should change some diagnostic`);
      assert.deepEqual(observable(incremental), observable(fresh), `${name}: ${from} → ${to}`);
      text = next;
    }
  }
});
