// The nesting count that keeps deep answers from the library's quadratic
// parse (src/office/xml-depth.ts), and the session refusing such an answer
// at once as malformed.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { EwsSession } from '../../src/office/ews-session';
import { OfficeCallError } from '../../src/office/office-failure';
import { LyncContacts } from '../../src/office/lync-contacts';
import { MAX_XML_DEPTH, xmlDepth } from '../../src/office/xml-depth';
import { repoRoot } from '../support/paths';

const sample = (name: string) => readFileSync(join(repoRoot, 'test', 'fixtures', 'ews-samples', name), 'utf8');

test('depth counts open elements, not closed, empty, comments, CDATA or declarations', () => {
  assert.equal(xmlDepth('<?xml version="1.0"?><a><b/><c><d></d></c></a>'), 3);
  assert.equal(xmlDepth('<a><!-- <b><c><d> --><![CDATA[<x><y>]]></a>'), 1);
  assert.equal(xmlDepth('<a>'.repeat(10)), 10);
  assert.equal(xmlDepth(''), 0);
  assert.equal(xmlDepth('<'), 0);
  // Stops counting once past the limit.
  assert.equal(xmlDepth('<a>'.repeat(100_000), 512), 513);
  for (const name of ['response.lyncContacts.FindItem.xml', 'response.tasks.FindItem.xml', 'response.siteInbox.FindItem.xml']) assert.ok(xmlDepth(sample(name)) < 20, `${name} nests ${xmlDepth(sample(name))} deep`);
});

test('a session refuses an answer nested past the limit as malformed, before the library parses it', async () => {
  const deep = '<t:Items>' + '<t:Contact>'.repeat(25_000) + sample('response.lyncContacts.FindFolder.xml');
  const session = new EwsSession({ url: 'https://mail.contoso.com/EWS/Exchange.asmx', auth: { kind: 'basic', user: 'alice@contoso.com', password: 'x' }, timeoutMs: 5000 });
  let parsed = 0;
  (session.service.XHRApi as unknown as { setAuthProvider(p: unknown): void }).setAuthProvider({
    providerName: 'test',
    preCall: async (o: unknown) => o,
    client: async () => {
      parsed++;
      return { data: Buffer.from(deep), status: 200, statusText: 'OK', headers: {}, request: { res: { responseUrl: 'https://mail.contoso.com/EWS/Exchange.asmx' } } };
    },
  });
  await assert.rejects(new LyncContacts(session, 'alice@contoso.com').list(), (e: unknown) => {
    assert.ok(e instanceof OfficeCallError);
    assert.equal(e.failure.state, 'malformed');
    assert.match((e.failure as { detail: string }).detail, new RegExp(`more than ${MAX_XML_DEPTH} deep`));
    return true;
  });
  assert.equal(parsed, 1);
});
