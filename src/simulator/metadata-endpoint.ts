// GET {metadata URL}: the server's S2S metadata document, or the failure
// its faults call for.
import { createHash } from 'node:crypto';
import { IIS_404, IIS_500, signInPage } from './iis-pages';
import { isS2SServer } from './farm-endpoints';
import { metadataDocument, otherPrincipal } from './metadata-document';
import type { Served, SimulatedFarm } from './simulated-farm';

export function serveMetadata(farm: SimulatedFarm, x: Served): void {
  const { req, res, endpoint } = x;
  const server = endpoint.server;
  if (!isS2SServer(server)) throw new Error(`${server.name} publishes no metadata`);
  const kind = server.kind;
  const has = (name: Parameters<SimulatedFarm['fault']>[1]) => {
    const f = farm.fault(server.name, name);
    if (f) x.note.fault = f.value && f.name !== 'expiring-cert' ? `${f.name}:${f.value}` : f.name;
    return f;
  };
  const host = req.headers.host ?? endpoint.url.host;
  const url = new URL(req.url ?? '/', `https://${host}`);

  if (req.method !== 'GET' && req.method !== 'HEAD') {
    send(res, 405, 'text/html', IIS_404, { Allow: 'GET, HEAD' });
    return;
  }
  if (has('silent')) return; // the socket stays open until the client or a shutdown closes it
  const slow = has('slow');
  if (slow) {
    farm.later(slow.value, () => {
      if (!res.destroyed) answer();
    });
    return;
  }
  answer();

  function answer(): void {
    if (has('not-found')) return send(res, 404, 'text/html', IIS_404);
    if (has('server-error')) return send(res, 500, 'text/html', IIS_500);
    if (has('html')) return send(res, 200, 'text/html; charset=utf-8', signInPage(host));
    if (has('redirect-to-http')) {
      return send(res, 302, 'text/html', '', { Location: `http://${host}${url.pathname}${url.search}` });
    }
    if (has('redirect-loop')) {
      // A → A?loop=1 → A → ...: never the document.
      const next = url.searchParams.has('loop') ? url.pathname : `${url.pathname}?loop=1`;
      return send(res, 302, 'text/html', '', { Location: next });
    }
    const signing = farm.signingCertificate(server.name);
    const x5tFault = has('x5t-mismatch');
    const doc = metadataDocument({
      kind,
      realm: has('wrong-realm') ? wrongRealm(farm.realm) : farm.realm,
      signingCert: signing.cert,
      metadataUrl: endpoint.url.href,
      servicePrincipal: has('wrong-principal') ? otherPrincipal(kind) : undefined,
      // The thumbprint of the certificate the server had before a renewal.
      x5t: x5tFault ? createHash('sha1').update(`renewed:${server.name}`).digest('base64url') : undefined,
      forceX5t: !!x5tFault,
    });
    // Each product sends its certificate state through the same document;
    // the signing-certificate faults only change which certificate that is.
    for (const n of ['expired-cert', 'not-yet-valid-cert', 'expiring-cert'] as const) has(n);
    const oversized = has('oversized');
    if (oversized) return streamOversized(res, doc, oversized.value);
    send(res, 200, 'application/json; charset=utf-8', JSON.stringify(doc));
  }

  function send(
    r: typeof res,
    status: number,
    type: string,
    body: string,
    headers: Record<string, string> = {},
  ): void {
    r.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body), ...headers });
    r.end(req.method === 'HEAD' ? undefined : body);
  }
}

function wrongRealm(realm: string): string {
  return realm.toLowerCase() === 'fabrikam.com' ? 'contoso.com' : 'fabrikam.com';
}

/**
 * A JSON document whose padding runs to `bytes`, sent chunked with no
 * Content-Length, so only a reader that counts while it reads stops early.
 */
function streamOversized(res: Served['res'], doc: Record<string, unknown>, bytes: number): void {
  res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
  const head = JSON.stringify(doc).slice(0, -1) + ',"padding":"';
  const chunk = 'A'.repeat(64 * 1024);
  let sent = 0;
  const pump = (): void => {
    if (sent === 0) {
      res.write(head);
      sent = head.length;
    }
    while (sent < bytes) {
      if (res.destroyed) return;
      sent += chunk.length;
      if (!res.write(chunk)) {
        res.once('drain', pump);
        return;
      }
    }
    res.end('"}');
  };
  res.on('close', () => res.removeListener('drain', pump));
  pump();
}
