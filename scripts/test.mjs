// The whole test suite: bundle the entry points, transpile sources and tests
// into out/ with esbuild, package the .vsix, run the tests with node's test
// runner, type-check the whole project, then run the editor tests in a real
// VS Code with the .vsix installed (test/vscode/run.mjs). Extra arguments
// narrow the run to folders under test/ (e.g. `npm test -- core`,
// `npm test -- vscode`).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
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
// test/vscode holds no node tests: its suite runs inside VS Code's extension host.
const editorTests = rooms.length === 0 || rooms.includes('vscode');
const nodeRooms = rooms.filter((r) => r !== 'vscode');

// The package test and the editor tests take the .vsix that `npm run
// package` makes (the editor tests install it), so what they test is what
// ships. A failed packaging leaves no stale .vsix behind for them to find.
let packaged = 0;
if (rooms.length === 0 || rooms.includes('vscode') || rooms.includes('package')) {
  const vsix = join('out', 'package', 'office-farm.vsix');
  rmSync(vsix, { force: true });
  mkdirSync(dirname(vsix), { recursive: true });
  const npm = spawnSync('npm', ['run', 'package', '--', '--out', vsix], { encoding: 'utf8' });
  packaged = npm.status ?? 1;
  if (packaged !== 0) console.error(`npm run package failed (exit ${npm.status ?? npm.signal}):\n${npm.stdout}${npm.stderr}`);
  else console.log(`packaged ${vsix} (${(statSync(vsix).size / 1024).toFixed(0)} KB)`);
}
const roots = rooms.length ? nodeRooms.map((r) => join('test', r)) : ['test'];
// Only tests whose source still exists: out/ may hold stale files.
const files = roots.flatMap((r) => walk(r, '.test.ts')).map((f) => join('out', f.replace(/\.ts$/, '.js')));
if (files.length === 0 && roots.length > 0) {
  console.error('no test files found under ' + roots.join(', '));
  process.exit(1);
}
// Every part runs even when an earlier one fails, so one run shows every failure.
const tests = files.length ? run(process.execPath, ['--test', '--test-reporter=spec', '--test-concurrency=2', ...files.sort()]) : 0;
const types = run(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json']);
if (types !== 0) console.error('type-check failed (tsc -p tsconfig.json)');
const editor = editorTests ? run(process.execPath, ['test/vscode/run.mjs']) : 0;
process.exit(packaged !== 0 || tests !== 0 || types !== 0 || editor !== 0 ? 1 : 0);
