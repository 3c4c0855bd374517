// The faults the simulator can put on a server, each a misconfiguration or
// failure seen on real farms. A fault is written NAME or NAME:NUMBER (the
// number tunes it: milliseconds, seconds or bytes, see `argument`).
import { readFileSync } from 'node:fs';
import type { ServerKind } from '../core/topology';

export type FaultArea = 'metadata' | 'tls' | 'ews' | 'presence';

export interface FaultInfo {
  area: FaultArea;
  /** The server kinds the fault can be put on. */
  kinds: ServerKind[];
  summary: string;
  argument?: { meaning: string; default: number };
}

const S2S: ServerKind[] = ['exchange', 'sharepoint', 'lync'];

export const FAULTS = {
  'expired-cert': { area: 'metadata', kinds: S2S, summary: 'the signing certificate expired ten days ago' },
  'not-yet-valid-cert': { area: 'metadata', kinds: S2S, summary: 'the signing certificate only becomes valid in thirty days' },
  'expiring-cert': {
    area: 'metadata',
    kinds: S2S,
    summary: 'the signing certificate expires soon',
    argument: { meaning: 'days left', default: 7 },
  },
  'x5t-mismatch': { area: 'metadata', kinds: S2S, summary: 'x5t is the thumbprint of another certificate' },
  'wrong-principal': { area: 'metadata', kinds: S2S, summary: 'the service principal of another product' },
  'wrong-realm': { area: 'metadata', kinds: S2S, summary: 'a realm other than farm.realm' },
  html: { area: 'metadata', kinds: S2S, summary: 'a sign-in page (HTML, status 200) instead of JSON' },
  'not-found': { area: 'metadata', kinds: S2S, summary: 'IIS 404: the metadata path is not there' },
  'server-error': { area: 'metadata', kinds: S2S, summary: 'IIS 500 with an HTML body' },
  slow: {
    area: 'metadata',
    kinds: S2S,
    summary: 'the answer comes late',
    argument: { meaning: 'delay in milliseconds', default: 30000 },
  },
  silent: { area: 'metadata', kinds: S2S, summary: 'the connection is accepted and never answered' },
  oversized: {
    area: 'metadata',
    kinds: S2S,
    summary: 'an endless-looking JSON body',
    argument: { meaning: 'bytes sent', default: 16 * 1024 * 1024 },
  },
  'redirect-to-http': { area: 'metadata', kinds: S2S, summary: 'a 302 to the same path over plain http' },
  'redirect-loop': { area: 'metadata', kinds: S2S, summary: '302s that lead back to where they started' },
  'untrusted-tls': { area: 'tls', kinds: S2S, summary: 'a TLS certificate from a CA nobody trusts' },
  'wrong-host': { area: 'tls', kinds: S2S, summary: "a TLS certificate for the server's internal name only" },
  'ews-server-busy': {
    area: 'ews',
    kinds: ['exchange'],
    summary: 'ErrorServerBusy SOAP fault (HTTP 500) with BackOffMilliseconds',
    argument: { meaning: 'BackOffMilliseconds', default: 5000 },
  },
  'ews-busy-message': {
    area: 'ews',
    kinds: ['exchange'],
    summary: 'ErrorServerBusy in a response message (HTTP 200) with BackOffMilliseconds',
    argument: { meaning: 'BackOffMilliseconds', default: 5000 },
  },
  'ews-soap-fault': { area: 'ews', kinds: ['exchange'], summary: 'a SOAP fault ErrorInternalServerError (HTTP 500)' },
  'ews-unauthorized': { area: 'ews', kinds: ['exchange'], summary: 'HTTP 401 for every credential' },
  'ews-server-error': { area: 'ews', kinds: ['exchange'], summary: 'HTTP 500 with an HTML (non-XML) body' },
  'ews-silent': { area: 'ews', kinds: ['exchange'], summary: 'EWS accepts the request and never answers' },
  'presence-throttled': {
    area: 'presence',
    kinds: ['lync'],
    summary: 'UCWA and Graph: HTTP 429 TooManyRequests with Retry-After',
    argument: { meaning: 'Retry-After seconds', default: 1 },
  },
  'presence-unauthorized': { area: 'presence', kinds: ['lync'], summary: 'UCWA and Graph: HTTP 401 for every token' },
  'presence-unavailable': { area: 'presence', kinds: ['lync'], summary: 'UCWA and Graph: HTTP 503 Service Unavailable' },
  'presence-slow': {
    area: 'presence',
    kinds: ['lync'],
    summary: 'UCWA and Graph answer late',
    argument: { meaning: 'delay in milliseconds', default: 30000 },
  },
  'presence-no-consent': { area: 'presence', kinds: ['lync'], summary: 'Graph: HTTP 403 Authorization_RequestDenied, as for a token without Presence.Read.All' },
  'presence-drop': { area: 'presence', kinds: ['lync'], summary: 'UCWA and Graph close the connection without an answer' },
} satisfies Record<string, FaultInfo>;

export type FaultName = keyof typeof FAULTS;

export interface Fault {
  name: FaultName;
  /** The tuning number; the fault's default when not written. */
  value: number;
}

export function isFaultName(name: string): name is FaultName {
  return Object.prototype.hasOwnProperty.call(FAULTS, name);
}

/** Reads `NAME` or `NAME:NUMBER`; throws an Error naming the known faults. */
export function parseFault(text: string): Fault {
  const m = /^([a-z0-9-]+)(?::(\d+))?$/.exec(text.trim());
  if (!m || !isFaultName(m[1])) {
    throw new Error(`unknown fault '${text}' (known: ${Object.keys(FAULTS).join(', ')})`);
  }
  const info: FaultInfo = FAULTS[m[1]];
  if (m[2] !== undefined && !info.argument) throw new Error(`fault '${m[1]}' takes no number`);
  return { name: m[1], value: m[2] !== undefined ? Number(m[2]) : (info.argument?.default ?? 0) };
}

/** Reads the CLI's `SERVER=FAULT`. */
export function parseFaultAssignment(text: string): { server: string; fault: string } {
  const eq = text.indexOf('=');
  if (eq <= 0 || eq === text.length - 1) throw new Error(`expected SERVER=FAULT, got '${text}'`);
  const fault = text.slice(eq + 1);
  parseFault(fault);
  return { server: text.slice(0, eq), fault };
}

/** Whether `fault` can be put on a server of `kind`; an Error message when not. */
export function faultMismatch(fault: Fault, server: string, kind: ServerKind | 'graph'): string | undefined {
  const info: FaultInfo = FAULTS[fault.name];
  // Graph (graph.microsoft.com) is no server of the farm; it takes the presence faults only.
  if (kind === 'graph') return info.area === 'presence' ? undefined : `fault '${fault.name}' does not apply to ${server}: it takes the presence-* faults`;
  if (info.kinds.includes(kind)) return undefined;
  return `fault '${fault.name}' applies to ${info.kinds.join('/')} servers, and ${server} is ${kind}`;
}

export interface Scenario {
  seed?: number;
  faults: Record<string, string[]>;
}

/**
 * A scenario file: JSON `{ "seed": 7, "faults": { "ex01": ["ews-server-busy:2000"] } }`.
 * Errors name the file and the offending entry.
 */
export function readScenarioFile(path: string): Scenario {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new Error(`${path}: ${(err as Error).message}`);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new Error(`${path}: expected a JSON object`);
  const obj = data as Record<string, unknown>;
  for (const key of Object.keys(obj)) {
    if (key !== 'seed' && key !== 'faults') throw new Error(`${path}: unknown key '${key}' (expected seed, faults)`);
  }
  const scenario: Scenario = { faults: {} };
  if (obj.seed !== undefined) {
    if (!Number.isSafeInteger(obj.seed)) throw new Error(`${path}: seed must be an integer`);
    scenario.seed = obj.seed as number;
  }
  if (obj.faults !== undefined) {
    if (!obj.faults || typeof obj.faults !== 'object' || Array.isArray(obj.faults)) {
      throw new Error(`${path}: faults must be an object of server name to list of faults`);
    }
    for (const [server, list] of Object.entries(obj.faults as Record<string, unknown>)) {
      if (!Array.isArray(list) || list.some((f) => typeof f !== 'string')) {
        throw new Error(`${path}: faults.${server} must be a list of fault names`);
      }
      for (const f of list as string[]) {
        try {
          parseFault(f);
        } catch (err) {
          throw new Error(`${path}: faults.${server}: ${(err as Error).message}`);
        }
      }
      scenario.faults[server] = list as string[];
    }
  }
  return scenario;
}
