// Where each simulated service answers: the topology's URLs grouped by the
// host and port they name, since one listener (one TLS certificate) serves
// every path on a host:port, as one IIS site does.
import type { Topology, TopologyServer } from '../core/topology';

export type EndpointRole = 'metadata' | 'ews' | 'ucwa' | 'graph';

/** Roles whose endpoint serves every path under its URL, not the one path. */
export const PREFIX_ROLES: readonly EndpointRole[] = ['ucwa', 'graph'];

/** Microsoft Graph, where online users' presence lives; the simulator answers for it under its real name. */
export const GRAPH_SERVICE = 'graph.microsoft.com';
export const GRAPH_URL = 'https://graph.microsoft.com/v1.0';
/**
 * Graph is no server of the farm, but the listener, the log and the faults
 * speak of servers: it stands in as one named after its host. Its kind is
 * never read for Graph (setFaults checks it by name).
 */
export const GRAPH_SERVER: TopologyServer = { name: GRAPH_SERVICE, kind: 'lync', version: 2013, host: GRAPH_SERVICE, trusts: [] };

export interface Endpoint {
  server: TopologyServer;
  role: EndpointRole;
  url: URL;
}

export interface HostPlan {
  /** "host:port" as the connect-to map keys it. */
  key: string;
  scheme: 'https' | 'http';
  hostName: string;
  port: number;
  endpoints: Endpoint[];
}

export type S2SKind = 'exchange' | 'sharepoint' | 'lync';

export function isS2SServer(server: TopologyServer): server is TopologyServer & { kind: S2SKind } {
  return server.kind === 'exchange' || server.kind === 'sharepoint' || server.kind === 'lync';
}

/** The metadata URL a server publishes: written, derived by the core, or the conventional default. */
export function metadataUrlOf(server: TopologyServer): string | undefined {
  if (server.metadataUrl) return server.metadataUrl;
  if (server.kind === 'exchange' && server.host) return `https://${server.host}/autodiscover/metadata/json/1`;
  if (server.kind === 'lync' && server.host) return `https://${server.host}/metadata/json/1`;
  if (server.kind === 'sharepoint' && server.url) return `${server.url.replace(/\/+$/, '')}/_layouts/15/metadata/json/1`;
  return undefined;
}

export function ewsUrlOf(server: TopologyServer): string | undefined {
  if (server.kind !== 'exchange') return undefined;
  return server.ewsUrl ?? (server.host ? `https://${server.host}/EWS/Exchange.asmx` : undefined);
}

/** The SIP domain of an address: what lyncdiscover.<domain> is named after. */
export function sipDomainOf(address: string): string {
  return address.slice(address.indexOf('@') + 1).toLowerCase();
}

/** `https://lyncdiscover.<sip domain>/`, where a UCWA client starts (Lync 2013 autodiscover). */
export function lyncDiscoverUrlOf(address: string): string {
  return `https://lyncdiscover.${sipDomainOf(address)}/`;
}

/** The UCWA paths a Lync pool serves: the user resource, the WebTicket token service and UCWA itself. */
export function ucwaUrlsOf(server: TopologyServer): string[] {
  if (server.kind !== 'lync' || !server.host) return [];
  return ['Autodiscover', 'WebTicket', 'ucwa'].map((p) => `https://${server.host}/${p}`);
}

/**
 * Which pool answers lyncdiscover.<domain>: the home pool of the first
 * on-premises user of that domain (a real farm points the DNS name at a
 * Director or a pool, and that pool redirects users homed elsewhere).
 */
export function lyncDiscoverHosts(topology: Topology): Map<string, TopologyServer> {
  const hosts = new Map<string, TopologyServer>();
  for (const user of topology.users) {
    if (user.online || !user.lync) continue;
    const pool = topology.servers.find((s) => s.name === user.lync && s.kind === 'lync' && s.host);
    const url = lyncDiscoverUrlOf(user.address);
    if (pool && !hosts.has(url)) hosts.set(url, pool);
  }
  return hosts;
}

export function planEndpoints(topology: Topology, roles: readonly EndpointRole[]): HostPlan[] {
  const hosts = new Map<string, HostPlan>();
  const add = (server: TopologyServer, role: EndpointRole, text: string | undefined) => {
    if (!text || !roles.includes(role)) return;
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      throw new Error(`${server.name}: ${role} URL '${text}' is not a URL`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      throw new Error(`${server.name}: ${role} URL '${text}' is neither https nor http`);
    }
    const scheme = url.protocol === 'https:' ? 'https' : 'http';
    const port = url.port ? Number(url.port) : scheme === 'https' ? 443 : 80;
    const hostName = url.hostname.toLowerCase();
    const key = `${hostName}:${port}`;
    let plan = hosts.get(key);
    if (!plan) {
      plan = { key, scheme, hostName, port, endpoints: [] };
      hosts.set(key, plan);
    } else if (plan.scheme !== scheme) {
      throw new Error(`${key} is used both over http and over https (${server.name} ${role})`);
    }
    const clash = plan.endpoints.find((e) => e.url.pathname.toLowerCase() === url.pathname.toLowerCase());
    if (clash) {
      throw new Error(`${server.name} ${role} and ${clash.server.name} ${clash.role} share the URL ${text}`);
    }
    plan.endpoints.push({ server, role, url });
  };
  for (const server of topology.servers) {
    if (!isS2SServer(server)) continue;
    add(server, 'metadata', metadataUrlOf(server));
    add(server, 'ews', ewsUrlOf(server));
    for (const url of ucwaUrlsOf(server)) add(server, 'ucwa', url);
  }
  for (const [url, pool] of lyncDiscoverHosts(topology)) add(pool, 'ucwa', url);
  add(GRAPH_SERVER, 'graph', GRAPH_URL);
  return [...hosts.values()];
}
