// startSimulator: a whole Office farm on 127.0.0.1 from a Topology. See
// docs/simulator.md for the connection file and the faults.
import { join, resolve } from 'node:path';
import type { Topology } from '../core/topology';
import { AccountDirectory } from './accounts';
import {
  type ConnectionFile,
  type ConnectionServer,
  removeConnectionFile,
  writeConnectionFile,
} from './connection-file';
import { FarmListener, type Route } from './farm-listener';
import { type EndpointRole, ewsUrlOf, graphUrlOf, isS2SServer, metadataUrlOf, planEndpoints } from './farm-endpoints';
import { serveMetadata } from './metadata-endpoint';
import { serveEws } from './ews-endpoint';
import { serveGraph } from './graph-endpoint';
import { MailboxStore, SITE_MAILBOX_MESSAGES } from './mailbox-store';
import { seededGuid } from './seeded-random';
import { SimulatedFarm } from './simulated-farm';
import { loadOrCreateState } from './state-folder';

export { readConnectionFile, validateConnection, findAccount, ConnectionFileError } from './connection-file';
export type { ConnectionFile, ConnectionAccount, ConnectionServer, ConnectionSiteMailbox } from './connection-file';
export { FAULTS, parseFault, parseFaultAssignment, readScenarioFile } from './faults';
export type { FaultName, Scenario } from './faults';
export { presenceAt, PRESENCE_PERIOD_MS } from './graph-endpoint';

export interface SimulatorOptions {
  /** Where the CA and the password secret are kept; default `.office-farm/simulator` in the working directory. */
  stateDir?: string;
  /** Faults per server name, each NAME or NAME:NUMBER. */
  faults?: Record<string, string[]>;
  /** Seed of the generated mailbox data and presence schedule; default 1. */
  seed?: number;
  /** Receives one readable line per request (and start/stop notes). */
  log?: (line: string) => void;
  /** Write the connection file here once every listener is up, and remove it on close. */
  connectionFile?: string;
  /** The farm's clock (presence schedule, certificate dates); default Date.now. */
  clock?: () => number;
  /** Messages in each site mailbox's Inbox; default SITE_MAILBOX_MESSAGES (5,000). The bench asks for 10,000. */
  siteMailboxMessages?: number;
}

export interface RunningSimulator {
  connection: ConnectionFile;
  /** The connection file's path, when one was written. */
  connectionFile?: string;
  /** Replaces a server's faults (validated first); the connection object is updated. */
  setFaults(server: string, faults: string[]): Promise<void>;
  close(): Promise<void>;
}

const ROUTES: Partial<Record<EndpointRole, Route>> = {
  metadata: serveMetadata,
  ews: serveEws,
  graph: serveGraph,
};

export async function startSimulator(topology: Topology, options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const seed = options.seed ?? 1;
  const log = options.log ?? (() => undefined);
  const clock = options.clock ?? Date.now;
  const stateDir = resolve(options.stateDir ?? join(process.cwd(), '.office-farm', 'simulator'));
  const state = loadOrCreateState(stateDir);
  const realm = topology.realm ?? seededGuid(seed, 'realm');
  const accounts = new AccountDirectory(topology, state.secret, seed, realm, clock());
  const mailboxes = new MailboxStore(topology, accounts, seed, options.siteMailboxMessages ?? SITE_MAILBOX_MESSAGES);
  const farm = new SimulatedFarm(topology, realm, seed, state.ca, accounts, mailboxes, clock, log, state.key);

  const routes = ROUTES as Record<EndpointRole, Route>;
  const plans = planEndpoints(topology, Object.keys(ROUTES) as EndpointRole[]);
  await farm.createSigningCertificates();
  const faultText = new Map<string, string[]>();
  for (const [server, names] of Object.entries(options.faults ?? {})) {
    await farm.setFaults(server, names);
    faultText.set(server, [...names]);
  }

  const listeners = plans.map((plan) => new FarmListener(plan, farm, routes));
  try {
    await Promise.all(listeners.map((l) => l.start()));
  } catch (err) {
    await Promise.all(listeners.map((l) => l.close()));
    throw err;
  }

  const connectTo: Record<string, string> = {};
  for (const l of listeners) connectTo[l.plan.key] = `${l.address!.host}:${l.address!.port}`;
  const servers = (): ConnectionServer[] =>
    topology.servers.filter(isS2SServer).map((s) => ({
      name: s.name,
      kind: s.kind,
      metadataUrl: metadataUrlOf(s)!,
      ...(ROUTES.ews && ewsUrlOf(s) ? { ewsUrl: ewsUrlOf(s) } : {}),
      ...(ROUTES.graph && graphUrlOf(s) ? { graphUrl: graphUrlOf(s) } : {}),
      faults: faultText.get(s.name) ?? [],
    }));
  const serverByName = new Map(topology.servers.map((s) => [s.name, s]));
  const connection: ConnectionFile = {
    version: 1,
    pid: process.pid,
    startedAt: new Date(clock()).toISOString(),
    realm,
    seed,
    ca: { path: state.caPath, pem: state.ca.cert },
    connectTo,
    servers: servers(),
    accounts: accounts.accounts.map((a) => {
      const home = a.user.mailbox ? serverByName.get(a.user.mailbox) : undefined;
      const pool = a.user.lync ? serverByName.get(a.user.lync) : undefined;
      const ewsUrl = ROUTES.ews && home ? ewsUrlOf(home) : undefined;
      const graphUrl = ROUTES.graph && pool ? graphUrlOf(pool) : undefined;
      return {
        user: a.user.name,
        displayName: a.displayName,
        signInName: a.signInName,
        domainUserName: a.domainUserName,
        password: a.password,
        tokens: a.tokens,
        graphId: a.graphId,
        ...(ewsUrl ? { ewsUrl } : {}),
        ...(graphUrl ? { graphUrl } : {}),
      };
    }),
    siteMailboxes: topology.siteMailboxes.map((s) => ({
      name: s.name,
      address: s.address,
      site: s.site,
      messageCount: options.siteMailboxMessages ?? SITE_MAILBOX_MESSAGES,
    })),
  };

  const connectionFile = options.connectionFile ? resolve(options.connectionFile) : undefined;
  if (connectionFile) writeConnectionFile(connectionFile, connection);

  let closing: Promise<void> | undefined;
  return {
    connection,
    connectionFile,
    async setFaults(server, names) {
      await farm.setFaults(server, names);
      await Promise.all(listeners.map((l) => l.prepareTlsFaults()));
      faultText.set(server, [...names]);
      connection.servers = servers();
      if (connectionFile) writeConnectionFile(connectionFile, connection);
    },
    close() {
      closing ??= (async () => {
        farm.stopTimers();
        if (connectionFile) removeConnectionFile(connectionFile);
        await Promise.all(listeners.map((l) => l.close()));
      })();
      return closing;
    },
  };
}
