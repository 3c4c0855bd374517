// A tiny HTTPS server on 127.0.0.1 for the presence targets: a CA and a
// certificate for the names the clients ask (made as the simulator makes
// its own, src/simulator/certificates.ts), reached through the same CA and
// connect-to settings a user gives, so the real clients (Node's https for
// UCWA, undici under the Graph client) read the fuzzed answers over TLS.
// `answer` is set per input by the target.
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import { createCertificateAuthority, issueTlsCertificate } from '../../../src/simulator/certificates';

export interface Answer {
  status: number;
  headers?: Record<string, string>;
  body: Buffer | string;
}

export interface Request {
  method: string;
  url: string;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

export interface AnsweringServer {
  ca: string[];
  connectTo: Record<string, string>;
  /** Called for every request the client makes. */
  answer: (r: Request) => Answer;
  requests: number;
  /** TLS connections the clients opened. */
  connections: number;
  close(): Promise<void>;
}

export async function startAnsweringServer(hosts: string[]): Promise<AnsweringServer> {
  const ca = createCertificateAuthority({ commonName: 'Office Farm fuzz CA' });
  const tls = issueTlsCertificate(ca, hosts);
  const state: AnsweringServer = {
    ca: [ca.cert],
    connectTo: {},
    answer: () => ({ status: 500, body: '' }),
    requests: 0,
    connections: 0,
    close: async () => undefined,
  };
  const server = https.createServer({ cert: tls.cert, key: tls.key, keepAliveTimeout: 60_000 }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      state.requests++;
      let a: Answer;
      try {
        a = state.answer({ method: req.method ?? 'GET', url: req.url ?? '/', body: Buffer.concat(chunks).toString('utf8'), headers: req.headers });
      } catch (error) {
        a = { status: 599, body: String(error) };
      }
      res.writeHead(a.status, { 'content-type': 'application/json', ...a.headers });
      res.end(a.body);
    });
  });
  server.on('secureConnection', () => state.connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  for (const h of hosts) state.connectTo[`${h}:443`] = `127.0.0.1:${port}`;
  state.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return state;
}

/** One byte of step, one of status index, then the body: the presence targets' input. */
export const answerStatuses = [200, 200, 200, 201, 400, 401, 403, 404, 429, 500, 503];
export function encodeAnswer(step: number, status: number, body: Buffer): Buffer {
  return Buffer.concat([Buffer.from([step & 0xff, Math.max(0, answerStatuses.indexOf(status))]), body]);
}
export function decodeAnswer(b: Buffer): { step: number; status: number; body: Buffer } {
  return { step: b[0] ?? 0, status: answerStatuses[(b[1] ?? 0) % answerStatuses.length], body: b.subarray(2) };
}
