// Every way an Office call can fail, as the states a panel draws: each
// names what went wrong in an administrator's words and implies its action
// (sign in again, wait and retry, trust the CA, ...). Plain data, so the
// extension can post it to a webview as it is.
import type { EwsFailure } from './ews-connection';

export type OfficeFailure =
  /** No stored credentials for this server and account. */
  | { state: 'signed-out'; server: string; account: string }
  /** The server refused the credentials: re-enter them. */
  | { state: 'wrong-credentials'; httpStatus?: number; detail: string }
  | { state: 'no-such-mailbox'; mailbox: string }
  | { state: 'access-denied'; mailbox: string }
  /** ErrorServerBusy or HTTP 429/503: wait backOffMs (when the server said) and retry. */
  | { state: 'throttled'; backOffMs?: number; detail: string }
  | { state: 'timeout'; timeoutMs: number; host: string }
  | { state: 'unreachable'; host: string; code: string; detail: string }
  | { state: 'tls'; host: string; problem: 'untrusted' | 'wrong-host' | 'expired' | 'not-yet-valid' | 'handshake'; code: string; detail: string }
  | { state: 'too-large'; maxBytes: number }
  /** An answer that is not EWS: an HTML error page, garbage, a property missing. */
  | { state: 'malformed'; detail: string }
  /** A SOAP fault or an error response code the panels have no state of their own for. */
  | { state: 'server-fault'; responseCode?: string; detail: string }
  /** Credentials that would cross the network in clear. */
  | { state: 'insecure'; url: string; detail: string };

export type OfficeFailureState = OfficeFailure['state'];

export class OfficeCallError extends Error {
  constructor(readonly failure: OfficeFailure) {
    super(describeFailure(failure));
  }
}

/** What failed below HTTP: Node's error code and message. */
export interface TransportError {
  code: string;
  message: string;
}

interface Context {
  host: string;
  timeoutMs: number;
  maxResponseBytes: number;
  mailbox?: string;
}

const UNTRUSTED = /^(UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT(_LOCALLY)?|SELF_SIGNED_CERT_IN_CHAIN|DEPTH_ZERO_SELF_SIGNED_CERT|CERT_UNTRUSTED|CERT_REJECTED|CERT_SIGNATURE_FAILURE|INVALID_CA)$/;

export function failureOf(ews: EwsFailure, transport: TransportError | undefined, context: Context): OfficeFailure {
  if (transport) return transportFailure(transport, context);
  const mailbox = context.mailbox ?? '';
  switch (ews.kind) {
    case 'timeout':
      return { state: 'timeout', timeoutMs: context.timeoutMs, host: context.host };
    case 'auth':
      return { state: 'wrong-credentials', httpStatus: ews.httpStatus, detail: ews.message };
    case 'throttled':
      return { state: 'throttled', backOffMs: ews.backOffMs, detail: ews.message };
    case 'bad-response':
      return { state: 'malformed', detail: ews.message };
    case 'fault':
      if (ews.responseCode === 'ErrorNonExistentMailbox' || ews.responseCode === 'ErrorMailboxNotFound') return { state: 'no-such-mailbox', mailbox };
      if (ews.responseCode === 'ErrorAccessDenied') return { state: 'access-denied', mailbox };
      return { state: 'server-fault', responseCode: ews.responseCode, detail: ews.message };
    case 'network':
      // The library read something it could not use (a missing property, a shape it did not expect).
      return { state: 'malformed', detail: ews.message };
  }
}

function transportFailure(t: TransportError, context: Context): OfficeFailure {
  const host = context.host;
  if (/maxContentLength/i.test(t.message)) return { state: 'too-large', maxBytes: context.maxResponseBytes };
  if (t.code === 'ECONNABORTED' || t.code === 'ETIMEDOUT') return { state: 'timeout', timeoutMs: context.timeoutMs, host };
  if (UNTRUSTED.test(t.code)) return { state: 'tls', host, problem: 'untrusted', code: t.code, detail: t.message };
  if (t.code === 'ERR_TLS_CERT_ALTNAME_INVALID') return { state: 'tls', host, problem: 'wrong-host', code: t.code, detail: t.message };
  if (t.code === 'CERT_HAS_EXPIRED') return { state: 'tls', host, problem: 'expired', code: t.code, detail: t.message };
  if (t.code === 'CERT_NOT_YET_VALID') return { state: 'tls', host, problem: 'not-yet-valid', code: t.code, detail: t.message };
  if (t.code === 'EPROTO' || t.code.startsWith('ERR_SSL_') || t.code.startsWith('ERR_TLS_')) return { state: 'tls', host, problem: 'handshake', code: t.code, detail: t.message };
  return { state: 'unreachable', host, code: t.code, detail: t.message };
}

/** One sentence per state, for logs and a panel's heading. Never includes a secret: none reaches a failure. */
export function describeFailure(f: OfficeFailure): string {
  switch (f.state) {
    case 'signed-out':
      return `not signed in to ${f.server} as ${f.account}`;
    case 'wrong-credentials':
      return `the server refused the credentials${f.httpStatus ? ` (HTTP ${f.httpStatus})` : ''}`;
    case 'no-such-mailbox':
      return `there is no mailbox ${f.mailbox}`;
    case 'access-denied':
      return `this account may not open ${f.mailbox}`;
    case 'throttled':
      return `the server is busy${f.backOffMs !== undefined ? `; it asks to wait ${Math.ceil(f.backOffMs / 1000)} s` : ''}`;
    case 'timeout':
      return `${f.host} did not answer within ${f.timeoutMs} ms`;
    case 'unreachable':
      return `${f.host} cannot be reached (${f.code})`;
    case 'tls': {
      const what = {
        untrusted: 'is issued by a CA this computer does not trust',
        'wrong-host': `is not issued for ${f.host}`,
        expired: 'has expired',
        'not-yet-valid': 'is not valid yet',
        handshake: 'could not be negotiated',
      }[f.problem];
      return `the TLS certificate of ${f.host} ${what} (${f.code})`;
    }
    case 'too-large':
      return `the answer is larger than ${f.maxBytes} bytes`;
    case 'malformed':
      return `the answer is not one EWS gives: ${f.detail}`;
    case 'server-fault':
      return `the server failed the request: ${f.detail}`;
    case 'insecure':
      return `refused to send credentials to ${f.url}: ${f.detail}`;
  }
}
