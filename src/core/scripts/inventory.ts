// The inventory file, read and checked. It comes from a server (or from
// anyone's hands), so nothing is trusted: every field is checked for its
// type, unknown fields are ignored, and whatever is wrong comes back as a
// list of messages naming the field, never as an exception. Windows
// PowerShell writes UTF-8 with a byte order mark and may turn a one-element
// list into its element; both are accepted.
import { inventoryFormatVersion } from './inventory-script';
import type { ScriptServerKind } from './script-types';

export interface InventoryTrust {
  name: string;
  /** The metadata URL the trust was made from; '' for one made otherwise (a certificate, a built-in). */
  metadataUrl: string;
}

export interface Inventory {
  /** Where it was read from, for messages. */
  source: string;
  server: string;
  kind: ScriptServerKind;
  version?: string;
  trusts: InventoryTrust[];
  /** SharePoint: the WOPI servers bound. */
  wopiBindings?: string[];
  /** Exchange: Outlook Web App's virtual directories. */
  owaVirtualDirectories?: Array<{ name: string; instantMessagingEnabled: boolean; instantMessagingType: string }>;
  /** Lync. */
  /** The thumbprints of the OAuthTokenIssuer certificates assigned. */
  oauthTokenIssuerThumbprints?: string[];
  oauthConfiguration?: Array<{ exchangeAutodiscoverUrl: string; realm: string }>;
  trustedApplications?: Array<{ identity: string; applicationId: string; poolFqdn: string; port?: number }>;
  userServicesPolicies?: Array<{ identity: string; ucsAllowed: boolean }>;
  /** Office Web Apps: the farm, when one exists (at most one). */
  farms?: Array<{ internalUrl: string }>;
}

export type InventoryResult = { ok: true; inventory: Inventory } | { ok: false; errors: string[] };

/** Larger than any real inventory by far; a bigger file is refused before parsing. */
export const maxInventoryLength = 5 * 1024 * 1024;

const kinds: readonly string[] = ['sharepoint', 'exchange', 'lync', 'office-web-apps'];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

class Reader {
  readonly errors: string[] = [];
  constructor(readonly source: string) {}

  fail(path: string, what: string): undefined {
    if (this.errors.length < 20) this.errors.push(`${this.source}: ${path}: ${what}`);
    return undefined;
  }

  string(obj: Record<string, Json>, key: string, path: string, required = true): string | undefined {
    const v = obj[key];
    if (v === undefined || v === null) return required ? this.fail(`${path}${key}`, 'missing (a string is expected)') : undefined;
    if (typeof v !== 'string') return this.fail(`${path}${key}`, `a string is expected, not ${describe(v)}`);
    return v;
  }

  boolean(obj: Record<string, Json>, key: string, path: string): boolean | undefined {
    const v = obj[key];
    if (typeof v !== 'boolean') return this.fail(`${path}${key}`, `true or false is expected, not ${describe(v)}`);
    return v;
  }

  /** A list of objects (or one object, as PowerShell may write a list of one), each read by `item`. */
  list<T>(obj: Record<string, Json>, key: string, item: (o: Record<string, Json>, path: string) => T | undefined, required = false): T[] | undefined {
    const v = obj[key];
    if (v === undefined || v === null) return required ? (this.fail(key, 'missing (a list is expected)') ?? []) : undefined;
    const items = Array.isArray(v) ? v : [v];
    const out: T[] = [];
    items.forEach((x, i) => {
      if (!isObject(x)) {
        this.fail(`${key}[${i}]`, `an object is expected, not ${describe(x)}`);
        return;
      }
      const read = item(x, `${key}[${i}].`);
      if (read !== undefined) out.push(read);
    });
    return out;
  }

  strings(obj: Record<string, Json>, key: string): string[] | undefined {
    const v = obj[key];
    if (v === undefined || v === null) return undefined;
    const items = Array.isArray(v) ? v : [v];
    const out: string[] = [];
    items.forEach((x, i) => (typeof x === 'string' ? out.push(x) : this.fail(`${key}[${i}]`, `a string is expected, not ${describe(x)}`)));
    return out;
  }
}

function isObject(v: Json | undefined): v is { [key: string]: Json } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function describe(v: Json | undefined): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  return typeof v === 'object' ? 'an object' : `${typeof v} ${JSON.stringify(v).slice(0, 40)}`;
}

/** Reads one inventory file's text; `source` names it in messages. Never throws. */
export function readInventory(text: string, source: string): InventoryResult {
  if (text.length > maxInventoryLength) return { ok: false, errors: [`${source}: larger than ${maxInventoryLength / 1024 / 1024} MB: not an inventory`] };
  let json: Json;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, '')) as Json;
  } catch (err) {
    return { ok: false, errors: [`${source}: not JSON (${(err as Error).message})`] };
  }
  const r = new Reader(source);
  if (!isObject(json)) return { ok: false, errors: [`${source}: an inventory is a JSON object, not ${describe(json)}`] };
  if (json.officeFarmInventory !== inventoryFormatVersion) {
    return { ok: false, errors: [`${source}: not an Office Farm inventory (officeFarmInventory is ${describe(json.officeFarmInventory)}, ${inventoryFormatVersion} is expected); make one with office-farm script --inventory`] };
  }
  const server = r.string(json, 'server', '');
  const kind = r.string(json, 'kind', '');
  if (kind !== undefined && !kinds.includes(kind)) r.fail('kind', `one of ${kinds.join(', ')} is expected, not ${JSON.stringify(kind).slice(0, 40)}`);
  const version = r.string(json, 'version', '', false);
  const trust = (o: Record<string, Json>, p: string): InventoryTrust | undefined => {
    const name = r.string(o, 'name', p);
    const metadataUrl = r.string(o, 'metadataUrl', p, false) ?? '';
    return name === undefined ? undefined : { name, metadataUrl };
  };
  const inventory: Inventory = {
    source,
    server: server ?? '',
    kind: (kind ?? 'sharepoint') as ScriptServerKind,
    ...(version !== undefined ? { version } : {}),
    trusts: kind === 'office-web-apps' ? (r.list(json, 'trusts', trust) ?? []) : (r.list(json, 'trusts', trust, true) ?? []),
  };
  const wopi = r.strings(json, 'wopiBindings');
  if (wopi) inventory.wopiBindings = wopi;
  const owa = r.list(json, 'owaVirtualDirectories', (o, p) => {
    const name = r.string(o, 'name', p);
    const enabled = r.boolean(o, 'instantMessagingEnabled', p);
    const type = r.string(o, 'instantMessagingType', p);
    return name === undefined || enabled === undefined || type === undefined ? undefined : { name, instantMessagingEnabled: enabled, instantMessagingType: type };
  });
  if (owa) inventory.owaVirtualDirectories = owa;
  const thumbprints = r.strings(json, 'oauthTokenIssuerThumbprints');
  if (thumbprints) inventory.oauthTokenIssuerThumbprints = thumbprints;
  const oauth = r.list(json, 'oauthConfiguration', (o, p) => {
    const url = r.string(o, 'exchangeAutodiscoverUrl', p, false) ?? '';
    const realm = r.string(o, 'realm', p, false) ?? '';
    return { exchangeAutodiscoverUrl: url, realm };
  });
  if (oauth) inventory.oauthConfiguration = oauth;
  const apps = r.list(json, 'trustedApplications', (o, p) => {
    const identity = r.string(o, 'identity', p);
    const applicationId = r.string(o, 'applicationId', p, false) ?? '';
    const poolFqdn = r.string(o, 'poolFqdn', p);
    const port = typeof o.port === 'number' ? o.port : undefined;
    return identity === undefined || poolFqdn === undefined ? undefined : { identity, applicationId, poolFqdn, ...(port !== undefined ? { port } : {}) };
  });
  if (apps) inventory.trustedApplications = apps;
  const policies = r.list(json, 'userServicesPolicies', (o, p) => {
    const identity = r.string(o, 'identity', p);
    const ucsAllowed = r.boolean(o, 'ucsAllowed', p);
    return identity === undefined || ucsAllowed === undefined ? undefined : { identity, ucsAllowed };
  });
  if (policies) inventory.userServicesPolicies = policies;
  const farms = r.list(json, 'farms', (o, p) => {
    const internalUrl = r.string(o, 'internalUrl', p);
    return internalUrl === undefined ? undefined : { internalUrl };
  });
  if (farms) inventory.farms = farms;
  return r.errors.length ? { ok: false, errors: r.errors } : { ok: true, inventory };
}
