// The farm an open document describes, as the language server answers
// office-farm/topology (its shape: src/server/topology-protocol.ts, types
// only). Every answer is checked against that shape, so a server of another
// version cannot feed the view something it would misdraw.
import type { LanguageServer } from './language-server';
import { TOPOLOGY_REQUEST, type FarmServer, type FarmSiteMailbox, type FarmTopology, type FarmUser, type LspRange, type ServerKind } from '../server/topology-protocol';

export { TOPOLOGY_REQUEST } from '../server/topology-protocol';
export type { FarmServer, FarmSiteMailbox, FarmTopology, FarmUser, LspRange, ServerKind } from '../server/topology-protocol';

export const SERVER_KINDS: readonly ServerKind[] = ['exchange', 'sharepoint', 'lync', 'office-web-apps', 'project'];

export async function requestTopology(server: LanguageServer, uri: string): Promise<FarmTopology | undefined> {
  return readFarmTopology(await server.request(TOPOLOGY_REQUEST, { uri }));
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string';
const optStr = (v: unknown) => v === undefined || isStr(v);
const isStrList = (v: unknown): v is string[] => Array.isArray(v) && v.every(isStr);
const isPos = (v: unknown) => isObj(v) && Number.isInteger(v.line) && Number.isInteger(v.character);
const isRange = (v: unknown): v is LspRange => isObj(v) && isPos(v.start) && isPos(v.end);

/** The answer when it has the shape above, else undefined. */
export function readFarmTopology(value: unknown): FarmTopology | undefined {
  if (!isObj(value) || !isStr(value.uri) || !Number.isInteger(value.version) || !optStr(value.realm)) return undefined;
  const { servers, siteMailboxes, users } = value;
  if (!Array.isArray(servers) || !Array.isArray(siteMailboxes) || !Array.isArray(users)) return undefined;
  const serverOk = (s: unknown) =>
    isObj(s) &&
    isStr(s.name) &&
    SERVER_KINDS.includes(s.kind as ServerKind) &&
    typeof s.version === 'number' &&
    optStr(s.release) &&
    optStr(s.host) &&
    optStr(s.url) &&
    optStr(s.ewsUrl) &&
    isRange(s.range) &&
    (s.probe === undefined || (isObj(s.probe) && isStr(s.probe.outcome) && isStr(s.probe.startedAt) && typeof s.probe.findings === 'number'));
  const mailboxOk = (m: unknown) => isObj(m) && isStr(m.name) && isStr(m.address) && isStr(m.site) && isStrList(m.owners) && isStrList(m.members) && isRange(m.range);
  const userOk = (u: unknown) => isObj(u) && isStr(u.name) && isStr(u.address) && optStr(u.mailbox) && isRange(u.range);
  if (!servers.every(serverOk) || !siteMailboxes.every(mailboxOk) || !users.every(userOk)) return undefined;
  return value as unknown as FarmTopology;
}
