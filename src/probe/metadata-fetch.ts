// Fetches a metadata endpoint: HTTPS only, at most a few redirects and
// never to plain http, each hop under the time limit and the body under the
// size cap.

import { openTlsConnection, urlHost, urlPort, type ConnectionSettings } from './tls-connection';
import { connectAddress } from './connect-to';
import { httpsGet, type GetAnswer } from './https-get';
import { ProbeError } from './probe-error';
import type { CertificateDetails } from './signing-certificate';
import { describeCertificate } from './signing-certificate';

export interface FetchSettings extends ConnectionSettings {
  maxBytes: number;
  maxRedirects: number;
  userAgent: string;
}

export interface FetchedDocument {
  finalUrl: URL;
  /** Each URL a redirect led to, in order. */
  redirects: string[];
  contentType?: string;
  body: Buffer;
  /** Where the last connection went and what TLS said. */
  connection: FetchedConnection;
  /** FARM510 for each other host a redirect led to. */
  warnings: ProbeError[];
}

export interface FetchedConnection {
  address: string;
  proxy?: string;
  tlsProtocol?: string;
  serverCertificate?: CertificateDetails;
}

/** Thrown for an answer other than 200; carries how far the probe got. */
export class FetchFailed extends Error {
  constructor(
    readonly error: ProbeError,
    readonly progress: {
      redirects: string[];
      /** host:port the last connection went (or tried to go) to. */
      address: string;
      connection?: FetchedConnection;
      status?: number;
      warnings: ProbeError[];
    },
  ) {
    super(error.message);
  }
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export async function fetchMetadata(start: URL, settings: FetchSettings): Promise<FetchedDocument> {
  const redirects: string[] = [];
  const warnings: ProbeError[] = [];
  const visited = new Set([start.href]);
  const originHost = urlHost(start).toLowerCase();
  const otherHosts = new Set<string>();
  let url = start;
  let connection: FetchedConnection | undefined;
  let status: number | undefined;
  const fail = (error: ProbeError) => {
    const to = connectAddress(urlHost(url), urlPort(url), settings.connectTo);
    const address = to.host.includes(':') ? `[${to.host}]:${to.port}` : `${to.host}:${to.port}`;
    return new FetchFailed(error, { redirects, address, connection, status, warnings });
  };
  for (;;) {
    let answer: GetAnswer;
    try {
      const open = await openTlsConnection(url, settings);
      const peer = open.socket.getPeerX509Certificate();
      connection = {
        address: open.address,
        proxy: open.proxy,
        tlsProtocol: open.socket.getProtocol() ?? undefined,
        serverCertificate: peer ? describeCertificate(peer) : undefined,
      };
      answer = await httpsGet(url, open, settings);
    } catch (err) {
      if (err instanceof ProbeError) throw fail(err);
      throw err;
    }
    status = answer.status;
    if (answer.status === 200 && answer.body) {
      return { finalUrl: url, redirects, contentType: answer.contentType, body: answer.body, connection, warnings };
    }
    const statusLine = `${answer.status}${answer.statusText ? ` ${answer.statusText}` : ''}`;
    if (!REDIRECTS.has(answer.status) || !answer.location) throw fail(statusError(url, statusLine, answer.status));
    let next: URL;
    try {
      next = new URL(answer.location, url);
    } catch {
      throw fail(new ProbeError('FARM503', `${url.href} answered ${statusLine} to an unreadable location '${answer.location}'`, 'Fix the redirect on the server, or write the final metadata URL into the `metadata` property.'));
    }
    if (next.protocol !== 'https:') {
      throw fail(
        new ProbeError(
          'FARM503',
          `${url.href} redirects to ${next.protocol === 'http:' ? 'plain http' : next.protocol} (${next.href}); the probe never follows a redirect away from https`,
          'S2S metadata must come over https: remove the redirect, or fix the HTTPS binding so that the https URL answers itself.',
        ),
      );
    }
    if (visited.has(next.href)) {
      throw fail(new ProbeError('FARM503', `redirect loop: ${[...redirects, next.href].join(' → ')} leads back to a URL already visited`, 'Fix the redirect rules of the site (IIS HTTP Redirect or URL Rewrite) so that the metadata URL answers itself.'));
    }
    if (redirects.length >= settings.maxRedirects) {
      throw fail(new ProbeError('FARM503', `more than ${settings.maxRedirects} redirects, starting at ${start.href}`, 'Write the final metadata URL into the `metadata` property, or remove the redirects on the server.'));
    }
    redirects.push(next.href);
    visited.add(next.href);
    const nextHost = urlHost(next).toLowerCase();
    if (nextHost !== originHost && !otherHosts.has(nextHost)) {
      otherHosts.add(nextHost);
      warnings.push(
        new ProbeError(
          'FARM510',
          `the metadata endpoint redirects from ${originHost} to ${nextHost} (${next.href})`,
          'SharePoint and Exchange do not follow redirects when they read metadata: write the final URL into the `metadata` property.',
        ),
      );
    }
    url = next;
  }
}

function statusError(url: URL, statusLine: string, status: number): ProbeError {
  const what = `${url.href} answered ${statusLine}`;
  if (status === 404) return new ProbeError('FARM503', what, 'Check the metadata URL (the path is /autodiscover/metadata/json/1 on Exchange, /metadata/json/1 on Lync, /_layouts/15/metadata/json/1 on SharePoint) and that the server has S2S OAuth configured.');
  if (status === 401 || status === 403) return new ProbeError('FARM503', what, 'The metadata endpoint must allow anonymous access: check the authentication settings of that virtual directory in IIS.');
  if (status >= 300 && status < 400) return new ProbeError('FARM503', what + ' without a Location', 'Fix the redirect on the server, or write the final metadata URL into the `metadata` property.');
  if (status >= 500) return new ProbeError('FARM503', what, "The server failed: look at its event log and IIS logs (on SharePoint, the Security Token Service's application pool).");
  return new ProbeError('FARM503', what, 'Check the metadata URL and the IIS site that serves it.');
}
