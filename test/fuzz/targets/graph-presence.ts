// Microsoft Graph answers through the Graph presence source
// (src/office/graph-presence.ts): the real @microsoft/microsoft-graph-client
// over undici, against a local HTTPS server reached with a CA and
// connect-to, as a user's settings would. One answer per input is the
// fuzzed one: the user lookup (GET /users?$filter=) or the presence batch
// (POST /communications/getPresencesByUserId); the other is a well-formed
// answer for the people asked. One source serves every input (one TLS
// connection); a fuzzed lookup asks for new people, a fuzzed batch for
// people whose ids are known, so an input costs one or two requests.
import assert from 'node:assert/strict';
import { GraphPresenceSource } from '../../../src/office/graph-presence';
import type { PresenceTarget } from '../../../src/office/presence-source';
import { PresenceError } from '../../../src/office/presence-source';
import { hostileJsonText, mutateBytes, mutateJson } from '../framework/mutations';
import type { FuzzTarget } from '../framework/target';
import { type AnsweringServer, answerStatuses, decodeAnswer, encodeAnswer, startAnsweringServer } from './answering-https';
import { checkReadings, checkRefusal } from './presence-check';

/** Small, so answers past it are made cheaply. */
const MAX_BYTES = 16 * 1024;

const usersSample = { value: [{ id: 'id-alice', userPrincipalName: 'alice@contoso.com' }, { id: 'id-bob', userPrincipalName: 'bob@contoso.com' }] };
// The shape of https://learn.microsoft.com/en-us/graph/api/cloudcommunications-getpresencesbyuserid (response example).
const presencesSample = {
  value: [
    { id: 'id-alice', availability: 'Busy', activity: 'InAMeeting', statusMessage: { message: { content: 'In Berlin', contentType: 'text' } } },
    { id: 'id-bob', availability: 'Available', activity: 'Available', statusMessage: null },
  ],
};

let server: AnsweringServer | undefined;
let source: GraphPresenceSource | undefined;
let n = 0;

function names(filter: string): string[] {
  return [...filter.matchAll(/'((?:[^']|'')*)'/g)].map((m) => m[1].replace(/''/g, "'"));
}

export const graphPresence: FuzzTarget<Buffer> = {
  name: 'graph-presence',
  count: 5_000,
  seed: 2233,
  deadlineMs: 5000,
  kind: 'bytes',
  async setUp() {
    server = await startAnsweringServer(['graph.microsoft.com']);
    source = new GraphPresenceSource({ token: async () => 'fuzz-token', ca: server.ca, connectTo: server.connectTo, timeoutMs: 2000, maxResponseBytes: MAX_BYTES });
    // The warm-up: the people a fuzzed batch asks for, looked up once from well-formed answers.
    await this.run(encodeAnswer(255, 200, Buffer.from('')));
  },
  async tearDown() {
    await source?.close();
    await server?.close();
  },
  generate(rng) {
    const step = rng.int(2);
    const sample = step === 0 ? usersSample : presencesSample;
    const r = rng.int(20);
    const body =
      r < 12 ? Buffer.from(JSON.stringify(mutateJson(rng, structuredClone(sample))))
      : r < 16 ? mutateBytes(rng, Buffer.from(JSON.stringify(sample)))
      : r < 19 ? Buffer.from(hostileJsonText(rng))
      : Buffer.from(JSON.stringify({ value: Array.from({ length: 2000 }, (_, i) => ({ id: `id-${i}`, availability: 'Away' })) }));
    return encodeAnswer(step, rng.chance(0.8) ? 200 : rng.pick(answerStatuses), body);
  },
  async run(bytes) {
    const input = decodeAnswer(bytes);
    // A fuzzed lookup needs people not looked up yet; a fuzzed batch reuses the people of the warm-up, whose ids are known.
    const k = input.step === 0 ? ++n : 0;
    const targets: PresenceTarget[] = [`alice${k}@contoso.com`, `bob${k}@contoso.com`].map((address, i) => ({ user: `u${i}`, address }));
    const before = server!.requests;
    server!.answer = (req) => {
      const lookup = req.method === 'GET' && req.url.startsWith('/v1.0/users');
      if ((lookup ? 0 : 1) === input.step) return { status: input.status, body: input.body };
      if (lookup) {
        const asked = names(decodeURIComponent(new URL(req.url, 'https://graph.microsoft.com').searchParams.get('$filter') ?? ''));
        return { status: 200, body: JSON.stringify({ value: asked.map((upn) => ({ id: `id-${upn}`, userPrincipalName: upn })) }) };
      }
      const ids = (JSON.parse(req.body) as { ids: string[] }).ids;
      return { status: 200, body: JSON.stringify({ value: ids.map((id) => ({ id, availability: 'Busy', activity: 'InACall', statusMessage: { message: { content: 'note' } } })) }) };
    };
    try {
      checkReadings(await source!.read(targets), targets);
      // A value from an answer past the cap would mean the cap was not applied.
      assert.ok(!(input.status === 200 && input.body.length > MAX_BYTES), `an answer of ${input.body.length} bytes was read past the ${MAX_BYTES}-byte cap`);
    } catch (error) {
      if (error instanceof assert.AssertionError) throw error;
      checkRefusal(error, 'the Graph presence read');
      if (input.status === 200 && input.body.length > MAX_BYTES) assert.equal((error as PresenceError).failure.state, 'too-large', `an answer past the cap was refused as ${(error as PresenceError).failure.state}`);
    }
    // One lookup and one batch, and the client's single retry on 429/503.
    if (server!.requests - before > 4) throw new Error(`the source made ${server!.requests - before} requests`);
  },
};
