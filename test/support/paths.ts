import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The repository root (tests run from out/test/...). */
export const repoRoot = resolve(__dirname, '..', '..', '..');

/** The shared contract folder beside the repository (CI lays a copy there). */
export const sharedDir = process.env.OFFICE_FARM_SHARED ? resolve(process.env.OFFICE_FARM_SHARED) : resolve(repoRoot, '..', 'shared');

export const cliPath = join(repoRoot, 'dist', 'cli.js');

export function farmFiles(folder: 'examples' | 'conformance'): string[] {
  const dir = join(sharedDir, folder);
  if (!existsSync(dir)) throw new Error(`the shared ${folder} folder is missing: expected ${dir}`);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.farm'))
    .sort()
    .map((f) => join(dir, f));
}
