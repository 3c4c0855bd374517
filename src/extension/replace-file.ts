// Replacing a file the user chose (the diagram's export) so that nothing is
// lost: the bytes go to a sibling temporary file first and replace the
// destination in one rename; when writing or renaming fails, the
// destination is as it was and the temporary file is removed. Written over
// a small file-system interface so the same steps run on
// vscode.workspace.fs (any scheme, remote too) and are tested on node:fs.
export interface ReplaceFs<T> {
  writeFile(target: T, bytes: Uint8Array): Thenable<void> | Promise<void>;
  rename(from: T, to: T): Thenable<void> | Promise<void>;
  remove(target: T): Thenable<void> | Promise<void>;
  /** The temporary file beside `target`, in the same folder so the rename stays on one file system. */
  sibling(target: T, name: string): T;
  nameOf(target: T): string;
}

export async function replaceFile<T>(fs: ReplaceFs<T>, destination: T, bytes: Uint8Array): Promise<void> {
  const temp = fs.sibling(destination, `.${fs.nameOf(destination)}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`);
  try {
    await fs.writeFile(temp, bytes);
    await fs.rename(temp, destination);
  } catch (error) {
    try {
      await fs.remove(temp);
    } catch {
      // never written, or already gone: the first error is the one to report
    }
    throw error;
  }
}
