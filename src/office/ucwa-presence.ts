// Presence of on-premises users from their Lync Server 2013 pool through
// UCWA, step by step as Microsoft documents it for UCWA 1.0:
//  1. GET https://lyncdiscover.<sip domain>/ → _links.user
//  2. GET the user resource → 401 with WWW-Authenticate: MsRtcOAuth href=…/WebTicket/oauthtoken
//  3. POST that href: grant_type=password (user name and password in the form) or
//     grant_type=urn:microsoft.rtc:windows over NTLM → { access_token, token_type: "Bearer" }
//  4. GET the user resource with the token → _links.applications (or _links.redirect to the home pool: start 2 again)
//  5. POST applications { UserAgent, EndpointId, Culture } → 201, the application
//  6. people/{sip}/presence and /note, several at once through the application's batch resource:
//     "A batch request is a multipart MIME message, where each part is a separate HTTP request …
//     The content type for the entire request is "multipart/batching"" (https://learn.microsoft.com/en-us/skype-sdk/ucwa/batchingrequests)
//  7. POST people/presenceSubscriptions, then the event channel: "a client sends a GET request to
//     the event channel URL. If the server has no events to send, it holds the connection open until
//     some events arrive or a timer expires." (https://learn.microsoft.com/en-us/skype-sdk/ucwa/eventsinucwa)
import { randomUUID } from 'node:crypto';
import type * as https from 'node:https';
import { createHttpsAgent, type ConnectToMap } from './connect-to';
import { authenticateMessage, negotiateMessage, readChallenge } from './ntlm-auth-provider';
import { statusFailure, transportFailure } from './presence-failure';
import { type Availability, type Presence, PresenceError, type PresenceFailure, type PresenceReading, type PresenceSource, type PresenceTarget } from './presence-source';
import { challengeParams, ucwaRequest, type UcwaResponse, UcwaTooLarge } from './ucwa-http';

export type UcwaCredentials =
  /** grant_type=password: the sign-in address (or DOMAIN\name) and password in the token request. */
  | { kind: 'password'; username: string; password: string }
  /** grant_type=urn:microsoft.rtc:windows: the same secret, proven over NTLM instead of sent. */
  | { kind: 'windows'; logon: string; password: string };

export interface UcwaPresenceOptions {
  /** The pool's topology name, for the source id and failure states. */
  pool: string;
  /** The signed-in user's SIP address: its domain names lyncdiscover. */
  signIn: string;
  credentials: UcwaCredentials;
  ca?: string[];
  connectTo?: ConnectToMap;
  timeoutMs?: number;
  maxResponseBytes?: number;
  /** How long the event channel's pending GET may be held, in seconds (the server's timer). */
  eventTimeoutS?: number;
  now?: () => number;
}

interface Links {
  _links?: Record<string, { href: string } | undefined>;
  _embedded?: Record<string, Links & Record<string, unknown>>;
}

const MAX_PER_BATCH = 50;
const AVAILABILITY: Record<string, Availability> = {
  Online: 'available',
  IdleOnline: 'idle',
  Busy: 'busy',
  IdleBusy: 'busy',
  DoNotDisturb: 'do-not-disturb',
  BeRightBack: 'be-right-back',
  Away: 'away',
  Offline: 'offline',
};

export class UcwaPresenceSource implements PresenceSource {
  readonly id: string;
  private readonly agent: https.Agent;
  private readonly timeoutMs: number;
  private readonly maxBytes: number;
  private readonly now: () => number;
  private token: string | undefined;
  private tokenHost: string | undefined;
  private application: { url: string; batch?: string; events?: string; subscriptions?: string } | undefined;
  private subscribed = new Set<string>();
  /** The steps taken, in order, for tests and the log: "discover", "challenge", "token", ... */
  readonly steps: string[] = [];

  constructor(private readonly options: UcwaPresenceOptions) {
    this.id = `ucwa:${options.pool}`;
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.maxBytes = options.maxResponseBytes ?? 2 * 1024 * 1024;
    this.now = options.now ?? Date.now;
    // One socket per host: NTLM proves the user on the connection it negotiated on.
    this.agent = createHttpsAgent({ ca: options.ca, connectTo: options.connectTo, keepAlive: true, maxSockets: 1 });
  }

  async read(targets: readonly PresenceTarget[], signal?: AbortSignal): Promise<PresenceReading[]> {
    return this.guard(async () => {
      const app = await this.ensureApplication(signal);
      const readings: PresenceReading[] = [];
      for (let i = 0; i < targets.length; i += MAX_PER_BATCH) {
        const chunk = targets.slice(i, i + MAX_PER_BATCH);
        readings.push(...(app.batch ? await this.readBatch(app.url, app.batch, chunk, signal) : await this.readOneByOne(app.url, chunk, signal)));
      }
      return readings;
    });
  }

  async changes(targets: readonly PresenceTarget[], signal?: AbortSignal): Promise<PresenceReading[]> {
    return this.guard(async () => {
      const app = await this.ensureApplication(signal);
      if (!app.events || !app.subscriptions) return [];
      const fresh = targets.map((t) => `sip:${t.address.toLowerCase()}`).filter((u) => !this.subscribed.has(u));
      if (fresh.length) {
        await this.expect(await this.send('POST', app.subscriptions, signal, JSON.stringify({ duration: 11, uris: fresh }), 'application/json'), [201, 200]);
        for (const u of fresh) this.subscribed.add(u);
        this.steps.push('subscribe');
      }
      const timeoutS = this.options.eventTimeoutS ?? 180;
      const url = new URL(app.events, app.url);
      url.searchParams.set('timeout', String(timeoutS));
      // The pending GET may be held for timeoutS: the deadline is the server's timer plus this request's own.
      const res = await this.send('GET', url.href, signal, undefined, undefined, timeoutS * 1000 + this.timeoutMs);
      this.steps.push('events');
      const body = this.json(await this.expect(res, [200])) as Links & { sender?: { events?: { link?: { rel?: string; href?: string }; _embedded?: Record<string, Record<string, unknown>> }[] }[] };
      const next = body._links?.next?.href;
      if (next) app.events = new URL(next, app.url).href;
      const readings: PresenceReading[] = [];
      for (const sender of body.sender ?? []) {
        for (const e of sender.events ?? []) {
          if (e.link?.rel !== 'contactPresence' || !e.link.href) continue;
          const sip = /\/people\/([^/]+)\/presence$/.exec(e.link.href)?.[1];
          if (!sip) continue;
          const address = decodeURIComponent(sip).replace(/^sip:/i, '');
          const embedded = e._embedded?.contactPresence;
          const presence = embedded ? toPresence(embedded) : toPresence(this.json(await this.expect(await this.send('GET', new URL(e.link.href, app.url).href, signal), [200])) as Record<string, unknown>);
          readings.push({ address, presence });
        }
      }
      return readings;
    });
  }

  async close(): Promise<void> {
    if (this.application && this.token) {
      await this.send('DELETE', this.application.url).catch(() => undefined);
    }
    this.agent.destroy();
  }

  // ---- the handshake -------------------------------------------------------

  /** Steps 1–5, once; again after the pool refuses the token. */
  private async ensureApplication(signal?: AbortSignal): Promise<NonNullable<UcwaPresenceSource['application']>> {
    if (this.application) return this.application;
    const domain = this.options.signIn.slice(this.options.signIn.indexOf('@') + 1).toLowerCase();
    const root = this.json(await this.expect(await this.send('GET', `https://lyncdiscover.${domain}/`, signal), [200])) as Links;
    this.steps.push('discover');
    let userUrl = root._links?.user?.href;
    if (!userUrl) throw new PresenceError({ state: 'malformed', detail: 'lyncdiscover has no user link' });
    for (let hops = 0; hops < 4; hops++) {
      let res = await this.send('GET', userUrl, signal, undefined, undefined, undefined, this.tokenFor(userUrl));
      if (res.status === 401) {
        const oauth = challengeParams(res.headers['www-authenticate'], 'MsRtcOAuth');
        if (!oauth?.href) throw new PresenceError({ state: 'malformed', detail: 'the user resource sent no MsRtcOAuth challenge' });
        this.steps.push('challenge');
        await this.fetchToken(oauth.href, (oauth.grant_type ?? '').split(','), signal);
        res = await this.send('GET', userUrl, signal, undefined, undefined, undefined, this.tokenFor(userUrl));
      }
      const user = this.json(await this.expect(res, [200])) as Links;
      this.steps.push('user');
      const redirect = user._links?.redirect?.href;
      if (redirect) {
        userUrl = redirect;
        this.token = undefined;
        continue;
      }
      const applications = user._links?.applications?.href;
      if (!applications) throw new PresenceError({ state: 'malformed', detail: 'the user resource has no applications link' });
      const created = await this.send(
        'POST',
        applications,
        signal,
        JSON.stringify({ UserAgent: 'Office Farm', EndpointId: randomUUID(), Culture: 'en-US' }),
        'application/json',
      );
      const app = this.json(await this.expect(created, [201])) as Links;
      this.steps.push('application');
      const self = app._links?.self?.href;
      if (!self) throw new PresenceError({ state: 'malformed', detail: 'the application has no self link' });
      const base = new URL(self, applications).href;
      const people = app._embedded?.people?._links;
      this.application = {
        url: base,
        batch: app._links?.batch?.href && new URL(app._links.batch.href, base).href,
        events: app._links?.events?.href && new URL(app._links.events.href, base).href,
        subscriptions: people?.presenceSubscriptions?.href && new URL(people.presenceSubscriptions.href, base).href,
      };
      return this.application;
    }
    throw new PresenceError({ state: 'malformed', detail: 'autodiscover redirected too many times' });
  }

  private async fetchToken(href: string, grants: string[], signal?: AbortSignal): Promise<void> {
    const c = this.options.credentials;
    if (c.kind === 'password') {
      if (!grants.includes('password')) throw new PresenceError({ state: 'server-fault', detail: `the pool offers no password grant (${grants.join(', ')})` });
      const form = new URLSearchParams({ grant_type: 'password', username: c.username, password: c.password }).toString();
      this.acceptToken(href, await this.send('POST', href, signal, form, 'application/x-www-form-urlencoded'));
      return;
    }
    if (!grants.includes('urn:microsoft.rtc:windows')) throw new PresenceError({ state: 'server-fault', detail: `the pool offers no Windows grant (${grants.join(', ')})` });
    const form = 'grant_type=urn%3Amicrosoft.rtc%3Awindows';
    const type = 'application/x-www-form-urlencoded';
    const first = await this.send('POST', href, signal, form, type, undefined, `NTLM ${negotiateMessage()}`);
    const header = String(first.headers['www-authenticate'] ?? '');
    const m = /(?:^|,\s*)NTLM\s+([A-Za-z0-9+/=]+)/.exec(header);
    if (first.status !== 401 || !m) {
      throw new PresenceError(first.status === 401 ? { state: 'wrong-credentials', httpStatus: 401, detail: 'the pool sent no NTLM challenge' } : this.statusOf(first));
    }
    const answer = authenticateMessage(readChallenge(m[1]), c.logon, c.password, 'OFFICEFARM', this.now());
    this.acceptToken(href, await this.send('POST', href, signal, form, type, undefined, `NTLM ${answer}`));
  }

  private acceptToken(href: string, res: UcwaResponse): void {
    if (res.status === 400 || res.status === 401) throw new PresenceError({ state: 'wrong-credentials', httpStatus: res.status, detail: this.detailOf(res) });
    const body = this.json(this.ok(res, [200])) as { access_token?: string; token_type?: string };
    if (!body.access_token || !/^bearer$/i.test(body.token_type ?? '')) throw new PresenceError({ state: 'malformed', detail: 'the token answer has no bearer access_token' });
    this.token = body.access_token;
    this.tokenHost = new URL(href).host;
    this.steps.push('token');
  }

  /** The token goes only to the pool that issued it. */
  private tokenFor(url: string): string | undefined {
    if (!this.token) return undefined;
    const host = new URL(url).host;
    return host === this.tokenHost || host.startsWith('lyncdiscover.') ? `Bearer ${this.token}` : undefined;
  }

  // ---- presence --------------------------------------------------------------

  private async readOneByOne(base: string, targets: readonly PresenceTarget[], signal?: AbortSignal): Promise<PresenceReading[]> {
    const out: PresenceReading[] = [];
    for (const t of targets) {
      const presence = await this.send('GET', this.personUrl(base, t, 'presence'), signal);
      if (presence.status === 404) {
        out.push({ address: t.address, failure: { state: 'user-not-found', address: t.address } });
        continue;
      }
      const p = toPresence(this.json(await this.expect(presence, [200])) as Record<string, unknown>);
      const note = await this.send('GET', this.personUrl(base, t, 'note'), signal);
      const message = note.status === 200 ? noteMessage(this.json(note)) : undefined;
      out.push({ address: t.address, presence: message ? { ...p, note: message } : p });
    }
    this.steps.push('presence');
    return out;
  }

  private async readBatch(base: string, batchUrl: string, targets: readonly PresenceTarget[], signal?: AbortSignal): Promise<PresenceReading[]> {
    const boundary = `batch_${randomUUID()}`;
    const paths = targets.flatMap((t) => [new URL(this.personUrl(base, t, 'presence')).pathname, new URL(this.personUrl(base, t, 'note')).pathname]);
    const host = new URL(base).host;
    const body =
      paths.map((p) => `--${boundary}\r\nContent-Type: application/http; msgtype=request\r\n\r\nGET ${p} HTTP/1.1\r\nHost: ${host}\r\nAccept: application/json\r\n\r\n`).join('') + `--${boundary}--\r\n`;
    const res = await this.expect(await this.send('POST', batchUrl, signal, body, `multipart/batching;boundary=${boundary}`), [200]);
    const parts = readBatchResponse(String(res.headers['content-type'] ?? ''), res.text);
    if (parts.length !== paths.length) throw new PresenceError({ state: 'malformed', detail: `the batch answered ${parts.length} of ${paths.length} requests` });
    this.steps.push('batch');
    return targets.map((t, i) => {
      const presence = parts[2 * i];
      const note = parts[2 * i + 1];
      if (presence.status === 404) return { address: t.address, failure: { state: 'user-not-found', address: t.address } };
      if (presence.status !== 200) return { address: t.address, failure: { state: 'server-fault', responseCode: String(presence.status), detail: presence.text.slice(0, 200) } };
      const p = toPresence(JSON.parse(presence.text) as Record<string, unknown>);
      const message = note.status === 200 ? noteMessage(JSON.parse(note.text)) : undefined;
      return { address: t.address, presence: message ? { ...p, note: message } : p };
    });
  }

  private personUrl(base: string, t: PresenceTarget, what: 'presence' | 'note'): string {
    return `${base.replace(/\/+$/, '')}/people/${encodeURIComponent(`sip:${t.address.toLowerCase()}`)}/${what}`;
  }

  // ---- plumbing --------------------------------------------------------------

  private send(method: 'GET' | 'POST' | 'DELETE', url: string, signal?: AbortSignal, body?: string, type?: string, timeoutMs?: number, authorization?: string): Promise<UcwaResponse> {
    const auth = authorization ?? this.tokenFor(url);
    return ucwaRequest({
      method,
      url,
      body,
      headers: { ...(type ? { 'Content-Type': type } : {}), ...(auth ? { Authorization: auth } : {}) },
      agent: this.agent,
      timeoutMs: timeoutMs ?? this.timeoutMs,
      maxBytes: this.maxBytes,
      signal,
    }).catch((err: unknown) => {
      if (err instanceof UcwaTooLarge) throw new PresenceError({ state: 'too-large', maxBytes: err.maxBytes });
      throw new PresenceError(transportFailure(err, new URL(url).hostname, timeoutMs ?? this.timeoutMs));
    });
  }

  /** A 401 after sign-in means the token lapsed: forget the application and let the next call start over. */
  private async expect(res: UcwaResponse, ok: number[]): Promise<UcwaResponse> {
    return this.ok(res, ok);
  }

  private ok(res: UcwaResponse, ok: number[]): UcwaResponse {
    if (ok.includes(res.status)) return res;
    if (res.status === 401) {
      this.token = undefined;
      this.application = undefined;
      this.subscribed.clear();
    }
    throw new PresenceError(this.statusOf(res));
  }

  private statusOf(res: UcwaResponse): PresenceFailure {
    const retry = res.headers['retry-after'];
    return statusFailure(res.status, this.detailOf(res), Array.isArray(retry) ? retry[0] : retry, this.now());
  }

  private detailOf(res: UcwaResponse): string {
    try {
      const j = JSON.parse(res.text) as { message?: string; error_description?: string; code?: string };
      return j.message ?? j.error_description ?? j.code ?? `HTTP ${res.status}`;
    } catch {
      return `HTTP ${res.status}`;
    }
  }

  private json(res: UcwaResponse): unknown {
    try {
      return JSON.parse(res.text);
    } catch {
      throw new PresenceError({ state: 'malformed', detail: `not JSON (HTTP ${res.status})` });
    }
  }

  private async guard<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (err) {
      if (err instanceof PresenceError) throw err;
      throw new PresenceError({ state: 'malformed', detail: err instanceof Error ? err.message : String(err) });
    }
  }
}

function toPresence(p: Record<string, unknown>): Presence {
  const availability = AVAILABILITY[String(p.availability ?? '')] ?? 'unknown';
  const activity = typeof p.activity === 'string' && p.activity ? p.activity : undefined;
  const lastActive = typeof p.lastActive === 'string' ? /\/Date\((-?\d+)/.exec(p.lastActive)?.[1] : undefined;
  return {
    availability,
    ...(activity ? { activity } : {}),
    ...(lastActive ? { lastActive: new Date(Number(lastActive)).toISOString() } : {}),
  };
}

/** The note resource's message, when it is text: the answer is outside input, and a panel draws the note as text. */
function noteMessage(note: unknown): string | undefined {
  const message = note && typeof note === 'object' ? (note as { message?: unknown }).message : undefined;
  return typeof message === 'string' ? message : undefined;
}

/** The parts of a multipart/batching answer: each an application/http response. */
export function readBatchResponse(contentType: string, text: string): { status: number; text: string }[] {
  const b = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (!b) throw new PresenceError({ state: 'malformed', detail: 'the batch answer has no boundary' });
  return text
    .split(`--${b}`)
    .slice(1)
    .filter((p) => !p.startsWith('--'))
    .map((part) => {
      const http = part.indexOf('HTTP/1.1 ');
      const status = http >= 0 ? Number(part.slice(http + 9, http + 12)) : 0;
      const headerEnd = part.indexOf('\r\n\r\n', http);
      return { status, text: headerEnd >= 0 ? part.slice(headerEnd + 4).replace(/\r\n$/, '') : '' };
    });
}
