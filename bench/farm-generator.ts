// Farms of N servers for the benchmark (issue 7), in three spellings of the
// same content: a `.farm` file, the YAML an administrator without this
// extension would write, and the plain object that YAML stands for (whose
// JSON is the floor of reading that much text in Node). Deterministic: the
// same N gives the same bytes.
//
// The farm is made of cells of five servers — exchange, sharepoint, lync,
// office-web-apps, project — with two-way trusts inside the cell and between
// neighbouring Exchange servers, every feature with every role written, two
// users and one site mailbox per cell. Site mailboxes are provisioned on one
// web application (the first cell's), as the site-mailboxes rule requires of
// every site-mailboxes feature, so that feature appears once. The valid farm
// has no diagnostic at all; the planted variant has exactly `planted`.

export type Kind = 'farm' | 'exchange' | 'sharepoint' | 'lync' | 'office-web-apps' | 'project' | 'feature' | 'site-mailbox' | 'user';

/** A bare identifier: a reference or an enumeration member. */
export interface Ident {
  ident: string;
}
export type Value = string | number | boolean | Ident | Value[];
/** A property, or a line written verbatim into both spellings (a planted syntax error). */
export type Property = { key: string; value: Value } | { raw: string };

export interface Block {
  kind: Kind;
  /** The declared name, or the feature id. */
  name: string;
  properties: Property[];
}

export interface PlantedError {
  /** What was changed, for people. */
  what: string;
  /** The codes `office-farm check` reports for it (a multiset). */
  codes: string[];
  /** Whether the JSON Schema can see it in the YAML spelling. */
  yamlSchemaCatches: boolean;
}

export interface GeneratedFarm {
  servers: number;
  cells: number;
  blocks: Block[];
  farm: string;
  yaml: string;
  /** The object the YAML stands for. */
  data: Record<string, unknown>;
  planted: PlantedError[];
}

export const serversPerCell = 5;
const domain = 'contoso.com';
const id = (i: number): string => String(i + 1).padStart(5, '0');
const ident = (name: string): Ident => ({ ident: name });
const refs = (...names: string[]): Ident[] => names.map(ident);
const p = (key: string, value: Value): Property => ({ key, value });

/** The blocks of a farm of `servers` servers (a positive multiple of 5). */
export function farmBlocks(servers: number): Block[] {
  if (!Number.isInteger(servers) || servers < serversPerCell || servers % serversPerCell !== 0) {
    throw new RangeError(`servers must be a positive multiple of ${serversPerCell}, not ${servers}`);
  }
  const cells = servers / serversPerCell;
  const blocks: Block[] = [{ kind: 'farm', name: 'contoso', properties: [p('realm', domain)] }];
  const sp0Host = `intranet${id(0)}.${domain}`;
  for (let c = 0; c < cells; c++) {
    const n = id(c);
    const ex = `ex${n}`, sp = `sp${n}`, lync = `lync${n}`, wac = `wac${n}`, pwa = `pwa${n}`;
    const userA = `user${n}a`, userB = `user${n}b`, box = `team${n}`;
    const spHost = `intranet${n}.${domain}`;
    const exchangeNeighbours = [c > 0 ? `ex${id(c - 1)}` : undefined, c + 1 < cells ? `ex${id(c + 1)}` : undefined].filter((x): x is string => !!x);
    blocks.push(
      {
        kind: 'exchange',
        name: ex,
        properties: [
          p('host', `mail${n}.${domain}`),
          // Exchange 2019 has no UM (voicemail, FARM325) and Exchange 2013 cannot host Office Web Apps (FARM326).
          p('version', c % 2 ? 2016 : 2013),
          p('autodiscover', true),
          p('external-url', `https://mail${n}.${domain}`),
          p('um', true),
          p('site-mailbox-policy', 'Default'),
          p('trusts', refs(sp, lync, ...exchangeNeighbours)),
          p('owa-im', true),
          p('im-certificate', 'EA5A332496CC05DA69B75B66111C0F78A110D22D'),
        ],
      },
      {
        kind: 'sharepoint',
        name: sp,
        properties: [
          p('url', `https://${spHost}`),
          p('version', 2013),
          p('services', refs('user-profile', 'user-profile-sync', 'app-management', 'work-management', 'search', 'project')),
          p('ews-api', true),
          p('my-sites', `https://my${n}.${domain}`),
          p('search-crawls', refs('continuous', 'incremental')),
          p('photo-sync', true),
          p('max-upload-mb', 2047),
          p('iis-timeout-s', 600),
          p('trusts', refs(ex, lync)),
        ],
      },
      {
        kind: 'lync',
        name: lync,
        properties: [
          p('host', `pool${n}.${domain}`),
          // Skype for Business Server 2015: Lync Server 2013 does no OWA IM with Exchange 2016 (FARM326).
          p('version', 2015),
          p('ucs', true),
          p('mediation', `med${n}.${domain}`),
          p('gateway', `gw${n}.${domain}`),
          p('trusts', refs(ex, sp)),
          p('trusted-applications', refs(ex)),
          p('oauth-certificate', '9F8E7D6C5B4A39281706F5E4D3C2B1A098765432'),
        ],
      },
      {
        kind: 'office-web-apps',
        name: wac,
        properties: [p('url', `https://wac${n}.${domain}`), p('version', c % 2 ? 2016 : 2013), p('hosts', c % 2 ? refs(sp, ex, lync) : refs(sp, lync))],
      },
      { kind: 'project', name: pwa, properties: [p('pwa', `https://${spHost}/pwa`), p('sharepoint', ident(sp))] },
      { kind: 'feature', name: 'high-resolution-photos', properties: [p('exchange', ident(ex)), p('sharepoint', ident(sp)), p('lync', ident(lync)), p('sizes', [64, 96, 648])] },
      { kind: 'feature', name: 'unified-contact-store', properties: [p('exchange', ident(ex)), p('lync', ident(lync))] },
    );
    if (c === 0) {
      blocks.push({ kind: 'feature', name: 'site-mailboxes', properties: [p('exchange', ident(ex)), p('sharepoint', ident(sp)), p('prefix', 'SMO-')] });
    }
    blocks.push(
      { kind: 'feature', name: 'task-sync', properties: [p('exchange', ident(ex)), p('sharepoint', ident(sp)), p('project', ident(pwa))] },
      { kind: 'feature', name: 'lync-presence', properties: [p('exchange', ident(ex)), p('lync', ident(lync)), p('sharepoint', ident(sp))] },
      { kind: 'feature', name: 'voicemail', properties: [p('exchange', ident(ex)), p('lync', ident(lync)), p('pstn', true)] },
      { kind: 'feature', name: 'meeting-recordings', properties: [p('lync', ident(lync)), p('sharepoint', ident(sp)), p('library', `https://${spHost}/sites/eng/Recordings`)] },
      { kind: 'feature', name: 'ediscovery', properties: [p('sharepoint', ident(sp)), p('exchange', ident(ex))] },
      {
        kind: 'site-mailbox',
        name: box,
        properties: [p('site', `https://${sp0Host}/sites/${box}`), p('address', `SMO-${box}@${domain}`), p('owners', refs(userA)), p('members', refs(userB))],
      },
      { kind: 'user', name: userA, properties: [p('address', `${userA}@${domain}`), p('mailbox', ident(ex)), p('lync', ident(lync))] },
      { kind: 'user', name: userB, properties: [p('address', `${userB}@${domain}`), p('mailbox', ident(ex)), p('lync', ident(lync))] },
    );
  }
  return blocks;
}

/**
 * Plants a few errors, each in its own cell spread over the file, and says
 * which codes each one yields. Needs at least 7 cells (35 servers).
 */
export function plantErrors(blocks: Block[], cells: number): PlantedError[] {
  if (cells < 7) throw new RangeError('the planted variant needs at least 35 servers');
  const at = (k: number): number => Math.floor((cells * k) / 8);
  const find = (kind: Kind, name: string): Block => {
    const block = blocks.find((b) => b.kind === kind && b.name === name);
    if (!block) throw new Error(`no ${kind} ${name}`);
    return block;
  };
  const set = (block: Block, key: string, value: Value | undefined, raw?: string): void => {
    const i = block.properties.findIndex((x) => 'key' in x && x.key === key);
    if (i < 0) throw new Error(`${block.name} has no ${key}`);
    if (raw !== undefined) block.properties[i] = { raw };
    else if (value === undefined) block.properties.splice(i, 1);
    else block.properties[i] = { key, value };
  };
  const planted: PlantedError[] = [];

  const u = find('user', `user${id(at(1))}a`);
  set(u, 'mailbox', ident(`exx${id(at(1))}`));
  planted.push({ what: `${u.name}'s mailbox names an undeclared server`, codes: ['FARM102'], yamlSchemaCatches: false });

  const ex = find('exchange', `ex${id(at(2))}`);
  set(ex, 'um', false);
  planted.push({ what: `${ex.name} has um = false under voicemail`, codes: ['FARM310'], yamlSchemaCatches: false });

  const sp = find('sharepoint', `sp${id(at(3))}`);
  set(sp, 'iis-timeout-s', 0);
  planted.push({ what: `${sp.name}'s iis-timeout-s is 0`, codes: ['FARM402'], yamlSchemaCatches: true });

  const sp2 = find('sharepoint', `sp${id(at(4))}`);
  set(sp2, 'search-crawls', refs('continuous', 'incrementl'));
  planted.push({ what: `${sp2.name}'s search-crawls has a misspelt member`, codes: ['FARM107'], yamlSchemaCatches: true });

  const lync = find('lync', `lync${id(at(5))}`);
  set(lync, 'ucs', undefined, 'ucs true');
  planted.push({ what: `${lync.name}'s ucs line lacks its separator`, codes: ['FARM003'], yamlSchemaCatches: true });

  const wac = find('office-web-apps', `wac${id(at(6))}`);
  const hostsAt = wac.properties.findIndex((x) => 'key' in x && x.key === 'hosts');
  wac.properties[hostsAt] = { key: 'hostz', value: (wac.properties[hostsAt] as { value: Value }).value };
  planted.push({ what: `${wac.name} has a misspelt key hostz`, codes: ['FARM104'], yamlSchemaCatches: true });

  const lync2 = find('lync', `lync${id(at(7))}`);
  const ex2 = `ex${id(at(7))}`;
  set(lync2, 'trusts', refs(`sp${id(at(7))}`));
  planted.push({
    what: `${lync2.name} no longer trusts ${ex2} (unified-contact-store needs it; ${ex2}'s trust becomes one-way)`,
    codes: ['FARM201', 'FARM202'],
    yamlSchemaCatches: false,
  });
  return planted;
}

export function generateFarm(servers: number, options: { planted?: boolean } = {}): GeneratedFarm {
  const blocks = farmBlocks(servers);
  const cells = servers / serversPerCell;
  const planted = options.planted ? plantErrors(blocks, cells) : [];
  return { servers, cells, blocks, farm: renderFarm(blocks), yaml: renderYaml(blocks), data: toData(blocks), planted };
}

// ---- the .farm spelling -------------------------------------------------

function farmValue(v: Value): string {
  if (Array.isArray(v)) return `[${v.map(farmValue).join(', ')}]`;
  if (typeof v === 'object') return v.ident;
  if (typeof v === 'string') return JSON.stringify(v);
  return String(v);
}

export function renderFarm(blocks: Block[]): string {
  const out: string[] = ['# Generated by bench/farm-generator.ts (issue 7). Do not edit.', ''];
  for (const block of blocks) {
    if (block.kind === 'feature') {
      const body = block.properties.map((x) => ('raw' in x ? x.raw : `${x.key} = ${farmValue(x.value)}`)).join('; ');
      out.push(`feature ${block.name} { ${body} }`);
      continue;
    }
    const width = Math.max(...block.properties.map((x) => ('key' in x ? x.key.length : 0)));
    out.push(`${block.kind} ${block.name} {`);
    for (const x of block.properties) out.push('raw' in x ? `  ${x.raw}` : `  ${x.key.padEnd(width)} = ${farmValue(x.value)}`);
    out.push('}');
    out.push('');
  }
  return out.join('\n') + '\n';
}

// ---- the YAML spelling and the object it stands for ---------------------

/** The top-level YAML keys, one per kind; features are a list. */
const yamlSection: Record<Kind, string> = {
  farm: 'farm',
  exchange: 'exchange',
  sharepoint: 'sharepoint',
  lync: 'lync',
  'office-web-apps': 'office-web-apps',
  project: 'project',
  feature: 'features',
  'site-mailbox': 'site-mailbox',
  user: 'user',
};
const sectionOrder: Kind[] = ['farm', 'exchange', 'sharepoint', 'lync', 'office-web-apps', 'project', 'feature', 'site-mailbox', 'user'];

function yamlValue(v: Value): string {
  if (Array.isArray(v)) return `[${v.map(yamlValue).join(', ')}]`;
  if (typeof v === 'object') return v.ident;
  if (typeof v === 'string') return JSON.stringify(v);
  return String(v);
}

function dataValue(v: Value): unknown {
  if (Array.isArray(v)) return v.map(dataValue);
  if (typeof v === 'object') return v.ident;
  return v;
}

export function renderYaml(blocks: Block[]): string {
  const out: string[] = ['# Generated by bench/farm-generator.ts (issue 7): the same farm as the .farm file. Do not edit.'];
  for (const kind of sectionOrder) {
    const of = blocks.filter((b) => b.kind === kind);
    if (of.length === 0) continue;
    if (kind === 'farm') {
      const farm = of[0];
      out.push('farm:', `  name: ${farm.name}`);
      for (const x of farm.properties) out.push('raw' in x ? `  ${x.raw}` : `  ${x.key}: ${yamlValue(x.value)}`);
      continue;
    }
    out.push(`${yamlSection[kind]}:`);
    for (const block of of) {
      if (kind === 'feature') {
        out.push(`  - id: ${block.name}`);
        for (const x of block.properties) out.push('raw' in x ? `    ${x.raw}` : `    ${x.key}: ${yamlValue(x.value)}`);
      } else {
        out.push(`  ${block.name}:`);
        for (const x of block.properties) out.push('raw' in x ? `    ${x.raw}` : `    ${x.key}: ${yamlValue(x.value)}`);
      }
    }
  }
  return out.join('\n') + '\n';
}

/** The object the YAML spelling stands for (raw lines are left out). */
export function toData(blocks: Block[]): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  const props = (block: Block, into: Record<string, unknown>): Record<string, unknown> => {
    for (const x of block.properties) if ('key' in x) into[x.key] = dataValue(x.value);
    return into;
  };
  for (const kind of sectionOrder) {
    const of = blocks.filter((b) => b.kind === kind);
    if (of.length === 0) continue;
    if (kind === 'farm') data.farm = props(of[0], { name: of[0].name });
    else if (kind === 'feature') data.features = of.map((b) => props(b, { id: b.name }));
    else data[yamlSection[kind]] = Object.fromEntries(of.map((b) => [b.name, props(b, {})]));
  }
  return data;
}

// ---- the JSON Schema ------------------------------------------------------

/**
 * A JSON Schema (draft-07) for the YAML spelling, as tight as JSON Schema
 * allows without knowing the farm: closed objects, required properties,
 * enumerations, ranges, patterns for names, hosts, URLs and addresses, each
 * feature's roles and options by its id. What it cannot say: that a
 * reference names a declared server of the right kind, trusts, and every
 * prerequisite that relates two blocks.
 */
export function farmSchema(): Record<string, unknown> {
  const name = { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_-]*$' };
  const label = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
  const hostPattern = `^${label}(?:\\.${label})*$`;
  const host = { type: 'string', maxLength: 253, pattern: hostPattern };
  const url = { type: 'string', pattern: `^[Hh][Tt][Tt][Pp][Ss]?://${label}(?:\\.${label})*(?::[0-9]{1,5})?(?:[/?#][^\\s]*)?$` };
  const email = { type: 'string', pattern: `^[^\\s@]+@${label}(?:\\.${label})+$` };
  const version = { enum: [2010, 2013, 2015, 2016, 2019, 'subscription'] };
  const thumbprint = { type: 'string', pattern: '^[0-9A-Fa-f]{40}$' };
  const list = (items: unknown) => ({ type: 'array', items, uniqueItems: true });
  const refList = list(name);
  const closed = (properties: Record<string, unknown>, required: string[] = []) => ({
    type: 'object',
    properties,
    required,
    additionalProperties: false,
  });
  const namedMap = (definition: string) => ({
    type: 'object',
    propertyNames: name,
    additionalProperties: { $ref: `#/definitions/${definition}` },
  });
  const feature = (id: string, roles: Record<string, boolean>, options: Record<string, unknown> = {}, requiredOptions: string[] = []) => ({
    if: { properties: { id: { const: id } }, required: ['id'] },
    then: closed(
      { id: { const: id }, ...Object.fromEntries(Object.keys(roles).map((r) => [r, name])), ...options },
      ['id', ...Object.keys(roles).filter((r) => roles[r]), ...requiredOptions],
    ),
  });
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://office-farm.invalid/bench/farm.schema.json',
    title: 'Office farm topology (YAML spelling, benchmark of issue 7)',
    type: 'object',
    additionalProperties: false,
    properties: {
      farm: closed({ name, realm: { type: 'string', minLength: 1 } }, ['name']),
      exchange: namedMap('exchange'),
      sharepoint: namedMap('sharepoint'),
      lync: namedMap('lync'),
      'office-web-apps': namedMap('office-web-apps'),
      project: namedMap('project'),
      features: { type: 'array', items: { $ref: '#/definitions/feature' } },
      'site-mailbox': namedMap('site-mailbox'),
      user: namedMap('user'),
    },
    definitions: {
      exchange: closed(
        {
          host,
          version,
          trusts: refList,
          metadata: url,
          autodiscover: { type: 'boolean' },
          'external-url': url,
          um: { type: 'boolean' },
          'site-mailbox-policy': { type: 'string', minLength: 1 },
          'ews-url': url,
          'owa-im': { type: 'boolean' },
          'im-certificate': thumbprint,
          'im-server': name,
          'um-same-computer': { type: 'boolean' },
        },
        ['host'],
      ),
      sharepoint: closed(
        {
          url,
          version,
          trusts: refList,
          metadata: url,
          services: list({ enum: ['user-profile', 'user-profile-sync', 'app-management', 'work-management', 'search', 'project'] }),
          'ews-api': { type: 'boolean' },
          'my-sites': url,
          'search-crawls': list({ enum: ['continuous', 'incremental', 'full'] }),
          'photo-sync': { type: 'boolean' },
          'max-upload-mb': { type: 'integer', minimum: 1, maximum: 2047 },
          'iis-timeout-s': { type: 'integer', minimum: 1, maximum: 86400 },
          authentication: { enum: ['claims', 'classic'] },
          'allow-oauth-over-http': { type: 'boolean' },
        },
        ['url'],
      ),
      lync: closed(
        { host, version, trusts: refList, metadata: url, ucs: { type: 'boolean' }, mediation: host, gateway: host, 'trusted-applications': refList, 'oauth-certificate': thumbprint, 'oauth-key-bits': { type: 'integer', minimum: 512, maximum: 16384 } },
        ['host'],
      ),
      'office-web-apps': closed({ url, version, hosts: refList }, ['url']),
      project: closed({ pwa: url, version, sharepoint: name }, ['pwa']),
      'site-mailbox': closed({ site: url, address: email, owners: refList, members: refList }, ['site', 'address']),
      user: closed({ address: email, mailbox: name, lync: name }, ['address']),
      feature: {
        type: 'object',
        required: ['id'],
        properties: {
          id: { enum: ['high-resolution-photos', 'unified-contact-store', 'site-mailboxes', 'task-sync', 'lync-presence', 'voicemail', 'meeting-recordings', 'ediscovery'] },
        },
        allOf: [
          feature('high-resolution-photos', { exchange: true, sharepoint: false, lync: false }, { sizes: list({ type: 'integer', minimum: 48, maximum: 648 }) }),
          feature('unified-contact-store', { exchange: true, lync: true }),
          feature('site-mailboxes', { exchange: true, sharepoint: true }, { prefix: { type: 'string' } }),
          feature('task-sync', { exchange: true, sharepoint: true, project: false }),
          feature('lync-presence', { exchange: true, lync: true, sharepoint: false }),
          feature('voicemail', { exchange: true, lync: true }, { pstn: { type: 'boolean' } }),
          feature('meeting-recordings', { lync: true, sharepoint: true }, { library: url }, ['library']),
          feature('ediscovery', { sharepoint: true, exchange: true }),
        ],
      },
    },
  };
}
