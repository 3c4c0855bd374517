import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The repository root (tests run from out/test/...). */
export const repoRoot = resolve(__dirname, '..', '..', '..');

export const cliPath = join(repoRoot, 'dist', 'cli.js');

/** The .vsix that scripts/test.mjs packages (`npm run package`) before the package and editor tests. */
export const vsixPath = join(repoRoot, 'out', 'package', 'office-farm.vsix');

/**
 * The project's own copies: the examples it ships and the conformance cases
 * it keeps in test/conformance. OFFICE_FARM_CONFORMANCE points the
 * conformance cases elsewhere (CI's optional extra step over the contract's cases, when they lie beside the clone).
 */
const folders = {
  examples: join(repoRoot, 'examples'),
  conformance: process.env.OFFICE_FARM_CONFORMANCE ? resolve(process.env.OFFICE_FARM_CONFORMANCE) : join(repoRoot, 'test', 'conformance'),
};

export function farmFiles(folder: keyof typeof folders): string[] {
  const dir = folders[folder];
  if (!existsSync(dir)) throw new Error(`the ${folder} folder is missing: expected ${dir}`);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.farm'))
    .sort()
    .map((f) => join(dir, f));
}
