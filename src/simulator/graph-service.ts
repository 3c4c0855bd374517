// Microsoft Graph's presence, served as https://graph.microsoft.com/v1.0 (the
// listener has a certificate for graph.microsoft.com from the simulator CA;
// clients reach it through the connect-to map, as they reach the farm):
// POST /communications/getPresencesByUserId, GET /users/{id}/presence,
// GET /me/presence, and GET /users?$filter=userPrincipalName in (...) to
// turn sign-in names into object ids. Only users written `online = true`
// exist here: on-premises users live on their Lync pool.
import { randomUUID } from 'node:crypto';
import type { Account } from './accounts';
import { GRAPH_AUDIENCE } from './accounts';
import { presenceFaultAnswered, readBody } from './presence-faults';
import type { Served, SimulatedFarm } from './simulated-farm';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** "Maximum of 650 user IDs are supported per API request." (learn.microsoft.com/graph/api/cloudcommunications-getpresencesbyuserid) */
const MAX_IDS = 650;
const MAX_FILTER_VALUES = 15;
const MAX_BODY = 256 * 1024;

export async function serveGraph(farm: SimulatedFarm, x: Served): Promise<void> {
  const { req, res } = x;
  const url = new URL(req.url ?? '/', 'https://graph.microsoft.com');
  const path = url.pathname.replace(/^\/v1\.0/i, '') || '/';
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
  const unauthorized = (detail: string) =>
    error(401, 'InvalidAuthenticationToken', detail, {
      'WWW-Authenticate': 'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"',
    });

  if (await presenceFaultAnswered(farm, x, { unauthorized: () => unauthorized('Access token has expired or is not yet valid.'), error })) return;
  const account = authenticate(farm, x);
  if (!account) {
    req.resume();
    return unauthorized(x.note.detail ?? 'Access token validation failure.');
  }
  x.note.user = account.signInName;
  if (farm.fault(x.endpoint.server.name, 'presence-no-consent')) {
    x.note.fault = 'presence-no-consent';
    req.resume();
    return error(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');
  }
  const online = (a: Account | undefined) => (a && a.user.online ? a : undefined);
  const presenceOf = (a: Account) => {
    const p = farm.presence.at(a.signInName, farm.clock());
    return {
      id: a.graphId,
      availability: p.graph.availability,
      activity: p.graph.activity,
      statusMessage: p.note ? { message: { content: p.note, contentType: 'text' }, publishedDateTime: new Date(p.lastActive).toISOString() } : null,
    };
  };

  if (path === '/communications/getPresencesByUserId') {
    x.note.operation = 'getPresencesByUserId';
    if (req.method !== 'POST') {
      req.resume();
      return error(405, 'Request_BadRequest', 'The HTTP method is not allowed for this resource.');
    }
    const raw = await readBody(req, MAX_BODY);
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
      const user = online(farm.accounts.byGraphId(id));
      return user ? presenceOf(user) : { id, availability: 'PresenceUnknown', activity: 'PresenceUnknown', statusMessage: null };
    });
    return send(200, { '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#Collection(microsoft.graph.presence)', value });
  }

  req.resume();
  if (req.method !== 'GET') return error(405, 'Request_BadRequest', 'The HTTP method is not allowed for this resource.');

  if (path === '/users') {
    x.note.operation = 'users';
    const filter = url.searchParams.get('$filter') ?? '';
    const m = /^userPrincipalName in \((.*)\)$/i.exec(filter.trim());
    if (!m) return error(400, 'BadRequest', `Unsupported query '${filter}': expected userPrincipalName in ('...', ...).`);
    const names = [...m[1].matchAll(/'((?:[^']|'')*)'/g)].map((g) => g[1].replace(/''/g, "'"));
    if (names.length === 0 || names.length > MAX_FILTER_VALUES) return error(400, 'BadRequest', `Between 1 and ${MAX_FILTER_VALUES} values in 'in'.`);
    x.note.detail = `${names.length} names`;
    const value = names
      .map((n) => online(farm.accounts.byAddress(n)))
      .filter((a): a is Account => a !== undefined)
      .map((a) => ({ id: a.graphId, userPrincipalName: a.signInName, displayName: a.displayName }));
    return send(200, { '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#users(id,userPrincipalName,displayName)', value });
  }

  const single = /^\/(?:me|users\/([^/]+))\/presence$/.exec(path);
  if (single) {
    x.note.operation = 'presence';
    const id = single[1] ? decodeURIComponent(single[1]) : undefined;
    const user = id === undefined ? account : online(farm.accounts.byGraphId(id));
    if (!user) return error(404, 'Request_ResourceNotFound', `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`);
    x.note.detail = user.signInName;
    return send(200, { '@odata.context': `https://graph.microsoft.com/v1.0/$metadata#users('${user.graphId}')/presence/$entity`, ...presenceOf(user) });
  }
  return error(400, 'BadRequest', `Resource not found for the segment '${path.split('/').filter(Boolean)[0] ?? ''}'.`);
}

function authenticate(farm: SimulatedFarm, x: Served): Account | undefined {
  const header = x.req.headers.authorization ?? '';
  if (!/^Bearer\s+\S/i.test(header)) {
    x.note.detail = 'Access token is empty.';
    return undefined;
  }
  const account = farm.accounts.verifyToken(header.replace(/^Bearer\s+/i, '').trim(), GRAPH_AUDIENCE, farm.clock());
  if (!account) x.note.detail = 'Access token validation failure. Invalid audience, signature or lifetime.';
  return account;
}
