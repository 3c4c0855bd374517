// Completion answers by place: kinds and snippets at the top level, feature
// ids after `feature`, keys in a block, values after `=`.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, test } from 'node:test';
import { CompletionItem, CompletionList, CompletionRequest, InsertTextFormat, Position } from 'vscode-languageserver-protocol';
import { sampleFile, uriOf, useSession } from './lsp-session';

const session = useSession();

let counter = 0;
async function complete(text: string, position: Position): Promise<CompletionItem[]> {
  const uri = `untitled:completion-${counter++}.farm`;
  await session().open(uri, text);
  const result = (await session().connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position })) as CompletionItem[] | CompletionList | null;
  await session().close(uri);
  return Array.isArray(result) ? result : (result?.items ?? []);
}

const labels = (items: CompletionItem[]): string[] => items.map((i) => i.label);

test('block kinds and whole-block snippets at the top level', async () => {
  const items = await complete('', { line: 0, character: 0 });
  assert.deepEqual(labels(items), [
    'farm', 'exchange', 'sharepoint', 'lync', 'office-web-apps', 'project', 'feature', 'site-mailbox', 'user',
    'farm { … }', 'exchange { … }', 'sharepoint { … }', 'lync { … }', 'office-web-apps { … }', 'project { … }', 'feature { … }', 'site-mailbox { … }', 'user { … }',
  ]);
  const exchange = items.find((i) => i.label === 'exchange { … }')!;
  assert.equal(exchange.insertTextFormat, InsertTextFormat.Snippet);
  assert.deepEqual(exchange.textEdit, {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    newText: 'exchange ${1:exchange01} {\n  host = "${2:server.example.com}"\n  $0\n}',
  });
});

test('feature ids after `feature`, replacing the word typed so far', async () => {
  const items = await complete('feature site', { line: 0, character: 12 });
  assert.deepEqual(labels(items), ['high-resolution-photos', 'unified-contact-store', 'site-mailboxes', 'task-sync', 'lync-presence', 'voicemail', 'meeting-recordings', 'ediscovery']);
  assert.deepEqual(items[2].textEdit, { range: { start: { line: 0, character: 8 }, end: { line: 0, character: 12 } }, newText: 'site-mailboxes' });
  assert.equal(items[2].detail, 'Site mailboxes');
});

test('property keys not yet written, with type and default in the detail', async () => {
  const file = sampleFile('examples', 'first-steps.farm');
  const uri = uriOf(file);
  const text = readFileSync(file, 'utf8');
  await session().open(uri, text);
  // A new line in sp01's block, after `services = [user-profile]`.
  await session().change(uri, [{ range: { start: { line: 11, character: 27 }, end: { line: 11, character: 27 } }, text: '\n  ' }]);
  const result = (await session().connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 12, character: 2 } })) as CompletionItem[];
  assert.deepEqual(
    result.map((i) => [i.label, i.detail]),
    [
      ['version', '2010 | 2013 | 2016 | 2019 | subscription = 2013'],
      ['trusts', 'list of the name of an Exchange server, a SharePoint server or a Lync pool = []'],
      ['metadata', 'a URL (http:// or https://) = {url}/_layouts/15/metadata/json/1'],
      ['ews-api', 'true | false = false'],
      ['my-sites', 'a URL (http:// or https://)'],
      ['search-crawls', 'list of continuous | incremental | full = []'],
      ['photo-sync', 'true | false = false'],
      ['max-upload-mb', 'number 1..2047 = 250'],
      ['iis-timeout-s', 'number 1..86400 = 120'],
      ['authentication', 'claims | classic = claims'],
      ['allow-oauth-over-http', 'true | false = false'],
    ],
  );
  assert.equal(result.find((i) => i.label === 'ews-api')!.textEdit!.newText, 'ews-api = ${1|true,false|}');
  await session().close(uri);
});

test('a feature block offers its roles and options', async () => {
  const items = await complete('feature voicemail {\n  \n}\n', { line: 1, character: 2 });
  assert.deepEqual(labels(items), ['exchange', 'lync', 'pstn']);
});

test('enum members after `=` in a list, without those already listed', async () => {
  const items = await complete('sharepoint sp01 {\n  url = "https://portal.contoso.com"\n  services = [search, \n}\n', { line: 2, character: 22 });
  assert.deepEqual(labels(items), ['user-profile', 'user-profile-sync', 'app-management', 'work-management', 'project']);
});

test('names of the right kind in trusts, never the server itself, even while the list is open', async () => {
  const text = 'exchange ex01 {\n  host = "mail.contoso.com"\n  trusts = [\n}\n\nsharepoint sp01 { url = "https://portal.contoso.com" }\nlync lync01 { host = "pool.contoso.com" }\nuser alice { address = "alice@contoso.com" }\noffice-web-apps wac01 { url = "https://wac.contoso.com" }\n';
  const items = await complete(text, { line: 2, character: 12 });
  assert.deepEqual(items.map((i) => [i.label, i.detail]), [['sp01', 'sharepoint sp01'], ['lync01', 'lync lync01']]);
});

test('a feature role takes servers of its kind; hosts take the WOPI hosts; a user mailbox takes Exchange', async () => {
  const farm = 'exchange ex01 { host = "mail.contoso.com" }\nexchange ex02 { host = "mail2.contoso.com" }\nsharepoint sp01 { url = "https://portal.contoso.com" }\n';
  assert.deepEqual(labels(await complete(farm + 'feature task-sync { exchange = }\n', { line: 3, character: 31 })), ['ex01', 'ex02']);
  assert.deepEqual(labels(await complete(farm + 'office-web-apps wac { url = "https://w.contoso.com"; hosts = [] }\n', { line: 3, character: 62 })), ['ex01', 'ex02', 'sp01']);
  assert.deepEqual(labels(await complete(farm + 'user bob { address = "b@contoso.com"; mailbox = }\n', { line: 3, character: 48 })), ['ex01', 'ex02']);
});

test('booleans and versions after `=`', async () => {
  assert.deepEqual(labels(await complete('feature voicemail { pstn = }\n', { line: 0, character: 27 })), ['true', 'false']);
  assert.deepEqual(labels(await complete('lync l { host = "l.contoso.com"; version = }\n', { line: 0, character: 43 })), ['2010', '2013', '2015', '2019', 'subscription']);
});

test('nothing inside a string or a comment', async () => {
  assert.deepEqual(await complete('exchange ex01 {\n  host = "mail\n}\n', { line: 1, character: 14 }), []);
  assert.deepEqual(await complete('# exch\n', { line: 0, character: 6 }), []);
});
