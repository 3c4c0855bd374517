// One HTTPS exchange for the UCWA client: our own agent (the extra CA and
// the connect-to map, sent through http.ClientRequest for the reason
// connect-to.ts gives), a deadline on the whole exchange and a cap on the
// answer's size. Errors keep Node's code for presence-failure.ts.
import * as http from 'node:http';
import type * as https from 'node:https';

export interface UcwaResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

export interface UcwaRequest {
  method: 'GET' | 'POST' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  body?: string;
  agent: https.Agent;
  timeoutMs: number;
  maxBytes: number;
  signal?: AbortSignal;
}

export class UcwaTooLarge extends Error {
  constructor(readonly maxBytes: number) {
    super(`the answer is larger than ${maxBytes} bytes`);
  }
}

export class UcwaTimeout extends Error {
  readonly code = 'ETIMEDOUT';
}

export function ucwaRequest(r: UcwaRequest): Promise<UcwaResponse> {
  const url = new URL(r.url);
  if (url.protocol !== 'https:') return Promise.reject(new Error(`refusing ${url.protocol} for UCWA: tokens and passwords travel only over https`));
  return new Promise((resolve, reject) => {
    const body = r.body === undefined ? undefined : Buffer.from(r.body, 'utf8');
    const req = new http.ClientRequest(
      {
        protocol: 'https:',
        host: url.hostname,
        port: url.port || 443,
        path: `${url.pathname}${url.search}`,
        method: r.method,
        agent: r.agent,
        headers: { Accept: 'application/json', ...(body ? { 'Content-Length': String(body.length) } : {}), ...r.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (d: Buffer) => {
          size += d.length;
          if (size > r.maxBytes) {
            req.destroy(new UcwaTooLarge(r.maxBytes));
            return;
          }
          chunks.push(d);
        });
        res.on('end', () => {
          clearTimeout(timer);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') });
        });
        res.on('error', reject);
      },
    );
    const timer = setTimeout(() => req.destroy(new UcwaTimeout(`no answer within ${r.timeoutMs} ms`)), r.timeoutMs);
    const abort = () => req.destroy(Object.assign(new Error('cancelled'), { name: 'AbortError', code: 'ABORT_ERR' }));
    r.signal?.addEventListener('abort', abort, { once: true });
    req.on('error', (err) => {
      clearTimeout(timer);
      r.signal?.removeEventListener('abort', abort);
      reject(err);
    });
    req.on('close', () => r.signal?.removeEventListener('abort', abort));
    req.end(body);
  });
}

/** The parameters of a WWW-Authenticate challenge of one scheme, e.g. MsRtcOAuth href="…",grant_type="…". */
export function challengeParams(header: string | string[] | undefined, scheme: string): Record<string, string> | undefined {
  const values = Array.isArray(header) ? header : header ? [header] : [];
  for (const v of values) {
    const m = new RegExp(`(?:^|,\\s*)${scheme}\\s+(.*)$`, 'i').exec(v);
    if (!m) continue;
    const params: Record<string, string> = {};
    for (const p of m[1].matchAll(/([a-z_]+)\s*=\s*"([^"]*)"/gi)) params[p[1].toLowerCase()] = p[2];
    return params;
  }
  return undefined;
}
