// office-farm drift FILE INVENTORY.json...: what each server's inventory
// (from `office-farm script --inventory`) shows, against the topology, as
// diagnostics on FILE in the formats of `check`.
import { analyze } from '../../core';
import { drift, readInventory, type Inventory } from '../../core/scripts';
import { configFor } from '../../config/farmrc';
import { toJson } from '../output/json';
import { toSarif } from '../output/sarif';
import { toText } from '../output/text';
import { parseCommandArgs } from '../parse-args';
import { readInputs } from '../read-inputs';
import { UsageError } from '../usage-error';

const formats = ['text', 'json', 'sarif'] as const;

export async function run(args: string[]): Promise<number> {
  const parsed = parseCommandArgs(args, { format: { type: 'string', default: 'text' } });
  const format = parsed.values.format as (typeof formats)[number];
  if (!formats.includes(format)) throw new UsageError(`--format takes text, json or sarif, not '${format}'`);
  const [farmFile, ...inventoryFiles] = parsed.positionals;
  if (!farmFile) throw new UsageError('no FILE given');
  if (inventoryFiles.length === 0) throw new UsageError('no INVENTORY.json given (make them with office-farm script --inventory)');
  const [{ file, text }] = readInputs([farmFile]);
  const { config, problems } = configFor(file);
  if (problems.length) throw new UsageError(problems.join('; '));

  const inventories: Inventory[] = [];
  const errors: string[] = [];
  for (const { file: source, text: json } of readInputs(inventoryFiles)) {
    const read = readInventory(json, source);
    if (read.ok) inventories.push(read.inventory);
    else errors.push(...read.errors);
  }
  if (errors.length) {
    process.stderr.write(errors.map((e) => `office-farm drift: ${e}\n`).join(''));
    return 2;
  }

  const analysis = analyze(text, config);
  const result = { ...analysis, diagnostics: drift(analysis, inventories, config) };
  if (format === 'text') {
    const lines = toText(file, result);
    process.stdout.write(lines.length ? lines.join('\n') + '\n' : '');
  } else {
    const body = format === 'json' ? [toJson(file, result)] : toSarif([{ file, analysis: result }], require('../../../package.json').version);
    process.stdout.write(JSON.stringify(body, null, 2) + '\n');
  }
  return result.diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
}
