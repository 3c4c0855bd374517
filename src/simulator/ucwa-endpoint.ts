// Lync Server 2013's UCWA, the subset a presence client walks: autodiscover
// at https://lyncdiscover.<sip domain>/ → the user resource → 401 with the
// MsRtcOAuth challenge → a token from the pool's /WebTicket/oauthtoken
// (password grant, or urn:microsoft.rtc:windows over NTLM on the
// connection, as IIS does it) → POST an application → people/{sip}/presence
// and /note, one at a time or through the batch resource, presence
// subscriptions and the event channel (a pending GET held until something
// subscribed changes or the timeout passes).
import type { Socket } from 'node:net';
import { sipDomainOf } from './farm-endpoints';
import { createChallenge, ntlmMessageType, readAuthenticate, verifyNtlmV2 } from './ntlm';
import { presenceFaultAnswered, readBody } from './presence-faults';
import type { Served, SimulatedFarm } from './simulated-farm';
import { applicationResource, pendingEvents, readResource, subscribe, type UcwaApplication, ucwaState } from './ucwa-resources';

const USER_PATH = '/autodiscover/autodiscoverservice.svc/root/oauth/user';
const MAX_BODY = 256 * 1024;
const MAX_BATCH_PARTS = 100;
const DEFAULT_EVENT_TIMEOUT_S = 180;
const challenges = new WeakMap<Socket, Buffer>();

export async function serveUcwa(farm: SimulatedFarm, x: Served): Promise<void> {
  const { req, res } = x;
  const url = new URL(req.url ?? '/', `https://${x.endpoint.url.host}`);
  const path = url.pathname;
  const lower = path.toLowerCase();
  const host = x.endpoint.url.hostname;
  const pool = x.endpoint.server;
  const send = (status: number, body: unknown, headers: Record<string, string | string[]> = {}, type = 'application/json') => {
    const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
    res.writeHead(status, { 'Content-Type': `${type}; charset=utf-8`, 'Content-Length': Buffer.byteLength(text), ...headers });
    res.end(text);
  };
  const error = (status: number, code: string, message: string, headers: Record<string, string> = {}) => send(status, { code, message }, headers);
  const challenge = () => ({
    'WWW-Authenticate': [
      'Bearer trusted_issuers="", client_id="00000004-0000-0ff1-ce00-000000000000"',
      `MsRtcOAuth href="https://${pool.host}/WebTicket/oauthtoken",grant_type="urn:microsoft.rtc:windows,urn:microsoft.rtc:anonmeeting,password"`,
    ],
  });
  const unauthorized = () => send(401, { code: 'Unauthorized', message: 'No valid security token.' }, challenge());

  if (await presenceFaultAnswered(farm, x, { unauthorized, error })) return;
  const state = ucwaState(farm);
  const now = farm.clock();

  // Autodiscover: anonymous root, then the user resource behind the token.
  if (host.startsWith('lyncdiscover.') && (lower === '/' || lower === '/autodiscover/autodiscoverservice.svc/root')) {
    req.resume();
    x.note.operation = 'lyncdiscover';
    return send(200, {
      _links: {
        self: { href: `https://${host}/Autodiscover/AutodiscoverService.svc/root?originalDomain=${host.slice('lyncdiscover.'.length)}` },
        user: { href: `https://${host}/Autodiscover/AutodiscoverService.svc/root/oauth/user?originalDomain=${host.slice('lyncdiscover.'.length)}` },
        xframe: { href: `https://${host}/Autodiscover/XFrame/XFrame.html` },
      },
    }, {}, 'application/vnd.microsoft.rtc.autodiscover+json');
  }
  if (lower === USER_PATH) {
    req.resume();
    x.note.operation = 'user';
    const account = state.tokenOwner(req.headers.authorization, pool.name, now);
    if (!account) return unauthorized();
    x.note.user = account.signInName;
    const home = farm.server(account.user.lync ?? '');
    if (account.user.online || !home?.host) return error(404, 'NotFound', `${account.signInName} is not homed on a Lync pool.`);
    const links: Record<string, { href: string }> = { self: { href: `https://${host}${path}` }, xframe: { href: `https://${home.host}/Autodiscover/XFrame/XFrame.html` } };
    if (home.name !== pool.name) links.redirect = { href: `https://${home.host}/Autodiscover/AutodiscoverService.svc/root/oauth/user` };
    else links.applications = { href: `https://${home.host}/ucwa/oauth/v1/applications` };
    return send(200, { _links: links }, {}, 'application/vnd.microsoft.rtc.autodiscover+json');
  }
  if (host.startsWith('lyncdiscover.')) {
    req.resume();
    return error(404, 'NotFound', `No resource at ${path}.`);
  }

  if (lower === '/webticket/oauthtoken') return token(farm, x, sipDomainOf(`x@${farm.accounts.dnsDomain}`));

  const account = state.tokenOwner(req.headers.authorization, pool.name, now);
  if (!account) {
    req.resume();
    return unauthorized();
  }
  x.note.user = account.signInName;

  if (lower === '/ucwa/oauth/v1/applications') {
    x.note.operation = 'create application';
    if (req.method !== 'POST') {
      req.resume();
      return error(405, 'MethodNotAllowed', 'POST an application.');
    }
    const raw = await readBody(req, MAX_BODY);
    let body: { UserAgent?: string; EndpointId?: string; Culture?: string };
    try {
      body = JSON.parse(raw ?? '');
    } catch {
      return error(400, 'BadRequest', 'The body is not JSON.');
    }
    if (!body || typeof body.UserAgent !== 'string' || typeof body.EndpointId !== 'string') {
      return error(400, 'BadRequest', 'An application needs UserAgent, EndpointId and Culture.');
    }
    const app = state.createApplication(account, pool.name);
    return send(201, applicationResource(app, body), { Location: app.base });
  }

  const m = /^\/ucwa\/oauth\/v1\/applications\/([0-9a-f]+)(\/.*)?$/i.exec(path);
  const app = m ? state.applications.get(m[1]) : undefined;
  if (!app || app.account !== account) {
    req.resume();
    return error(404, 'NotFound', 'No such application.');
  }
  const rest = m![2] ?? '';
  if (rest === '/events') {
    req.resume();
    x.note.operation = 'events';
    return events(farm, x, app, url);
  }
  if (rest === '/people/presenceSubscriptions' && req.method === 'POST') {
    x.note.operation = 'presenceSubscriptions';
    const raw = await readBody(req, MAX_BODY);
    let uris: unknown;
    try {
      uris = JSON.parse(raw ?? '').uris;
    } catch {
      return error(400, 'BadRequest', 'The body is not JSON.');
    }
    if (!Array.isArray(uris) || uris.some((u) => typeof u !== 'string')) return error(400, 'BadRequest', 'uris must be a list of SIP URIs.');
    subscribe(farm, app, uris as string[]);
    x.note.detail = `${uris.length} uris`;
    return send(201, { duration: 11, _links: { self: { href: `${app.base}/people/presenceSubscriptions/1` } }, rel: 'presenceSubscription' });
  }
  if (rest === '/batch' && req.method === 'POST') {
    x.note.operation = 'batch';
    return batch(farm, x, app);
  }
  req.resume();
  if (req.method === 'DELETE' && rest === '') {
    state.applications.delete(app.id);
    x.note.operation = 'delete application';
    return send(204, undefined);
  }
  if (req.method !== 'GET') return error(405, 'MethodNotAllowed', `${req.method} is not allowed here.`);
  x.note.operation = rest.split('/').pop();
  const answer = readResource(farm, app, path);
  return send(answer.status, answer.body);
}

/** /WebTicket/oauthtoken: the password grant in the form body, or the Windows grant over NTLM on this connection. */
async function token(farm: SimulatedFarm, x: Served, _domain: string): Promise<void> {
  const { req, res } = x;
  x.note.operation = 'oauthtoken';
  const raw = await readBody(req, MAX_BODY);
  const form = new URLSearchParams(raw ?? '');
  const grant = form.get('grant_type');
  const send = (status: number, body: unknown, headers: Record<string, string | string[]> = {}) => {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), ...headers });
    res.end(text);
  };
  const refused = (why: string) => {
    x.note.detail = why;
    send(400, { error: 'invalid_grant', error_description: why });
  };
  const pool = x.endpoint.server.name;
  if (req.method !== 'POST') return send(405, { error: 'invalid_request' });
  if (grant === 'password') {
    const account = farm.accounts.verifyPassword(form.get('username') ?? '', form.get('password') ?? '');
    if (!account) return refused(`wrong password for ${form.get('username') ?? '?'}`);
    x.note.user = account.signInName;
    return send(200, ucwaState(farm).issueToken(account, pool, farm.clock()));
  }
  if (grant !== 'urn:microsoft.rtc:windows') return refused(`unsupported grant_type ${grant ?? '(none)'}`);
  const header = req.headers.authorization ?? '';
  const socket = req.socket;
  const offer = () => send(401, { error: 'invalid_client' }, { 'WWW-Authenticate': ['Negotiate', 'NTLM'] });
  const m = /^(NTLM|Negotiate)\s+(\S+)$/i.exec(header);
  if (!m) {
    x.note.detail = 'no credentials';
    return offer();
  }
  const message = Buffer.from(m[2], 'base64');
  const type = ntlmMessageType(message);
  if (type === 1) {
    const issued = createChallenge(
      {
        domain: farm.accounts.domain,
        computer: pool.toUpperCase().slice(0, 15),
        dnsDomain: farm.accounts.dnsDomain,
        dnsComputer: x.endpoint.server.host ?? x.endpoint.url.hostname,
      },
      farm.clock(),
    );
    challenges.set(socket, issued.challenge);
    x.note.detail = 'NTLM challenge';
    return send(401, { error: 'invalid_client' }, { 'WWW-Authenticate': `${m[1]} ${issued.header}`, Connection: 'keep-alive' });
  }
  if (type === 3) {
    const issued = challenges.get(socket);
    challenges.delete(socket);
    if (!issued) {
      x.note.detail = 'NTLM authenticate without a challenge on this connection';
      return offer();
    }
    let auth;
    try {
      auth = readAuthenticate(message);
    } catch (err) {
      x.note.detail = `bad NTLM message: ${(err as Error).message}`;
      return offer();
    }
    const logon = auth.domain ? `${auth.domain}\\${auth.user}` : auth.user;
    const account = farm.accounts.byLogonName(logon);
    if (!account || !verifyNtlmV2(auth, issued, account.password)) {
      x.note.detail = `NTLM refused for ${logon}`;
      return offer();
    }
    x.note.user = account.signInName;
    return send(200, ucwaState(farm).issueToken(account, pool, farm.clock()));
  }
  x.note.detail = 'unreadable NTLM token';
  return offer();
}

/** The pending GET: answers at once when something changed, else when it does or the timeout passes. */
function events(farm: SimulatedFarm, x: Served, app: UcwaApplication, url: URL): void {
  const ack = Number(url.searchParams.get('ack') ?? app.ack);
  const timeoutS = Math.min(Math.max(Number(url.searchParams.get('timeout') ?? DEFAULT_EVENT_TIMEOUT_S) || DEFAULT_EVENT_TIMEOUT_S, 1), 1800);
  const deadline = farm.clock() + timeoutS * 1000;
  const answer = (body: unknown) => {
    app.ack = ack + 1;
    const text = JSON.stringify({
      _links: { self: { href: `${app.base}/events?ack=${ack}` }, next: { href: `${app.base}/events?ack=${ack + 1}` } },
      ...(body as object),
    });
    x.res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
    x.res.end(text);
  };
  const check = () => {
    if (x.res.destroyed || farm.closing) return;
    const found = pendingEvents(farm, app);
    const now = farm.clock();
    if (found) {
      x.note.detail = 'events';
      return answer(found);
    }
    if (now >= deadline) {
      x.note.detail = 'timeout, no events';
      return answer({});
    }
    farm.later(Math.max(1, Math.min(farm.presence.nextChange(now), deadline) - now), check);
  };
  check();
}

/** multipart/batching: each part one GET under this application, each answered as an application/http response. */
async function batch(farm: SimulatedFarm, x: Served, app: UcwaApplication): Promise<void> {
  const { req, res } = x;
  const type = String(req.headers['content-type'] ?? '');
  const bm = /^multipart\/batching\s*;\s*boundary="?([^";]+)"?/i.exec(type);
  const raw = await readBody(req, MAX_BODY);
  const fail = (status: number, message: string) => {
    const text = JSON.stringify({ code: 'BadRequest', message });
    res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
    res.end(text);
  };
  if (!bm) return fail(400, 'A batch must be multipart/batching with a boundary.');
  if (raw === undefined) return fail(413, 'The batch is too large.');
  const boundary = bm[1];
  const parts = raw.split(`--${boundary}`).slice(1).filter((p) => !p.startsWith('--'));
  if (parts.length > MAX_BATCH_PARTS) return fail(400, `At most ${MAX_BATCH_PARTS} requests in a batch.`);
  const out = `batch_${app.id.slice(0, 8)}_${app.ack}`;
  const answers: string[] = [];
  for (const part of parts) {
    const lines = part.replace(/^\r?\n/, '').split(/\r?\n/);
    const blank = lines.indexOf('');
    const requestLine = lines[blank + 1] ?? '';
    const rm = /^(\S+)\s+(\S+)\s+HTTP\/1\.1$/.exec(requestLine);
    let status = 400;
    let body: unknown = { code: 'BadRequest', message: `Not a request line: ${requestLine}` };
    if (rm && rm[1] !== 'GET') {
      status = 405;
      body = { code: 'MethodNotAllowed', message: 'Only GET parts are supported.' };
    } else if (rm) {
      const path = new URL(rm[2], 'https://pool').pathname;
      const a = path.startsWith(app.base) ? readResource(farm, app, path) : { status: 404, body: { code: 'NotFound', message: 'Not a resource of this application.' } };
      status = a.status;
      body = a.body;
    }
    const json = JSON.stringify(body);
    answers.push(
      `--${out}\r\nContent-Type: application/http; msgtype=response\r\n\r\nHTTP/1.1 ${status} ${status === 200 ? 'OK' : status === 404 ? 'Not Found' : 'Bad Request'}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(json)}\r\n\r\n${json}\r\n`,
    );
  }
  const text = `${answers.join('')}--${out}--\r\n`;
  x.note.detail = `${parts.length} parts`;
  res.writeHead(200, { 'Content-Type': `multipart/batching; boundary=${out}`, 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}
