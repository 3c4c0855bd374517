// One loopback listener per host:port of the topology. It presents the
// host's TLS certificate (or the wrong one, when a TLS fault is on), routes
// each request to its endpoint and writes one log line per request.
import * as http from 'node:http';
import * as https from 'node:https';
import * as tls from 'node:tls';
import type { AddressInfo, Socket } from 'node:net';
import { issueTlsCertificate, type Pem } from './certificates';
import { type Endpoint, type EndpointRole, type HostPlan, PREFIX_ROLES } from './farm-endpoints';
import { IIS_404, IIS_500 } from './iis-pages';
import type { Served, SimulatedFarm } from './simulated-farm';

export type Route = (farm: SimulatedFarm, x: Served) => void | Promise<void>;

export class FarmListener {
  private server: http.Server | https.Server | undefined;
  private readonly sockets = new Set<Socket>();
  private normal: tls.SecureContext | undefined;
  private untrusted: tls.SecureContext | undefined;
  private wrongHost: tls.SecureContext | undefined;
  address: { host: string; port: number } | undefined;

  constructor(
    readonly plan: HostPlan,
    private readonly farm: SimulatedFarm,
    private readonly routes: Record<EndpointRole, Route>,
  ) {}

  async start(port = 0): Promise<void> {
    const handler = (req: http.IncomingMessage, res: http.ServerResponse) => this.handle(req, res);
    if (this.plan.scheme === 'https') {
      const leaf = issueTlsCertificate(this.farm.ca, [this.plan.hostName], { key: await this.farm.key(`tls-${this.plan.hostName}`) });
      this.normal = tls.createSecureContext(leaf);
      await this.prepareTlsFaults();
      this.server = https.createServer(
        {
          ...leaf,
          // Chosen per handshake, so that a fault set at run time takes effect on the next connection.
          SNICallback: (_servername, cb) => cb(null, this.contextNow()),
        },
        handler,
      );
    } else {
      this.server = http.createServer(handler);
    }
    this.server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    // A TLS client that gives up mid-handshake (an untrusted certificate) is not a server error.
    this.server.on('tlsClientError', () => undefined);
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(port, '127.0.0.1', () => {
        this.server!.removeListener('error', reject);
        resolve();
      });
    });
    const a = this.server.address() as AddressInfo;
    this.address = { host: a.address, port: a.port };
  }

  /** Creates the certificates the faults now in force need (called after faults change). */
  async prepareTlsFaults(): Promise<void> {
    if (this.plan.scheme !== 'https') return;
    const servers = this.plan.endpoints.map((e) => e.server.name);
    const want = (name: 'untrusted-tls' | 'wrong-host') => servers.some((s) => this.farm.fault(s, name));
    if (want('untrusted-tls') && !this.untrusted) {
      const ca = await this.farm.untrustedCa();
      this.untrusted = tls.createSecureContext(issueTlsCertificate(ca, [this.plan.hostName], { key: await this.farm.key(`tls-untrusted-${this.plan.hostName}`) }));
    }
    if (want('wrong-host') && !this.wrongHost) {
      // The certificate IIS was installed with: the machine's internal name, not the published one.
      const internal = `${this.plan.endpoints[0].server.name}.${this.farm.accounts.dnsDomain.split('.')[0]}.local`;
      const pem: Pem = issueTlsCertificate(this.farm.ca, [internal], { key: await this.farm.key(`tls-${internal}`) });
      this.wrongHost = tls.createSecureContext(pem);
    }
  }

  private contextNow(): tls.SecureContext {
    const servers = this.plan.endpoints.map((e) => e.server.name);
    if (this.untrusted && servers.some((s) => this.farm.fault(s, 'untrusted-tls'))) return this.untrusted;
    if (this.wrongHost && servers.some((s) => this.farm.fault(s, 'wrong-host'))) return this.wrongHost;
    return this.normal!;
  }

  async close(): Promise<void> {
    if (!this.server) return;
    const server = this.server;
    this.server = undefined;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // Held-open connections (silent faults, keep-alive clients) would keep close() waiting.
    for (const s of this.sockets) s.destroy();
    await closed;
  }

  private match(path: string): Endpoint | undefined {
    const p = path.split('?')[0].toLowerCase();
    return this.plan.endpoints.find((e) => {
      const ep = e.url.pathname.toLowerCase().replace(/\/+$/, '');
      return PREFIX_ROLES.includes(e.role) ? p === ep || p.startsWith(ep + '/') : p === ep || p === ep + '/';
    });
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const started = process.hrtime.bigint();
    const endpoint = this.match(req.url ?? '/');
    const x: Served | undefined = endpoint && {
      req,
      res,
      endpoint,
      faults: this.farm.faultsOf(endpoint.server.name),
      note: {},
    };
    let logged = false;
    const logLine = (outcome: string) => {
      if (logged) return;
      logged = true;
      const ms = Number((process.hrtime.bigint() - started) / 1_000_000n);
      const who = endpoint ? `${endpoint.server.name} ${endpoint.role}` : this.plan.hostName;
      const n = x?.note;
      const parts = [
        n?.operation,
        n?.user && `as ${n.user}`,
        n?.detail,
        n?.fault && `[fault ${n.fault}]`,
      ].filter(Boolean);
      this.farm.log(
        `${new Date().toISOString().slice(11, 23)} ${who.padEnd(14)} ${req.method} ${this.plan.key}${req.url} → ${outcome} (${ms} ms)${parts.length ? ' ' + parts.join(' ') : ''}`,
      );
    };
    res.on('finish', () => logLine(String(res.statusCode)));
    res.on('close', () => logLine(res.writableFinished ? String(res.statusCode) : 'no answer, connection closed'));

    if (!endpoint || !x) {
      res.writeHead(404, { 'Content-Type': 'text/html', 'Content-Length': Buffer.byteLength(IIS_404) });
      res.end(IIS_404);
      return;
    }
    const fail = (err: unknown) => {
      x.note.detail = `internal error: ${err instanceof Error ? err.message : String(err)}`;
      if (!res.headersSent) {
        res.writeHead(500, { 'Content-Type': 'text/html', 'Content-Length': Buffer.byteLength(IIS_500) });
        res.end(IIS_500);
      } else {
        res.destroy();
      }
    };
    try {
      const done = this.routes[endpoint.role](this.farm, x);
      if (done) done.catch(fail);
    } catch (err) {
      fail(err);
    }
  }
}
