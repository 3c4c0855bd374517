// EWS search restrictions (FindItem, FindFolder) over the properties this
// simulator serves. A restriction on another property is refused with
// ErrorUnsupportedPathForQuery rather than silently ignored.
import type { Folder, StoreItem } from './mailbox-store';
import { all, attr, one, type XmlNode } from './ews-soap';

export class UnsupportedRestriction extends Error {}

type Value = string | number | boolean | undefined;

function itemValue(item: StoreItem, uri: string): Value {
  switch (uri) {
    case 'item:Subject':
      return item.subject;
    case 'item:ItemClass':
      return item.kind === 'group' ? item.groupClass : { message: 'IPM.Note', task: 'IPM.Task', contact: 'IPM.Contact' }[item.kind];
    case 'item:DateTimeReceived':
      return (item.kind === 'message' ? item.received : item.created).toISOString();
    case 'item:HasAttachments':
      return item.kind === 'message' && item.attachments.length > 0;
    case 'item:Importance':
      return item.kind === 'message' ? item.importance : 'Normal';
    case 'message:From':
    case 'message:Sender':
      // Exchange matches a sender restriction against the display name and the address alike.
      return item.kind === 'message' ? `${item.from.name} <${item.from.address}>` : undefined;
    case 'message:IsRead':
      return item.kind === 'message' ? item.isRead : undefined;
    case 'task:Status':
      return item.kind === 'task' ? item.status : undefined;
    case 'task:IsComplete':
      return item.kind === 'task' ? item.status === 'Completed' : undefined;
    case 'task:PercentComplete':
      return item.kind === 'task' ? item.percentComplete : undefined;
    case 'task:DueDate':
      return item.kind === 'task' ? item.due?.toISOString() : undefined;
    case 'contacts:DisplayName':
      return item.kind === 'contact' || item.kind === 'group' ? item.displayName : undefined;
  }
  throw new UnsupportedRestriction(uri);
}

function folderValue(folder: Folder, uri: string): Value {
  if (uri === 'folder:DisplayName') return folder.displayName;
  if (uri === 'folder:FolderClass') return folder.folderClass;
  throw new UnsupportedRestriction(uri);
}

export function itemMatches(restriction: XmlNode | undefined, item: StoreItem): boolean {
  return restriction ? evaluate(restriction, (uri) => itemValue(item, uri)) : true;
}

export function folderMatches(restriction: XmlNode | undefined, folder: Folder): boolean {
  return restriction ? evaluate(restriction, (uri) => folderValue(folder, uri)) : true;
}

function compare(a: Value, constant: string): number {
  if (typeof a === 'boolean') return String(a) === constant.toLowerCase() ? 0 : 1;
  if (typeof a === 'number') return a - Number(constant);
  if (a === undefined) return NaN;
  const da = Date.parse(a);
  const dc = Date.parse(constant);
  if (/^\d{4}-\d\d-\d\dT/.test(a) && !Number.isNaN(da) && !Number.isNaN(dc)) return da - dc;
  return a.localeCompare(constant, 'en', { sensitivity: 'accent' });
}

function evaluate(node: XmlNode, value: (uri: string) => Value): boolean {
  for (const [name, raw] of Object.entries(node)) {
    if (name.startsWith('@_')) continue;
    const child = one(raw)!;
    const uri = attr(one(child.FieldURI), 'FieldURI') ?? '';
    const constant = attr(one(one(child.FieldURIOrConstant)?.Constant) ?? one(child.Constant), 'Value') ?? '';
    switch (name) {
      case 'And':
        return all(raw).every((c) => evalChildren(c, value, 'every'));
      case 'Or':
        return all(raw).every((c) => evalChildren(c, value, 'some'));
      case 'Not':
        return !evaluate(child, value);
      case 'Exists':
        return value(uri) !== undefined;
      case 'IsEqualTo':
        return compare(value(uri), constant) === 0;
      case 'IsNotEqualTo':
        return compare(value(uri), constant) !== 0;
      case 'IsGreaterThan':
        return compare(value(uri), constant) > 0;
      case 'IsGreaterThanOrEqualTo':
        return compare(value(uri), constant) >= 0;
      case 'IsLessThan':
        return compare(value(uri), constant) < 0;
      case 'IsLessThanOrEqualTo':
        return compare(value(uri), constant) <= 0;
      case 'Contains': {
        const v = String(value(uri) ?? '');
        const ignoreCase = (attr(child, 'ContainmentComparison') ?? 'Exact') !== 'Exact';
        const [hay, needle] = ignoreCase ? [v.toLowerCase(), constant.toLowerCase()] : [v, constant];
        const mode = attr(child, 'ContainmentMode') ?? 'Substring';
        if (mode === 'FullString') return hay === needle;
        if (mode === 'Prefixed') return hay.startsWith(needle);
        return hay.includes(needle);
      }
      default:
        throw new UnsupportedRestriction(name);
    }
  }
  return true;
}

/** And/Or hold several expressions, each its own element (possibly repeated). */
function evalChildren(node: XmlNode, value: (uri: string) => Value, mode: 'every' | 'some'): boolean {
  const results: boolean[] = [];
  for (const [name, raw] of Object.entries(node)) {
    if (name.startsWith('@_')) continue;
    for (const c of all(raw)) results.push(evaluate({ [name]: c }, value));
  }
  return mode === 'every' ? results.every(Boolean) : results.some(Boolean);
}
