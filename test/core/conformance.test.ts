// The conformance cases (test/conformance, the project's copy), through the same path as
// `office-farm check --format json`: the built CLI itself.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { test } from 'node:test';
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

const files = farmFiles('conformance');
const result = runCli(['check', '--format', 'json', ...files]);
const reports: Array<{ file: string; diagnostics: Array<{ code: string; range: { start: { line: number } } }> }> = JSON.parse(result.stdout || '[]');

test('check --format json runs over every conformance case', () => {
  assert.equal(result.stderr, '');
  assert.equal(reports.length, files.length);
});

for (const file of files) {
  test(`conformance: ${basename(file)}`, () => {
    const report = reports.find((r) => r.file === file);
    assert.ok(report, `no report for ${file}`);
    const actual = new Map<number, string[]>();
    for (const d of report.diagnostics) actual.set(d.range.start.line, [...(actual.get(d.range.start.line) ?? []), d.code]);
    const expected = expectations(readFileSync(file, 'utf8'));
    const lines = new Set([...actual.keys(), ...expected.keys()]);
    for (const line of [...lines].sort((a, b) => a - b)) {
      assert.deepEqual((actual.get(line) ?? []).sort(), (expected.get(line) ?? []).sort(), `${basename(file)} line ${line + 1}`);
    }
  });
}
