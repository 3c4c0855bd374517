import { analyze, Analysis } from '../../core';
import { applyUnambiguousFixes } from '../../core/fixes/apply';
import { configFor } from '../../config/farmrc';
import { toJson } from '../output/json';
import { toSarif } from '../output/sarif';
import { toText } from '../output/text';
import { writeFileAtomic, WriteFailed } from '../write-atomic';
import { parseCommandArgs } from '../parse-args';
import { readInputs } from '../read-inputs';
import { UsageError } from '../usage-error';

const formats = ['text', 'json', 'sarif'] as const;

export async function run(args: string[]): Promise<number> {
  const parsed = parseCommandArgs(args, { format: { type: 'string', default: 'text' }, fix: { type: 'boolean', default: false } });
  const format = parsed.values.format as (typeof formats)[number];
  if (!formats.includes(format)) throw new UsageError(`--format takes text, json or sarif, not '${format}'`);
  const inputs = readInputs(parsed.positionals);

  const results: Array<{ file: string; analysis: Analysis }> = [];
  const notes: string[] = [];
  let failedWrites = 0;
  for (const { file, text } of inputs) {
    const { config, problems } = configFor(file);
    if (problems.length) throw new UsageError(problems.join('; '));
    const check = (t: string): Analysis => analyze(t, config);
    let analysis: Analysis;
    if (parsed.values.fix) {
      const fixed = applyUnambiguousFixes(text, check);
      if (fixed.applied.length > 0) {
        try {
          writeFileAtomic(file, fixed.text);
        } catch (error) {
          if (!(error instanceof WriteFailed)) throw error;
          // The file kept its old text: that is the one the report is about.
          notes.push(`office-farm check: ${error.message}`);
          failedWrites++;
          results.push({ file, analysis: check(text) });
          continue;
        }
        for (const a of fixed.applied) notes.push(`${file}:${a.line + 1}: fixed ${a.code}: ${a.title}`);
      }
      analysis = check(fixed.text);
    } else {
      analysis = check(text);
    }
    results.push({ file, analysis });
  }

  // Fix reports go where they cannot corrupt machine-readable output.
  const fixReport = notes.length ? notes.join('\n') + '\n' : '';
  if (format === 'text') {
    const lines = results.flatMap(({ file, analysis }) => toText(file, analysis));
    process.stdout.write(fixReport + (lines.length ? lines.join('\n') + '\n' : ''));
  } else {
    process.stderr.write(fixReport);
    const body = format === 'json' ? results.map(({ file, analysis }) => toJson(file, analysis)) : toSarif(results, require('../../../package.json').version);
    process.stdout.write(JSON.stringify(body, null, 2) + '\n');
  }
  return failedWrites > 0 || results.some(({ analysis }) => analysis.diagnostics.some((d) => d.severity === 'error')) ? 1 : 0;
}
