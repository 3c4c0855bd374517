// Effective values: what a property means once defaults apply. An invalid
// value counts as not set, so its default applies here.
import { subscriptionOrder } from '../language/versions';
import type { Bound, BoundList, Declaration, FeatureInstance, PropertyTable } from './types';
import type { Block, ListValue, Value } from '../syntax/ast';

/** The index of the first property written with `key`, or -1. */
export function firstIndex(owner: { block: Block }, key: string): number {
  return owner.block.properties.findIndex((p) => p.key === key);
}

/** Whether a property before the i-th has its key: then the i-th is a duplicate, and does not count. */
export function writtenEarlier(block: Block, i: number): boolean {
  const key = block.properties[i].key;
  for (let j = 0; j < i; j++) if (block.properties[j].key === key) return true;
  return false;
}

/** Whether `key` is written (valid or not). */
export function isWritten(owner: { block: Block }, key: string): boolean {
  return firstIndex(owner, key) >= 0;
}

/** The value written for `key` (its first occurrence), as a node, valid or not. */
export function writtenValue(owner: { block: Block }, key: string): Value | undefined {
  const i = firstIndex(owner, key);
  return i < 0 ? undefined : owner.block.properties[i].value;
}

/** The valid value of `key`, converted; undefined when it is not set or not valid. */
export function valueOf(owner: PropertyTable, key: string): Bound | undefined {
  const i = firstIndex(owner, key);
  return i < 0 ? undefined : owner.values[i];
}

/** The keys with a valid value, in the order written. */
export function boundKeys(owner: PropertyTable): string[] {
  return owner.block.properties.filter((_, i) => owner.values[i] !== undefined).map((p) => p.key);
}

/** Where a valid value stands in the source. */
export function valueNode(owner: PropertyTable, key: string): Value {
  return owner.block.properties[firstIndex(owner, key)].value!;
}

export function stringOf(decl: Declaration, key: string): string | undefined {
  const v = valueOf(decl, key);
  return typeof v === 'string' ? v : undefined;
}

/** The server's version as a sort key (language/versions.ts): its year, or `subscriptionOrder`; 2013 when not written. */
export function versionOf(decl: Declaration): number {
  const v = valueOf(decl, 'version');
  return typeof v === 'number' ? v : v === 'subscription' ? subscriptionOrder : 2013;
}

const booleanDefaults: Record<string, boolean> = { ucs: true };
const numberDefaults: Record<string, number> = { 'max-upload-mb': 250, 'iis-timeout-s': 120 };

export function flagOf(decl: PropertyTable, key: string): boolean {
  const v = valueOf(decl, key);
  return typeof v === 'boolean' ? v : booleanDefaults[key] ?? false;
}

export function numberOf(decl: Declaration, key: string): number | undefined {
  const v = valueOf(decl, key);
  return typeof v === 'number' ? v : numberDefaults[key];
}

/** The server in a feature's role: the valid reference written for it, or the one inferred. */
export function roleTarget(feature: FeatureInstance, role: string): Declaration | undefined {
  const roles = feature.spec?.roles;
  if (roles) for (let i = 0; i < roles.length; i++) if (roles[i].role === role) return roleTargetAt(feature, i);
  return undefined;
}

/** The server in the i-th role of the feature's spec (see `roleTarget`). */
export function roleTargetAt(feature: FeatureInstance, i: number): Declaration | undefined {
  const written = firstIndex(feature, feature.spec!.roles[i].role);
  return written >= 0 ? (feature.values[written] as Declaration | undefined) : feature.inferred[i];
}

/** Whether a converted value is a list's, not a declaration. */
export function isBoundList(v: Bound | undefined): v is BoundList {
  return Array.isArray(v);
}

/** A list property's elements converted, when the list is valid. */
export function boundList(decl: Declaration, key: string): BoundList | undefined {
  const v = valueOf(decl, key);
  return isBoundList(v) ? v : undefined;
}

export function membersOf(decl: Declaration, key: string): string[] {
  const out: string[] = [];
  const list = boundList(decl, key);
  if (!list) return out;
  for (const b of list) if (b !== undefined) out.push(typeof b === 'string' ? b : (b as Declaration).name);
  return out;
}

/** Whether `truster`'s trusts list names `trusted` (without making the list of servers). */
export function trusts(truster: Declaration, trusted: Declaration): boolean {
  const list = boundList(truster, 'trusts');
  return !!list && list.includes(trusted);
}

/** The resolved servers in a `trusts` list. */
export function trustsOf(decl: Declaration): Declaration[] {
  const out: Declaration[] = [];
  const list = boundList(decl, 'trusts');
  if (!list) return out;
  for (const b of list) if (b !== undefined) out.push(b as Declaration);
  return out;
}

/** The written `trusts` list node, when it is a list. */
export function trustsListNode(decl: Declaration): ListValue | undefined {
  const i = firstIndex(decl, 'trusts');
  const v = i < 0 ? undefined : decl.block.properties[i].value;
  return v?.type === 'list' ? v : undefined;
}

export const conventionalMetadataPath: Record<string, string> = {
  exchange: '/autodiscover/metadata/json/1',
  lync: '/metadata/json/1',
  sharepoint: '/_layouts/15/metadata/json/1',
};

/**
 * The S2S metadata endpoint a trust is established against: the `metadata`
 * property, or the default derived from the host or URL. Undefined when
 * nothing can be derived.
 */
export function metadataEndpoint(decl: Declaration): { url: string; source: 'metadata' | 'host' | 'url' } | undefined {
  const written = stringOf(decl, 'metadata');
  if (written) return { url: written, source: 'metadata' };
  if (decl.kind === 'exchange' || decl.kind === 'lync') {
    const host = stringOf(decl, 'host');
    return host ? { url: `https://${host}${conventionalMetadataPath[decl.kind]}`, source: 'host' } : undefined;
  }
  if (decl.kind === 'sharepoint') {
    const url = stringOf(decl, 'url');
    return url ? { url: `${url.replace(/\/+$/, '')}${conventionalMetadataPath.sharepoint}`, source: 'url' } : undefined;
  }
  return undefined;
}

/**
 * The metadata endpoint when it is not https, undefined otherwise: what
 * `metadataEndpoint` gives, without making the URL of every endpoint that
 * is (one derived from a host always is; one derived from a url is when
 * the url is).
 */
export function insecureMetadataEndpoint(decl: Declaration): ReturnType<typeof metadataEndpoint> {
  const written = stringOf(decl, 'metadata');
  if (written) return isHttps(written) ? undefined : { url: written, source: 'metadata' };
  if (decl.kind !== 'sharepoint') return undefined;
  const url = stringOf(decl, 'url');
  return url && !isHttps(url) ? metadataEndpoint(decl) : undefined;
}

export function ewsEndpoint(decl: Declaration): string | undefined {
  const written = stringOf(decl, 'ews-url');
  if (written) return written;
  const host = stringOf(decl, 'host');
  return host ? `https://${host}/EWS/Exchange.asmx` : undefined;
}

export function isHttps(url: string): boolean {
  return /^https:\/\//i.test(url);
}
