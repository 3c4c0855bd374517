#!/usr/bin/env node
// The same extension-host suite through @vscode/test-electron, for machines
// that can download VS Code (a developer's desktop, a CI with internet).
// Here, where nothing can be downloaded, run.mjs runs the suite inside
// code-server instead. `npm run test:electron` builds first.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const testsPath = join(root, 'out/test/vscode/suite/index.js');
const files = [
  ['examples/first-steps.farm', 'first-steps.farm'],
  ['test/conformance/clean.farm', 'clean.farm'],
];

for (const needed of [join(root, 'dist/extension.js'), join(root, 'dist/server.js'), testsPath, ...files.map(([from]) => join(root, from))]) {
  if (!existsSync(needed)) {
    console.error(`vscode (electron): ${needed} is missing (npm run test:electron builds it)`);
    console.log('vscode: 0 passed, 1 failed');
    process.exit(1);
  }
}
const workspace = join(mkdtempSync(join(tmpdir(), 'office-farm-electron-')), 'farms');
mkdirSync(workspace, { recursive: true });
for (const [from, to] of files) copyFileSync(join(root, from), join(workspace, to));

try {
  // The suite throws on any failure; VS Code's exit code carries it here.
  await runTests({ extensionDevelopmentPath: root, extensionTestsPath: testsPath, launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'] });
} catch (error) {
  console.error(`vscode (electron): ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
