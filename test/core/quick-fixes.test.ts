// Each quick fix, applied alone, removes its diagnostic, keeps the file
// parsing, and brings no new error of names or values.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { test } from 'node:test';
import { analyze, Diagnostic } from '../../src/core';
import { applyEdits } from '../../src/core/fixes/apply';
import { farmFiles, repoRoot } from '../support/paths';

const files = [...farmFiles('examples'), ...farmFiles('conformance'), join(repoRoot, 'test', 'fixtures', 'quick-fixes.farm')];
const key = (d: Diagnostic): string => `${d.code} ${d.message}`;
const count = (ds: Diagnostic[], k: string): number => ds.filter((d) => key(d) === k).length;
const seenCodes = new Set<string>();

for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const before = analyze(text);
  const fixable = before.diagnostics.filter((d) => d.fixes?.length);
  if (fixable.length === 0) continue;
  test(`quick fixes: ${basename(file)}`, () => {
    for (const d of fixable) {
      for (const fix of d.fixes!) {
        seenCodes.add(d.code);
        const after = analyze(applyEdits(text, fix.edits));
        const where = `${basename(file)}: ${d.code} "${fix.title}"`;
        assert.ok(after.syntax.diagnostics.length <= before.syntax.diagnostics.length, `${where} brought a syntax error`);
        assert.ok(count(after.diagnostics, key(d)) < count(before.diagnostics, key(d)), `${where} did not remove its diagnostic`);
        // A fix may rightly reveal checks that the problem hid (a feature id
        // corrected is then checked, and says so at the same place); what it
        // must never bring is a new name or value error anywhere else.
        // Name and value errors are told apart by the text they sit on: a
        // message may rightly change (a suggestion taken by the fix).
        const at = (t: string) => (x: Diagnostic): string => `${x.code} ${t.slice(x.start, x.end)}`;
        const nameErrors = (ds: Diagnostic[], t: string): string[] => ds.filter((x) => x.severity === 'error' && /^FARM[01]/.test(x.code)).map(at(t));
        const here = new Set([text.slice(d.start, d.end), ...fix.edits.map((e) => e.newText)]);
        const was = nameErrors(before.diagnostics, text);
        const now = nameErrors(after.diagnostics, after.text);
        const brought = now.filter((k) => !here.has(k.slice(k.indexOf(' ') + 1)) && now.filter((x) => x === k).length > was.filter((x) => x === k).length);
        assert.deepEqual(brought, [], `${where} brought new errors`);
      }
    }
  });
}

test('every code that rules.md marks QF offers a fix somewhere in the samples', () => {
  const marked = ['FARM004', 'FARM102', 'FARM104', 'FARM107', 'FARM108', 'FARM112', 'FARM201', 'FARM202', 'FARM204', 'FARM111', 'FARM302', 'FARM303', 'FARM304', 'FARM305', 'FARM306', 'FARM308', 'FARM309', 'FARM310', 'FARM313', 'FARM314', 'FARM315', 'FARM316', 'FARM318', 'FARM319'];
  assert.deepEqual(marked.filter((c) => !seenCodes.has(c)), []);
});
