// One anonymous GET over an open TLS connection, with a time limit for the
// whole answer and a cap on the body. The body is read only for a 200; a
// redirect or an error status is reported from its head alone.

import * as http from 'node:http';
import * as zlib from 'node:zlib';
import { pipeline, type Readable, type Transform } from 'node:stream';
import { once } from 'node:events';
import { Deadline } from './deadline';
import { ProbeCancelled, ProbeError } from './probe-error';
import { explainNetworkError } from './network-errors';
import type { OpenConnection } from './tls-connection';
import { urlHost, urlPort } from './tls-connection';

export interface GetSettings {
  timeoutMs: number;
  maxBytes: number;
  userAgent: string;
  signal?: AbortSignal;
}

export interface GetAnswer {
  status: number;
  statusText: string;
  location?: string;
  contentType?: string;
  /** Present for status 200 only. */
  body?: Buffer;
}

export async function httpsGet(url: URL, connection: OpenConnection, settings: GetSettings): Promise<GetAnswer> {
  const deadline = new Deadline(settings.timeoutMs, settings.signal);
  const endpoint = `${url.host}`;
  let request: http.ClientRequest | undefined;
  let response: http.IncomingMessage | undefined;
  const stop = () => {
    request?.destroy();
    response?.destroy();
    connection.socket.destroy();
  };
  deadline.signal.addEventListener('abort', stop, { once: true });
  try {
    request = http.request({
      method: 'GET',
      path: `${url.pathname}${url.search}`,
      // Only these headers: no cookies, no Authorization, nothing that could
      // carry a credential to a server that only has to publish a document.
      headers: {
        Host: url.host,
        'User-Agent': settings.userAgent,
        Accept: 'application/json',
        Connection: 'close',
      },
      createConnection: () => connection.socket,
    });
    request.end();
    [response] = (await once(request, 'response')) as [http.IncomingMessage];
    // From here on a broken connection surfaces as an error of the response
    // stream; the request's own copy of it must not go unhandled.
    request.on('error', () => undefined);
    const answer: GetAnswer = {
      status: response.statusCode ?? 0,
      statusText: response.statusMessage ?? '',
      location: header(response, 'location'),
      contentType: header(response, 'content-type'),
    };
    if (answer.status !== 200) return answer;
    const declared = Number(header(response, 'content-length'));
    if (Number.isFinite(declared) && declared > settings.maxBytes) throw tooLarge(url, settings.maxBytes, `${declared} bytes announced`);
    answer.body = await readCapped(url, decoded(response), settings.maxBytes);
    return answer;
  } catch (err) {
    if (deadline.cancelled) throw new ProbeCancelled();
    if (deadline.timedOut) {
      throw new ProbeError('FARM501', `${endpoint} accepted the connection but did not answer within ${settings.timeoutMs} ms`, 'Check the IIS site and its application pool (a hung or recycling pool answers nothing); a slow server may need a longer --timeout.');
    }
    if (err instanceof ProbeError) throw err;
    throw explainNetworkError(err, endpoint, urlHost(url) + (url.port ? `:${urlPort(url)}` : ''));
  } finally {
    deadline.signal.removeEventListener('abort', stop);
    deadline.dispose();
    connection.socket.destroy();
  }
}

function header(res: http.IncomingMessage, name: string): string | undefined {
  const v = res.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function decoded(res: http.IncomingMessage): Readable {
  // Not asked for, but some front ends compress anyway.
  let decoder: Transform;
  switch ((header(res, 'content-encoding') ?? 'identity').trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      decoder = zlib.createGunzip();
      break;
    case 'deflate':
      decoder = zlib.createInflate();
      break;
    case 'br':
      decoder = zlib.createBrotliDecompress();
      break;
    default:
      return res;
  }
  // pipeline hands a failure of either side to the decoder, where the reader sees it.
  pipeline(res, decoder, () => undefined);
  return decoder;
}

async function readCapped(url: URL, stream: Readable, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      size += (chunk as Buffer).length;
      if (size > maxBytes) throw tooLarge(url, maxBytes, 'more was sent');
      chunks.push(chunk as Buffer);
    }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? '';
    if (code.startsWith('Z_') || code.startsWith('ERR_BROTLI')) {
      throw new ProbeError('FARM504', `the body from ${url.href} is compressed but cannot be decompressed (${code})`, 'Check the compression settings of the site or of the front end in between.');
    }
    throw err;
  } finally {
    stream.destroy();
  }
  return Buffer.concat(chunks);
}

function tooLarge(url: URL, maxBytes: number, why: string): ProbeError {
  return new ProbeError(
    'FARM504',
    `${url.href} sent more than ${maxBytes} bytes (${why}), far more than a metadata document`,
    'Check that the URL is the metadata endpoint and not a page or a file download.',
  );
}
