// Big farms from the bench's generator. It lives outside the folders the
// test build compiles, so it is bundled here (as test/bench does).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import type * as Generator from '../../bench/farm-generator';
import { repoRoot } from '../support/paths';

let loaded: typeof Generator | undefined;

export function generateFarm(servers: number): { farm: string } {
  if (!loaded) {
    const outfile = join(repoRoot, 'bench', 'work', 'test-diagram-farm-generator.cjs');
    mkdirSync(join(repoRoot, 'bench', 'work'), { recursive: true });
    esbuild.buildSync({ entryPoints: [join(repoRoot, 'bench', 'farm-generator.ts')], outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning' });
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    loaded = require(outfile) as typeof Generator;
  }
  return loaded.generateFarm(servers);
}
