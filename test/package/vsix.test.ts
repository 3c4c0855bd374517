// The .vsix as it ships: scripts/test.mjs runs `npm run package` into
// out/package/ before these tests and the editor tests, which install it.
// Packaging passes --no-dependencies, so the bundles must need nothing from
// node_modules: the last tests unpack the .vsix where no node_modules can be
// found and run the CLI and the server from there.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, parse } from 'node:path';
import { after, before, test } from 'node:test';
import { LspSession } from '../server/lsp-session';
import { repoRoot, vsixPath } from '../support/paths';
import { runCli } from '../support/run-cli';
import { readZip, type ZipEntry } from './zip';

const MAX_BYTES = 8 * 1024 * 1024;

/** What the installed extension reads besides its bundles (vsce names the readme and licence so). */
const REQUIRED = [
  'extension/package.json',
  'extension/readme.md',
  'extension/LICENSE.txt',
  'extension/images/icon.png',
  'extension/language-configuration.json',
  'extension/syntaxes/farm.tmLanguage.json',
  // The walkthrough: its steps' pages, and the example its first step opens outside a clone.
  ...readdirSync(join(repoRoot, 'media/walkthrough')).map((f) => `extension/media/walkthrough/${f}`),
  'extension/examples/first-steps.farm',
  // The Office Farm view's activity bar icon.
  'extension/media/office-farm.svg',
];

const FORBIDDEN: [RegExp, string][] = [
  [/^extension\/src\//, 'sources'],
  [/^extension\/test\//, 'tests'],
  [/^extension\/out\//, 'transpiled tests'],
  [/^extension\/bench\//, 'the benchmark'],
  [/^extension\/node_modules\//, 'dependencies (the bundles carry them)'],
  [/^extension\/\.e2e-tools\//, 'the editor tests\' tool cache'],
  [/^extension\/docs\//, 'docs (the readme links to them)'],
  [/\.map$/, 'source maps'],
  [/\.ts$/, 'TypeScript'],
];

/** Every bundle scripts/build.mjs wrote: dist/*.js and one folder down (commands/, webview/). */
function builtBundles(): string[] {
  const dist = join(repoRoot, 'dist');
  const out: string[] = [];
  for (const name of readdirSync(dist)) {
    const p = join(dist, name);
    if (statSync(p).isDirectory()) {
      // The panels' stylesheets are the build's too (esbuild writes them beside their bundles).
      for (const inner of readdirSync(p)) if (inner.endsWith('.js') || inner.endsWith('.css')) out.push(`dist/${name}/${inner}`);
    } else if (name.endsWith('.js')) out.push(`dist/${name}`);
  }
  return out.sort();
}

let entries: ZipEntry[] = [];
const byName = new Map<string, ZipEntry>();
let unpacked = '';

before(() => {
  assert.ok(existsSync(vsixPath), `${vsixPath} is missing: scripts/test.mjs packages it (npm run package -- --out ${vsixPath})`);
  entries = readZip(readFileSync(vsixPath));
  for (const e of entries) byName.set(e.name, e);
  unpacked = mkdtempSync(join(tmpdir(), 'office-farm-vsix-'));
  for (const e of entries) {
    if (e.name.endsWith('/')) continue;
    const target = join(unpacked, e.name);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, e.data());
  }
});

after(() => {
  if (unpacked) rmSync(unpacked, { recursive: true, force: true });
});

const extensionFiles = () => entries.map((e) => e.name).filter((n) => n.startsWith('extension/'));

test('the .vsix is under 8 MB', () => {
  const size = statSync(vsixPath).size;
  console.log(`  (${vsixPath}: ${(size / 1024).toFixed(0)} KB, ${entries.length} entries)`);
  assert.ok(size < MAX_BYTES, `${size} bytes`);
});

test('it holds every bundle the build made, the manifest, readme, licence, icon, grammar and language configuration', () => {
  const files = new Set(extensionFiles());
  for (const name of [...REQUIRED, ...builtBundles().map((b) => `extension/${b}`)]) assert.ok(files.has(name), `${name} is in the .vsix`);
  for (const b of ['dist/extension.js', 'dist/language-client.js', 'dist/server.js', 'dist/cli.js']) assert.ok(files.has(`extension/${b}`), b);
});

test('it holds no sources, tests, maps, out/, bench/ or node_modules', () => {
  for (const name of extensionFiles()) {
    for (const [pattern, what] of FORBIDDEN) assert.doesNotMatch(name, pattern, `${name}: ${what} do not ship`);
  }
});

test('it holds nothing else', () => {
  const expected = [...REQUIRED, ...builtBundles().map((b) => `extension/${b}`)].sort();
  assert.deepEqual(extensionFiles().sort(), expected);
});

test('the packaged bundles are the ones the build made, so the node tests ran what ships', () => {
  for (const b of builtBundles()) {
    assert.ok(byName.get(`extension/${b}`)!.data().equals(readFileSync(join(repoRoot, b))), `${b} differs from the build's`);
  }
});

test('every file the manifest names is in the package', () => {
  const manifest = JSON.parse(byName.get('extension/package.json')!.data().toString('utf8'));
  assert.deepEqual(manifest, JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')), 'the manifest is the repository\'s package.json');
  const named: string[] = [
    manifest.main,
    manifest.icon,
    ...Object.values(manifest.bin as Record<string, string>),
    ...manifest.contributes.languages.map((l: { configuration?: string }) => l.configuration).filter(Boolean),
    ...manifest.contributes.grammars.map((g: { path: string }) => g.path),
    ...manifest.contributes.walkthroughs.flatMap((w: { steps: { media: { markdown?: string } }[] }) => w.steps.map((s) => s.media.markdown).filter(Boolean)),
  ];
  for (const path of named) assert.ok(byName.has(`extension/${path.replace(/^\.\//, '')}`), `${path} (named in package.json) is in the .vsix`);
});

test('the icon is a 128x128 PNG', () => {
  const png = byName.get('extension/images/icon.png')!.data();
  assert.ok(png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), 'PNG signature');
  assert.equal(png.toString('latin1', 12, 16), 'IHDR');
  assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
});

test('the bundles require only Node built-ins, vscode and each other (or an optional dependency, which the code does without)', () => {
  const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
  // `office-farm diagram --format png` loads the native @resvg/resvg-js when present; test/diagram/bundles.test.ts runs the CLI without it.
  const optional = new Set(Object.keys((JSON.parse(byName.get('extension/package.json')!.data().toString('utf8')) as { optionalDependencies?: Record<string, string> }).optionalDependencies ?? {}));
  for (const name of extensionFiles().filter((n) => n.endsWith('.js'))) {
    const text = byName.get(name)!.data().toString('utf8');
    for (const [, spec] of text.matchAll(/\brequire\("([^"]+)"\)/g)) {
      if (builtins.has(spec) || spec === 'vscode' || optional.has(spec)) continue;
      assert.ok(spec.startsWith('./'), `${name} requires ${spec}, which the package does not hold`);
      const target = join(dirname(name), spec);
      assert.ok(byName.has(target.endsWith('.js') ? target : `${target}.js`), `${name} requires ${spec}, which is not in the package`);
    }
  }
});

test('unpacked alone, with no node_modules above it, the CLI checks, formats and loads every command', () => {
  for (let dir = unpacked; ; dir = dirname(dir)) {
    assert.ok(!existsSync(join(dir, 'node_modules')), `${join(dir, 'node_modules')} would let a bundle reach outside the package`);
    if (dir === parse(dir).root) break;
  }
  const cli = join(unpacked, 'extension/dist/cli.js');
  const run = (args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: join(repoRoot, 'examples'), encoding: 'utf8', timeout: 60_000 });
  for (const args of [['check', 'first-steps.farm'], ['format', 'contoso.farm'], ['--version']]) {
    const packaged = run(args);
    const built = runCli(args, { cwd: join(repoRoot, 'examples') });
    assert.deepEqual([packaged.status, packaged.stdout, packaged.stderr], [built.status, built.stdout, built.stderr], `office-farm ${args.join(' ')}`);
  }
  const faults = run(['simulate', '--list-faults']);
  assert.equal(faults.status, 0, faults.stderr);
  assert.match(faults.stdout, /^expired-cert\s/m);
  // Without a file the probe refuses as a usage error: its bundle loaded and ran.
  const probe = run(['probe']);
  assert.deepEqual([probe.status, probe.stderr.split('\n')[0]], [2, 'office-farm probe: no FILE given']);
});

test('unpacked alone, dist/server.js and `office-farm lsp --stdio` answer initialize and check a document', async () => {
  for (const args of [[join(unpacked, 'extension/dist/server.js'), '--stdio'], [join(unpacked, 'extension/dist/cli.js'), 'lsp', '--stdio']]) {
    const session = await LspSession.start(args);
    try {
      assert.equal(session.initializeResult.serverInfo?.name, 'Office Farm Language Server');
      const diagnostics = await session.open('untitled:packaged.farm', 'exchange ex01 { }\n');
      assert.deepEqual(diagnostics.map((d) => d.code), ['FARM108', 'FARM901'], args.join(' '));
    } finally {
      await session.stop();
    }
    assert.equal(session.child.exitCode, 0, `${args.join(' ')} exits 0 after shutdown and exit`);
  }
});
