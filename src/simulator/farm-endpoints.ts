// Where each simulated service answers: the topology's URLs grouped by the
// host and port they name, since one listener (one TLS certificate) serves
// every path on a host:port, as one IIS site does.
import type { Topology, TopologyServer } from '../core/topology';

export type EndpointRole = 'metadata' | 'ews' | 'graph';

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

/** Presence is served by each Lync pool, under the pool's own host name, in Graph's shape. */
export function graphUrlOf(server: TopologyServer): string | undefined {
  return server.kind === 'lync' && server.host ? `https://${server.host}/v1.0` : undefined;
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
    add(server, 'graph', graphUrlOf(server));
  }
  return [...hosts.values()];
}
