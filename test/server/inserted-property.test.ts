// A quick fix that adds a property writes it the way the block's other
// properties are written: tabs or spaces, and their depth. With no property
// on a line of its own to go by, it takes the formatter's indentation; a
// block on one line stays on one line.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CodeAction, CodeActionKind, CodeActionRequest } from 'vscode-languageserver-protocol';
import { useSession } from './lsp-session';

const session = useSession({ initializationOptions: { diagnosticsDelayMs: 0 } });
const EXCHANGE = 'exchange ex01 { host = "mail.contoso.com"; trusts = [sp01] }';
let opened = 0;

/** Applies "Add ex01 to sp01's trusts" (FARM202: ex01 trusts sp01, not the other way round) and returns the text. */
async function addReverseTrust(sharepoint: string): Promise<string> {
  const uri = `untitled:inserted-${++opened}.farm`;
  const diagnostics = await session().open(uri, `${sharepoint}\n${EXCHANGE}\n`);
  const d = diagnostics.find((x) => x.code === 'FARM202');
  assert.ok(d, `FARM202 in:\n${session().text(uri)}`);
  const actions = (await session().connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: d.range, context: { diagnostics: [d], only: [CodeActionKind.QuickFix] } })) as CodeAction[];
  const fix = actions.find((a) => a.title === "Add ex01 to sp01's trusts");
  assert.ok(fix, actions.map((a) => a.title).join('\n'));
  const after = await session().applyEdit(uri, fix.edit!);
  assert.ok(!after.some((x) => x.code === 'FARM202'), 'the fix removes FARM202');
  const text = session().text(uri);
  await session().close(uri);
  return text.slice(0, text.indexOf(EXCHANGE));
}

test('tab-indented properties: the new one is indented with a tab', async () => {
  assert.equal(
    await addReverseTrust('sharepoint sp01 {\n\turl = "https://a.contoso.com"\n\tews-api = true\n}'),
    'sharepoint sp01 {\n\turl = "https://a.contoso.com"\n\tews-api = true\n\ttrusts = [ex01]\n}\n',
  );
});

test('four-space properties: four spaces, even when the last property follows a list written over two lines', async () => {
  assert.equal(
    await addReverseTrust('sharepoint sp01 {\n    url = "https://a.contoso.com"\n    services = [user-profile-sync,\n        app-management]; ews-api = true\n}'),
    'sharepoint sp01 {\n    url = "https://a.contoso.com"\n    services = [user-profile-sync,\n        app-management]; ews-api = true\n    trusts = [ex01]\n}\n',
  );
});

test('an empty block over two lines: the formatter\'s two spaces', async () => {
  assert.equal(await addReverseTrust('sharepoint sp01 {\n}'), 'sharepoint sp01 {\n  trusts = [ex01]\n}\n');
});

test('properties only on the header\'s line: the formatter\'s two spaces, on a line of its own', async () => {
  assert.equal(
    await addReverseTrust('sharepoint sp01 { url = "https://a.contoso.com"\n}'),
    'sharepoint sp01 { url = "https://a.contoso.com"\n  trusts = [ex01]\n}\n',
  );
});

test('a block on one line stays on one line', async () => {
  assert.equal(await addReverseTrust('sharepoint sp01 { url = "https://a.contoso.com" }'), 'sharepoint sp01 { url = "https://a.contoso.com"; trusts = [ex01] }\n');
  assert.equal(await addReverseTrust('sharepoint sp01 {}'), 'sharepoint sp01 { trusts = [ex01] }\n');
});
