// Presence in Microsoft Graph's shape, served by each Lync pool under
// https://{pool}/v1.0: getPresencesByUserId, /users/{id}/presence and
// /me/presence. Presence follows a schedule derived from the seed and the
// clock, so that it changes while a panel watches, the same way on every run.
import { randomUUID } from 'node:crypto';
import type { Account } from './accounts';
import { GRAPH_AUDIENCE } from './accounts';
import { SeededRandom } from './seeded-random';
import type { Served, SimulatedFarm } from './simulated-farm';

/** How long one presence state lasts. */
export const PRESENCE_PERIOD_MS = 60_000;

const STATES: ReadonlyArray<readonly [availability: string, activity: string]> = [
  ['Available', 'Available'],
  ['Available', 'Available'],
  ['AvailableIdle', 'Available'],
  ['Busy', 'InACall'],
  ['Busy', 'InAMeeting'],
  ['Busy', 'Busy'],
  ['DoNotDisturb', 'Presenting'],
  ['BeRightBack', 'BeRightBack'],
  ['Away', 'Away'],
  ['Offline', 'OffWork'],
];

export interface Presence {
  id: string;
  availability: string;
  activity: string;
}

/** The presence a user has at `time`: fixed within each period, seeded across periods. */
export function presenceAt(seed: number, graphId: string, time: number): Presence {
  const slot = Math.floor(time / PRESENCE_PERIOD_MS);
  const [availability, activity] = new SeededRandom(seed, `presence:${graphId}:${slot}`).pick(STATES);
  return { id: graphId, availability, activity };
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_IDS = 650;
const MAX_BODY = 256 * 1024;

export async function serveGraph(farm: SimulatedFarm, x: Served): Promise<void> {
  const { req, res } = x;
  const base = x.endpoint.url.pathname.replace(/\/+$/, '');
  const url = new URL(req.url ?? '/', 'https://graph');
  const path = url.pathname.slice(base.length) || '/';
  const requestId = randomUUID();
  const clientRequestId = String(req.headers['client-request-id'] ?? requestId);
  const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
    const text = JSON.stringify(body);
    res.writeHead(status, {
      'Content-Type': 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8',
      'Content-Length': Buffer.byteLength(text),
      'request-id': requestId,
      'client-request-id': clientRequestId,
      ...headers,
    });
    res.end(text);
  };
  const error = (status: number, code: string, message: string, headers: Record<string, string> = {}) =>
    send(status, { error: { code, message, innerError: { date: new Date(farm.clock()).toISOString().slice(0, 19), 'request-id': requestId, 'client-request-id': clientRequestId } } }, headers);

  const server = x.endpoint.server.name;
  const throttled = farm.fault(server, 'graph-throttled');
  if (throttled) {
    x.note.fault = `graph-throttled:${throttled.value}`;
    req.resume();
    return error(429, 'TooManyRequests', 'Too many requests.', { 'Retry-After': String(throttled.value) });
  }
  const account = authenticate(farm, x);
  if (!account) {
    req.resume();
    return error(401, 'InvalidAuthenticationToken', x.note.detail ?? 'Access token validation failure.', {
      'WWW-Authenticate': `Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"`,
    });
  }
  x.note.user = account.signInName;
  const now = farm.clock();

  if (path === '/communications/getPresencesByUserId') {
    x.note.operation = 'getPresencesByUserId';
    if (req.method !== 'POST') {
      req.resume();
      return error(405, 'Request_BadRequest', 'The HTTP method is not allowed for this resource.');
    }
    const raw = await readBody(req);
    let ids: unknown;
    try {
      ids = raw === undefined ? undefined : JSON.parse(raw).ids;
    } catch {
      return error(400, 'BadRequest', 'Unable to read JSON request payload.');
    }
    if (!Array.isArray(ids) || ids.length === 0 || ids.some((id) => typeof id !== 'string')) {
      return error(400, 'BadRequest', "The request body must have a non-empty 'ids' array of strings.");
    }
    if (ids.length > MAX_IDS) return error(400, 'BadRequest', `At most ${MAX_IDS} ids can be requested at once.`);
    const bad = (ids as string[]).find((id) => !GUID.test(id));
    if (bad) return error(400, 'BadRequest', `Invalid id '${bad}': ids must be user object ids (GUIDs).`);
    x.note.detail = `${ids.length} ids`;
    const value = (ids as string[]).map((id) => {
      const user = farm.accounts.byGraphId(id);
      return user ? presenceAt(farm.seed, user.graphId, now) : { id, availability: 'PresenceUnknown', activity: 'PresenceUnknown' };
    });
    return send(200, { '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#Collection(microsoft.graph.presence)', value });
  }

  const single = /^\/(?:me|users\/([^/]+))\/presence$/.exec(path);
  if (single) {
    req.resume();
    x.note.operation = 'presence';
    if (req.method !== 'GET') return error(405, 'Request_BadRequest', 'The HTTP method is not allowed for this resource.');
    const id = single[1] ? decodeURIComponent(single[1]) : undefined;
    const user = id === undefined ? account : farm.accounts.byGraphId(id);
    if (!user) return error(404, 'Request_ResourceNotFound', `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`);
    x.note.detail = user.signInName;
    return send(200, {
      '@odata.context': `https://graph.microsoft.com/v1.0/$metadata#users('${user.graphId}')/presence/$entity`,
      ...presenceAt(farm.seed, user.graphId, now),
    });
  }
  req.resume();
  return error(400, 'BadRequest', `Resource not found for the segment '${path.split('/').filter(Boolean)[0] ?? ''}'.`);
}

function authenticate(farm: SimulatedFarm, x: Served): Account | undefined {
  if (farm.fault(x.endpoint.server.name, 'graph-unauthorized')) {
    x.note.fault = 'graph-unauthorized';
    x.note.detail = 'Access token has expired or is not yet valid.';
    return undefined;
  }
  const header = x.req.headers.authorization ?? '';
  if (!/^Bearer\s+\S/i.test(header)) {
    x.note.detail = 'Access token is empty.';
    return undefined;
  }
  const account = farm.accounts.verifyToken(header.replace(/^Bearer\s+/i, '').trim(), GRAPH_AUDIENCE, farm.clock());
  if (!account) x.note.detail = 'Access token validation failure. Invalid audience, signature or lifetime.';
  return account;
}

function readBody(req: Served['req']): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (d: Buffer) => {
      size += d.length;
      if (size <= MAX_BODY) chunks.push(d);
    });
    req.on('end', () => resolve(size > MAX_BODY ? undefined : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
