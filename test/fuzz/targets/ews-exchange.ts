// EWS answers for the panels that make several calls in a row (contacts:
// FindFolder, FindItem pages, GetItem of the groups; tasks: FindFolder deep,
// FindItem per folder, Bind/UpdateItem/Bind to complete one). One answer of
// the sequence is the fuzzed one; the others are the captured answer to
// their operation, so the fuzzed answer reaches the step it was made for.
// The library's HTTP layer is replaced, as in ews-response.ts, so the whole
// parse above the socket is the real code.
import { EwsSession } from '../../../src/office/ews-session';
import { OfficeCallError } from '../../../src/office/office-failure';
import { mutateBytes, mutateText } from '../framework/mutations';
import type { Random } from '../framework/random';
import { ewsSamples, statuses, xmlFragments } from './ews-response';

export interface SequenceInput {
  /** Which call of the sequence gets the fuzzed answer (modulo the calls made). */
  step: number;
  status: number;
  body: Buffer;
}

/** One byte of step, one of status, then the body as sent. */
export function encodeSequence(i: SequenceInput): Buffer {
  return Buffer.concat([Buffer.from([i.step & 0xff, statuses.indexOf(i.status)]), i.body]);
}
export function decodeSequence(b: Buffer): SequenceInput {
  return { step: b[0] ?? 0, status: statuses[(b[1] ?? 0) % statuses.length], body: b.subarray(2) };
}

export const exchangeFragments = [
  ...xmlFragments,
  '<t:DistributionList><t:ItemId Id="G1" ChangeKey="K"/><t:ItemClass>IPM.DistList.MOC.Favorites</t:ItemClass><t:DisplayName>Favorites</t:DisplayName></t:DistributionList>',
  '<t:ItemClass>IPM.DistList.MOC.UserGroup</t:ItemClass>', '<t:ItemClass>IPM.Contact</t:ItemClass>', '<t:Members><t:Member><t:Mailbox><t:ItemId Id="AAMkC1"/></t:Mailbox></t:Member></t:Members>',
  '<t:ImAddresses><t:Entry Key="ImAddress1">sip:bob@contoso.com</t:Entry></t:ImAddresses>', '<t:EmailAddresses><t:Entry Key="EmailAddress3">x</t:Entry></t:EmailAddresses>',
  'IncludesLastItemInRange="false"', 'TotalItemsInView="100000"', '<t:Status>Bogus</t:Status>', '<t:PercentComplete>NaN</t:PercentComplete>', '<t:PercentComplete>1e400</t:PercentComplete>',
  '<t:DueDate>0000-00-00T00:00:00Z</t:DueDate>', '<t:TasksFolder><t:FolderId Id="F2" ChangeKey="K"/><t:DisplayName>Project</t:DisplayName></t:TasksFolder>',
  '<m:ResponseCode>ErrorIrresolvableConflict</m:ResponseCode>', 'ResponseClass="Error"',
];

/** A fuzzed answer made from the captured answer `sample` most of the time. */
export function fuzzedBody(rng: Random, sample: string): Buffer {
  const r = rng.int(10);
  if (r < 5) return Buffer.from(mutateText(rng, sample, exchangeFragments));
  if (r < 8) return mutateBytes(rng, Buffer.from(sample));
  if (r < 9) {
    const at = Math.max(0, sample.indexOf('<t:Items>'));
    return Buffer.from(sample.slice(0, at) + '<t:Items>' + '<t:Contact>'.repeat(1 + rng.int(rng.chance(0.2) ? 50_000 : 500)) + sample.slice(at));
  }
  return Buffer.from(rng.pick(['', 'not xml', '<html><body>Sign in</body></html>', rng.pick(ewsSamples()).body]));
}

/** The captured answer a server gives each operation a request names. */
export function capturedAnswer(request: string, samples: Record<string, string>): string {
  const operation = /<m:(FindFolder|FindItem|GetItem|UpdateItem|GetFolder)\b/.exec(request)?.[1] ?? 'unknown';
  return samples[operation] ?? samples.fallback;
}

/**
 * A session whose every request is answered from `samples`, except the
 * `step`-th (modulo `calls`, the calls an unfuzzed run makes), which gets
 * the input. Counts the requests so a run that never ends is seen.
 */
export function answeringSession(input: SequenceInput, calls: number, samples: Record<string, string>): { session: EwsSession; requests: () => number } {
  const session = new EwsSession({ url: 'https://mail.contoso.com/EWS/Exchange.asmx', auth: { kind: 'basic', user: 'alice@contoso.com', password: 'fuzz' }, timeoutMs: 500 });
  let n = 0;
  const fuzzed = input.step % calls;
  const provider = {
    providerName: 'fuzz',
    preCall: async (options: unknown) => options,
    client: async (options: { data?: unknown }) => {
      const index = n++;
      const request = typeof options?.data === 'string' ? options.data : String(options?.data ?? '');
      const mine = index === fuzzed;
      return {
        data: mine ? input.body : Buffer.from(capturedAnswer(request, samples)),
        status: mine ? input.status : 200,
        statusText: String(mine ? input.status : 200),
        headers: { 'content-type': 'text/xml; charset=utf-8' },
        request: { res: { responseUrl: 'https://mail.contoso.com/EWS/Exchange.asmx' } },
      };
    },
  };
  (session.service.XHRApi as unknown as { setAuthProvider(p: unknown): void }).setAuthProvider(provider);
  return { session, requests: () => n };
}

/** Survived: a value, or an OfficeCallError a panel can draw that is not a programming error in our mapping. */
export function survived(error: unknown, what: string): void {
  if (!(error instanceof OfficeCallError)) throw error;
  const failure = error.failure as { state: string; detail?: string };
  if (failure.state === 'timeout') throw new Error(`the library never settled on an answer to ${what}; the panel would wait for its deadline`);
  // The library's own TypeErrors on an unreadable answer are shown as "malformed" (classifyEwsError); any other state with one is a mapping gone wrong.
  if (failure.state !== 'malformed' && typeof failure.detail === 'string' && /Cannot read propert|is not a function|is not iterable|undefined is not/.test(failure.detail)) {
    throw new Error(`${what}: a TypeError reached the panel as a ${failure.state} failure: "${failure.detail}"`);
  }
}
