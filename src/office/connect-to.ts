// curl's --connect-to for Node's HTTP stacks: a connection meant for
// HOST:PORT is opened to ADDRESS:PORT instead, while the TLS name check,
// SNI and the Host header keep HOST. This is how the panels and the tests
// reach the simulator (or a farm behind a tunnel) under the real names.
import * as http from 'node:http';
import * as https from 'node:https';
import * as net from 'node:net';
import * as tls from 'node:tls';
import type { Duplex } from 'node:stream';
import { Agent as UndiciAgent, buildConnector } from 'undici';

/** "host:port" → "address:port". */
export type ConnectToMap = Record<string, string>;

export interface Target {
  host: string;
  port: number;
}

/** Where a connection for host:port goes: the map's entry, or host:port itself. */
export function connectTarget(map: ConnectToMap | undefined, host: string, port: number): Target {
  const to = map?.[`${host.toLowerCase()}:${port}`];
  if (!to) return { host, port };
  const colon = to.lastIndexOf(':');
  const address = to.slice(0, colon).replace(/^\[(.*)\]$/, '$1');
  return { host: address, port: Number(to.slice(colon + 1)) };
}

export interface ConnectToAgentOptions {
  /** Extra CA certificates (PEM), trusted in addition to Node's own roots. */
  ca?: string[];
  connectTo?: ConnectToMap;
  keepAlive?: boolean;
  maxSockets?: number;
}

/** Node's CAs plus the extra ones: giving `ca` alone would replace the system roots. */
export function trustedCas(extra: string[] = []): string[] {
  return [...tls.rootCertificates, ...extra];
}

/** The root certificates and the extra CAs as one secure context, made when first asked for. */
function lazySecureContext(extra?: string[]): () => tls.SecureContext {
  let context: tls.SecureContext | undefined;
  return () => (context ??= tls.createSecureContext({ ca: trustedCas(extra) }));
}

/** An https.Agent that honours a connect-to map and trusts the extra CAs. */
export function createHttpsAgent(options: ConnectToAgentOptions = {}): https.Agent {
  const map = options.connectTo;
  const context = lazySecureContext(options.ca);
  const agent = new https.Agent({
    keepAlive: options.keepAlive ?? false,
    maxSockets: options.maxSockets ?? Infinity,
  });
  const original = agent.createConnection.bind(agent) as (o: tls.ConnectionOptions, cb?: () => void) => Duplex;
  agent.createConnection = ((o: tls.ConnectionOptions & { host?: string; port?: number }, cb?: () => void) => {
    const host = o.host ?? 'localhost';
    const port = Number(o.port ?? 443);
    const target = connectTarget(map, host, port);
    // One secure context for the agent's connections, made at the first: a `ca` list would be parsed again
    // on each new connection (some 20 ms of CPU for the ~140 root certificates), and made eagerly it would
    // cost every session that never connects.
    return original({ ...o, secureContext: context(), host: target.host, port: target.port, servername: o.servername || host }, cb);
  }) as typeof agent.createConnection;
  return agent;
}

/**
 * Sends each request on the agent it names through http.ClientRequest,
 * never through https.request: in VS Code's extension host the proxy
 * support (http.proxySupport "override", the default) patches
 * https.request and replaces an explicit agent with its own, which would
 * drop the extra CA and the connect-to map. axios takes it as `transport`.
 */
export const agentTransport = {
  request(options: http.RequestOptions, callback?: (res: http.IncomingMessage) => void): http.ClientRequest {
    return new http.ClientRequest(options, callback);
  },
};

/** An http.Agent for plain-http URLs with the same connect-to map. */
export function createHttpAgent(options: ConnectToAgentOptions = {}): http.Agent {
  const map = options.connectTo;
  const agent = new http.Agent({ keepAlive: options.keepAlive ?? false });
  agent.createConnection = ((o: net.NetConnectOpts & { host?: string; port?: number }, cb?: () => void) => {
    const target = connectTarget(map, o.host ?? 'localhost', Number(o.port ?? 80));
    return net.createConnection({ ...o, host: target.host, port: target.port } as net.NetConnectOpts, cb);
  }) as unknown as typeof agent.createConnection;
  return agent;
}

/** An undici dispatcher (for fetch and the Graph client) with the same map and CAs. */
export function createUndiciDispatcher(options: ConnectToAgentOptions = {}): UndiciAgent {
  const map = options.connectTo;
  // One secure context for every connection, made at the first (see createHttpsAgent).
  const context = lazySecureContext(options.ca);
  let built: buildConnector.connector | undefined;
  const connector: buildConnector.connector = (o, cb) => (built ??= buildConnector({ secureContext: context() } as buildConnector.BuildOptions))(o, cb);
  return new UndiciAgent({
    connect: (opts, callback) => {
      const port = Number(opts.port || (opts.protocol === 'https:' ? 443 : 80));
      const target = connectTarget(map, opts.hostname, port);
      connector(
        { ...opts, hostname: target.host, port: String(target.port), servername: opts.servername || opts.hostname },
        callback,
      );
    },
  });
}
