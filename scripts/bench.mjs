// `npm run bench`: builds the bundles the bench measures (dist/server.js,
// dist/cli.js), bundles the bench itself (bench/*.ts) with esbuild into
// bench/work/, and runs it. Arguments go to the bench: see bench/main.ts
// (--quick, --sizes, --edits, --only, --out, --profile).
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';

const build = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

mkdirSync('bench/work', { recursive: true });
await esbuild.build({
  entryPoints: ['bench/main.ts'],
  outfile: 'bench/work/bench.cjs',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
});

const run = spawnSync(process.execPath, ['--enable-source-maps', 'bench/work/bench.cjs', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(run.status ?? 1);
