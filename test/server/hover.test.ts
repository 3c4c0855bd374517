// Hovers: a feature (what it does, roles, trusts and prerequisites, and
// none of its diagnostics, which the editor shows beside it), a server (kind, version, metadata, trusts both ways), a
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

test('a feature id: what it does, its roles, and the trusts and prerequisites it needs', async () => {
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
      '- the exchange server (ex01) trusts the sharepoint server (sp01)',
      '- the sharepoint server (sp01) trusts the exchange server (ex01)',
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
      'Oldest versions (FARM301): exchange Exchange Server 2013, sharepoint SharePoint Server 2013.',
    ].join('\n'),
  });
});

test('a feature of a complete farm reads the same as one that lacks things: the hover describes, the diagnostics judge', async () => {
  const h = await hover(contoso, { line: 58, character: 10 });
  assert.equal(h!.range, '58:8-58:17');
  assert.match(h!.value, /^\*\*Voicemail\*\* \(`voicemail`\)/);
  assert.ok(h!.value.includes('- exchange: ex01\n- lync: lync01\n'), h!.value);
  assert.ok(h!.value.includes('Trusts it needs: none'), h!.value);
  assert.ok(h!.value.endsWith('Oldest versions (FARM301): exchange Exchange Server 2010, lync Lync Server 2010.'), h!.value);
});

test("a feature's hover repeats none of the diagnostics on its id", async () => {
  const uri = uriOf(firstSteps);
  const onId = session()
    .published.filter((p) => p.uri === uri)
    .at(-1)!
    .diagnostics.filter((d) => d.range.start.line === 14 && d.range.start.character === 8);
  assert.ok(onId.length >= 5, 'first-steps.farm lacks much for site mailboxes');
  const h = await hover(firstSteps, { line: 14, character: 12 });
  // The Sources list names the rule each source backs: that describes the feature, it reports nothing.
  const described = h!.value.split('\nSources:\n')[0];
  for (const d of onId) {
    assert.ok(!described.includes(String(d.code)), `the hover names ${d.code}`);
    const message = typeof d.message === 'string' ? d.message : d.message.value;
    assert.ok(!h!.value.includes(message), `the hover repeats "${message}"`);
  }
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
  assert.deepEqual(await hover(contoso, { line: 27, character: 4 }), {
    range: '27:2-27:15',
    value: '**max-upload-mb**: number 1..2047\n\nWeb application maximum upload size, in MB.\n\nDefault: `250`',
  });
});

test('a user, and places with nothing to say', async () => {
  assert.deepEqual(await hover(contoso, { line: 69, character: 6 }), { range: '69:5-69:10', value: '**alice**: a user\n\nAddress: `alice@contoso.com`' });
  assert.equal(await hover(firstSteps, { line: 0, character: 3 }), null, 'a comment');
  assert.equal(await hover(firstSteps, { line: 5, character: 20 }), null, 'a string');
});
