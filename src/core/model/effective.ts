// Effective values: what a property means once defaults apply. An invalid
// value counts as not set, so its default applies here.
import type { SmallMap } from './small-map';
import type { Bound, BoundValue, Declaration } from './types';
import type { ListValue, Value } from '../syntax/ast';

export function valueOf(decl: Declaration | { values: SmallMap<string, Bound> }, key: string): Bound | undefined {
  return decl.values.get(key);
}

/** Where a valid value stands in the source. */
export function valueNode(decl: { written: SmallMap<string, { value?: Value }> }, key: string): Value {
  return decl.written.get(key)!.value!;
}

export function stringOf(decl: Declaration, key: string): string | undefined {
  const v = valueOf(decl, key);
  return typeof v === 'string' ? v : undefined;
}

export function versionOf(decl: Declaration): number {
  const v = valueOf(decl, 'version');
  return typeof v === 'number' ? v : 2013;
}

const booleanDefaults: Record<string, boolean> = { ucs: true };
const numberDefaults: Record<string, number> = { 'max-upload-mb': 250, 'iis-timeout-s': 120 };

export function flagOf(decl: { values: SmallMap<string, Bound> }, key: string): boolean {
  const v = decl.values.get(key);
  return typeof v === 'boolean' ? v : booleanDefaults[key] ?? false;
}

export function numberOf(decl: Declaration, key: string): number | undefined {
  const v = valueOf(decl, key);
  return typeof v === 'number' ? v : numberDefaults[key];
}

/** The valid members of a list property (names of enum members or referenced declarations). */
export function listOf(decl: Declaration, key: string): BoundValue[] {
  const v = valueOf(decl, key);
  return Array.isArray(v) ? v : [];
}

export function membersOf(decl: Declaration, key: string): string[] {
  return listOf(decl, key).map((b) => (typeof b.value === 'string' ? b.value : (b.value as Declaration).name));
}

/** Whether `truster`'s trusts list names `trusted` (without making the list of servers). */
export function trusts(truster: Declaration, trusted: Declaration): boolean {
  for (const b of listOf(truster, 'trusts')) if (b.value === trusted) return true;
  return false;
}

/** The resolved servers in a `trusts` list. */
export function trustsOf(decl: Declaration): Declaration[] {
  return listOf(decl, 'trusts').map((b) => b.value as Declaration);
}

/** The written `trusts` list node, when it is a list. */
export function trustsListNode(decl: Declaration): ListValue | undefined {
  const v = decl.written.get('trusts')?.value;
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

export function ewsEndpoint(decl: Declaration): string | undefined {
  const written = stringOf(decl, 'ews-url');
  if (written) return written;
  const host = stringOf(decl, 'host');
  return host ? `https://${host}/EWS/Exchange.asmx` : undefined;
}

export function isHttps(url: string): boolean {
  return /^https:\/\//i.test(url);
}
