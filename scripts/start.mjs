#!/usr/bin/env node
// `npm start`: the whole product on this machine in one command. Builds,
// runs the farm simulator for examples/contoso.farm, and opens a real VS
// Code on the examples folder with the extension installed and its network
// settings pointing at the simulator: the local `code` when there is one
// (and a display), else code-server from the tool cache, served on
// 127.0.0.1. Ctrl+C stops all of it.
//
//   npm start [-- --editor code|code-server] [--port N] [--workspace DIR] [--no-build]
//
// State (the editor's profile, logs) lives in .office-farm/start/, or in
// OFFICE_FARM_START_HOME; the simulator keeps its CA in the workspace's
// .office-farm/ folder, where `office-farm simulate` run there would.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startSimulatorProcess, simulatorSettings } from './lib/simulator-process.mjs';
import { freePort, installExtension, startCodeServer } from '../test/vscode/code-server.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const say = (text) => console.log(`[office-farm] ${text}`);

function fail(text) {
  console.error(`[office-farm] ${text}`);
  process.exit(1);
}

let options;
try {
  options = parseArgs({
    options: {
      editor: { type: 'string' },
      port: { type: 'string' },
      workspace: { type: 'string' },
      'no-build': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  }).values;
} catch (error) {
  fail(`${error.message}\nusage: npm start [-- --editor code|code-server] [--port N] [--workspace DIR] [--no-build]`);
}
if (options.help) {
  console.log('usage: npm start [-- --editor code|code-server] [--port N] [--workspace DIR] [--no-build]');
  process.exit(0);
}
if (options.editor && options.editor !== 'code' && options.editor !== 'code-server') fail(`--editor takes code or code-server, not ${options.editor}`);
const port = options.port === undefined ? undefined : Number(options.port);
if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) fail(`--port takes a port number, not ${options.port}`);

const workspace = resolve(options.workspace ?? join(root, 'examples'));
const farm = join(workspace, 'contoso.farm');
if (!existsSync(farm)) fail(`${farm} is missing: the workspace must hold contoso.farm`);
const home = resolve(process.env.OFFICE_FARM_START_HOME ?? join(root, '.office-farm/start'));
mkdirSync(home, { recursive: true });
const processesFile = join(home, 'processes.json');

/** Processes a start that was killed outright (no Ctrl+C) left running: stopped before anything new starts. */
function stopLeftovers() {
  if (!existsSync(processesFile)) return;
  let recorded = [];
  try {
    recorded = JSON.parse(readFileSync(processesFile, 'utf8'));
  } catch {
    // unreadable: nothing to go by
  }
  for (const { pid, group, what } of recorded) {
    try {
      process.kill(group ? -pid : pid, 'SIGTERM');
      say(`stopped ${what} (pid ${pid}), left running by an earlier start`);
    } catch {
      // already gone
    }
  }
  rmSync(processesFile, { force: true });
}

const running = [];
function record(pid, what, group = false) {
  running.push({ pid, what, group });
  writeFileSync(processesFile, JSON.stringify(running, null, 2));
}

function hasLocalCode() {
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return false;
  const r = spawnSync('code', ['--version'], { encoding: 'utf8', shell: process.platform === 'win32' });
  return r.status === 0;
}

async function portFree(p) {
  return new Promise((done) => {
    const server = createServer();
    server.once('error', () => done(false));
    server.listen(p, '127.0.0.1', () => server.close(() => done(true)));
  });
}

/** The extension as users install it: the .vsix that `npm run package` makes. */
function packageExtension() {
  const vsix = join(home, 'office-farm.vsix');
  const r = spawnSync('npm', ['run', '--silent', 'package', '--', '--out', vsix], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  if (r.status !== 0 || !existsSync(vsix)) fail('packaging the extension failed (npm run package)');
  return vsix;
}

async function startInCodeServer(settings) {
  say('the editor: code-server (installing it into the tool cache on first use: a few minutes)');
  const install = spawnSync('bash', [join(root, 'test/vscode/install-tools.sh'), '--editor-only'], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  if (install.status !== 0) fail('installing code-server failed (test/vscode/install-tools.sh)');
  const tools = install.stdout.trim().split('\n').pop();
  const editorHome = join(home, 'code-server');
  const vsix = packageExtension();
  const { publisher, name } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  try {
    installExtension({ tools, home: editorHome, vsix, id: `${publisher}.${name}` });
  } catch (error) {
    fail(`installing ${basename(vsix)} into code-server failed: ${error.message}`);
  }
  const chosen = port ?? ((await portFree(8080)) ? 8080 : await freePort());
  if (port !== undefined && !(await portFree(port))) fail(`port ${port} is taken; give another with --port`);
  const server = await startCodeServer({
    tools,
    home: editorHome,
    workspace,
    port: chosen,
    testing: false,
    // The folder opened is the user's own clone; restricted mode would
    // turn the probes off until they found the Manage link to trust it.
    trustWorkspaces: true,
    // A first-time user sees the walkthrough; the tests' harness turns it off.
    settings: { 'workbench.startupEditor': 'welcomePage', ...settings },
  });
  record(server.pid, 'code-server', true);
  return { url: `${server.url}/?folder=${encodeURIComponent(workspace)}`, stop: server.stop, logPath: server.logPath, exited: undefined };
}

async function startInLocalCode(settings) {
  say('the editor: the local VS Code (code)');
  const editorHome = join(home, 'code');
  mkdirSync(join(editorHome, 'user-data/User'), { recursive: true });
  writeFileSync(join(editorHome, 'user-data/User/settings.json'), JSON.stringify(settings, null, 2));
  // A profile of its own, as VS Code's Extension Development Host has: the
  // user's own settings and extensions are left alone.
  const child = spawn(
    'code',
    ['--new-window', '--wait', '--user-data-dir', join(editorHome, 'user-data'), '--extensions-dir', join(editorHome, 'extensions'), `--extensionDevelopmentPath=${root}`, workspace],
    { detached: true, stdio: 'ignore', shell: process.platform === 'win32' },
  );
  record(child.pid, 'VS Code', true);
  const exited = new Promise((done) => child.once('exit', done));
  const stop = async () => {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return;
    }
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  };
  return { url: undefined, stop, exited };
}

async function main() {
  stopLeftovers();
  if (!options['no-build']) {
    say('building (npm run build)');
    const build = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) fail('the build failed');
  }
  say(`starting the farm simulator for ${farm}`);
  let simulator;
  try {
    simulator = await startSimulatorProcess({
      root,
      farm,
      cwd: workspace,
      connectionFile: join(workspace, '.office-farm/simulator.json'),
      logPath: join(home, 'simulator.log'),
    });
  } catch (error) {
    fail(error.message);
  }
  record(simulator.pid, 'the simulator');
  const { connection } = simulator;
  for (const s of connection.servers) say(`  ${s.kind.padEnd(10)} ${s.name.padEnd(8)} ${s.metadataUrl}`);
  for (const [from, to] of Object.entries(connection.connectTo)) say(`  ${from} → ${to}`);

  let editor;
  let stopping = false;
  const stopAll = async (why, code) => {
    if (stopping) return;
    stopping = true;
    say(`${why}: stopping the editor and the simulator`);
    await Promise.allSettled([editor?.stop(), simulator.stop()]);
    rmSync(processesFile, { force: true });
    say('stopped');
    process.exit(code);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => void stopAll(signal, 0));

  const settings = simulatorSettings(connection);
  try {
    const local = options.editor === 'code' || (options.editor === undefined && hasLocalCode());
    editor = local ? await startInLocalCode(settings) : await startInCodeServer(settings);
  } catch (error) {
    await simulator.stop();
    fail(error.message);
  }
  void simulator.exited.then((code) => void stopAll(`the simulator exited (code ${code}; see ${join(home, 'simulator.log')})`, 1));
  void editor.exited?.then(() => void stopAll('the editor window closed', 0));
  if (editor.url) say(`ready: open ${editor.url}`);
  else say('ready: VS Code is open on the examples folder');
  say('the metadata probes reach the simulated Contoso farm; stop everything with Ctrl+C');
}

main().catch((error) => fail(error.stack ?? String(error)));
