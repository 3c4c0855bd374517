#!/usr/bin/env node
// The same extension-host suite through @vscode/test-electron, for machines
// that can download VS Code (a developer's desktop, a CI with internet).
// Here, where nothing can be downloaded, run.mjs runs the suite inside
// code-server instead. `npm run test:electron` packages the .vsix first; the
// extension under development is the .vsix unpacked, as run.mjs uses the
// installed one, so the suite tests what ships.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const testsPath = join(root, 'out/test/vscode/suite/index.js');
const vsix = join(root, 'out/package/office-farm.vsix');
const zipReader = join(root, 'out/test/package/zip.js');
const files = [
  ['examples/first-steps.farm', 'first-steps.farm'],
  ['test/conformance/clean.farm', 'clean.farm'],
];

for (const needed of [vsix, zipReader, testsPath, ...files.map(([from]) => join(root, from))]) {
  if (!existsSync(needed)) {
    console.error(`vscode (electron): ${needed} is missing (npm run test:electron packages and transpiles first)`);
    console.log('vscode: 0 passed, 1 failed');
    process.exit(1);
  }
}
const workspace = join(mkdtempSync(join(tmpdir(), 'office-farm-electron-')), 'farms');
mkdirSync(workspace, { recursive: true });
for (const [from, to] of files) copyFileSync(join(root, from), join(workspace, to));

// The .vsix holds the extension under extension/, as VS Code unpacks it on install.
const unpacked = join(dirname(workspace), 'extension');
const { readZip } = createRequire(import.meta.url)(zipReader);
for (const entry of readZip(readFileSync(vsix))) {
  if (!entry.name.startsWith('extension/') || entry.name.endsWith('/')) continue;
  const target = join(dirname(workspace), entry.name);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, entry.data());
}

try {
  // The suite throws on any failure; VS Code's exit code carries it here.
  await runTests({
    extensionDevelopmentPath: unpacked,
    extensionTestsPath: testsPath,
    // The suite checks that the extension it runs is this unpacked one.
    extensionTestsEnv: { OFFICE_FARM_VSCODE_INSTALLED: unpacked },
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
  });
} catch (error) {
  console.error(`vscode (electron): ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
