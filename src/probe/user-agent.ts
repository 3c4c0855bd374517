import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

// Named so that an administrator reading IIS logs knows what called.
let cached: string | undefined;

export function userAgent(): string {
  return (cached ??= `office-farm/${toolVersion()} (metadata probe; node ${process.versions.node})`);
}

/**
 * The package's version, from the nearest office-farm package.json above
 * this file: the bundles in dist/, the transpiled tests in out/ and the
 * installed extension all sit below it, at different depths.
 */
export function toolVersion(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'office-farm' && pkg.version) return pkg.version;
    } catch {
      // No package.json here, or not ours: keep looking upwards.
    }
    if (dirname(dir) === dir) return 'unknown';
  }
}
