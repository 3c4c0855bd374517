// A plain HTTPS client for the tests: trusts only the simulator's CA and
// reaches it through the connection file's connect-to map.
import * as https from 'node:https';
import * as tls from 'node:tls';
import type { ConnectionFile } from '../../src/simulator/connection-file';
import { connectTarget } from '../../src/office/connect-to';

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** The server certificate the client was shown. */
  peer?: tls.PeerCertificate;
}

/** One request on a fresh connection (so a TLS fault set in between is seen), at most `limit` body bytes. */
export function request(
  connection: ConnectionFile,
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string; timeoutMs?: number; limit?: number } = {},
): Promise<Reply> {
  const u = new URL(url);
  const port = Number(u.port || 443);
  const target = connectTarget(connection.connectTo, u.hostname, port);
  return new Promise((resolve, reject) => {
    const req = https.request(
      {
        host: target.host,
        port: target.port,
        servername: u.hostname,
        path: u.pathname + u.search,
        method: init.method ?? 'GET',
        // Only the simulator's CA: a certificate from anywhere else must fail.
        ca: connection.ca.pem,
        agent: false,
        headers: { host: u.host, ...init.headers },
        checkServerIdentity: (_host, cert) => tls.checkServerIdentity(u.hostname, cert),
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const peer = (res.socket as tls.TLSSocket).getPeerCertificate?.();
        res.on('data', (d: Buffer) => {
          size += d.length;
          if (init.limit !== undefined && size > init.limit) {
            req.destroy(new Error(`body larger than ${init.limit} bytes`));
            return;
          }
          chunks.push(d);
        });
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8'), peer }),
        );
        res.on('error', reject);
      },
    );
    req.setTimeout(init.timeoutMs ?? 10_000, () => req.destroy(new Error('timed out')));
    req.on('error', reject);
    req.end(init.body);
  });
}
