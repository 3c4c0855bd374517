// One EWS connection as a panel uses it: calls go one at a time, each under
// our own deadline, with a cap on the answer's size, and every failure
// comes back as an OfficeFailure a panel can draw. ews-javascript-api turns
// a socket or TLS error into a SoapFaultDetails that looks like a server's
// ErrorInternalServerError and keeps only the message, so the transport
// error is caught here, below the library, where its code is still known.
import { XhrApi, type ExchangeService } from 'ews-javascript-api';
import type { ConnectToMap } from './connect-to';
import { classifyEwsError, createEwsService, EwsTimeoutError, withTimeout, type EwsAuth } from './ews-connection';
import { failureOf, OfficeCallError, type OfficeFailure, type TransportError } from './office-failure';
import { withoutUnreadableFault } from './unreadable-fault';
import { MAX_XML_DEPTH, xmlDepth } from './xml-depth';

export interface EwsSessionOptions {
  url: string;
  auth: EwsAuth;
  ca?: string[];
  connectTo?: ConnectToMap;
  /** Per call, HTTP and our own deadline alike; default 30 s. */
  timeoutMs?: number;
  /** The largest answer read, in bytes; default 8 MiB (a page of summaries is a few kB, a body rarely 1 MB). */
  maxResponseBytes?: number;
}

export const DEFAULT_MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

export class EwsSession {
  readonly service: ExchangeService;
  readonly url: URL;
  readonly timeoutMs: number;
  readonly maxResponseBytes: number;
  private transportError: TransportError | undefined;
  /** Why we refused the last answer below the library, which relabels what it catches as a server fault. */
  private refused: OfficeFailure | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(options: EwsSessionOptions) {
    this.url = new URL(options.url);
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
    const insecure = refusedOverHttp(this.url, options.auth);
    if (insecure) throw new OfficeCallError(insecure);
    this.service = createEwsService({ url: options.url, auth: options.auth, ca: options.ca, connectTo: options.connectTo, timeoutMs: this.timeoutMs });
    const xhr = this.service.XHRApi as XhrApi & { requestOptions: Record<string, unknown> };
    // axios stops reading past maxContentLength; the library then reports its message, which we replace.
    xhr.requestOptions.maxContentLength = this.maxResponseBytes;
    const inner = xhr.xhr.bind(xhr);
    xhr.xhr = async (...args: Parameters<XhrApi['xhr']>) => {
      try {
        const answer = await inner(...args);
        this.refuseTooDeep(answer as { responseText?: unknown; response?: unknown });
        return answer;
      } catch (error) {
        if (error instanceof OfficeCallError) throw error;
        this.refuseTooDeep(error as { responseText?: unknown; response?: unknown } | undefined);
        const e = error as { status?: unknown; code?: unknown; message?: unknown; cause?: unknown };
        // An answer with a status is the server's to explain; one without never reached it.
        if (typeof e.status !== 'number' && typeof e.code === 'string') {
          this.transportError = { code: e.code, message: typeof e.message === 'string' ? e.message : String(e.code) };
        }
        throw typeof e.status === 'number' ? withoutUnreadableFault(e, this.service) : error;
      }
    };
  }

  /** Runs one EWS call after the previous one settled; rejects with an OfficeCallError. */
  run<T>(what: string, call: (service: ExchangeService) => Promise<T>, mailbox?: string): Promise<T> {
    const next = this.queue.then(async () => {
      this.transportError = undefined;
      this.refused = undefined;
      try {
        // A little over the HTTP timeout, so that the library's own timeout is the one that usually speaks.
        return await withTimeout(call(this.service), this.timeoutMs + 250, what);
      } catch (error) {
        throw new OfficeCallError(this.explain(error, mailbox));
      }
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Thrown below the library, so its parse, quadratic in the depth of unclosed elements, never starts (xml-depth.ts). */
  private refuseTooDeep(answer: { responseText?: unknown; response?: unknown } | undefined): void {
    // A 200 answer carries its text in responseText (the library's setupXhrResponse), an error answer in response.
    const body = answer?.responseText ?? answer?.response;
    if (typeof body !== 'string' || xmlDepth(body) <= MAX_XML_DEPTH) return;
    this.refused = { state: 'malformed', detail: `the answer nests its elements more than ${MAX_XML_DEPTH} deep; no EWS answer does` };
    throw new OfficeCallError(this.refused);
  }

  private explain(error: unknown, mailbox: string | undefined): OfficeFailure {
    if (error instanceof OfficeCallError) return error.failure;
    if (this.refused) return this.refused;
    if (error instanceof EwsTimeoutError) return { state: 'timeout', timeoutMs: this.timeoutMs, host: this.url.host };
    return failureOf(classifyEwsError(error), this.transportError, { host: this.url.host, timeoutMs: this.timeoutMs, maxResponseBytes: this.maxResponseBytes, mailbox });
  }
}

/** Basic sends the password and Bearer a replayable token: neither goes over plain http. */
function refusedOverHttp(url: URL, auth: EwsAuth): OfficeFailure | undefined {
  if (url.protocol === 'https:') return undefined;
  if (url.protocol !== 'http:') return { state: 'malformed', detail: `${url.protocol} is not an EWS address (https:// expected)` };
  if (auth.kind === 'ntlm') {
    // Our NTLM provider runs its handshake over https only (it must keep the CA and connect-to settings).
    return { state: 'insecure', url: url.href, detail: 'NTLM is sent over https only; use the https:// EWS address' };
  }
  return { state: 'insecure', url: url.href, detail: `${auth.kind === 'basic' ? 'Basic authentication sends the password' : 'a bearer token can be replayed'} in clear over http; use the https:// EWS address` };
}

