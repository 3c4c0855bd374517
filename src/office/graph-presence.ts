// Presence of online users from Microsoft Graph, with the official client
// (@microsoft/microsoft-graph-client) at https://graph.microsoft.com/v1.0:
//   GET  /users?$filter=userPrincipalName in (...)   sign-in names → object ids (cached)
//   POST /communications/getPresencesByUserId        "Maximum of 650 user IDs are supported
//        per API request." (https://learn.microsoft.com/en-us/graph/api/cloudcommunications-getpresencesbyuserid)
// The token comes from the caller (VS Code's Microsoft sign-in); the
// simulator is reached through the connect-to map and its CA like any host,
// so there is nothing here for tests to switch.
import {
  AuthenticationHandler,
  Client,
  type Context,
  GraphError,
  type Middleware,
  RetryHandler,
  RetryHandlerOptions,
} from '@microsoft/microsoft-graph-client';
import { fetch as undiciFetch, type Dispatcher } from 'undici';
import { createUndiciDispatcher, type ConnectToMap } from './connect-to';
import { retryAfterMs, statusFailure, transportFailure } from './presence-failure';
import { type Availability, type Presence, PresenceError, type PresenceFailure, type PresenceReading, type PresenceSource, type PresenceTarget } from './presence-source';

export const GRAPH_BASE_URL = 'https://graph.microsoft.com/v1.0';
export const GRAPH_MAX_IDS = 650;
/** Our own choice: names per `in (...)` filter; Graph documents no number we could cite. */
const NAMES_PER_LOOKUP = 15;
/** Delegated permission of getPresencesByUserId (same page). */
export const PRESENCE_SCOPE = 'Presence.Read.All';
/** Reading users' ids by sign-in name (https://learn.microsoft.com/en-us/graph/api/user-list). */
export const USER_SCOPE = 'User.ReadBasic.All';
/** A Retry-After up to this is waited out inside the call; longer ones become a countdown. */
const INLINE_RETRY_S = 5;

export interface GraphPresenceOptions {
  /** The access token; undefined when nobody is signed in (a `signed-out` state, not an error). */
  token: () => Promise<string | undefined>;
  ca?: string[];
  connectTo?: ConnectToMap;
  timeoutMs?: number;
  maxResponseBytes?: number;
  /** Whom the signed-out state names. */
  account?: string;
  now?: () => number;
}

interface GraphPresenceJson {
  id: string;
  availability?: string;
  activity?: string;
  statusMessage?: { message?: { content?: string } } | null;
}

const AVAILABILITY: Record<string, Availability> = {
  Available: 'available',
  AvailableIdle: 'idle',
  Busy: 'busy',
  BusyIdle: 'busy',
  DoNotDisturb: 'do-not-disturb',
  BeRightBack: 'be-right-back',
  Away: 'away',
  Offline: 'offline',
  PresenceUnknown: 'unknown',
};

export class GraphPresenceSource implements PresenceSource {
  readonly id = 'graph';
  private readonly client: Client;
  private readonly dispatcher;
  private readonly ids = new Map<string, string>();
  private readonly timeoutMs: number;
  private readonly now: () => number;
  /** Requests sent, for tests and the bench: one per batch. */
  calls = 0;
  /** What our middleware threw last: the client keeps only its text, and the state needs the error. */
  private thrown: unknown;
  private readonly fetcher: CappedFetch;

  constructor(private readonly options: GraphPresenceOptions) {
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.now = options.now ?? Date.now;
    this.dispatcher = createUndiciDispatcher({ ca: options.ca, connectTo: options.connectTo });
    const auth = new AuthenticationHandler({
      getAccessToken: async () => {
        const t = await withDeadline(options.token(), this.timeoutMs);
        if (!t) throw (this.thrown = new PresenceError({ state: 'signed-out', server: 'Microsoft Graph', account: options.account ?? 'a Microsoft account' }));
        return t;
      },
    });
    const retry = new RetryHandler(
      new RetryHandlerOptions(1, 2, (_delay, _attempt, _req, _opts, response: Response) => (retryAfterMs(response.headers.get('Retry-After')) ?? Infinity) <= INLINE_RETRY_S * 1000),
    );
    const fetcher = (this.fetcher = new CappedFetch(this.dispatcher, this.timeoutMs, options.maxResponseBytes ?? 4 * 1024 * 1024, () => this.calls++, (e) => (this.thrown = e)));
    auth.setNext(retry);
    retry.setNext(fetcher);
    this.client = Client.initWithMiddleware({ middleware: auth, baseUrl: 'https://graph.microsoft.com/', defaultVersion: 'v1.0' });
  }

  async read(targets: readonly PresenceTarget[], signal?: AbortSignal): Promise<PresenceReading[]> {
    this.fetcher.signal = signal;
    await this.resolveIds(targets, signal);
    const known = targets.filter((t) => this.ids.has(t.address.toLowerCase()));
    const byId = new Map<string, Presence>();
    for (let i = 0; i < known.length; i += GRAPH_MAX_IDS) {
      signal?.throwIfAborted();
      const ids = known.slice(i, i + GRAPH_MAX_IDS).map((t) => this.ids.get(t.address.toLowerCase())!);
      const result: unknown = await this.call(() => this.client.api('/communications/getPresencesByUserId').post({ ids }));
      for (const p of valueList(result, 'the presence answer')) if (typeof p.id === 'string') byId.set(p.id.toLowerCase(), toPresence(p as unknown as GraphPresenceJson));
    }
    return targets.map((t) => {
      const id = this.ids.get(t.address.toLowerCase());
      const presence = id ? byId.get(id.toLowerCase()) : undefined;
      return presence ? { address: t.address, presence } : { address: t.address, failure: { state: 'user-not-found', address: t.address } };
    });
  }

  async close(): Promise<void> {
    // destroy, not close: close waits for requests in flight, and a hidden panel must not wait for a slow server.
    await this.dispatcher.destroy();
  }

  private async resolveIds(targets: readonly PresenceTarget[], signal?: AbortSignal): Promise<void> {
    const missing = [...new Set(targets.map((t) => t.address.toLowerCase()).filter((a) => !this.ids.has(a)))];
    for (let i = 0; i < missing.length; i += NAMES_PER_LOOKUP) {
      signal?.throwIfAborted();
      const names = missing.slice(i, i + NAMES_PER_LOOKUP);
      const filter = `userPrincipalName in (${names.map((n) => `'${n.replace(/'/g, "''")}'`).join(',')})`;
      const result: unknown = await this.call(() => this.client.api('/users').filter(filter).select(['id', 'userPrincipalName']).get());
      for (const u of valueList(result, 'the user lookup')) if (typeof u.userPrincipalName === 'string' && typeof u.id === 'string') this.ids.set(u.userPrincipalName.toLowerCase(), u.id);
    }
  }

  private async call<T>(work: () => Promise<T>): Promise<T> {
    this.thrown = undefined;
    try {
      return await work();
    } catch (err) {
      throw new PresenceError(this.failureOf(err));
    }
  }

  private failureOf(err: unknown): PresenceFailure {
    if (err instanceof PresenceError) return err.failure;
    // The client turns what the middleware throws (our signed-out, a fetch error) into a GraphError with its text only.
    const wrapped = this.thrown;
    if (wrapped instanceof PresenceError) return wrapped.failure;
    if (wrapped instanceof TooLarge) return { state: 'too-large', maxBytes: wrapped.maxBytes };
    if (err instanceof GraphError && err.statusCode > 0) {
      if (err.statusCode === 403) return { state: 'consent-missing', scope: PRESENCE_SCOPE, detail: err.message };
      return statusFailure(err.statusCode, `${err.code ?? ''} ${err.message}`.trim(), err.headers?.get('Retry-After'), this.now());
    }
    if (err instanceof TooLarge) return { state: 'too-large', maxBytes: err.maxBytes };
    return transportFailure(wrapped ?? err, 'graph.microsoft.com', this.timeoutMs);
  }
}

/** The sign-in may wait on the user or a broken provider; presence must not wait with it. */
async function withDeadline<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)));
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The objects of an answer's `value` list. An answer that is not an object
 * with a list is refused as malformed; entries that are not objects are
 * skipped (their people then read as not found), as are, by the callers,
 * entries whose fields are not strings: the answer is outside input.
 */
function valueList(answer: unknown, what: string): Array<Record<string, unknown>> {
  const value = answer && typeof answer === 'object' ? (answer as { value?: unknown }).value : undefined;
  if (value === undefined && answer && typeof answer === 'object') return [];
  if (!Array.isArray(value)) throw new PresenceError({ state: 'malformed', detail: `${what} has no list of values` });
  return value.filter((v): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v));
}

function toPresence(p: GraphPresenceJson): Presence {
  const content: unknown = p.statusMessage && typeof p.statusMessage === 'object' ? p.statusMessage.message?.content : undefined;
  const note = typeof content === 'string' ? content.trim() : undefined;
  const availability = typeof p.availability === 'string' && Object.hasOwn(AVAILABILITY, p.availability) ? AVAILABILITY[p.availability] : 'unknown';
  return {
    availability,
    ...(typeof p.activity === 'string' && p.activity && p.activity !== 'PresenceUnknown' ? { activity: p.activity } : {}),
    ...(note ? { note } : {}),
  };
}

class TooLarge extends Error {
  constructor(readonly maxBytes: number) {
    super(`the answer is larger than ${maxBytes} bytes`);
  }
}

/**
 * The end of the client's middleware chain: fetch on our dispatcher, with a
 * deadline and a size cap on each try. undici's own fetch, not the global
 * one: VS Code's extension host patches global fetch for its proxy support
 * and an explicit dispatcher does not survive it (microsoft/vscode#236423,
 * "Enabling `http.fetchAdditionalSupport` may break extensions using global
 * `fetch`"), which would drop the CA and the connect-to map.
 */
class CappedFetch implements Middleware {
  /** The caller's cancellation (a hidden panel), added to each try's deadline. */
  signal: AbortSignal | undefined;

  constructor(
    private readonly dispatcher: Dispatcher,
    private readonly timeoutMs: number,
    private readonly maxBytes: number,
    private readonly counted: () => void,
    private readonly threw: (err: unknown) => void,
  ) {}

  async execute(context: Context): Promise<void> {
    try {
      await this.fetch(context);
    } catch (err) {
      this.threw(err);
      throw err;
    }
  }

  private async fetch(context: Context): Promise<void> {
    this.counted();
    const signal = this.signal ? AbortSignal.any([AbortSignal.timeout(this.timeoutMs), this.signal]) : AbortSignal.timeout(this.timeoutMs);
    const request = context.request;
    const url = typeof request === 'string' ? request : request.url;
    const options = (context.options ?? {}) as { method?: string; headers?: unknown; body?: unknown };
    const response = await undiciFetch(url, {
      method: options.method,
      headers: options.headers as Record<string, string>,
      body: options.body as string | undefined,
      signal,
      dispatcher: this.dispatcher,
    });
    const length = Number(response.headers.get('Content-Length') ?? '0');
    if (length > this.maxBytes) {
      await response.body?.cancel();
      throw new TooLarge(this.maxBytes);
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    if (response.body) {
      const reader = response.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
        if (size > this.maxBytes) {
          await reader.cancel();
          throw new TooLarge(this.maxBytes);
        }
        chunks.push(value);
      }
    }
    const body = response.status === 204 ? null : Buffer.concat(chunks);
    context.response = new Response(body, { status: response.status, statusText: response.statusText, headers: Object.fromEntries(response.headers.entries()) });
  }
}
