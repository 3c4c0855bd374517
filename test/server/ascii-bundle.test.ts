// V8 keeps a script's source for as long as its functions live, and keeps
// it in two bytes per character once a single character is outside ASCII:
// one "…" in a comment of the server bundle doubled its 0.9 MB source in
// the heap of every language server. The bundles that stay loaded for a
// session are kept ASCII (esbuild escapes strings; comments are ours).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { repoRoot } from '../support/paths';

for (const bundle of ['server.js', 'language-client.js', 'extension.js']) {
  test(`dist/${bundle} is ASCII`, () => {
    const text = readFileSync(join(repoRoot, 'dist', bundle), 'utf8');
    const at = text.search(/[^\x00-\x7f]/);
    const line = at < 0 ? 0 : text.slice(0, at).split('\n').length;
    assert.equal(at, -1, `dist/${bundle} line ${line}: ${text.slice(Math.max(0, at - 40), at + 10)}`);
  });
}
