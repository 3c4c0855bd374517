import { format } from '../../core/format/formatter';
import { writeFileAtomic, WriteFailed } from '../write-atomic';
import { parseCommandArgs } from '../parse-args';
import { readInputs } from '../read-inputs';
import { UsageError } from '../usage-error';

/**
 * Without flags, prints the formatted text of each file; --check lists the
 * files that are not formatted (exit 1); --write rewrites them in place.
 * A file with syntax errors is never formatted (exit 1, with the reason).
 */
export async function run(args: string[]): Promise<number> {
  const parsed = parseCommandArgs(args, { check: { type: 'boolean', default: false }, write: { type: 'boolean', default: false } });
  const { check, write } = parsed.values;
  if (check && write) throw new UsageError('--check and --write exclude each other');
  const inputs = readInputs(parsed.positionals);
  let status = 0;
  for (const { file, text } of inputs) {
    const result = format(text);
    if (!result.ok) {
      process.stderr.write(`office-farm format: ${file} is left as it is: ${result.reason} (see office-farm check ${file})\n`);
      status = 1;
      continue;
    }
    if (check) {
      if (result.text !== text) {
        process.stdout.write(`${file}: not formatted\n`);
        status = 1;
      }
    } else if (write) {
      if (result.text !== text) {
        try {
          writeFileAtomic(file, result.text);
        } catch (error) {
          if (!(error instanceof WriteFailed)) throw error;
          process.stderr.write(`office-farm format: ${error.message}\n`);
          status = 1;
          continue;
        }
        process.stdout.write(`${file}: formatted\n`);
      }
    } else {
      process.stdout.write(result.text);
    }
  }
  return status;
}
