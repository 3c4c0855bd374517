// The office-farm/topology request's shape, shared by the server that
// answers it (topology-request.ts) and the extension's Office Farm view,
// which still checks every answer against it (a server of another version
// may send something else). Types only, importing nothing, so the extension
// may use it without reaching into the server or the core.

export const TOPOLOGY_REQUEST = 'office-farm/topology';

export interface TopologyParams {
  uri: string;
}

export interface LspRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

export type ServerKind = 'exchange' | 'sharepoint' | 'lync' | 'office-web-apps' | 'project';

export interface FarmServer {
  name: string;
  kind: ServerKind;
  version: number;
  /** The version as a person reads it ("2013", "SE"); servers before issue 17 send none. */
  release?: string;
  host?: string;
  url?: string;
  ewsUrl?: string;
  /** The declaration's name. */
  range: LspRange;
  /** The last metadata probe, while it still describes the endpoint the text names. */
  probe?: { outcome: string; startedAt: string; findings: number };
}

export interface FarmSiteMailbox {
  name: string;
  address: string;
  site: string;
  owners: string[];
  members: string[];
  range: LspRange;
}

export interface FarmUser {
  name: string;
  address: string;
  mailbox?: string;
  range: LspRange;
}

export interface FarmTopology {
  uri: string;
  version: number;
  realm?: string;
  servers: FarmServer[];
  siteMailboxes: FarmSiteMailbox[];
  users: FarmUser[];
}
