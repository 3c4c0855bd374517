// Hovers: a feature (what it does, roles, trusts and prerequisites, what the
// farm still lacks), a server (kind, version, metadata, trusts both ways), a
// property (meaning and default), a block kind.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Hover, HoverRequest, MarkupContent, Position } from 'vscode-languageserver-protocol';
import { featureById } from '../../src/core';
import { featureSourceLines } from '../../src/core/rules/feature-sources';
import { sampleFile, uriOf, useSession } from './lsp-session';

const firstSteps = sampleFile('examples', 'first-steps.farm');
const contoso = sampleFile('examples', 'contoso.farm');
const session = useSession({ open: [firstSteps, contoso] });

async function hover(file: string, position: Position): Promise<{ value: string; range: string } | null> {
  const result = (await session().connection.sendRequest(HoverRequest.type, { textDocument: { uri: uriOf(file) }, position })) as Hover | null;
  if (!result) return null;
  const r = result.range!;
  return { value: (result.contents as MarkupContent).value, range: `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}` };
}

test('a feature id: what it does, its roles, trusts and prerequisites, and what this farm still lacks', async () => {
  assert.deepEqual(await hover(firstSteps, { line: 14, character: 12 }), {
    range: '14:8-14:22',
    value: [
      '**Site mailboxes** (`site-mailboxes`)',
      '',
      'A SharePoint team site and an Exchange mailbox shared as one: mail in Outlook, documents in SharePoint.',
      '',
      'Roles:',
      '- exchange: ex01 (inferred)',
      '- sharepoint: sp01 (inferred)',
      '',
      'Trusts it needs:',
      '- the exchange server trusts the sharepoint server: ex01 trusts sp01',
      '- the sharepoint server trusts the exchange server: missing, sp01 does not trust ex01',
      '',
      'Prerequisites:',
      "- the sharepoint server's `services` include user-profile-sync, app-management: site mailboxes rely on it",
      "- `autodiscover = true` on the exchange server: SharePoint finds the site mailbox's Exchange through Autodiscover",
      "- the sharepoint server's `url` on https: site mailboxes need SSL in the default zone",
      '- `ews-api = true` on the sharepoint server: SharePoint talks to the mailbox through the EWS Managed API',
      '- `site-mailbox-policy` set on the exchange server: Exchange provisions site mailboxes by its default policy (named Default unless another is made the default)',
      "- every site mailbox on the sharepoint server's host, its address starting with `prefix`: each site mailbox lives on the web application and follows the address prefix",
      // The sources' sentences are checked in test/core/rule-sources.test.ts.
      ...featureSourceLines(featureById.get('site-mailboxes')!),
      '',
      'Every participant must be version 2013 or later.',
      '',
      'Still lacking in this farm:',
      "- FARM201: Site mailboxes need sp01 to trust ex01: add ex01 to sp01's trusts (and configure ex01 as a trusted security token issuer on sp01).",
      "- FARM302: Site mailboxes need the user-profile-sync service application on sp01, because site mailboxes rely on it: provision it and add user-profile-sync to sp01's services.",
      "- FARM302: Site mailboxes need the app-management service application on sp01, because site mailboxes rely on it: provision it and add app-management to sp01's services.",
      '- FARM303: Site mailboxes need sp01 on https, because site mailboxes need SSL in the default zone: bind a certificate and change its url to https.',
      '- FARM304: Site mailboxes need ews-api = true on sp01, because SharePoint talks to the mailbox through the EWS Managed API: set ews-api = true once it is in place.',
      "- FARM305: Site mailboxes need autodiscover = true on ex01, because SharePoint finds the site mailbox's Exchange through Autodiscover: set autodiscover = true once it is in place.",
      '- FARM306: Site mailboxes need site-mailbox-policy set on ex01, because Exchange provisions site mailboxes by its default policy (named Default unless another is made the default).',
    ].join('\n'),
  });
});

test('a feature of a complete farm lacks nothing', async () => {
  const h = await hover(contoso, { line: 52, character: 10 });
  assert.equal(h!.range, '52:8-52:17');
  assert.match(h!.value, /^\*\*Voicemail\*\* \(`voicemail`\)/);
  assert.ok(h!.value.includes('- exchange: ex01\n- lync: lync01\n'), h!.value);
  assert.ok(h!.value.includes('Trusts it needs: none'), h!.value);
  assert.ok(h!.value.endsWith('This farm has every trust and prerequisite it needs.'), h!.value);
});

test('a server name: kind, version, host, metadata endpoint, whom it trusts and who trusts it', async () => {
  assert.deepEqual(await hover(firstSteps, { line: 4, character: 10 }), {
    range: '4:9-4:13',
    value: [
      '**ex01**: Exchange Server 2013',
      '',
      'Host: `mail.fabrikam.com`',
      '',
      'Metadata endpoint: `https://mail.fabrikam.com/autodiscover/metadata/json/1` (derived from its host)',
      '',
      'Trusts: sp01  ',
      'Trusted by: none',
      '',
      'Features: site-mailboxes (exchange, inferred)',
    ].join('\n'),
  });
});

test('a reference shows the server it names', async () => {
  assert.deepEqual(await hover(firstSteps, { line: 6, character: 14 }), {
    range: '6:12-6:16',
    value: [
      '**sp01**: SharePoint Server 2013',
      '',
      'URL: `http://portal.fabrikam.com`',
      '',
      'Metadata endpoint: `http://portal.fabrikam.com/_layouts/15/metadata/json/1` (derived from its url)',
      '',
      'Trusts: none  ',
      'Trusted by: ex01',
      '',
      'Features: site-mailboxes (sharepoint, inferred)',
    ].join('\n'),
  });
});

test('a property key: type, meaning and default', async () => {
  assert.deepEqual(await hover(firstSteps, { line: 5, character: 3 }), { range: '5:2-5:6', value: '**host**: a host name, required\n\nThe Exchange server or CAS namespace name.' });
  assert.deepEqual(await hover(contoso, { line: 24, character: 4 }), {
    range: '24:2-24:15',
    value: '**max-upload-mb**: number 1..2047\n\nWeb application maximum upload size, in MB.\n\nDefault: `250`',
  });
});

test('a user, and places with nothing to say', async () => {
  assert.deepEqual(await hover(contoso, { line: 63, character: 6 }), { range: '63:5-63:10', value: '**alice**: a user\n\nAddress: `alice@contoso.com`' });
  assert.equal(await hover(firstSteps, { line: 0, character: 3 }), null, 'a comment');
  assert.equal(await hover(firstSteps, { line: 5, character: 20 }), null, 'a string');
});
