#!/usr/bin/env node
// The editor tests: the extension in a real VS Code (code-server) here,
// where @vscode/test-electron cannot download one. The extension is the
// .vsix that `npm run package` made, installed into code-server, so what is
// tested is what ships. Run by scripts/test.mjs after the node tests, or
// alone: `node test/vscode/run.mjs` after scripts/test.mjs has transpiled
// the suite and packaged out/package/office-farm.vsix. Options:
//   --update-docs-images   also write the screenshot to docs/images/
//   --only=extension-host | --only=editor | --only=start   run one phase
// Ends with `vscode: N passed, M failed`; exits 1 on any failure, including
// a harness that could not start (that is never a pass).
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSimulatorProcess } from '../../scripts/lib/simulator-process.mjs';
import { installExtension, startCodeServer } from './code-server.mjs';
import { runEditorChecks, runMissingServerChecks } from './editor-checks.mjs';
import { runExtensionHostTests } from './extension-host-tests.mjs';
import { runInboxChecks } from './inbox-checks.mjs';
import { runDiagramChecks } from './diagram-checks.mjs';
import { runStartChecks } from './start-checks.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
const say = (text) => console.log(`[vscode ${elapsed()}] ${text}`);

/** The files the temporary workspace holds: the project's example and a clean conformance case. */
const WORKSPACE_FILES = [
  ['examples/first-steps.farm', 'first-steps.farm'],
  ['test/conformance/clean.farm', 'clean.farm'],
];

/** The .vsix scripts/test.mjs packages (test/support/paths.ts names the same file). */
const VSIX = join(root, 'out/package/office-farm.vsix');

/**
 * A copy of the installed extension less its language server, loaded as
 * the extension under development (which takes the place of the installed
 * one with the same id in that window).
 */
function extensionWithoutServer(scratch, installed) {
  const copy = join(scratch, 'extension-without-server');
  cpSync(installed, copy, { recursive: true });
  rmSync(join(copy, 'dist/server.js'));
  return copy;
}

function finish(results) {
  const failed = results.filter((r) => !r.passed);
  for (const f of failed) console.log(`failed: ${f.name}${f.error ? `\n  ${f.error.split('\n').slice(0, 6).join('\n  ')}` : ''}`);
  console.log(`vscode: ${results.length - failed.length} passed, ${failed.length} failed`);
  process.exitCode = failed.length > 0 || results.length === 0 ? 1 : 0;
}

function harnessFailure(what) {
  console.log(`vscode harness: ${what}`);
  finish([{ name: 'vscode harness starts', passed: false, error: what }]);
}

async function main() {
  const updateDocsImages = process.argv.includes('--update-docs-images');
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
  if (only && !['extension-host', 'editor', 'start'].includes(only)) return harnessFailure(`--only takes extension-host, editor or start, not ${only}`);
  const testsPath = join(root, 'out/test/vscode/suite/index.js');
  for (const needed of [VSIX, testsPath]) {
    if (!existsSync(needed)) return harnessFailure(`${needed} is missing: scripts/test.mjs packages the .vsix and transpiles the suite`);
  }

  say('tools (test/vscode/install-tools.sh)');
  const install = spawnSync('bash', [join(root, 'test/vscode/install-tools.sh')], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  if (install.status !== 0) return harnessFailure(`installing the tools failed (exit ${install.status ?? install.signal})`);
  const tools = install.stdout.trim().split('\n').pop();

  const scratch = mkdtempSync(join(tmpdir(), 'office-farm-vscode-'));
  // One folder per phase: the extension-host tests add files and leave
  // editors open, and the workbench restores a folder's editors when it
  // opens it again; the person's view should start clean.
  const workspace = join(scratch, 'tests/farms');
  const editorWorkspace = join(scratch, 'editor/farms');
  const serverlessWorkspace = join(scratch, 'serverless/farms');
  for (const folder of [workspace, editorWorkspace, serverlessWorkspace]) {
    mkdirSync(folder, { recursive: true });
    for (const [from, to] of WORKSPACE_FILES) copyFileSync(join(root, from), join(folder, to));
  }
  // The extension-host tests connect to a simulated Contoso and probe it.
  copyFileSync(join(root, 'examples/contoso.farm'), join(workspace, 'contoso.farm'));
  mkdirSync(join(editorWorkspace, '.vscode'));
  writeFileSync(join(editorWorkspace, '.vscode/settings.json'), JSON.stringify({ 'office-farm.trace.server': 'messages', 'files.exclude': { '**/.vscode': true } }, null, 2));
  const resultsPath = join(scratch, 'extension-host-results.json');
  const shots = join(root, 'out/vscode');
  mkdirSync(shots, { recursive: true });
  const screenshotPath = join(shots, 'first-steps.png');

  say('starting the simulator for examples/contoso.farm');
  let simulator;
  const simulatorConnection = join(scratch, 'simulator/simulator.json');
  try {
    simulator = await startSimulatorProcess({
      root,
      farm: join(root, 'examples/contoso.farm'),
      connectionFile: simulatorConnection,
      stateDir: join(scratch, 'simulator/state'),
      logPath: join(scratch, 'simulator.log'),
    });
  } catch (error) {
    return harnessFailure(error.message);
  }
  say(`installing ${VSIX}`);
  let installed;
  let server;
  try {
    const { publisher, name } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    installed = installExtension({ tools, scratch, vsix: VSIX, id: `${publisher}.${name}` });
    say(`installed into ${installed}`);
    say('starting code-server');
    // The suite checks that the extension it runs is this installed one.
    server = await startCodeServer({
      tools,
      scratch,
      workspace,
      env: { OFFICE_FARM_VSCODE_RESULTS: resultsPath, OFFICE_FARM_VSCODE_INSTALLED: installed, OFFICE_FARM_SIMULATOR_CONNECTION: simulatorConnection },
    });
  } catch (error) {
    await simulator.stop();
    return harnessFailure(error.message);
  }
  const stopOnSignal = () => void Promise.all([server.stop(), simulator.stop()]).then(() => process.exit(130));
  process.once('SIGINT', stopOnSignal);
  process.once('SIGTERM', stopOnSignal);

  const results = [];
  try {
    if (only === undefined || only === 'extension-host') {
      say(`extension host tests (${server.url})`);
      results.push(...(await runExtensionHostTests({ tools, server, workspace, extensionPath: installed, testsPath, resultsPath, timeoutMs: 300_000 })));
    }
    if (only === undefined || only === 'editor') {
      say('editor checks in chromium');
      results.push(...(await runEditorChecks({ tools, server, workspace: editorWorkspace, screenshotPath })));
      say('editor checks without the language server');
      results.push(
        ...(await runMissingServerChecks({
          tools,
          server,
          workspace: serverlessWorkspace,
          extensionPath: extensionWithoutServer(scratch, installed),
          screenshotPath: join(shots, 'missing-server.png'),
        })),
      );
      say('inbox panel in chromium');
      results.push(...(await runInboxChecks({ root, tools, server, scratch, connectionFile: simulatorConnection, screenshotPath: join(shots, 'inbox.png') })));
      say('topology diagram in chromium');
      results.push(...(await runDiagramChecks({ root, tools, server, scratch, screenshotPath: join(shots, 'diagram.png') })));
    }
  } catch (error) {
    results.push({ name: 'vscode harness runs', passed: false, error: error.stack ?? error.message });
  } finally {
    await server.stop();
    await simulator.stop();
  }
  if (only === undefined || only === 'start') {
    say('npm start, as a new user runs it');
    try {
      results.push(...(await runStartChecks({ root, tools, scratch, screenshotPath: join(shots, 'npm-start.png') })));
    } catch (error) {
      results.push({ name: 'npm start checks run', passed: false, error: error.stack ?? error.message });
    }
  }
  if (updateDocsImages) {
    mkdirSync(join(root, 'docs/images'), { recursive: true });
    for (const [shot, image] of [[screenshotPath, 'first-steps.png'], [join(shots, 'npm-start.png'), 'npm-start.png'], [join(shots, 'inbox.png'), 'inbox.png'], [join(shots, 'tasks.png'), 'tasks.png'], [join(shots, 'contacts.png'), 'contacts.png'], [join(shots, 'diagram.png'), 'diagram.png']]) {
      if (!existsSync(shot)) continue;
      copyFileSync(shot, join(root, 'docs/images', image));
      say(`docs/images/${image} updated`);
    }
  }
  const failed = results.some((r) => !r.passed);
  if (failed) say(`kept for inspection: ${scratch} (code-server log: ${server.logPath})`);
  else rmSync(scratch, { recursive: true, force: true });
  say('done');
  finish(results);
}

main().catch((error) => harnessFailure(error.stack ?? String(error)));
