// Every quick fix the server offers, applied through the protocol, removes
// its diagnostic; "Disable FARMxxx for this line" silences it; fix-all does
// what `office-farm check --fix` does.
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { test } from 'node:test';
import { CodeAction, CodeActionKind, CodeActionRequest, type Diagnostic } from 'vscode-languageserver-protocol';
import { farmFiles, repoRoot } from '../support/paths';
import { runCli } from '../support/run-cli';
import { sampleFile, uriOf, useSession } from './lsp-session';

// Hundreds of edits, each waiting for its diagnostics: no need to wait for typing to pause.
const session = useSession({ initializationOptions: { diagnosticsDelayMs: 0 } });

const key = (d: Diagnostic): string => `${d.code} ${d.message}`;
const count = (ds: Diagnostic[], k: string): number => ds.filter((d) => key(d) === k).length;
const fixture = join(repoRoot, 'test', 'fixtures', 'quick-fixes.farm');

async function actionsFor(uri: string, d: Diagnostic, only?: string[]): Promise<CodeAction[]> {
  const result = await session().connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: d.range, context: { diagnostics: [d], only } });
  return (result ?? []) as CodeAction[];
}

/** Puts the document back to its original text (a full-text change) and waits for its diagnostics. */
async function restore(uri: string, text: string): Promise<Diagnostic[]> {
  return session().change(uri, [{ text }]);
}

for (const file of [...farmFiles('examples'), ...farmFiles('conformance'), fixture]) {
  test(`each quick fix in ${basename(file)} removes its diagnostic`, async () => {
    const uri = uriOf(file);
    const text = readFileSync(file, 'utf8');
    const diagnostics = await session().open(uri, text);
    const seen = new Set<string>();
    for (const d of diagnostics) {
      for (const action of await actionsFor(uri, d, [CodeActionKind.QuickFix])) {
        const id = `${action.title} ${JSON.stringify(action.diagnostics)}`;
        if (seen.has(id)) continue;
        seen.add(id);
        assert.equal(action.kind, CodeActionKind.QuickFix);
        const where = `${basename(file)}:${d.range.start.line + 1} "${action.title}"`;
        assert.ok(action.diagnostics?.length, `${where} has no diagnostic attached`);
        for (const attached of action.diagnostics!) assert.ok(diagnostics.some((x) => JSON.stringify(x) === JSON.stringify(attached)), `${where} attaches a diagnostic that was not published`);
        const afterFix = await session().applyEdit(uri, action.edit!);
        for (const attached of action.diagnostics!) {
          assert.ok(count(afterFix, key(attached)) < count(diagnostics, key(attached)), `${where} did not remove ${attached.code}`);
        }
        assert.deepEqual(await restore(uri, text), diagnostics);
      }
    }
    await session().close(uri);
  });
}

test('first-steps.farm: the exact actions on the site-mailboxes feature id', async () => {
  const file = sampleFile('examples', 'first-steps.farm');
  const uri = uriOf(file);
  const diagnostics = await session().open(uri, readFileSync(file, 'utf8'));
  const onFeature = diagnostics.filter((d) => d.range.start.line === 14);
  const result = (await session().connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri },
    range: onFeature[0].range,
    context: { diagnostics: onFeature },
  })) as CodeAction[];
  assert.deepEqual(
    result.map((a) => [a.title, a.isPreferred ?? false, a.diagnostics!.map((x) => x.code).join(' ')]),
    [
      ["Add ex01 to sp01's trusts", true, 'FARM201'],
      ["Add user-profile-sync to sp01's services", true, 'FARM302'],
      ["Add app-management to sp01's services", true, 'FARM302'],
      ["Switch sp01's url to https", true, 'FARM303'],
      ['Set ews-api = true on sp01', true, 'FARM304'],
      ['Set autodiscover = true on ex01', true, 'FARM305'],
      ['Set site-mailbox-policy on ex01 to "Default"', false, 'FARM306'],
      ['Disable FARM201 for this line', false, 'FARM201'],
      ['Disable FARM302 for this line', false, 'FARM302 FARM302'],
      ['Disable FARM303 for this line', false, 'FARM303'],
      ['Disable FARM304 for this line', false, 'FARM304'],
      ['Disable FARM305 for this line', false, 'FARM305'],
      ['Disable FARM306 for this line', false, 'FARM306'],
    ],
  );
  const disable = result.find((a) => a.title === 'Disable FARM302 for this line')!;
  assert.deepEqual(disable.edit!.changes![uri], [{ range: { start: { line: 14, character: 0 }, end: { line: 14, character: 0 } }, newText: '# farm-disable-next-line FARM302\n' }]);
  await session().close(uri);
});

test('"Disable FARMxxx for this line" keeps the indentation, joins an existing directive, and silences the code', async () => {
  const uri = 'untitled:disable.farm';
  const text = 'exchange ex01 {\n  host   = "mail.contoso.com"\n  trusts = [sp01]\n}\n\nsharepoint sp01 {\n  url = "http://portal.contoso.com"\n}\n';
  const diagnostics = await session().open(uri, text);
  assert.deepEqual(diagnostics.map((d) => d.code), ['FARM901', 'FARM202', 'FARM204', 'FARM209', 'FARM207']);
  const oneWay = diagnostics.find((d) => d.code === 'FARM202')!;
  const disable = (await actionsFor(uri, oneWay)).find((a) => a.title === 'Disable FARM202 for this line')!;
  assert.deepEqual(disable.edit!.changes![uri], [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, newText: '  # farm-disable-next-line FARM202\n' }]);
  const afterFirst = await session().applyEdit(uri, disable.edit!);
  assert.deepEqual(afterFirst.map((d) => d.code), ['FARM901', 'FARM204', 'FARM209', 'FARM207']);
  const http = afterFirst.find((d) => d.code === 'FARM204')!;
  const second = (await actionsFor(uri, http)).find((a) => a.title === 'Disable FARM204 for this line')!;
  assert.deepEqual(second.edit!.changes![uri], [{ range: { start: { line: 2, character: 34 }, end: { line: 2, character: 34 } }, newText: ' FARM204' }]);
  const afterSecond = await session().applyEdit(uri, second.edit!);
  assert.deepEqual(afterSecond.map((d) => d.code), ['FARM901', 'FARM209', 'FARM207']);
  assert.equal(session().text(uri).split('\n')[2], '  # farm-disable-next-line FARM202 FARM204');
  await session().close(uri);
});

test('syntax errors offer no "Disable" action: they cannot be silenced', async () => {
  const uri = 'untitled:syntax.farm';
  const diagnostics = await session().open(uri, 'exchange ex01 {\n  host = "mail.contoso.com" $\n}\n');
  const syntax = diagnostics.find((d) => d.code === 'FARM001')!;
  assert.deepEqual((await actionsFor(uri, syntax)).map((a) => a.title), []);
  await session().close(uri);
});

test('source.fixAll applies the unambiguous fixes as office-farm check --fix does', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'farm-lsp-fixall-'));
  try {
    const copy = join(dir, 'quick-fixes.farm');
    copyFileSync(fixture, copy);
    const uri = uriOf(copy);
    await session().open(uri, readFileSync(copy, 'utf8'));
    const r = runCli(['check', '--fix', '--format', 'json', copy]);
    assert.ok(r.status === 0 || r.status === 1, r.stderr);
    const expected = readFileSync(copy, 'utf8');
    const result = (await session().connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: [CodeActionKind.SourceFixAll] },
    })) as CodeAction[];
    assert.equal(result.length, 1);
    assert.equal(result[0].kind, CodeActionKind.SourceFixAll);
    const fixedDiagnostics = await session().applyEdit(uri, result[0].edit!);
    assert.equal(session().text(uri), expected);
    const fresh = JSON.parse(r.stdout) as Array<{ diagnostics: Array<{ code: string }> }>;
    assert.deepEqual(fixedDiagnostics.map((d) => d.code), fresh[0].diagnostics.map((d) => d.code));
    await session().close(uri);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("FARM104: the message's \"did you mean\" is a preferred quick fix where the cursor is, and it makes the change check --fix makes", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'farm-lsp-104-'));
  try {
    const file = join(dir, 'misspelt.farm');
    const text = 'exchange ex01 {\n  host    = "mail.contoso.com"\n  verison = 2016\n}\n';
    writeFileSync(file, text);
    const uri = uriOf(file);
    const diagnostics = await session().open(uri, text);
    const misspelt = diagnostics.find((d) => d.code === 'FARM104')!;
    assert.equal(misspelt.message, "An Exchange server has no property 'verison': did you mean 'version'?");
    // As the light bulb asks: a cursor inside the key, no kind named.
    const result = (await session().connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: { line: 2, character: 5 }, end: { line: 2, character: 5 } },
      context: { diagnostics: [misspelt] },
    })) as CodeAction[];
    const change = result.find((a) => a.title === "Change to 'version'");
    assert.ok(change, result.map((a) => a.title).join('\n'));
    assert.equal(change.kind, CodeActionKind.QuickFix);
    assert.equal(change.isPreferred, true);
    assert.deepEqual(change.diagnostics, [misspelt]);
    const after = await session().applyEdit(uri, change.edit!);
    assert.ok(!after.some((d) => d.code === 'FARM104'), JSON.stringify(after));
    const r = runCli(['check', '--fix', file]);
    assert.ok(r.status === 0 || r.status === 1, r.stderr);
    assert.equal(session().text(uri), readFileSync(file, 'utf8'));
    assert.equal(session().text(uri).split('\n')[2], '  version = 2016');
    await session().close(uri);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
