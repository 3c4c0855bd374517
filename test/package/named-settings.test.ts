// A message or a page that names a setting or a command the extension does
// not contribute sends the user looking for nothing: FARM502 once told
// users to set office-farm.probe.ca, which never existed.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { repoRoot } from '../support/paths';

interface Contributes {
  configuration: { properties: Record<string, unknown> } | Array<{ properties: Record<string, unknown> }>;
  commands: Array<{ command: string }>;
  views: Record<string, Array<{ id: string }>>;
}

const contributes = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { contributes: Contributes }).contributes;
const configurations = Array.isArray(contributes.configuration) ? contributes.configuration : [contributes.configuration];
const known = new Set([
  ...configurations.flatMap((c) => Object.keys(c.properties)),
  ...contributes.commands.map((c) => c.command),
  ...Object.values(contributes.views).flatMap((list) => list.map((v) => v.id)),
]);

function files(dir: string, suffixes: string[]): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path, suffixes);
    return suffixes.some((s) => name.endsWith(s)) ? [path] : [];
  });
}

test('every office-farm.<section>.<name> in the sources and the docs is a contributed setting, command or view', () => {
  const sources = [...files(join(repoRoot, 'src'), ['.ts']), ...files(join(repoRoot, 'docs'), ['.md']), join(repoRoot, 'README.md')];
  const unknown: string[] = [];
  let seen = 0;
  for (const file of sources) {
    for (const [name] of readFileSync(file, 'utf8').matchAll(/office-farm\.[a-zA-Z]+(?:\.[a-zA-Z]+)+/g)) {
      seen++;
      if (!known.has(name)) unknown.push(`${file.slice(repoRoot.length + 1)}: ${name}`);
    }
  }
  assert.ok(seen > 10, `found ${seen} names: the pattern still matches what the sources write`);
  assert.deepEqual(unknown, []);
});
