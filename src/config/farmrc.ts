// Finds and reads `.farmrc.json`: the nearest one in the file's folder or
// above, as ESLint and Bicep find theirs. Shared by the CLI and the server.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { RuleConfig, validateRuleConfig } from '../core/rules/config';

export const farmrcName = '.farmrc.json';

export interface LoadedConfig {
  path?: string;
  config: RuleConfig;
  /** Problems in the file, in words, each prefixed by its path. */
  problems: string[];
}

export function findFarmrc(fromDir: string): string | undefined {
  let dir = fromDir;
  for (;;) {
    const candidate = join(dir, farmrcName);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export function loadFarmrc(path: string): LoadedConfig {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    const reason = err instanceof SyntaxError ? `it is not valid JSON (${err.message})` : `it cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})`;
    return { path, config: {}, problems: [`${path}: ${reason}`] };
  }
  const { config, problems } = validateRuleConfig(json);
  return { path, config, problems: problems.map((p) => `${path}: ${p}`) };
}

export function configFor(file: string): LoadedConfig {
  const path = findFarmrc(dirname(file));
  return path ? loadFarmrc(path) : { config: {}, problems: [] };
}
