// Golden baselines for every example and conformance file: diagnostics,
// the canonical format, and the file after `check --fix`.
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { test } from 'node:test';
import { analyze, Analysis } from '../../src/core';
import { applyUnambiguousFixes } from '../../src/core/fixes/apply';
import { format } from '../../src/core/format/formatter';
import { matchBaseline } from '../support/baseline';
import { farmFiles, repoRoot } from '../support/paths';

/** The source with each diagnostic under the line it starts on. */
export function diagnosticsBaseline(analysis: Analysis): string {
  const byLine = new Map<number, string[]>();
  for (const d of analysis.diagnostics) {
    const r = analysis.lines.range(d.start, d.end);
    const fixes = (d.fixes ?? []).map((f) => ` [fix${f.unambiguous ? '' : '?'}: ${f.title}]`).join('');
    const note = `#@ ${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1} ${d.severity} ${d.code} ${d.message}${fixes}`;
    byLine.set(r.start.line, [...(byLine.get(r.start.line) ?? []), note]);
  }
  const lines = analysis.text.split(/\r\n|\r|\n/);
  return lines.flatMap((line, i) => [line, ...(byLine.get(i) ?? [])]).join('\n');
}

const samples = [
  ...farmFiles('examples').map((f) => ({ folder: 'examples', file: f })),
  ...farmFiles('conformance').map((f) => ({ folder: 'conformance', file: f })),
  { folder: 'fixtures', file: join(repoRoot, 'test', 'fixtures', 'quick-fixes.farm') },
];

for (const { folder, file } of samples) {
  const name = basename(file, '.farm');
  test(`baselines: ${folder}/${name}`, () => {
    const text = readFileSync(file, 'utf8');
    matchBaseline(`${folder}/${name}.diagnostics.farm`, diagnosticsBaseline(analyze(text)));
    const formatted = format(text);
    matchBaseline(`${folder}/${name}.formatted.farm`, formatted.ok ? formatted.text : `# not formatted: ${formatted.reason}\n`);
    matchBaseline(`${folder}/${name}.fixed.farm`, applyUnambiguousFixes(text, (t) => analyze(t)).text);
  });
}
