import { parseArgs, ParseArgsConfig } from 'node:util';
import { UsageError } from './usage-error';

/** node:util's parseArgs with positionals, its complaints turned into usage errors (exit 2). */
export function parseCommandArgs<O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O) {
  try {
    return parseArgs({ args, allowPositionals: true, options, strict: true });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}
