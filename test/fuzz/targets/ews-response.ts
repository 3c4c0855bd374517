// EWS SOAP answers through ews-javascript-api's response parsing, the way
// the inbox panel asks (src/office/site-mailbox-inbox.ts): the library's
// HTTP layer is replaced by one that answers with the fuzzed body, so the
// whole parse — XML reader, response classes, our mapping — is the real
// one. Survived means: a value, or an OfficeCallError a panel can draw.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../support/paths';
import { EwsSession } from '../../../src/office/ews-session';
import { OfficeCallError } from '../../../src/office/office-failure';
import { SiteMailboxInbox } from '../../../src/office/site-mailbox-inbox';
import { mutateBytes, mutateText } from '../framework/mutations';
import type { FuzzTarget } from '../framework/target';
import type { Random } from '../framework/random';

const samplesDir = join(repoRoot, 'test', 'fixtures', 'ews-samples');
let samples: Array<{ name: string; body: string }> | undefined;
export function ewsSamples(): Array<{ name: string; body: string }> {
  samples ??= readdirSync(samplesDir)
    .filter((f) => f.startsWith('response.') && f.endsWith('.xml'))
    .sort()
    .map((name) => ({ name, body: readFileSync(join(samplesDir, name), 'utf8') }));
  return samples;
}

const operations = ['folder', 'page', 'search', 'message', 'setRead'] as const;
/** The answer a real server gives each operation, to mutate most of the time. */
const sampleFor: Record<(typeof operations)[number], string> = {
  folder: 'GetFolder',
  page: 'FindItem',
  search: 'FindItem',
  message: 'GetItem',
  setRead: 'GetItem',
};
export const statuses = [200, 200, 200, 200, 500, 503, 429, 401, 302, 404];

export const xmlFragments = [
  '<', '>', '</', '/>', '"', "'", '&', '&amp;', '&lt;', '&#0;', '&#x110000;', '&xxe;', '<![CDATA[', ']]>', '<!--', '-->',
  '<?xml version="1.0"?>', '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>',
  '<t:Message>', '</t:Message>', '<t:Items>', '<t:ItemId Id="" ChangeKey=""/>', '<t:DateTimeReceived>not a date</t:DateTimeReceived>',
  '<t:DateTimeReceived>9999-99-99T99:99:99Z</t:DateTimeReceived>', '<t:IsRead>maybe</t:IsRead>', '<t:TotalCount>-1</t:TotalCount>',
  '<t:TotalCount>1e400</t:TotalCount>', 'ResponseClass="Error"', 'ResponseClass="Warning"', '<m:ResponseCode>ErrorServerBusy</m:ResponseCode>',
  '<m:ResponseCode>NoSuchCode</m:ResponseCode>', 'IndexedPagingOffset="-5"', 'TotalItemsInView="NaN"', '<t:Body BodyType="HTML"><script>x</script></t:Body>',
  '<t:Attachments><t:FileAttachment><t:Name>a</t:Name><t:Size>x</t:Size></t:FileAttachment></t:Attachments>', 'xmlns:t="urn:other"', '\u0000', '\ud800', '😀',
];

/** Deep element nesting inside an otherwise valid envelope. */
function nested(rng: Random, body: string): string {
  const depth = 1 + rng.int(rng.chance(0.2) ? 50_000 : 500);
  const at = body.indexOf('<t:Items>');
  const cut = at < 0 ? body.length >> 1 : at + 9;
  return body.slice(0, cut) + '<t:Message>'.repeat(depth) + '</t:Message>'.repeat(rng.int(depth + 1)) + body.slice(cut);
}

export interface EwsInput {
  operation: (typeof operations)[number];
  status: number;
  body: Buffer;
}

/** An input is one byte of operation, one of status, then the body as sent. */
export function encodeEwsInput(i: EwsInput): Buffer {
  return Buffer.concat([Buffer.from([operations.indexOf(i.operation), statuses.indexOf(i.status)]), i.body]);
}
export function decodeEwsInput(b: Buffer): EwsInput {
  return { operation: operations[b[0] % operations.length], status: statuses[b[1] % statuses.length], body: b.subarray(2) };
}

function generate(rng: Random): Buffer {
  const operation = rng.pick(operations);
  const status = rng.pick(statuses);
  const all = ewsSamples();
  const matching = all.filter((s) => s.name.includes(`.${sampleFor[operation]}.`) || (status !== 200 && s.name.startsWith('response.error.')));
  const sample = rng.chance(0.8) && matching.length ? rng.pick(matching).body : rng.pick(all).body;
  let body: Buffer;
  const r = rng.int(10);
  if (r < 5) body = Buffer.from(mutateText(rng, sample, xmlFragments));
  else if (r < 8) body = mutateBytes(rng, Buffer.from(sample));
  else if (r < 9) body = Buffer.from(nested(rng, sample));
  else body = Buffer.from(rng.pick(['', 'not xml', '<html><body>Sign in</body></html>', '{"error":"x"}', sample.replace(/<t:Items>[\s\S]*<\/t:Items>/, `<t:Items>${'<t:Message><t:ItemId Id="A" ChangeKey="B"/><t:Subject>s</t:Subject></t:Message>'.repeat(2000)}</t:Items>`)]));
  return encodeEwsInput({ operation, status, body });
}

/**
 * An auth provider whose HTTP client answers every request with the input:
 * the library's own XhrApi shapes the answer (as it does axios's) and our
 * session's wrapper sees it, so everything above the socket is the real code.
 */
export function answering(input: EwsInput): unknown {
  return {
    providerName: 'fuzz',
    preCall: async (options: unknown) => options,
    client: async () => ({
      data: input.body,
      status: input.status,
      statusText: String(input.status),
      headers: { 'content-type': 'text/xml; charset=utf-8' },
      request: { res: { responseUrl: 'https://mail.contoso.com/EWS/Exchange.asmx' } },
    }),
  };
}

export const ewsResponse: FuzzTarget<Buffer> = {
  name: 'ews-response',
  count: 5_000,
  seed: 2214,
  deadlineMs: 3000,
  kind: 'bytes',
  generate,
  async run(bytes) {
    const input = decodeEwsInput(bytes);
    const session = new EwsSession({ url: 'https://mail.contoso.com/EWS/Exchange.asmx', auth: { kind: 'basic', user: 'alice@contoso.com', password: 'fuzz' }, timeoutMs: 500 });
    (session.service.XHRApi as unknown as { setAuthProvider(p: unknown): void }).setAuthProvider(answering(input));
    const inbox = new SiteMailboxInbox(session, 'SMO-ProjectX@contoso.com');
    try {
      switch (input.operation) {
        case 'folder':
          await inbox.folder();
          break;
        case 'page':
          await inbox.page(0, 50);
          break;
        case 'search':
          await inbox.page(50, 50, 'kickoff');
          break;
        case 'message':
          await inbox.message('AAMkMSG1');
          break;
        case 'setRead':
          await inbox.setRead('AAMkMSG1', true);
      }
    } catch (error) {
      if (!(error instanceof OfficeCallError)) throw error;
      // The answer came at once: only a call the library left unsettled ends at our deadline.
      if (error.failure.state === 'timeout') throw new Error(`the library never settled on this ${input.status} answer to ${input.operation}; the panel would wait for its deadline`);
    }
  },
};
