// Purpose-built HTTPS servers on loopback for the probe's tests: each one
// serves a metadata document, or fails in one particular way. Certificates
// come from the simulator's certificate module; one RSA key signs them all
// to keep the tests quick.

import * as https from 'node:https';
import * as http from 'node:http';
import * as net from 'node:net';
import type { AddressInfo } from 'node:net';
import {
  createCertificateAuthority,
  createSigningCertificate,
  generateRsaKey,
  issueTlsCertificate,
  certificateDerBase64,
  x5tThumbprint,
  type Pem,
  type Validity,
} from '../../src/simulator/certificates';

const DAY = 24 * 60 * 60 * 1000;
export const days = (n: number) => new Date(Date.now() + n * DAY);

let sharedKey: string | undefined;
export function key(): string {
  return (sharedKey ??= generateRsaKey());
}

let farmCa: Pem | undefined;
/** The CA the tests hand to the probe with `ca`. */
export function ca(): Pem {
  return (farmCa ??= createCertificateAuthority({ commonName: 'Contoso Issuing CA', key: key() }));
}

/** A CA nobody handed to the probe, with a key of its own. */
export function createOtherCa(): Pem {
  return createCertificateAuthority({ commonName: 'Fabrikam Lab CA' });
}

export function tlsCertificate(hostNames: string[], opts: Validity & { issuer?: Pem } = {}): Pem {
  return issueTlsCertificate(opts.issuer ?? ca(), hostNames, { ...opts, key: key() });
}

export function signingCertificate(subject: string, opts: Validity = {}): Pem {
  return createSigningCertificate(subject, { ...opts, key: key() });
}

export const principal = {
  exchange: '00000002-0000-0ff1-ce00-000000000000',
  sharepoint: '00000003-0000-0ff1-ce00-000000000000',
  lync: '00000004-0000-0ff1-ce00-000000000000',
} as const;

/** Exchange 2013's /autodiscover/metadata/json/1, in its own casing. */
export function exchangeDocument(signing: Pem, opts: { realm?: string; x5t?: string; host?: string } = {}): object {
  const realm = opts.realm ?? 'contoso.com';
  return {
    id: '_b3f2c1a4-7d8e-4f5a-9b6c-1d2e3f4a5b6c',
    version: '1.0',
    name: 'Exchange',
    realm,
    serviceName: principal.exchange,
    issuer: `${principal.exchange}@${realm}`,
    allowedAudiences: [`${principal.exchange}@${realm}`],
    keys: [
      {
        usage: 'signing',
        keyinfo: { x5t: opts.x5t ?? x5tThumbprint(signing.cert) },
        keyvalue: { type: 'x509Certificate', value: certificateDerBase64(signing.cert) },
      },
    ],
    endpoints: [{ location: `https://${opts.host ?? 'mail.contoso.com'}/autodiscover/metadata/json/1`, protocol: 'OAuth2', usage: 'issuance' }],
  };
}

/** SharePoint 2013's /_layouts/15/metadata/json/1: its own casing, no x5t, no realm, no endpoints. */
export function sharepointDocument(signing: Pem, opts: { realm?: string } = {}): object {
  const realm = opts.realm ?? 'contoso.com';
  return {
    Id: '_0c5e8a7b-2f41-4d6e-8b9a-3c7d1e2f4a6b',
    Version: '1.0',
    Name: `${principal.sharepoint}@${realm}`,
    ServiceName: principal.sharepoint,
    Issuer: `${principal.sharepoint}@${realm}`,
    Keys: [{ Usage: 'Signing', KeyValue: { Type: 'x509certificate', Value: certificateDerBase64(signing.cert) } }],
  };
}

/** Lync 2013's /metadata/json/1. */
export function lyncDocument(signing: Pem, opts: { realm?: string } = {}): object {
  const realm = opts.realm ?? 'contoso.com';
  return {
    id: '_9e8d7c6b-5a4f-4e3d-2c1b-0a9f8e7d6c5b',
    version: '1.0',
    name: 'Lync',
    realm,
    serviceName: principal.lync,
    issuer: `${principal.lync}@${realm}`,
    allowedAudiences: [`${principal.lync}@${realm}`],
    keys: [
      {
        usage: 'signing',
        keyinfo: { x5t: x5tThumbprint(signing.cert) },
        keyvalue: { type: 'x509Certificate', value: certificateDerBase64(signing.cert) },
      },
    ],
    endpoints: [{ location: 'https://pool.contoso.com/metadata/json/1', protocol: 'OAuth2', usage: 'issuance' }],
  };
}

export interface TestServer {
  port: number;
  /** Every request the server received, for assertions on what the probe sent. */
  requests: http.IncomingMessage[];
  close(): Promise<void>;
}

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

/** An HTTPS server on 127.0.0.1 with the given TLS certificate. */
export async function startHttpsServer(tls: Pem, handler: Handler): Promise<TestServer> {
  const requests: http.IncomingMessage[] = [];
  const server = https.createServer({ cert: tls.cert, key: tls.key }, (req, res) => {
    requests.push(req);
    handler(req, res);
  });
  // A probe that gives up mid-handshake leaves a reset behind; that is not the test's business.
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function json(body: object): Handler {
  return (_req, res) => {
    const text = JSON.stringify(body);
    res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
    res.end(text);
  };
}

/** A TCP server that accepts connections and never says a word, not even TLS. */
export async function startSilentServer(): Promise<TestServer> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((s) => {
    sockets.add(s);
    s.on('error', () => undefined);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    requests: [],
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A loopback port with nothing listening on it. */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** An HTTP proxy that only tunnels (CONNECT), and records what it was asked. */
export async function startConnectProxy(): Promise<TestServer & { connects: string[]; authorizations: Array<string | undefined> }> {
  const connects: string[] = [];
  const authorizations: Array<string | undefined> = [];
  const sockets = new Set<net.Socket>();
  const server = http.createServer((_req, res) => {
    res.writeHead(405);
    res.end();
  });
  server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    connects.push(req.url ?? '');
    authorizations.push(req.headers['proxy-authorization']);
    sockets.add(client);
    client.on('error', () => undefined);
    const [host, port] = splitHostPort(req.url ?? '');
    const upstream = net.connect({ host, port }, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('error', () => {
      client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    requests: [],
    connects,
    authorizations,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function splitHostPort(authority: string): [string, number] {
  const m = /^\[?([^\]]+?)\]?:([0-9]+)$/.exec(authority);
  return m ? [m[1]!, Number(m[2])] : [authority, 443];
}
