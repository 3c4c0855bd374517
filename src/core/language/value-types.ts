import { stringFormats, type StringFormatName } from './string-formats';
import { allVersionWords, productLines, type VersionedKind } from './versions';

export type BlockKind =
  | 'farm'
  | 'exchange'
  | 'sharepoint'
  | 'lync'
  | 'office-web-apps'
  | 'project'
  | 'feature'
  | 'site-mailbox'
  | 'user';

export type ValueType =
  | { type: 'string' }
  | { type: 'number'; min: number; max: number; rangeCode: 'FARM401' | 'FARM402'; /** When given, only these numbers (within min..max). */ allowed?: readonly number[] }
  | { type: 'boolean' }
  | { type: StringFormatName }
  | { type: 'version'; /** The product line whose releases it takes. */ line: VersionedKind }
  | { type: 'enum'; members: readonly string[] }
  | { type: 'ref'; kinds: readonly BlockKind[] }
  | { type: 'list'; of: ValueType };

export interface PropertySpec {
  key: string;
  type: ValueType;
  required?: boolean;
  /** The default as an administrator reads it (`{host}` stands for the block's host). */
  default?: string;
  description: string;
}

/** Every way a version may be written, in any product line (language/versions.ts has each line's). */
export const versions = allVersionWords;

export function describeType(t: ValueType): string {
  switch (t.type) {
    case 'string':
      return 'string';
    case 'number':
      return t.allowed ? `one of ${t.allowed.join(', ')}` : `number ${t.min}..${t.max}`;
    case 'boolean':
      return 'true | false';
    case 'version':
      return productLines[t.line].releases.map((r) => r.written).join(' | ');
    case 'enum':
      return t.members.join(' | ');
    case 'ref':
      return `the name of ${joinOr(t.kinds.map(article))}`;
    case 'list':
      return `list of ${describeType(t.of)}`;
    default:
      return stringFormats[t.type].describe;
  }
}

/** Whether a value of the type is written in double quotes. */
export function isQuoted(t: ValueType): boolean {
  return t.type === 'string' || t.type in stringFormats;
}

const kindNouns: Record<string, string> = {
  farm: 'a farm block',
  exchange: 'an Exchange server',
  sharepoint: 'a SharePoint server',
  lync: 'a Lync pool',
  'office-web-apps': 'an Office Web Apps farm',
  project: 'a Project Server',
  feature: 'a feature',
  'site-mailbox': 'a site mailbox',
  user: 'a user',
};

/** "an Exchange server", "a user": a block kind or a type as a sentence says it. */
export function article(kind: string): string {
  return kindNouns[kind] ?? (/^[aeiou]/i.test(kind) ? `an ${kind}` : `a ${kind}`);
}

/** "a, b or c" */
export function joinOr(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
