// Writing a user's file so that nothing is lost: the new content goes to a
// temporary file in the same folder (so the rename cannot cross file
// systems), is flushed, and then replaces the file in one rename. A failure
// at any point leaves the original as it was and removes the temporary file.
// A symbolic link is followed, so the file it points to is replaced, not the
// link; an existing file keeps its permissions.
import * as fs from 'node:fs';
import { basename, dirname, join } from 'node:path';

export interface WriteOps {
  openSync: typeof fs.openSync;
  writeSync: (fd: number, data: Uint8Array) => number;
  fsyncSync: typeof fs.fsyncSync;
  closeSync: typeof fs.closeSync;
  renameSync: typeof fs.renameSync;
}
const nodeOps: WriteOps = { openSync: fs.openSync, writeSync: (fd, data) => fs.writeSync(fd, data), fsyncSync: fs.fsyncSync, closeSync: fs.closeSync, renameSync: fs.renameSync };

/** A write that did not happen; the message says the file is unchanged. */
export class WriteFailed extends Error {
  override readonly name = 'WriteFailed';
}

export function writeFileAtomic(file: string, content: string | Uint8Array, ops: WriteOps = nodeOps): void {
  const target = resolveLink(file);
  const mode = modeOf(target);
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  let fd: number | undefined;
  try {
    fd = ops.openSync(temp, 'wx', mode);
    for (let done = 0; done < bytes.length; ) done += ops.writeSync(fd, bytes.subarray(done));
    ops.fsyncSync(fd);
    ops.closeSync(fd);
    fd = undefined;
    ops.renameSync(temp, target);
  } catch (error) {
    if (fd !== undefined) {
      try {
        ops.closeSync(fd);
      } catch {
        // already failing; the first error is the one to report
      }
    }
    fs.rmSync(temp, { force: true });
    const reason = error instanceof Error ? ((error as NodeJS.ErrnoException).code ?? error.message) : String(error);
    throw new WriteFailed(`could not write ${file} (${reason}); ${fs.existsSync(target) ? 'it is unchanged' : 'nothing was written'}`);
  }
}

function resolveLink(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return file; // a new file
  }
}

function modeOf(file: string): number {
  try {
    return fs.statSync(file).mode & 0o7777;
  } catch {
    return 0o666; // as writeFileSync would, before the umask
  }
}
