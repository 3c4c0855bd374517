// `npm run bench -- --profile [--sizes 10000] [--edits 20]`: where our
// server's time goes on a large farm.
//  1. In process: analyze() timed and profiled (node:inspector), its samples
//     attributed to core's modules.
//  2. The server as a process under `node --cpu-prof`, driven over stdio like
//     the bench drives it; its samples attributed to the source modules of
//     dist/server.js (esbuild marks each module with a `// path` line) and
//     split into the open and the edit phases by the driver's clock marks.
// Writes bench/work/profile-N.json and prints a summary.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateFarm } from './farm-generator';
import { driveServer, middleTarget } from './lsp-driver';
import { profileAnalyze } from './phases';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Module regions of an esbuild bundle: the line where each `// path` comment starts one. */
function moduleRegions(bundle: string): Array<{ line: number; module: string }> {
  const regions: Array<{ line: number; module: string }> = [{ line: 0, module: '(bundle prelude)' }];
  bundle.split('\n').forEach((text, line) => {
    // esbuild writes the path relative to the working directory: `../../x/node_modules/...` through a symlink.
    const m = /^\/\/ (\S+\.(?:ts|js|mjs|cjs|json))$/.exec(text);
    if (m) regions.push({ line, module: m[1].includes('node_modules/') ? m[1].slice(m[1].indexOf('node_modules/')) : m[1] });
  });
  return regions;
}

function moduleAt(regions: Array<{ line: number; module: string }>, line: number): string {
  let lo = 0;
  let hi = regions.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (regions[mid].line <= line) lo = mid;
    else hi = mid - 1;
  }
  return regions[lo].module;
}

export function category(module: string, functionName: string): string {
  if (module === '') {
    if (functionName === '(garbage collector)') return 'GC';
    if (functionName === '(idle)') return 'idle';
    if (functionName === '(program)') return 'V8/program';
    return `native ${functionName || '(anonymous)'}`;
  }
  if (module.startsWith('node:')) return 'node internals (streams, timers)';
  const rules: Array<[RegExp, string]> = [
    [/^src\/core\/syntax\/scanner/, 'core: scan'],
    [/^src\/core\/syntax\//, 'core: parse'],
    [/^src\/core\/model\//, 'core: bind (model, values)'],
    [/^src\/core\/checks\//, 'core: checks'],
    [/^src\/core\/fixes\//, 'core: quick-fix edits'],
    [/^src\/core\/line-map/, 'core: LineMap'],
    [/^src\/core\/rules\//, 'core: rule config'],
    [/^src\/core\/analyze/, 'core: analyze (sort)'],
    [/^src\/core\//, 'core: other'],
    [/^src\/server\//, 'server'],
    [/^bench\//, 'bench'],
    [/^node_modules\/vscode-jsonrpc\//, 'JSON-RPC (vscode-jsonrpc)'],
    [/^node_modules\/vscode-languageserver-textdocument\//, 'text document (incremental sync)'],
    [/^node_modules\/vscode-languageserver/, 'vscode-languageserver'],
    [/^node_modules\//, 'other libraries'],
  ];
  for (const [re, name] of rules) if (re.test(module)) return name;
  return module;
}

interface Window {
  name: string;
  from: number;
  to: number;
}

export function attribute(profile: CpuProfile, bundle: string, bundlePath: string, windows: Window[]) {
  const bundleUrls = new Set([bundlePath, pathToFileURL(bundlePath).href]);
  const regions = moduleRegions(bundle);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const moduleOf = (n: ProfileNode): string => {
    const url = n.callFrame.url;
    if (bundleUrls.has(url)) return moduleAt(regions, n.callFrame.lineNumber);
    if (url.startsWith('node:')) return url;
    return url === '' ? '' : url;
  };
  const label = (n: ProfileNode): string => `${n.callFrame.functionName || '(anonymous)'} ${moduleOf(n) || '(native)'}`;
  const out = windows.map((w) => ({
    name: w.name,
    wallMs: (w.to - w.from) / 1000,
    sampledMs: 0,
    byCategory: new Map<string, number>(),
    selfByFunction: new Map<string, number>(),
    inclusive: new Map<string, number>(),
  }));
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i];
    const delta = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const w = out[windows.findIndex((x) => t >= x.from && t < x.to)];
    if (!w) continue;
    const node = byId.get(profile.samples[i])!;
    const cat = category(moduleOf(node), node.callFrame.functionName);
    w.sampledMs += delta;
    w.byCategory.set(cat, (w.byCategory.get(cat) ?? 0) + delta);
    const key = label(node);
    w.selfByFunction.set(key, (w.selfByFunction.get(key) ?? 0) + delta);
    const seen = new Set<string>();
    for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
      const k = label(byId.get(id)!);
      if (seen.has(k)) continue;
      seen.add(k);
      w.inclusive.set(k, (w.inclusive.get(k) ?? 0) + delta);
    }
  }
  const top = (m: Map<string, number>, k: number) =>
    [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, k).map(([name, ms]) => ({ name, ms: Math.round(ms) }));
  return out.map((w) => ({
    name: w.name,
    wallMs: Math.round(w.wallMs),
    sampledMs: Math.round(w.sampledMs),
    byCategory: top(w.byCategory, 30),
    topSelf: top(w.selfByFunction, 25),
    topInclusive: top(
      new Map([...w.inclusive.entries()].filter(([k]) => !/^\(root\)|^\(anonymous\) \(native\)/.test(k))),
      30,
    ),
  }));
}

export async function summarizeProfile(o: { root: string; work: string; n: number; edits: number; log: (line: string) => void }): Promise<number> {
  const { root, work, n, log } = o;
  const edits = Math.min(o.edits, 20);
  const g = generateFarm(n);
  const file = join(work, `farm-${n}.farm`);
  writeFileSync(file, g.farm);

  log(`profile: analyze() in process, N = ${n}`);
  const inProcess = await profileAnalyze(g.farm);
  const phases = inProcess.timings;
  for (const [name, ms] of Object.entries(phases)) log(`  ${name.padEnd(44)} ${ms.toFixed(1)} ms`);
  const self = process.argv[1];
  const [analyzeProfile] = attribute(inProcess.profile, readFileSync(self, 'utf8'), self, [{ name: '5 × analyze()', from: inProcess.profile.startTime, to: inProcess.profile.endTime }]);
  report(analyzeProfile, log);

  const dir = join(work, `profile-${n}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const server = join(root, 'dist', 'server.js');
  if (!existsSync(server)) {
    log('profile: dist/server.js does not exist');
    return 1;
  }
  log(`profile: the server under --cpu-prof, N = ${n}, ${edits} edits`);
  const run = await driveServer({
    server: { label: 'office-farm', command: process.execPath, args: ['--cpu-prof', '--cpu-prof-dir', dir, '--cpu-prof-interval', '500', server, '--stdio'], languageId: 'farm' },
    uri: pathToFileURL(file).href,
    text: g.farm,
    target: middleTarget(g.farm, /library = "[^"]*Recordings/),
    edits,
    timeoutMs: 180_000,
    log,
  });
  // The profile is written as the process exits.
  let profileFile: string | undefined;
  for (let i = 0; i < 50 && !profileFile; i++) {
    profileFile = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).map((f) => join(dir, f)).sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
    if (!profileFile) await new Promise((r) => setTimeout(r, 200));
  }
  if (!profileFile) {
    log('profile: no .cpuprofile was written');
    return 1;
  }
  const profile = JSON.parse(readFileSync(profileFile, 'utf8')) as CpuProfile;
  const windows: Window[] = [
    { name: 'start and initialize', from: profile.startTime, to: run.marksUs.open },
    { name: `didOpen → first diagnostics (${Math.round(run.openMs)} ms)`, from: run.marksUs.open, to: run.marksUs.edits },
    { name: `${edits} edits (p50 ${run.edits.p50} ms each)`, from: run.marksUs.edits, to: run.marksUs.end },
  ];
  if (!(profile.startTime <= run.marksUs.open && run.marksUs.end <= profile.endTime)) {
    log(`profile: the driver's marks fall outside the profile (${profile.startTime}..${profile.endTime} µs): the split by phase is off`);
  }
  const attributed = attribute(profile, readFileSync(server, 'utf8'), server, windows);
  for (const w of attributed) report(w, log);
  const out = join(work, `profile-${n}.json`);
  writeFileSync(
    out,
    JSON.stringify({ date: new Date().toISOString(), servers: n, edits, inProcessMs: phases, inProcessProfile: analyzeProfile, run: { ...run, editSamples: run.editSamples }, cpuProfile: profileFile, windows: attributed }, null, 2) + '\n',
  );
  log(`\nprofile: ${out} (open ${profileFile} in Chrome DevTools or VS Code for the flame chart)`);
  return 0;
}

function report(w: ReturnType<typeof attribute>[number], log: (line: string) => void): void {
  log(`\n== ${w.name}: ${w.wallMs} ms wall, ${w.sampledMs} ms sampled`);
  for (const c of w.byCategory.slice(0, 14)) log(`  ${c.name.padEnd(40)} ${String(c.ms).padStart(7)} ms ${pct(c.ms, w.wallMs)}`);
  log('  -- self time, top functions');
  for (const c of w.topSelf.slice(0, 15)) log(`  ${c.name.padEnd(70)} ${String(c.ms).padStart(7)} ms`);
  log('  -- inclusive time');
  for (const c of w.topInclusive.slice(0, 25)) log(`  ${c.name.padEnd(70)} ${String(c.ms).padStart(7)} ms`);
}

const pct = (part: number, whole: number): string => (whole > 0 ? `${((100 * part) / whole).toFixed(0).padStart(3)}%` : '');
