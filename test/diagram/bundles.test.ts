// Where the diagram's code lands: activation carries neither the layout
// engine nor the panel host; the webview carries the renderer but no layout
// engine; the CLI's diagram command loads the PNG rasteriser only when
// asked, and without it (as in the .vsix, which has no node_modules) still
// draws SVG and says how to get PNG.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { repoRoot } from '../support/paths';

const read = (f: string) => readFileSync(join(repoRoot, 'dist', f), 'utf8');
const dagreMarkers = ['network-simplex', 'networkSimplex', 'graphlib'];

test('dist/extension.js requires the diagram panel host by name and holds no layout engine or renderer', () => {
  const activation = read('extension.js');
  assert.match(activation, /require\(["']\.\/diagram-panels["']\)/);
  for (const marker of [...dagreMarkers, 'farm-diagram', 'DiagramPanel = class', 'ews-javascript-api']) assert.ok(!activation.includes(marker), `dist/extension.js contains ${marker}`);
});

test('the panel host bundle holds no EWS code and no layout engine; the webview holds the renderer but no layout engine', () => {
  const host = read('diagram-panels.js');
  assert.ok(host.includes('DiagramPanel = class'), 'the host is in its bundle');
  for (const marker of [...dagreMarkers, 'ExchangeService']) assert.ok(!host.includes(marker), `dist/diagram-panels.js contains ${marker}`);
  const webview = read('webview/diagram.js');
  assert.ok(webview.includes('farm-diagram'));
  for (const marker of dagreMarkers) assert.ok(!webview.includes(marker), `dist/webview/diagram.js contains ${marker}`);
  assert.ok(read('server.js').includes('network-simplex'), 'the layout runs in the server');
});

test('the CLI without node_modules (as in the .vsix): SVG works, PNG says what it needs (exit 2)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'farm-cli-alone-'));
  cpSync(join(repoRoot, 'dist', 'cli.js'), join(dir, 'dist', 'cli.js'));
  cpSync(join(repoRoot, 'dist', 'commands'), join(dir, 'dist', 'commands'), { recursive: true, filter: (f) => !f.endsWith('.map') });
  writeFileSync(join(dir, 'package.json'), readFileSync(join(repoRoot, 'package.json')));
  const farm = join(repoRoot, 'examples', 'contoso.farm');
  const cli = (...args: string[]) => spawnSync(process.execPath, [join(dir, 'dist', 'cli.js'), ...args], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
  const svg = cli('diagram', farm);
  assert.equal(svg.status, 0, svg.stderr);
  assert.equal(svg.stdout.match(/class="node server /g)?.length, 5);
  const png = cli('diagram', farm, '--format', 'png', '--out', join(dir, 'x.png'));
  assert.equal(png.status, 2);
  assert.match(png.stderr, /PNG needs the @resvg\/resvg-js package/);
  assert.doesNotMatch(png.stderr, /\n\s+at /);
});
