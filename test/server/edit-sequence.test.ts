// 200 random incremental edits (a fixed seed), sent as fast as the client
// can: the diagnostics published for the last version equal a fresh
// `office-farm check --format json` of the final text.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { asCheckJson, checkJson, sampleFile, useSession } from './lsp-session';

/** mulberry32: small, fast, and the same sequence on every machine. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pieces = ['{', '}', '[', ']', '=', ',', ';', '"', '\n', ' ', '  ', '#', 'ex01', 'sp01', 'lync01', 'trusts', 'host', 'url', 'feature', 'exchange ', 'user ', 'true', '2013', '"https://x.contoso.com"', 'trusts = [sp01]', 'services = [search]', 'é', '😀'];

const session = useSession();
let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'farm-lsp-edits-'));
});
after(() => {
  rmSync(dir, { recursive: true, force: true });
});

test('200 random incremental edits end in the diagnostics of a fresh check', async () => {
  const contoso = sampleFile('examples', 'contoso.farm');
  const uri = 'untitled:edits.farm';
  await session().open(uri, readFileSync(contoso, 'utf8'));
  const next = random(20240611);
  let last = 1;
  for (let i = 0; i < 200; i++) {
    const document = TextDocument.create(uri, 'farm', 0, session().text(uri));
    const length = document.getText().length;
    let start = Math.floor(next() * (length + 1));
    let end = Math.min(length, start + (next() < 0.5 ? 0 : Math.floor(next() * 12)));
    // An edge inside a surrogate pair is no position an editor sends.
    const text = document.getText();
    if (/[\uDC00-\uDFFF]/.test(text[start] ?? '')) start--;
    if (/[\uDC00-\uDFFF]/.test(text[end] ?? '')) end++;
    const insert = next() < 0.3 ? '' : pieces[Math.floor(next() * pieces.length)];
    last = await session().changeQuietly(uri, [{ range: { start: document.positionAt(start), end: document.positionAt(end) }, text: insert }]);
  }
  const published = await session().diagnosticsFor(uri, last);
  const file = join(dir, 'final.farm');
  writeFileSync(file, session().text(uri));
  assert.notEqual(session().text(uri), readFileSync(contoso, 'utf8'));
  assert.deepEqual(asCheckJson(published), checkJson([file]).get(file));
  assert.ok(published.length > 0, 'the edits left no problem to compare');
  const versions = session().published.filter((p) => p.uri === uri).map((p) => p.version!);
  assert.deepEqual([...versions].sort((a, b) => a - b), versions, 'a version was published after a newer one');
});
