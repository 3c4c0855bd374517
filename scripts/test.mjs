// The whole test suite: bundle the entry points, transpile sources and tests
// into out/ with esbuild, run them with node's test runner, and type-check
// the whole project. Extra arguments narrow the run to folders under test/
// (e.g. `npm test -- core`).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  return r.status ?? 1;
}

function walk(dir, suffix, out = []) {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, suffix, out);
    else if (name.endsWith(suffix) && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

if (run(process.execPath, ['scripts/build.mjs']) !== 0) process.exit(1);

// Tests import sources by relative path, so both are transpiled side by side.
await esbuild.build({
  entryPoints: ['src', 'test', 'webview'].flatMap((d) => walk(d, '.ts')),
  outdir: 'out',
  outbase: '.',
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  sourcemap: 'inline',
  logLevel: 'warning',
});

const rooms = process.argv.slice(2);
const roots = rooms.length ? rooms.map((r) => join('test', r)) : ['test'];
// Only tests whose source still exists: out/ may hold stale files.
const files = roots.flatMap((r) => walk(r, '.test.ts')).map((f) => join('out', f.replace(/\.ts$/, '.js')));
if (files.length === 0) {
  console.error('no test files found under ' + roots.join(', '));
  process.exit(1);
}
const tests = run(process.execPath, ['--test', '--test-reporter=spec', '--test-concurrency=2', ...files.sort()]);
const types = run(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json']);
if (types !== 0) console.error('type-check failed (tsc -p tsconfig.json)');
process.exit(tests !== 0 || types !== 0 ? 1 : 0);
