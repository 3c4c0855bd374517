// Turns what went wrong talking to a presence service into a state a
// panel draws: transport errors by Node's codes (as office-failure.ts does
// for EWS), HTTP statuses by their meaning for presence.
import type { PresenceFailure } from './presence-source';

const UNTRUSTED = /^(UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT(_LOCALLY)?|SELF_SIGNED_CERT_IN_CHAIN|DEPTH_ZERO_SELF_SIGNED_CERT|CERT_UNTRUSTED|CERT_REJECTED|CERT_SIGNATURE_FAILURE|INVALID_CA)$/;

/** The Node error code of an error or of its cause (fetch wraps the socket's error in `cause`). */
export function errorCode(err: unknown): string | undefined {
  for (let e = err as { code?: unknown; cause?: unknown } | undefined, i = 0; e && i < 4; e = e.cause as typeof e, i++) {
    if (typeof e.code === 'string' && e.code) return e.code;
  }
  return undefined;
}

export function transportFailure(err: unknown, host: string, timeoutMs: number): PresenceFailure {
  const code = errorCode(err) ?? 'ERROR';
  const detail = err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.message) : String(err);
  if (code === 'ETIMEDOUT' || code === 'ECONNABORTED' || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || (err as Error)?.name === 'TimeoutError') {
    return { state: 'timeout', timeoutMs, host };
  }
  if (UNTRUSTED.test(code)) return { state: 'tls', host, problem: 'untrusted', code, detail };
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') return { state: 'tls', host, problem: 'wrong-host', code, detail };
  if (code === 'CERT_HAS_EXPIRED') return { state: 'tls', host, problem: 'expired', code, detail };
  return { state: 'unreachable', host, code, detail };
}

/** Retry-After (seconds or an HTTP date) as milliseconds from now. */
export function retryAfterMs(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

export function statusFailure(status: number, detail: string, retryAfter: string | null | undefined, now = Date.now()): PresenceFailure {
  if (status === 401) return { state: 'wrong-credentials', httpStatus: 401, detail };
  if (status === 429 || status === 503) {
    const wait = retryAfterMs(retryAfter, now);
    return wait !== undefined ? { state: 'throttled-until', until: now + wait, detail } : { state: 'throttled', detail };
  }
  return { state: 'server-fault', responseCode: String(status), detail };
}
