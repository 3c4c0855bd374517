// Published diagnostics equal a fresh `office-farm check --format json` of
// the same text, per version, and follow .farmrc.json.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { after, before, test } from 'node:test';
import { DiagnosticTag, type Diagnostic } from 'vscode-languageserver-protocol';
import { farmFiles } from '../support/paths';
import { asCheckJson, checkJson, sampleFile, uriOf, useSession } from './lsp-session';

const samples = [...farmFiles('examples'), ...farmFiles('conformance')];
const session = useSession();
let checked: Map<string, unknown[]>;
before(() => {
  checked = checkJson(samples);
});

for (const file of samples) {
  test(`diagnostics of ${basename(file)} equal office-farm check`, async () => {
    const uri = uriOf(file);
    const diagnostics = await session().open(uri, readFileSync(file, 'utf8'));
    assert.deepEqual(asCheckJson(diagnostics), checked.get(file));
    await session().close(uri);
  });
}

test('first-steps.farm: the exact ranges and codes, from office-farm', async () => {
  const file = sampleFile('examples', 'first-steps.farm');
  const uri = uriOf(file);
  const diagnostics = await session().open(uri, readFileSync(file, 'utf8'));
  assert.deepEqual(
    diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.code} ${d.source}`),
    [
      '6:12-6:16 FARM202 office-farm',
      '6:12-6:16 FARM204 office-farm',
      '10:13-10:41 FARM207 office-farm',
      '14:8-14:22 FARM201 office-farm',
      '14:8-14:22 FARM302 office-farm',
      '14:8-14:22 FARM302 office-farm',
      '14:8-14:22 FARM303 office-farm',
      '14:8-14:22 FARM304 office-farm',
      '14:8-14:22 FARM305 office-farm',
      '14:8-14:22 FARM306 office-farm',
    ],
  );
  await session().close(uri);
});

test('a burst of changes publishes the last version, and no version after a newer one', async () => {
  const uri = 'untitled:burst.farm';
  await session().open(uri, 'exchange ex01 {\n  host = "mail.contoso.com"\n}\n');
  const start = session().published.length;
  let last = 1;
  for (const word of ['trusts', ' = [', 'sp01', ']']) {
    const end = session().text(uri).indexOf('\n}');
    const position = { line: 1 + (session().text(uri).slice(0, end).split('\n').length - 2), character: session().text(uri).slice(0, end).split('\n').pop()!.length };
    if (word === 'trusts') {
      last = await session().changeQuietly(uri, [{ range: { start: position, end: position }, text: '\n  trusts' }]);
    } else {
      last = await session().changeQuietly(uri, [{ range: { start: position, end: position }, text: word }]);
    }
  }
  const final = await session().diagnosticsFor(uri, last);
  assert.equal(session().text(uri), 'exchange ex01 {\n  host = "mail.contoso.com"\n  trusts = [sp01]\n}\n');
  assert.deepEqual(final.map((d) => d.code), ['FARM901', 'FARM102']);
  assert.deepEqual(final[0].tags, [DiagnosticTag.Unnecessary], 'an unused server is greyed out');
  const versions = session().published.slice(start).filter((p) => p.uri === uri).map((p) => p.version!);
  assert.deepEqual([...versions].sort((a, b) => a - b), versions, 'a version was published after a newer one');
  await session().close(uri);
});

test('closing a document clears its diagnostics', async () => {
  const uri = 'untitled:closed.farm';
  assert.equal((await session().open(uri, 'exchange ex01 { }\n')).length, 2);
  const cleared = new Promise<Diagnostic[]>((resolve) => {
    const timer = setInterval(() => {
      const p = [...session().published].reverse().find((x) => x.uri === uri);
      if (p && p.version === undefined) {
        clearInterval(timer);
        resolve(p.diagnostics);
      }
    }, 5);
  });
  await session().close(uri);
  assert.deepEqual(await cleared, []);
});

test('.farmrc.json is read, watched, and a change re-checks open files', async () => {
  assert.ok(
    session().registrations.some((r) => (r as { method: string }).method === 'workspace/didChangeWatchedFiles'),
    'the server registered no file watcher',
  );
  const dir = mkdtempSync(join(tmpdir(), 'farm-lsp-rc-'));
  try {
    const file = join(dir, 'one-way.farm');
    const text = 'exchange ex01 {\n  host = "mail.contoso.com"\n  trusts = [sp01]\n}\n\nsharepoint sp01 {\n  url = "https://portal.contoso.com"\n}\n';
    writeFileSync(file, text);
    const uri = uriOf(file);
    assert.deepEqual((await session().open(uri, text)).map((d) => d.code), ['FARM901', 'FARM202', 'FARM209']);
    const rc = join(dir, '.farmrc.json');
    writeFileSync(rc, JSON.stringify({ rules: { FARM202: 'off' } }));
    const count = session().published.length;
    await session().connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(rc), type: 1 }] });
    const next = await new Promise<Diagnostic[]>((resolve) => {
      const timer = setInterval(() => {
        const p = session().published.slice(count).find((x) => x.uri === uri);
        if (p) {
          clearInterval(timer);
          resolve(p.diagnostics);
        }
      }, 5);
    });
    assert.deepEqual(next.map((d) => d.code), ['FARM901', 'FARM209']);
    assert.deepEqual(asCheckJson(next), checkJson([file]).get(file));
    await session().close(uri);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
