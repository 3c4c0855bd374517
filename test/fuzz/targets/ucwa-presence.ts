// UCWA answers through the Lync presence source (src/office/ucwa-presence.ts):
// the real client (Node's https with the CA and connect-to a user sets)
// against a local HTTPS server that walks the documented handshake
// (lyncdiscover, the user resource's MsRtcOAuth challenge, the token, the
// application) and answers the presence batch and the event channel. One
// answer per input is the fuzzed one. A fuzzed handshake answer needs a
// new source (one TLS connection each), so those are one input in twenty;
// the batch and events answers reuse one signed-in source.
import assert from 'node:assert/strict';
import type { PresenceTarget } from '../../../src/office/presence-source';
import { UcwaPresenceSource } from '../../../src/office/ucwa-presence';
import { hostileJsonText, type Json, mutateBytes, mutateJson, mutateText } from '../framework/mutations';
import type { Random } from '../framework/random';
import type { FuzzTarget } from '../framework/target';
import { type Answer, type AnsweringServer, answerStatuses, decodeAnswer, encodeAnswer, type Request, startAnsweringServer } from './answering-https';
import { checkReadings, checkRefusal } from './presence-check';

const MAX_BYTES = 16 * 1024;
const POOL = 'https://lync01.contoso.com';
const APP = '/ucwa/oauth/v1/applications/1';
const targets: PresenceTarget[] = [{ user: 'alice', address: 'alice@contoso.com' }, { user: 'bob', address: 'bob@contoso.com' }];

// The resources' shapes as https://learn.microsoft.com/en-us/skype-sdk/ucwa/ (autodiscovery, applications, presence, note, events) shows them.
const canned: Record<string, Json> = {
  discover: { _links: { self: { href: 'https://lyncdiscover.contoso.com/' }, user: { href: `${POOL}/Autodiscover/AutodiscoverService.svc/root/oauth/user` } } },
  token: { access_token: 'cwt=fuzz', expires_in: 28800, ms_rtc_identityscope: 'local', token_type: 'Bearer' },
  user: { _links: { self: { href: `${POOL}/Autodiscover/AutodiscoverService.svc/root/oauth/user` }, applications: { href: `${POOL}/ucwa/oauth/v1/applications` } } },
  application: {
    _links: { self: { href: APP }, batch: { href: `${APP}/batch` }, events: { href: `${APP}/events?ack=1` } },
    _embedded: { people: { _links: { presenceSubscriptions: { href: `${APP}/people/presenceSubscriptions` } } } },
  },
  presence: { availability: 'Busy', activity: 'in-a-meeting', lastActive: '/Date(1700000000000)/' },
  note: { message: 'In Berlin', type: 'personal' },
  events: {
    _links: { next: { href: `${APP}/events?ack=2` } },
    sender: [{ rel: 'people', events: [{ link: { rel: 'contactPresence', href: `${APP}/people/sip:alice@contoso.com/presence` }, _embedded: { contactPresence: { availability: 'Away' } } }] }],
  },
};
/** The calls in order; the batch and events answers are what a signed-in source meets on every read. */
const steps = ['discover', 'token', 'user', 'application', 'batch', 'events'] as const;
const HANDSHAKE = 4;

const BOUNDARY = 'batch_fuzz';
function batchText(parts: string[]): string {
  return parts.map((json) => `--${BOUNDARY}\r\nContent-Type: application/http; msgtype=response\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n${json}\r\n`).join('') + `--${BOUNDARY}--\r\n`;
}
const cannedBatch = (): string => batchText(targets.flatMap(() => [JSON.stringify(canned.presence), JSON.stringify(canned.note)]));

function fuzzJson(rng: Random, sample: Json): Buffer {
  const r = rng.int(10);
  if (r < 6) return Buffer.from(JSON.stringify(mutateJson(rng, structuredClone(sample))));
  if (r < 9) return mutateBytes(rng, Buffer.from(JSON.stringify(sample)));
  return Buffer.from(hostileJsonText(rng));
}

let server: AnsweringServer | undefined;
let signedIn: UcwaPresenceSource | undefined;
let fuzzed: { step: string; answer: Answer } | undefined;

function answer(req: Request): Answer {
  const path = req.url.split('?')[0];
  const host = String(req.headers.host ?? '');
  const step =
    host.startsWith('lyncdiscover.') ? 'discover'
    : path.endsWith('/oauth/user') ? (req.headers.authorization ? 'user' : 'challenge')
    : path === '/WebTicket/oauthtoken' ? 'token'
    : path === '/ucwa/oauth/v1/applications' ? 'application'
    : path === `${APP}/batch` ? 'batch'
    : path === `${APP}/people/presenceSubscriptions` ? 'subscribe'
    : path === `${APP}/events` ? 'events'
    : path.startsWith(`${APP}/people/`) ? (path.endsWith('/note') ? 'note' : 'presence')
    : 'other';
  if (fuzzed && fuzzed.step === step) return fuzzed.answer;
  if (step === 'challenge') return { status: 401, headers: { 'www-authenticate': `MsRtcOAuth href="${POOL}/WebTicket/oauthtoken",grant_type="urn:microsoft.rtc:windows,urn:microsoft.rtc:anonymous,password"` }, body: '' };
  if (step === 'batch') return { status: 200, headers: { 'content-type': `multipart/batching;boundary=${BOUNDARY}` }, body: cannedBatch() };
  if (step === 'subscribe') return { status: 201, body: '{}' };
  if (step === 'application') return { status: 201, body: JSON.stringify(canned.application) };
  if (step === 'other') return { status: 404, body: '' };
  return { status: 200, body: JSON.stringify(canned[step]) };
}

const newSource = (): UcwaPresenceSource =>
  new UcwaPresenceSource({ pool: 'lync01', signIn: 'alice@contoso.com', credentials: { kind: 'password', username: 'alice@contoso.com', password: 'fuzz' }, ca: server!.ca, connectTo: server!.connectTo, timeoutMs: 2000, maxResponseBytes: MAX_BYTES, eventTimeoutS: 1 });

export const ucwaPresence: FuzzTarget<Buffer> = {
  name: 'ucwa-presence',
  count: 5_000,
  seed: 2234,
  deadlineMs: 5000,
  kind: 'bytes',
  async setUp() {
    server = await startAnsweringServer(['lyncdiscover.contoso.com', 'lync01.contoso.com']);
    server.answer = answer;
    signedIn = newSource();
  },
  async tearDown() {
    await signedIn?.close();
    await server?.close();
  },
  generate(rng) {
    const step = rng.int(20) === 0 ? rng.int(HANDSHAKE) : HANDSHAKE + rng.int(2);
    const name = steps[step];
    let body: Buffer;
    if (name === 'batch') {
      const r = rng.int(10);
      const parts = targets.flatMap(() => [JSON.stringify(canned.presence), JSON.stringify(canned.note)]);
      if (r < 5) parts[rng.int(parts.length)] = fuzzJson(rng, rng.pick([canned.presence, canned.note])).toString('utf8');
      body = r < 5 ? Buffer.from(batchText(parts)) : r < 8 ? Buffer.from(mutateText(rng, cannedBatch(), ['--', `--${BOUNDARY}`, 'HTTP/1.1 ', '\r\n\r\n', '\r\n', 'HTTP/1.1 404 Not Found', 'null', '{}', '[]'])) : mutateBytes(rng, Buffer.from(cannedBatch()));
    } else {
      body = rng.chance(0.02) ? Buffer.alloc(MAX_BYTES + 1 + rng.int(MAX_BYTES), 0x20) : fuzzJson(rng, canned[name]);
    }
    return encodeAnswer(step, rng.chance(0.8) ? (name === 'application' ? 201 : 200) : rng.pick(answerStatuses), body);
  },
  async run(bytes) {
    const input = decodeAnswer(bytes);
    const step = input.step % steps.length;
    const name = steps[step];
    const headers = name === 'batch' && input.body.length % 3 !== 0 ? { 'content-type': `multipart/batching;boundary=${BOUNDARY}` } : undefined;
    fuzzed = { step: name, answer: { status: input.status, headers, body: input.body } };
    const source = step < HANDSHAKE ? newSource() : signedIn!;
    const before = server!.requests;
    try {
      const readings = name === 'events' ? await source.changes(targets) : await source.read(targets);
      if (name === 'events') for (const r of readings) checkReadings([r], [{ user: '', address: r.address }]);
      else checkReadings(readings, targets);
      assert.ok(!(input.status === 200 && input.body.length > MAX_BYTES && name !== 'events'), `an answer of ${input.body.length} bytes was read past the ${MAX_BYTES}-byte cap`);
    } catch (error) {
      if (error instanceof assert.AssertionError) throw error;
      checkRefusal(error, `the UCWA ${name === 'events' ? 'event channel' : 'presence read'}`);
    } finally {
      fuzzed = undefined;
      if (source !== signedIn) await source.close();
    }
    // The handshake (five calls, a redirect hop or four at most), a batch or events and a presence GET each.
    if (server!.requests - before > 30) throw new Error(`the source made ${server!.requests - before} requests`);
  },
};
