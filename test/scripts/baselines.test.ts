// Golden baselines of the configuration and inventory scripts of every
// example farm and of the script fixtures (hostile names, OWA IM), and
// every one of them parses as PowerShell without an error node.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { test } from 'node:test';
import { analyze } from '../../src/core';
import { generateInventoryScripts, generateScripts } from '../../src/core/scripts';
import { matchBaseline } from '../support/baseline';
import { farmFiles, repoRoot } from '../support/paths';
import { parsePowerShell, syntaxErrors } from './powershell';

const fixtures = join(repoRoot, 'test', 'fixtures', 'scripts');
export const scriptSamples = [
  ...farmFiles('examples'),
  ...readdirSync(fixtures).filter((f) => f.endsWith('.farm')).sort().map((f) => join(fixtures, f)),
];

for (const file of scriptSamples) {
  const name = basename(file, '.farm');
  test(`scripts: ${name}`, async () => {
    const analysis = analyze(readFileSync(file, 'utf8'));
    const scripts = [...generateScripts(analysis, { file: basename(file) }), ...generateInventoryScripts(analysis, { file: basename(file) })];
    assert.ok(scripts.length > 0, `${name} yields no script`);
    for (const s of scripts) {
      matchBaseline(`scripts/${name}/${s.fileName}`, s.text);
      assert.deepEqual(syntaxErrors(await parsePowerShell(s.text)), [], `${name}/${s.fileName} does not parse`);
    }
    // The same text makes the same scripts.
    const again = generateScripts(analyze(readFileSync(file, 'utf8')), { file: basename(file) });
    assert.deepEqual(again.map((s) => s.text), scripts.filter((s) => !s.fileName.includes('.inventory.')).map((s) => s.text));
  });
}

test('the parser does find errors: a broken script is not silently accepted', async () => {
  assert.notDeepEqual(syntaxErrors(await parsePowerShell("if (-not (Get-Thing) {\n  New-Thing -Name 'x\n")), []);
  assert.notDeepEqual(syntaxErrors(await parsePowerShell("New-Thing -Name 'a'b'\n")), []);
});
