// The whole test suite: bundle, compile the tests, run them with node's test
// runner. Extra arguments narrow the run to folders under test/ (e.g. `npm test -- core`).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

run(process.execPath, ['scripts/build.mjs']);
run(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json']);

const rooms = process.argv.slice(2);
const roots = rooms.length ? rooms.map((r) => join('out/test', r)) : ['out/test'];
const files = [];
const walk = (dir) => {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else if (name.endsWith('.test.js')) files.push(p);
  }
};
roots.forEach(walk);
if (files.length === 0) {
  console.error('no test files found under ' + roots.join(', '));
  process.exit(1);
}
run(process.execPath, ['--test', '--test-reporter=spec', '--test-concurrency=2', ...files.sort()]);
