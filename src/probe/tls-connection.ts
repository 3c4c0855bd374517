// Opens the verified TLS connection a probe speaks HTTP over: directly, or
// through an HTTP CONNECT tunnel, to the address --connect-to names, while
// SNI and the certificate name check use the URL's host.

import * as net from 'node:net';
import * as tls from 'node:tls';
import { once } from 'node:events';
import { connectAddress, type ConnectToRule } from './connect-to';
import { proxyFor, type ProxySettings } from './proxy-settings';
import { Deadline } from './deadline';
import { ProbeCancelled, ProbeError } from './probe-error';
import { explainNetworkError } from './network-errors';

export interface ConnectionSettings extends ProxySettings {
  /** The `ca` option for tls.connect (see trustedCas); undefined: Node's default store. */
  ca?: string[];
  connectTo: readonly ConnectToRule[];
  timeoutMs: number;
  signal?: AbortSignal;
}

export interface OpenConnection {
  socket: tls.TLSSocket;
  /** Where the TCP connection went (after --connect-to), as host:port. */
  address: string;
  /** The proxy's origin, when one carried the tunnel. */
  proxy?: string;
}

const CONNECT_HEAD_LIMIT = 16 * 1024;

export function urlHost(url: URL): string {
  return url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
}

export function urlPort(url: URL): number {
  return url.port ? Number(url.port) : 443;
}

function joinHostPort(host: string, port: number): string {
  return net.isIPv6(host) ? `[${host}]:${port}` : `${host}:${port}`;
}

export async function openTlsConnection(url: URL, settings: ConnectionSettings): Promise<OpenConnection> {
  const host = urlHost(url);
  const port = urlPort(url);
  const target = connectAddress(host, port, settings.connectTo);
  const address = joinHostPort(target.host, target.port);
  const proxy = proxyFor(host, port, settings);
  const endpoint = joinHostPort(host, port) + (address !== joinHostPort(host, port) ? ` (at ${address})` : '');
  const deadline = new Deadline(settings.timeoutMs, settings.signal);
  const opened: net.Socket[] = [];
  try {
    const carrier = proxy ? await tunnel(proxy, address, deadline, opened, settings.ca) : undefined;
    const socket = tls.connect({
      socket: carrier,
      host: carrier ? undefined : target.host,
      port: carrier ? undefined : target.port,
      // SNI must be a name: Node rejects IP addresses there.
      servername: net.isIP(host) ? undefined : host,
      ca: settings.ca,
      // The name check always uses the URL's host, also when --connect-to sends
      // the connection elsewhere; tls.checkServerIdentity is Node's own check.
      checkServerIdentity: (_name, cert) => tls.checkServerIdentity(host, cert),
      ALPNProtocols: ['http/1.1'],
    });
    opened.push(socket);
    await once(socket, 'secureConnect', { signal: deadline.signal });
    return { socket, address, proxy: proxy?.origin };
  } catch (err) {
    for (const s of opened) s.destroy();
    if (deadline.cancelled) throw new ProbeCancelled();
    if (deadline.timedOut) {
      throw new ProbeError('FARM501', `${endpoint} did not complete a connection within ${settings.timeoutMs} ms`, 'Check that the server is up and that no firewall silently drops the connection; a slow server may need a longer --timeout.');
    }
    if (err instanceof ProbeError) throw err;
    throw explainNetworkError(err, endpoint, host);
  } finally {
    deadline.dispose();
  }
}

async function tunnel(proxy: URL, address: string, deadline: Deadline, opened: net.Socket[], ca: string[] | undefined): Promise<net.Socket> {
  const proxyHost = urlHost(proxy);
  const proxyPort = proxy.port ? Number(proxy.port) : proxy.protocol === 'https:' ? 443 : 80;
  const proxyEndpoint = `proxy ${joinHostPort(proxyHost, proxyPort)}`;
  try {
    return await openTunnel(proxy, proxyHost, proxyPort, proxyEndpoint, address, deadline, opened, ca);
  } catch (err) {
    if (deadline.cancelled || deadline.timedOut || err instanceof ProbeError) throw err;
    const e = explainNetworkError(err, proxyEndpoint, proxyHost);
    throw new ProbeError(e.code, e.what, 'Check the proxy setting (http.proxy, HTTPS_PROXY) and that the proxy is running; NO_PROXY lists hosts to reach directly.');
  }
}

async function openTunnel(
  proxy: URL,
  proxyHost: string,
  proxyPort: number,
  proxyEndpoint: string,
  address: string,
  deadline: Deadline,
  opened: net.Socket[],
  ca: string[] | undefined,
): Promise<net.Socket> {
  let socket: net.Socket;
  if (proxy.protocol === 'https:') {
    socket = tls.connect({ host: proxyHost, port: proxyPort, servername: net.isIP(proxyHost) ? undefined : proxyHost, ca });
    opened.push(socket);
    await once(socket, 'secureConnect', { signal: deadline.signal });
  } else {
    socket = net.connect({ host: proxyHost, port: proxyPort });
    opened.push(socket);
    await once(socket, 'connect', { signal: deadline.signal });
  }
  const head = [`CONNECT ${address} HTTP/1.1`, `Host: ${address}`];
  // Credentials written into the proxy URL are for the proxy alone; the
  // metadata server never receives any.
  if (proxy.username) {
    const basic = Buffer.from(`${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`).toString('base64');
    head.push(`Proxy-Authorization: Basic ${basic}`);
  }
  socket.write(head.join('\r\n') + '\r\n\r\n');
  const response = await readConnectResponse(socket, deadline);
  const status = /^HTTP\/1\.[01] ([0-9]{3})([^\r\n]*)/.exec(response.head);
  if (!status) {
    throw new ProbeError('FARM501', `${proxyEndpoint} did not answer CONNECT with HTTP`, 'Check that the proxy setting names an HTTP proxy.');
  }
  if (status[1] !== '200') {
    const line = `${status[1]}${status[2]}`.trim();
    const fix =
      status[1] === '407'
        ? 'The proxy wants credentials: write them into the proxy URL (http://user:password@proxy:port).'
        : "The proxy could not or would not reach the server; check the proxy's rules, or list the host in NO_PROXY to connect directly.";
    throw new ProbeError('FARM501', `${proxyEndpoint} refused to tunnel to ${address} (${line})`, fix);
  }
  if (response.rest.length > 0) socket.unshift(response.rest);
  return socket;
}

async function readConnectResponse(socket: net.Socket, deadline: Deadline): Promise<{ head: string; rest: Buffer }> {
  let buffered = Buffer.alloc(0);
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      socket.off('data', onData);
      socket.off('error', onError);
      socket.off('close', onClose);
      deadline.signal.removeEventListener('abort', onAbort);
    };
    const onData = (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      const end = buffered.indexOf('\r\n\r\n');
      if (end >= 0) {
        cleanup();
        socket.pause();
        resolve({ head: buffered.subarray(0, end).toString('latin1'), rest: buffered.subarray(end + 4) });
      } else if (buffered.length > CONNECT_HEAD_LIMIT) {
        cleanup();
        reject(new ProbeError('FARM501', 'the proxy sent an oversized answer to CONNECT', 'Check that the proxy setting names an HTTP proxy.'));
      }
    };
    const onError = (err: Error) => {
      cleanup();
      reject(err);
    };
    const onClose = () => {
      cleanup();
      reject(Object.assign(new Error('proxy closed the connection'), { code: 'ECONNRESET' }));
    };
    const onAbort = () => {
      cleanup();
      reject(deadline.signal.reason);
    };
    socket.on('data', onData);
    socket.on('error', onError);
    socket.on('close', onClose);
    deadline.signal.addEventListener('abort', onAbort, { once: true });
  });
}
