// The conformance cases (test/conformance, the project's copy), through the same path as
// `office-farm check --format json`: the built CLI itself.
//
// CI's optional step points OFFICE_FARM_CONFORMANCE at the contract's own cases,
// which were written before the rules were checked against Microsoft's
// documentation. There a line may differ from its expectation only by codes
// whose meaning changed as docs/rules.md records (ruleChanges); any other
// difference fails as before.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { test } from 'node:test';
import { ruleChanges } from '../../src/core/rules/changes';
import { farmFiles } from '../support/paths';
import { runCli } from '../support/run-cli';

/** Expected codes per 0-based line, read from `# expect:` and `#^ expect:` comments. */
function expectations(text: string): Map<number, string[]> {
  const lines = text.split(/\r\n|\r|\n/);
  const expected = new Map<number, string[]>();
  let lastCodeLine = -1;
  lines.forEach((line, i) => {
    const caret = /^\s*#\^\s*expect:(.*)$/.exec(line);
    if (caret) {
      expected.set(lastCodeLine, [...(expected.get(lastCodeLine) ?? []), ...caret[1].trim().split(/\s+/)]);
      return;
    }
    lastCodeLine = i;
    const m = /#\s*expect:(.*)$/.exec(line);
    if (m) expected.set(i, [...(expected.get(i) ?? []), ...m[1].trim().split(/\s+/)]);
  });
  return expected;
}

const contractCases = Boolean(process.env.OFFICE_FARM_CONFORMANCE);
const changedCodes = new Set(ruleChanges.filter((c) => c.what !== 'severity').map((c) => c.code));

/** The codes in one list and not the other, counting repeats. */
function difference(a: string[], b: string[]): string[] {
  const rest = [...b];
  const only: string[] = [];
  for (const code of a) {
    const i = rest.indexOf(code);
    if (i >= 0) rest.splice(i, 1);
    else only.push(code);
  }
  return [...only, ...rest];
}

const files = farmFiles('conformance');
const result = runCli(['check', '--format', 'json', ...files]);
const reports: Array<{ file: string; diagnostics: Array<{ code: string; range: { start: { line: number } } }> }> = JSON.parse(result.stdout || '[]');

test('check --format json runs over every conformance case', () => {
  assert.equal(result.stderr, '');
  assert.equal(reports.length, files.length);
});

for (const file of files) {
  test(`conformance: ${basename(file)}`, (t) => {
    const report = reports.find((r) => r.file === file);
    assert.ok(report, `no report for ${file}`);
    const actual = new Map<number, string[]>();
    for (const d of report.diagnostics) actual.set(d.range.start.line, [...(actual.get(d.range.start.line) ?? []), d.code]);
    const expected = expectations(readFileSync(file, 'utf8'));
    const lines = new Set([...actual.keys(), ...expected.keys()]);
    for (const line of [...lines].sort((a, b) => a - b)) {
      const got = (actual.get(line) ?? []).sort();
      const want = (expected.get(line) ?? []).sort();
      const differing = difference(got, want);
      if (contractCases && differing.length > 0 && differing.every((code) => changedCodes.has(code))) {
        t.diagnostic(`line ${line + 1} differs by ${differing.join(' ')}, as docs/rules.md records under Changes`);
        continue;
      }
      assert.deepEqual(got, want, `${basename(file)} line ${line + 1}`);
    }
  });
}
