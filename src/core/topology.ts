// A plain-data view of a farm, for the rooms that act on one (simulator,
// probe) and must not depend on the syntax tree or the rule engine.

export type ServerKind = 'exchange' | 'sharepoint' | 'lync' | 'office-web-apps' | 'project';

export interface TopologyServer {
  name: string;
  kind: ServerKind;
  /** The version's year (language/versions.ts order: the Subscription Edition sorts after 2019); 2013 when not written. */
  version: number;
  /** The version as a person reads it: the year, or "SE" for the Subscription Edition. */
  release?: string;
  /** exchange and lync: `host`. */
  host?: string;
  /** sharepoint and office-web-apps: `url`; project: `pwa`. */
  url?: string;
  /** exchange, sharepoint, lync: the S2S metadata endpoint (written or derived). */
  metadataUrl?: string;
  /** exchange: the EWS endpoint (written or derived). */
  ewsUrl?: string;
  /** exchange, sharepoint, lync: names of the servers this one trusts. */
  trusts: string[];
}

export interface TopologyUser {
  name: string;
  address: string;
  /** name of the home exchange server */
  mailbox?: string;
  /** name of the home lync pool */
  lync?: string;
}

export interface TopologySiteMailbox {
  name: string;
  site: string;
  address: string;
  owners: string[];
  members: string[];
}

export interface Topology {
  realm?: string;
  servers: TopologyServer[];
  users: TopologyUser[];
  siteMailboxes: TopologySiteMailbox[];
}
