// Compares server bundles taking turns on one farm, as bench/README.md asks
// of a keep-or-remove decision: the machine's pace drifts by a fifth within
// minutes, so each round runs every build once, in turn, and the medians and
// ranges over the rounds are reported. Usage (after `npm run build`):
//   node bench/work/compare.cjs --size 10000 --rounds 7 --edits 30 A=path/server.js B=dist/server.js
// Optional: `NAME=path/server.js:--flag,--flag` passes node flags; env
// variables for a build go in `NAME@VAR=value` arguments.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateFarm } from './farm-generator';
import { driveServer, middleTarget, percentile } from './lsp-driver';

const root = resolve(__dirname, '..', '..');
const args = process.argv.slice(2);
const option = (flag: string, fallback: number): number => {
  const i = args.indexOf(flag);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const size = option('--size', 10000);
const rounds = option('--rounds', 7);
const edits = option('--edits', 30);

interface Build {
  name: string;
  bundle: string;
  nodeFlags: string[];
  env: Record<string, string>;
  open: number[];
  edit: number[];
  rss: number[];
}

const builds: Build[] = [];
for (const a of args.filter((x) => /^[A-Za-z0-9_-]+=/.test(x))) {
  const [name, spec] = [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)];
  const [bundle, flags] = spec.split(':');
  builds.push({ name, bundle: resolve(bundle), nodeFlags: flags ? flags.split(',') : [], env: {}, open: [], edit: [], rss: [] });
}
for (const a of args.filter((x) => /^[A-Za-z0-9_-]+@[A-Z0-9_]+=/.test(x))) {
  const build = builds.find((b) => b.name === a.slice(0, a.indexOf('@')));
  const [variable, value] = a.slice(a.indexOf('@') + 1).split('=');
  if (build) build.env[variable] = value;
}

const median = (xs: number[]): number => percentile(xs, 50);
const range = (xs: number[]): string => `${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)}`;

async function main(): Promise<void> {
  const work = join(root, 'bench', 'work');
  mkdirSync(work, { recursive: true });
  const farm = generateFarm(size).farm;
  const file = join(work, `compare-${size}.farm`);
  writeFileSync(file, farm);
  const target = middleTarget(farm, /library = "[^"]*Recordings/);
  for (let r = 0; r < rounds; r++) {
    // Alternate the order too, so no build always runs right after the same one.
    const order = r % 2 === 0 ? builds : [...builds].reverse();
    for (const b of order) {
      const saved = { ...process.env };
      Object.assign(process.env, b.env);
      const run = await driveServer({
        server: { label: b.name, command: process.execPath, args: [...b.nodeFlags, b.bundle, '--stdio'], languageId: 'farm' },
        uri: pathToFileURL(file).href,
        text: farm,
        target,
        edits,
        timeoutMs: 120000,
      });
      process.env = saved;
      b.open.push(run.openMs);
      b.edit.push(run.edits.p50);
      b.rss.push(run.peakRssMB);
      console.error(`[compare] round ${r + 1} ${b.name}: open ${run.openMs.toFixed(0)} ms, edit p50 ${run.edits.p50} ms, RSS ${run.peakRssMB.toFixed(0)} MB`);
    }
  }
  console.log(`${size} servers, ${rounds} rounds taking turns, ${edits} edits each`);
  for (const b of builds) {
    console.log(`${b.name}: open ${median(b.open).toFixed(0)} ms (${range(b.open)}), edit p50 ${median(b.edit).toFixed(1)} ms (${range(b.edit)}), RSS ${median(b.rss).toFixed(0)} MB (${range(b.rss)})`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
