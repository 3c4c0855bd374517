// The running farm's shared state: topology, accounts, certificates, the
// faults in force, mailbox data, and the timers a clean shutdown must stop.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Topology, TopologyServer } from '../core/topology';
import type { AccountDirectory } from './accounts';
import {
  createCertificateAuthority,
  createSigningCertificate,
  type Pem,
} from './certificates';
import { type Endpoint, GRAPH_SERVER, GRAPH_SERVICE } from './farm-endpoints';
import type { MailboxStore } from './mailbox-store';
import { type Fault, type FaultName, faultMismatch, parseFault } from './faults';
import { PresenceSchedule } from './presence-schedule';

const DAY = 24 * 60 * 60 * 1000;

/** One request being served, and what the log line should say about it. */
export interface Served {
  req: IncomingMessage;
  res: ServerResponse;
  endpoint: Endpoint;
  faults: Fault[];
  note: { operation?: string; user?: string; fault?: string; detail?: string };
}

export class SimulatedFarm {
  private readonly faults = new Map<string, Fault[]>();
  private readonly signing = new Map<string, Pem>();
  private readonly faultSigning = new Map<string, Pem>();
  private untrustedCaPem: Pem | undefined;
  private readonly timers = new Set<NodeJS.Timeout>();
  closing = false;
  /** Who is available when, for UCWA and Graph alike; startSimulator may give it another period. */
  presence: PresenceSchedule;

  constructor(
    readonly topology: Topology,
    readonly realm: string,
    readonly seed: number,
    readonly ca: Pem,
    readonly accounts: AccountDirectory,
    readonly mailboxes: MailboxStore,
    readonly clock: () => number,
    readonly log: (line: string) => void,
    /** A kept RSA key by name. */
    readonly key: (name: string) => Promise<string>,
  ) {
    this.presence = new PresenceSchedule(seed);
  }

  server(name: string): TopologyServer | undefined {
    return this.topology.servers.find((s) => s.name === name);
  }

  faultsOf(server: string): Fault[] {
    return this.faults.get(server) ?? [];
  }

  fault(server: string, name: FaultName): Fault | undefined {
    return this.faultsOf(server).find((f) => f.name === name);
  }

  /** Checks every name and prepares the certificates the faults need before they take effect. */
  async setFaults(server: string, names: string[]): Promise<void> {
    const s = server === GRAPH_SERVICE ? GRAPH_SERVER : this.server(server);
    if (!s) {
      throw new Error(`no server '${server}' in the topology (servers: ${[...this.topology.servers.map((x) => x.name), GRAPH_SERVICE].join(', ')})`);
    }
    const parsed = names.map(parseFault);
    for (const f of parsed) {
      const mismatch = faultMismatch(f, server, s === GRAPH_SERVER ? 'graph' : s.kind);
      if (mismatch) throw new Error(mismatch);
    }
    await Promise.all(parsed.map((f) => this.prepareFaultCertificate(server, f)));
    this.faults.set(server, parsed);
  }

  /** The signing certificate a server publishes now: its own, or the one its fault calls for. */
  signingCertificate(server: string): Pem {
    for (const f of this.faultsOf(server)) {
      const pem = this.faultSigning.get(`${server}\0${f.name}:${f.value}`);
      if (pem) return pem;
    }
    const own = this.signing.get(server);
    if (!own) throw new Error(`no signing certificate for ${server}`);
    return own;
  }

  async createSigningCertificates(): Promise<void> {
    const servers = this.topology.servers.filter((s) => s.kind === 'exchange' || s.kind === 'sharepoint' || s.kind === 'lync');
    const keys = await Promise.all(servers.map((s) => this.key(`signing-${s.name}`)));
    servers.forEach((s, i) => this.signing.set(s.name, createSigningCertificate(signingSubject(s), { key: keys[i] })));
  }

  /** A CA that no client trusts, for the untrusted-tls fault. */
  async untrustedCa(): Promise<Pem> {
    if (!this.untrustedCaPem) {
      const key = await this.key('untrusted-ca');
      this.untrustedCaPem ??= createCertificateAuthority({ commonName: 'Untrusted Root', key });
    }
    return this.untrustedCaPem;
  }

  private async prepareFaultCertificate(server: string, fault: Fault): Promise<void> {
    const id = `${server}\0${fault.name}:${fault.value}`;
    if (this.faultSigning.has(id)) return;
    const now = this.clock();
    let validity: { notBefore: Date; notAfter: Date } | undefined;
    if (fault.name === 'expired-cert') validity = { notBefore: new Date(now - 400 * DAY), notAfter: new Date(now - 10 * DAY) };
    if (fault.name === 'not-yet-valid-cert') validity = { notBefore: new Date(now + 30 * DAY), notAfter: new Date(now + 760 * DAY) };
    if (fault.name === 'expiring-cert') {
      validity = { notBefore: new Date(now - 700 * DAY), notAfter: new Date(now + fault.value * DAY) };
    }
    if (!validity) return;
    const s = this.server(server)!;
    const key = await this.key(`signing-${server}-${fault.name}`);
    this.faultSigning.set(id, createSigningCertificate(signingSubject(s), { ...validity, key }));
  }

  /** A timer that a shutdown cancels. */
  later(ms: number, fn: () => void): void {
    const t = setTimeout(() => {
      this.timers.delete(t);
      fn();
    }, ms);
    this.timers.add(t);
  }

  stopTimers(): void {
    this.closing = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }
}

function signingSubject(server: TopologyServer): string {
  // The subjects the products' own setup gives their OAuth certificates.
  if (server.kind === 'exchange') return 'Microsoft Exchange Server Auth Certificate';
  if (server.kind === 'sharepoint') return 'SharePoint Security Token Service';
  return `${server.host ?? server.name} OAuthTokenIssuer`;
}
