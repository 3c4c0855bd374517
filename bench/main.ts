// `npm run bench`: our language server against yaml-language-server on the
// same farms (issue 7), plus `office-farm check` throughput. Bundled and run
// by scripts/bench.mjs. Options:
//   --quick            N = 2,000 and 10 edits only; results to bench/work/results-quick.json
//   --sizes 200,2000   the farm sizes (servers)
//   --edits 50         edits per run (10 with --quick)
//   --opens 5          fresh servers that open each farm, ours and YAML's in turn; the table gives the median (1 with --quick)
//   --only office-farm|yaml-language-server|office-panels|diagram|presence  (office-panels: the inbox panel bench alone, bench/panels.ts;
//                                                          diagram: the topology diagram's phase alone, bench/diagram.ts; presence: bench/presence.ts)
//   --out FILE         where the results go (default bench/results.json, or the quick file)
//   --profile          our server alone under node --cpu-prof at the largest size; see bench/profile.ts
// Exit 1 only when a result is missing (a server failed, timed out, or the
// YAML schema did not catch a planted error), never because of a timing.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { analyze } from '../src/core';
import { generateInventoryScripts, generateScripts } from '../src/core/scripts';
import { farmSchema, generateFarm } from './farm-generator';
import { delay, DocumentRun, driveServer, middleTarget, ServerCommand } from './lsp-driver';
import { summarizeProfile } from './profile';
import { benchPanels, type PanelBench } from './panels';
import { diagramTable, runDiagramBench } from './diagram';
import { benchPresence, type PresenceBench } from './presence';

const root = resolve(__dirname, '..', '..');
const work = join(root, 'bench', 'work');
const ours = 'office-farm';
const yamlLabel = 'yaml-language-server';

interface Options {
  quick: boolean;
  sizes: number[];
  edits: number;
  opens: number;
  only?: string;
  out: string;
  profile: boolean;
}

function parseOptions(argv: string[]): Options {
  const quick = argv.includes('--quick');
  const value = (flag: string): string | undefined => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const profile = argv.includes('--profile');
  const sizes = value('--sizes')?.split(',').map(Number) ?? (quick ? [2000] : profile ? [10000] : [200, 2000, 10000]);
  return {
    quick,
    sizes,
    edits: Number(value('--edits') ?? (quick ? 10 : 50)),
    opens: Math.max(1, Number(value('--opens') ?? (quick ? 1 : 5))),
    only: value('--only'),
    out: value('--out') ?? join(root, 'bench', quick ? 'work/results-quick.json' : value('--sizes') || value('--only') || value('--edits') ? 'work/results-partial.json' : 'results.json'),
    profile,
  };
}

interface SizeResult {
  servers: number;
  farm: { lines: number; bytes: number };
  yaml: { lines: number; bytes: number };
  runs: Record<string, DocumentRun | { error: string }>;
}

function machine(): Record<string, unknown> {
  const cpus = os.cpus();
  const yamlPackage = JSON.parse(readFileSync(join(root, 'node_modules', 'yaml-language-server', 'package.json'), 'utf8')) as { version: string };
  const git = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' });
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    yamlLanguageServer: yamlPackage.version,
    commit: git.status === 0 ? git.stdout.trim() : 'unknown',
    uncommittedSourceChanges: spawnSync('git', ['status', '--porcelain', '--', 'src'], { cwd: root, encoding: 'utf8' }).stdout?.trim().length > 0,
  };
}

function servers(schemaUri: string): Record<string, ServerCommand> {
  const yamlSettings = {
    validate: true,
    hover: false,
    completion: false,
    format: { enable: false },
    schemas: { [schemaUri]: ['*.farm.yaml'] },
    // Loopback only: no schema catalogue from the network.
    schemaStore: { enable: false },
    kubernetesCRDStore: { enable: false },
  };
  return {
    [ours]: { label: ours, command: process.execPath, args: [join(root, 'dist', 'server.js'), '--stdio'], languageId: 'farm' },
    [yamlLabel]: {
      label: yamlLabel,
      command: process.execPath,
      args: [join(root, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server'), '--stdio'],
      languageId: 'yaml',
      settings: { yaml: yamlSettings, http: { proxy: '', proxyStrictSSL: true }, '[yaml]': {}, editor: { tabSize: 2 } },
    },
  };
}

const log = (line: string): void => console.error(`[bench] ${line}`);

async function runSize(n: number, o: Options, commands: Record<string, ServerCommand>): Promise<SizeResult> {
  const valid = generateFarm(n);
  const planted = generateFarm(n, { planted: true });
  const files = {
    farm: join(work, `farm-${n}.farm`),
    yaml: join(work, `farm-${n}.farm.yaml`),
    plantedFarm: join(work, `farm-${n}-planted.farm`),
    plantedYaml: join(work, `farm-${n}-planted.farm.yaml`),
  };
  writeFileSync(files.farm, valid.farm);
  writeFileSync(files.yaml, valid.yaml);
  writeFileSync(files.plantedFarm, planted.farm);
  writeFileSync(files.plantedYaml, planted.yaml);
  const lines = (s: string): number => s.split('\n').length - 1;
  const result: SizeResult = {
    servers: n,
    farm: { lines: lines(valid.farm), bytes: Buffer.byteLength(valid.farm) },
    yaml: { lines: lines(valid.yaml), bytes: Buffer.byteLength(valid.yaml) },
    runs: {},
  };
  log(`N = ${n}: ${result.farm.lines} farm lines, ${result.yaml.lines} YAML lines`);
  const plan: Array<[string, string, string, string, RegExp]> = [
    [ours, files.farm, valid.farm, planted.farm, /library = "[^"]*Recordings/],
    [yamlLabel, files.yaml, valid.yaml, planted.yaml, /library: "[^"]*Recordings/],
  ];
  for (const [label, file, text, plantedText, needle] of plan) {
    if (o.only && o.only !== label) continue;
    const server = commands[label];
    const loadBefore = os.loadavg()[0];
    try {
      result.runs[label] = await driveServer({
        server,
        uri: pathToFileURL(file).href,
        text,
        target: middleTarget(text, needle),
        edits: o.edits,
        planted: { uri: pathToFileURL(label === ours ? files.plantedFarm : files.plantedYaml).href, text: plantedText },
        timeoutMs: 180_000,
        pushSettings: server.settings,
        log,
      });
      const run = result.runs[label] as OpenedRun;
      run.openSamples = [Math.round(run.openMs * 10) / 10];
      run.loadAverage = [loadBefore, os.loadavg()[0]].map((x) => Math.round(x * 100) / 100);
      if (label === ours && run.planted) {
        const got = run.planted.diagnostics.map((d) => String(d.code)).sort();
        const expected = planted.planted.flatMap((x) => x.codes).sort();
        run.plantedCodesMatch = JSON.stringify(got) === JSON.stringify(expected);
        if (!run.plantedCodesMatch) log(`warning: ${ours} on the planted farm reports ${got.join(' ')}, not ${expected.join(' ')}`);
      }
    } catch (error) {
      log(`${label} at N = ${n}: ${(error as Error).message}`);
      result.runs[label] = { error: (error as Error).message };
    }
    await delay(500);
  }
  // One open is one sample on a machine whose speed drifts: more fresh
  // servers open the same farm, the two servers taking turns, so that a
  // change of the machine's pace reaches both.
  for (let i = 1; i < o.opens; i++) {
    for (const [label, file, text, , needle] of plan) {
      const run = result.runs[label] as OpenedRun | undefined;
      if (!run || 'error' in run) continue;
      const server = commands[label];
      try {
        const again = await driveServer({ server, uri: pathToFileURL(file).href, text, target: middleTarget(text, needle), edits: 0, timeoutMs: 180_000, pushSettings: server.settings, log });
        run.openSamples!.push(Math.round(again.openMs * 10) / 10);
      } catch (error) {
        log(`${label} at N = ${n}, open ${i + 1}: ${(error as Error).message}`);
      }
      await delay(500);
    }
  }
  for (const [label] of plan) {
    const run = result.runs[label] as OpenedRun | undefined;
    if (!run || 'error' in run || run.openSamples!.length < 2) continue;
    run.openMs = median(run.openSamples!);
    log(`${label}: open median ${run.openMs.toFixed(0)} ms of ${run.openSamples!.length} (${run.openSamples!.join(', ')})`);
  }
  return result;
}

/** A run with the samples of its open (the first from the run itself) and the load around it. */
type OpenedRun = DocumentRun & { loadAverage?: number[]; plantedCodesMatch?: boolean; openSamples?: number[] };

/** Bytes of each bundle: VS Code loads extension.js at activation, language-client.js when the server starts. */
function bundleSizes(): Record<string, number> {
  const out: Record<string, number> = {};
  for (const name of ['extension.js', 'language-client.js', 'server.js', 'cli.js']) {
    const file = join(root, 'dist', name);
    if (existsSync(file)) out[name] = statSync(file).size;
  }
  return out;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)];
}

function throughput(n: number): Record<string, unknown> {
  const file = join(work, `farm-${n}.farm`);
  const bytes = statSync(file).size;
  const mb = bytes / 1e6;
  const cli = join(root, 'dist', 'cli.js');
  const processMs: number[] = [];
  let diagnostics = -1;
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, [cli, 'check', '--format', 'json', file], { encoding: 'utf8', maxBuffer: 1 << 28 });
    processMs.push(performance.now() - t);
    if (r.status !== 0 && r.status !== 1) throw new Error(`office-farm check exited ${r.status}: ${r.stderr}`);
    diagnostics = (JSON.parse(r.stdout) as Array<{ diagnostics: unknown[] }>)[0].diagnostics.length;
  }
  const text = readFileSync(file, 'utf8');
  const analyzeMs: number[] = [];
  for (let i = 0; i < 7; i++) {
    const t = performance.now();
    analyze(text);
    if (i >= 2) analyzeMs.push(performance.now() - t);
  }
  // office-farm script (issue 20): every configuration and inventory script of the farm, from one analysis.
  const analysis = analyze(text);
  const scriptsMs: number[] = [];
  let scriptCount = 0;
  let scriptBytes = 0;
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    const made = [...generateScripts(analysis, { file: 'farm.farm' }), ...generateInventoryScripts(analysis, { file: 'farm.farm' })];
    if (i >= 1) scriptsMs.push(performance.now() - t);
    scriptCount = made.length;
    scriptBytes = made.reduce((sum, s) => sum + Buffer.byteLength(s.text), 0);
  }
  const json = JSON.stringify(generateFarm(n).data);
  const parseMs: number[] = [];
  for (let i = 0; i < 7; i++) {
    const t = performance.now();
    JSON.parse(json);
    if (i >= 2) parseMs.push(performance.now() - t);
  }
  const noStartMs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    spawnSync(process.execPath, ['-e', '0']);
    noStartMs.push(performance.now() - t);
  }
  const r1 = (x: number): number => Math.round(x * 10) / 10;
  return {
    servers: n,
    bytes,
    diagnostics,
    checkProcessMs: r1(median(processMs)),
    checkProcessMBps: r1(mb / (median(processMs) / 1000)),
    nodeStartMs: r1(median(noStartMs)),
    analyzeMs: r1(median(analyzeMs)),
    analyzeMBps: r1(mb / (median(analyzeMs) / 1000)),
    jsonParseMs: r1(median(parseMs)),
    jsonBytes: Buffer.byteLength(json),
    scriptsMs: r1(median(scriptsMs)),
    scripts: scriptCount,
    scriptBytes,
  };
}

const fmtMs = (x: number | undefined): string => (x === undefined || Number.isNaN(x) ? '—' : x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(x < 10 ? 1 : 0)} ms`);
const fmtRatio = (a: number | undefined, b: number | undefined): string => (a && b ? `${(b / a).toFixed(b / a < 10 ? 1 : 0)}×` : '—');
const num = (x: number): string => x.toLocaleString('en-US');

export function table(results: SizeResult[]): string {
  const rows: string[] = [
    '| servers | .farm lines | YAML lines | metric | office-farm | yaml-language-server | YAML ÷ ours |',
    '|---:|---:|---:|---|---:|---:|---:|',
  ];
  for (const r of results) {
    const a = r.runs[ours] as DocumentRun | { error: string } | undefined;
    const b = r.runs[yamlLabel] as DocumentRun | { error: string } | undefined;
    const ok = (x: typeof a): x is DocumentRun => !!x && !('error' in x);
    const A = ok(a) ? a : undefined;
    const B = ok(b) ? b : undefined;
    const metrics: Array<[string, number | undefined, number | undefined, (x: number | undefined) => string]> = [
      ['initialize', A?.initializeMs, B?.initializeMs, fmtMs],
      ['open → diagnostics', A?.openMs, B?.openMs, fmtMs],
      ['edit → diagnostics p50', A?.edits.p50, B?.edits.p50, fmtMs],
      ['edit → diagnostics p95', A?.edits.p95, B?.edits.p95, fmtMs],
      ['edit → diagnostics max', A?.edits.max, B?.edits.max, fmtMs],
      ['peak RSS', A?.peakRssMB, B?.peakRssMB, (x) => (x === undefined ? '—' : `${x.toFixed(0)} MB`)],
    ];
    metrics.forEach(([name, x, y, f], i) => {
      rows.push(`| ${i === 0 ? num(r.servers) : ''} | ${i === 0 ? num(r.farm.lines) : ''} | ${i === 0 ? num(r.yaml.lines) : ''} | ${name} | ${a && 'error' in a ? 'failed' : f(x)} | ${b && 'error' in b ? 'failed' : f(y)} | ${fmtRatio(x, y)} |`);
    });
  }
  return rows.join('\n');
}

async function main(): Promise<number> {
  const o = parseOptions(process.argv.slice(2));
  mkdirSync(work, { recursive: true });
  const schemaFile = join(work, 'farm.schema.json');
  writeFileSync(schemaFile, JSON.stringify(farmSchema(), null, 2) + '\n');
  const commands = servers(pathToFileURL(schemaFile).href);
  if (!existsSync(join(root, 'dist', 'server.js'))) log('dist/server.js does not exist: the office-farm server cannot run');

  if (o.profile) return summarizeProfile({ root, work, n: o.sizes[o.sizes.length - 1], edits: o.edits, log });
  // --only diagram: the topology diagram's phase alone (bench/diagram.ts).
  if (o.only === 'diagram') {
    const diagram = await runDiagramBench({ root, quick: o.quick, fullLayouts2000: process.argv.includes('--full-layouts-2000'), log });
    mkdirSync(join(o.out, '..'), { recursive: true });
    writeFileSync(o.out, JSON.stringify({ date: new Date().toISOString(), machine: machine(), diagram }, null, 2) + '\n');
    console.log(`\n${diagramTable(diagram)}\n\nResults: ${o.out}`);
    return 0;
  }

  const lsp = o.only !== 'office-panels' && o.only !== 'presence';
  const results: SizeResult[] = [];
  if (lsp) for (const n of o.sizes) results.push(await runSize(n, o, commands));
  let check: Record<string, unknown> | { error: string } = { skipped: 'with --only office-panels' };
  if (lsp) {
    try {
      check = throughput(o.sizes[o.sizes.length - 1]);
    } catch (error) {
      check = { error: (error as Error).message };
    }
  }
  // The Office panels (issue 18): the inbox webview against a site mailbox of 10,000 messages.
  let panels: PanelBench | { error: string } | { skipped: string } | undefined;
  if (!o.only || o.only === 'office-panels') {
    try {
      panels = await benchPanels(root, o.quick ? 2 : 5, o.quick ? 3 : 10, log);
    } catch (error) {
      panels = { error: (error as Error).message };
    }
  }
  // Presence (issue 19): Graph for 2,000 online users, UCWA for 200 users of a pool.
  let presence: PresenceBench | { error: string } | undefined;
  if (!o.only || o.only === 'presence') {
    try {
      presence = await benchPresence(o.quick ? 1 : 5, log);
    } catch (error) {
      presence = { error: (error as Error).message };
    }
  }

  const missing: string[] = [];
  for (const r of results) {
    for (const [label, run] of Object.entries(r.runs)) {
      if ('error' in run) missing.push(`${label} at N = ${r.servers}: ${run.error}`);
      else if (!run.planted || run.planted.diagnostics.length === 0) missing.push(`${label} at N = ${r.servers}: no diagnostic on the planted document (is it validating?)`);
      else if (run.openDiagnostics !== 0) log(`warning: ${label} reports ${run.openDiagnostics} diagnostics on the valid farm of ${r.servers} servers`);
    }
    for (const label of [ours, yamlLabel]) if ((!o.only || o.only === label) && !r.runs[label]) missing.push(`${label} at N = ${r.servers}: not run`);
  }
  if ('error' in check) missing.push(`office-farm check throughput: ${check.error}`);
  if (panels && 'error' in panels) missing.push(`office panels: ${panels.error}`);
  const diagram = o.only ? undefined : await runDiagramBench({ root, quick: o.quick, log });
  if (presence && 'error' in presence) missing.push(`presence: ${presence.error}`);

  const output = {
    date: new Date().toISOString(),
    machine: machine(),
    bundles: bundleSizes(),
    edits: o.edits,
    opens: o.opens,
    editTarget: 'one character at a time into the meeting-recordings library URL nearest the middle line of the file',
    sizes: results,
    check,
    ...(panels ? { panels } : {}),
    ...(diagram ? { diagram } : {}),
    ...(presence ? { presence } : {}),
  };
  mkdirSync(join(o.out, '..'), { recursive: true });
  writeFileSync(o.out, JSON.stringify(output, null, 2) + '\n');

  const m = output.machine;
  console.log(`\nOffice Farm benchmark — ${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB, Node ${m.node}, yaml-language-server ${m.yamlLanguageServer}\n`);
  if (lsp) console.log(table(results));
  if (panels && 'skipped' in panels) console.log(`\nInbox panel bench skipped: ${panels.skipped}`);
  if (panels && 'firstPageMs' in panels) {
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
    console.log(
      `\nInbox panel, site mailbox of ${num(panels.messages)} messages: open → first page drawn median ${fmtMs(median(panels.firstPageMs))} (max ${fmtMs(Math.max(...panels.firstPageMs))}, ${panels.firstPageMs.length} opens); ` +
        `next page while scrolling median ${fmtMs(median(panels.nextPageMs))} (max ${fmtMs(Math.max(...panels.nextPageMs))}, ${panels.nextPageMs.length} jumps); at most ${panels.maxDomRows} rows in the DOM; load average ${panels.loadAverage.before[0].toFixed(1)} → ${panels.loadAverage.after[0].toFixed(1)} on ${os.cpus().length} cores`,
    );
  }
  if (presence && 'graph' in presence) {
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
    console.log(
      `\nPresence: Graph, ${num(presence.online)} online users: first read median ${fmtMs(median(presence.graph.firstReadMs))} (${presence.graph.firstCalls} requests), steady read ${fmtMs(median(presence.graph.steadyReadMs))} (${presence.graph.steadyCalls} requests); ` +
        `UCWA, ${num(presence.poolUsers)} users of a pool: first read with the handshake ${fmtMs(median(presence.ucwa.firstReadMs))}, steady read ${fmtMs(median(presence.ucwa.steadyReadMs))}; load average ${presence.loadAverage.before[0].toFixed(1)} → ${presence.loadAverage.after[0].toFixed(1)}`,
    );
  }
  if (lsp && !('error' in check) && !('skipped' in check)) {
    const c = check as Record<string, number>;
    console.log(
      `\noffice-farm check on ${num(c.servers)} servers (${(c.bytes / 1e6).toFixed(2)} MB): whole process ${fmtMs(c.checkProcessMs)} = ${c.checkProcessMBps} MB/s ` +
        `(node itself starts in ${fmtMs(c.nodeStartMs)}); in-process analyze ${fmtMs(c.analyzeMs)} = ${c.analyzeMBps} MB/s; ` +
        `JSON.parse of the same content (${(c.jsonBytes / 1e6).toFixed(2)} MB) ${fmtMs(c.jsonParseMs)}`,
    );
    console.log(`office-farm script on the same farm, in process: ${num(c.scripts)} configuration and inventory scripts (${(c.scriptBytes / 1e6).toFixed(2)} MB) in ${fmtMs(c.scriptsMs)}`);
  }
  const kb = (name: string): string => (output.bundles[name] === undefined ? 'missing' : `${(output.bundles[name] / 1024).toFixed(0)} KB`);
  console.log(`\nBundles: extension.js ${kb('extension.js')} (loaded at activation), language-client.js ${kb('language-client.js')} (when the server starts), server.js ${kb('server.js')}`);
  if (diagram) console.log(`\n${diagramTable(diagram)}`);
  console.log(`\nResults: ${o.out}`);
  if (missing.length > 0) {
    console.error(`\nMissing results:\n${missing.map((x) => `  - ${x}`).join('\n')}`);
    return 1;
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
