// The connection file `office-farm simulate` writes once its listeners are
// up (docs/simulator.md describes it). It tells a client everything it needs
// to reach the simulated farm: the CA to trust, where each real host name's
// bytes go, and the accounts. Readers: the probe, the panels, the tests.
// Only Node built-ins here, so any room can import it.
import { readFileSync, writeFileSync, renameSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export const CONNECTION_FILE_VERSION = 1;

export interface ConnectionServer {
  name: string;
  kind: 'exchange' | 'sharepoint' | 'lync';
  metadataUrl: string;
  /** exchange: the EWS endpoint. */
  ewsUrl?: string;
  /** lync: the pool's UCWA applications resource (https://{host}/ucwa/oauth/v1/applications). */
  ucwaUrl?: string;
  /** The faults in force when the file was written (NAME or NAME:NUMBER). */
  faults: string[];
}

export interface ConnectionAccount {
  /** The `user` block's name. */
  user: string;
  displayName: string;
  /** The `address`: SMTP address and sign-in name (UPN) for Basic and NTLM. */
  signInName: string;
  /** The down-level logon name, DOMAIN\name, also accepted by Basic and NTLM. */
  domainUserName: string;
  password: string;
  /** Bearer tokens (JWT-shaped): `ews` for every Exchange server, `graph` for every Graph endpoint. */
  tokens: { ews: string; graph: string };
  /** The Graph object id used by /users/{id}/presence and getPresencesByUserId. */
  graphId: string;
  /** The home Exchange server's EWS URL, when the user has a mailbox. */
  ewsUrl?: string;
  /** `online = true` users: Graph's base URL, https://graph.microsoft.com/v1.0. */
  graphUrl?: string;
  /** Users homed on a pool: where UCWA autodiscovery starts, https://lyncdiscover.<sip domain>/. */
  lyncDiscoverUrl?: string;
}

export interface ConnectionSiteMailbox {
  name: string;
  address: string;
  site: string;
  messageCount: number;
}

export interface ConnectionFile {
  version: 1;
  pid: number;
  startedAt: string;
  realm: string;
  seed: number;
  /** The simulator CA: `path` to its PEM file when it is kept in a state folder, and the PEM itself. */
  ca: { path?: string; pem: string };
  /** curl's --connect-to: "host:port" → "127.0.0.1:port"; TLS names, SNI and Host keep the real host. */
  connectTo: Record<string, string>;
  servers: ConnectionServer[];
  /** The faults in force on graph.microsoft.com (set with the server name graph.microsoft.com). */
  graphFaults?: string[];
  accounts: ConnectionAccount[];
  siteMailboxes: ConnectionSiteMailbox[];
}

/** Writes atomically (a reader never sees half a file) with owner-only permissions: it holds passwords. */
export function writeConnectionFile(path: string, connection: ConnectionFile): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(connection, null, 2) + '\n', { mode: 0o600 });
  renameSync(temp, path);
}

export function removeConnectionFile(path: string): void {
  rmSync(path, { force: true });
}

export class ConnectionFileError extends Error {}

/**
 * Reads and validates a connection file. Every error names the file and the
 * field, e.g. "simulator.json: connectTo["mail.contoso.com:443"] must be ADDRESS:PORT".
 * A relative `ca.path` is taken relative to the file.
 */
export function readConnectionFile(path: string): ConnectionFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ConnectionFileError(
      code === 'ENOENT'
        ? `${path}: no such file (is 'office-farm simulate' running?)`
        : `${path}: ${(err as Error).message}`,
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new ConnectionFileError(`${path}: not JSON: ${(err as Error).message}`);
  }
  return validateConnection(data, path);
}

export function validateConnection(data: unknown, label = 'connection'): ConnectionFile {
  const fail = (field: string, message: string): never => {
    throw new ConnectionFileError(`${label}: ${field} ${message}`);
  };
  const obj = asObject(data, 'the file', fail);
  if (obj.version !== CONNECTION_FILE_VERSION) {
    fail('version', `is ${JSON.stringify(obj.version)}; this reader understands version ${CONNECTION_FILE_VERSION}`);
  }
  const ca = asObject(obj.ca, 'ca', fail);
  if (typeof ca.pem !== 'string' || !ca.pem.includes('-----BEGIN CERTIFICATE-----')) {
    fail('ca.pem', 'must be a PEM certificate');
  }
  if (ca.path !== undefined && typeof ca.path !== 'string') fail('ca.path', 'must be a string');
  const connectTo = asObject(obj.connectTo, 'connectTo', fail);
  for (const [from, to] of Object.entries(connectTo)) {
    if (!/^[A-Za-z0-9.-]+:\d{1,5}$/.test(from)) fail(`connectTo[${JSON.stringify(from)}]`, 'key must be HOST:PORT');
    if (typeof to !== 'string' || !/^[0-9.]+:\d{1,5}$|^\[[0-9a-fA-F:]+\]:\d{1,5}$/.test(to)) {
      fail(`connectTo[${JSON.stringify(from)}]`, 'must be ADDRESS:PORT');
    }
  }
  for (const field of ['realm', 'startedAt'] as const) {
    if (typeof obj[field] !== 'string') fail(field, 'must be a string');
  }
  for (const field of ['pid', 'seed'] as const) {
    if (!Number.isSafeInteger(obj[field])) fail(field, 'must be an integer');
  }
  const servers = asArray(obj.servers, 'servers', fail);
  servers.forEach((s, i) => {
    const server = asObject(s, `servers[${i}]`, fail);
    requireStrings(server, ['name', 'kind', 'metadataUrl'], `servers[${i}]`, fail);
    if (!['exchange', 'sharepoint', 'lync'].includes(server.kind as string)) {
      fail(`servers[${i}].kind`, 'must be exchange, sharepoint or lync');
    }
    if (!Array.isArray(server.faults)) fail(`servers[${i}].faults`, 'must be a list');
  });
  const accounts = asArray(obj.accounts, 'accounts', fail);
  accounts.forEach((a, i) => {
    const account = asObject(a, `accounts[${i}]`, fail);
    requireStrings(account, ['user', 'displayName', 'signInName', 'domainUserName', 'password', 'graphId'], `accounts[${i}]`, fail);
    const tokens = asObject(account.tokens, `accounts[${i}].tokens`, fail);
    requireStrings(tokens, ['ews', 'graph'], `accounts[${i}].tokens`, fail);
  });
  asArray(obj.siteMailboxes, 'siteMailboxes', fail);
  const connection = data as ConnectionFile;
  if (connection.ca.path && label !== 'connection') {
    connection.ca.path = resolve(dirname(label), connection.ca.path);
  }
  return connection;
}

/** The account for a user name or sign-in name; an Error listing the accounts when there is none. */
export function findAccount(connection: ConnectionFile, who: string): ConnectionAccount {
  const lower = who.toLowerCase();
  const account = connection.accounts.find((a) => a.user === who || a.signInName.toLowerCase() === lower);
  if (!account) {
    throw new ConnectionFileError(
      `no account '${who}' in the connection file (accounts: ${connection.accounts.map((a) => a.user).join(', ') || 'none'})`,
    );
  }
  return account;
}

type Fail = (field: string, message: string) => never;

function asObject(value: unknown, field: string, fail: Fail): Record<string, unknown> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) fail(field, 'must be an object');
  return value as Record<string, unknown>;
}

function asArray(value: unknown, field: string, fail: Fail): unknown[] {
  if (!Array.isArray(value)) fail(field, 'must be a list');
  return value as unknown[];
}

function requireStrings(obj: Record<string, unknown>, fields: string[], where: string, fail: Fail): void {
  for (const f of fields) if (typeof obj[f] !== 'string') fail(`${where}.${f}`, 'must be a string');
}
