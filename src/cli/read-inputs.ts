import { readFileSync, statSync } from 'node:fs';
import { UsageError } from './usage-error';

/** Reads each FILE; an unreadable one is a usage error (exit 2) with the reason in words. */
export function readInputs(files: string[]): Array<{ file: string; text: string }> {
  if (files.length === 0) throw new UsageError('no FILE given');
  return files.map((file) => {
    try {
      if (statSync(file).isDirectory()) throw new UsageError(`${file} is a folder, not a .farm file`);
      return { file, text: readFileSync(file, 'utf8') };
    } catch (err) {
      if (err instanceof UsageError) throw err;
      const code = (err as NodeJS.ErrnoException).code;
      const reason = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code ?? String(err);
      throw new UsageError(`cannot read ${file}: ${reason}`);
    }
  });
}
