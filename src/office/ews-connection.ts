// An ews-javascript-api ExchangeService set up the way every panel needs
// it: our own XhrApi per service (never the shared global), the extra CA
// and connect-to map on its https agent, Basic / Bearer / NTLM, a request
// timeout, and errors sorted into kinds a panel can act on.
import {
  ExchangeService,
  ExchangeVersion,
  OAuthCredentials,
  Uri,
  WebCredentials,
  XhrApi,
} from 'ews-javascript-api';
import { agentTransport, createHttpsAgent, type ConnectToMap } from './connect-to';
import { ntlmAuthProvider } from './ntlm-auth-provider';

export type EwsAuth =
  | { kind: 'basic'; user: string; password: string }
  | { kind: 'ntlm'; user: string; password: string }
  | { kind: 'bearer'; token: string };

export interface EwsConnectionOptions {
  url: string;
  auth: EwsAuth;
  /** Extra trusted CAs (PEM), e.g. the simulator's. */
  ca?: string[];
  connectTo?: ConnectToMap;
  /** Per HTTP request; default 30 s. */
  timeoutMs?: number;
  version?: ExchangeVersion;
}

export function createEwsService(options: EwsConnectionOptions): ExchangeService {
  const timeout = options.timeoutMs ?? 30_000;
  const tls = { ca: options.ca, connectTo: options.connectTo };
  const service = new ExchangeService(options.version ?? ExchangeVersion.Exchange2013);
  service.Url = new Uri(options.url);
  // XhrApi hands its options to axios as they are; its typings do not list axios's `transport`.
  const xhr = new XhrApi({ httpsAgent: createHttpsAgent(tls), timeout, transport: agentTransport } as unknown as ConstructorParameters<typeof XhrApi>[0]);
  if (options.auth.kind === 'ntlm') {
    xhr.setAuthProvider(ntlmAuthProvider(options.auth.user, options.auth.password, tls, timeout) as unknown as Parameters<XhrApi['setAuthProvider']>[0]);
    // The library insists on credentials before it sends anything; NTLM's header replaces these.
    service.Credentials = new WebCredentials(options.auth.user, options.auth.password);
  } else if (options.auth.kind === 'basic') {
    service.Credentials = new WebCredentials(options.auth.user, options.auth.password);
  } else {
    service.Credentials = new OAuthCredentials(options.auth.token, true);
  }
  service.XHRApi = xhr;
  return service;
}

export class EwsTimeoutError extends Error {}

/**
 * The library can leave a promise unsettled (an HTTP 500 with a non-XML
 * body, a silent server): every call goes through this.
 */
export function withTimeout<T>(work: Promise<T>, ms: number, what = 'EWS request'): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new EwsTimeoutError(`${what}: no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export type EwsErrorKind = 'auth' | 'throttled' | 'fault' | 'bad-response' | 'network' | 'timeout';

export interface EwsFailure {
  kind: EwsErrorKind;
  message: string;
  /** EWS's ResponseCode (ErrorServerBusy, ErrorAccessDenied, ...), when there is one. */
  responseCode?: string;
  httpStatus?: number;
  /** For ErrorServerBusy: how long the server asked us to wait. */
  backOffMs?: number;
}

/** Sorts what ews-javascript-api threw (rarely an Error) into a kind and a sentence. */
export function classifyEwsError(err: unknown): EwsFailure {
  if (err instanceof EwsTimeoutError) return { kind: 'timeout', message: err.message };
  if (err === undefined || err === null) return { kind: 'bad-response', message: 'the call failed without saying why' };
  const e = err as Record<string, unknown> & { message?: string };
  const status = typeof e.HttpStatusCode === 'number' ? e.HttpStatusCode : typeof e.status === 'number' ? e.status : undefined;
  // SoapFaultDetails carries the code in ResponseCode, ServiceResponseException in ErrorCode; 0 is NoError.
  const code = [e.ResponseCode, e.ErrorCode].find((c) => (typeof c === 'number' && c !== 0) || (typeof c === 'string' && c !== 'NoError'));
  const codeName = typeof code === 'number' ? responseCodeName(code) : (code as string | undefined);
  type Details = { get?: (k: string) => unknown } | undefined;
  const details = (e.ErrorDetails as Details) ?? ((e.Response as { ErrorDetails?: Details } | undefined)?.ErrorDetails);
  const text = typeof e.message === 'string' && e.message ? e.message : typeof e.Message === 'string' ? e.Message : '';
  if (codeName === 'ErrorServerBusy') {
    const backOff = details?.get?.('BackOffMilliseconds');
    return {
      kind: 'throttled',
      message: `the server is busy (ErrorServerBusy)${backOff !== undefined ? `; retry after ${backOff} ms` : ''}`,
      responseCode: codeName,
      backOffMs: backOff !== undefined ? Number(backOff) : undefined,
      httpStatus: status,
    };
  }
  // The library reading an answer that is not an envelope fails inside its own XML walk (a TypeError,
  // sometimes relabelled ErrorInternalServerError): the server's answer is unreadable, not the network down.
  if (libraryReadFailure.test(text) && (status === undefined || status < 400) && (!codeName || codeName === 'ErrorInternalServerError')) {
    return { kind: 'bad-response', message: `the answer is not a readable EWS response (${text.replace(/^(The request failed\.|ErrorInternalServerError:)\s*/, '')})`, httpStatus: status };
  }
  if (status === 401 || status === 403) return { kind: 'auth', message: `the server refused the credentials (HTTP ${status})`, httpStatus: status };
  if (status === 429 || status === 503) return { kind: 'throttled', message: `the server is throttling (HTTP ${status})`, httpStatus: status };
  if (codeName) return { kind: 'fault', message: `${codeName}: ${text || codeName}`, responseCode: codeName, httpStatus: status };
  if (/invalid soap message|xml|parse/i.test(text) || (status !== undefined && status >= 400)) {
    return { kind: 'bad-response', message: status ? `HTTP ${status}: ${text || 'unreadable answer'}` : text, httpStatus: status };
  }
  return { kind: 'network', message: text || 'the connection failed', httpStatus: status };
}

const libraryReadFailure = /Cannot read propert|is not a function|is not iterable|undefined is not|null is not/;

function responseCodeName(code: number): string | undefined {
  // Loaded lazily with the library itself; the enum maps numbers to names.
  const { ServiceError } = require('ews-javascript-api') as { ServiceError: Record<number, string> };
  return ServiceError[code];
}
