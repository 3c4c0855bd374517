// POST /EWS/Exchange.asmx: authentication, EWS faults, and the operations
// the panels use — FindItem, GetItem, GetFolder, FindFolder, ResolveNames,
// UpdateItem — over the simulated mailboxes.
import type { Account } from './accounts';
import { authenticateEws } from './ews-authentication';
import { folderXml, itemXml, nonSummaryRequested, readShape, changeKey, type Shape } from './ews-items';
import { folderMatches, itemMatches, UnsupportedRestriction } from './ews-restrictions';
import {
  all,
  attr,
  el,
  envelope,
  esc,
  failure,
  one,
  readSoapRequest,
  responseMessages,
  soapFault,
  SoapReadError,
  success,
  text,
  type XmlNode,
} from './ews-soap';
import { IIS_500 } from './iis-pages';
import type { Folder, Mailbox, StoreItem, TaskItem } from './mailbox-store';
import type { Served, SimulatedFarm } from './simulated-farm';

const MAX_REQUEST_BYTES = 4 * 1024 * 1024;

interface Reply {
  status: number;
  xml: string;
}

interface Call {
  farm: SimulatedFarm;
  account: Account;
  body: XmlNode;
  x: Served;
}

export async function serveEws(farm: SimulatedFarm, x: Served): Promise<void> {
  const { req, res } = x;
  const server = x.endpoint.server;
  const silent = farm.fault(server.name, 'ews-silent');
  if (silent) {
    x.note.fault = 'ews-silent';
    req.resume();
    return;
  }
  if (farm.fault(server.name, 'ews-server-error')) {
    x.note.fault = 'ews-server-error';
    req.resume();
    res.writeHead(500, { 'Content-Type': 'text/html', 'Content-Length': Buffer.byteLength(IIS_500) });
    res.end(IIS_500);
    return;
  }
  // Authenticate before reading: a 401 ends the exchange whatever the body says.
  const account = authenticateEws(farm, x);
  if (!account) {
    req.resume();
    return;
  }
  x.note.user = account.signInName;
  if (req.method !== 'POST') {
    req.resume();
    const page = '<html><body><p>You have created a service.</p></body></html>';
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': Buffer.byteLength(page) });
    res.end(page);
    return;
  }
  const raw = await readBody(req);
  if (raw === undefined) {
    res.writeHead(413, { 'Content-Length': 0 });
    res.end();
    return;
  }
  const reply = handle(farm, account, raw, x);
  const bytes = Buffer.from(reply.xml, 'utf8');
  res.writeHead(reply.status, { 'Content-Type': 'text/xml; charset=utf-8', 'Content-Length': bytes.length });
  res.end(bytes);
}

function readBody(req: Served['req']): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooBig = false;
    req.on('data', (d: Buffer) => {
      size += d.length;
      if (size > MAX_REQUEST_BYTES) tooBig = true;
      else chunks.push(d);
    });
    req.on('end', () => resolve(tooBig ? undefined : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function handle(farm: SimulatedFarm, account: Account, raw: string, x: Served): Reply {
  const server = x.endpoint.server;
  const version = server.version;
  let request;
  try {
    request = readSoapRequest(raw);
  } catch (err) {
    if (!(err instanceof SoapReadError)) throw err;
    x.note.detail = err.message;
    return { status: 500, xml: soapFault('ErrorSchemaValidation', `The request failed schema validation: ${err.message}`) };
  }
  x.note.operation = request.operation;
  if (version <= 2010 && request.requestedVersion && !request.requestedVersion.startsWith('Exchange2010') && !request.requestedVersion.startsWith('Exchange2007')) {
    return { status: 500, xml: soapFault('ErrorInvalidServerVersion', 'The specified server version is invalid.') };
  }

  const busy = farm.fault(server.name, 'ews-server-busy');
  if (busy) {
    x.note.fault = `ews-server-busy:${busy.value}`;
    return {
      status: 500,
      xml: soapFault(
        'ErrorServerBusy',
        'The server cannot service this request right now. Try again later.',
        `<t:Value Name="BackOffMilliseconds">${busy.value}</t:Value>`,
      ),
    };
  }
  const busyMessage = farm.fault(server.name, 'ews-busy-message');
  if (busyMessage && OPERATIONS[request.operation]) {
    x.note.fault = `ews-busy-message:${busyMessage.value}`;
    const xml = failure(
      request.operation,
      'ErrorServerBusy',
      'The server cannot service this request right now. Try again later.',
      `<t:Value Name="BackOffMilliseconds">${busyMessage.value}</t:Value>`,
    );
    return { status: 200, xml: envelope(version, responseMessages(request.operation, [xml])) };
  }
  if (farm.fault(server.name, 'ews-soap-fault')) {
    x.note.fault = 'ews-soap-fault';
    return { status: 500, xml: soapFault('ErrorInternalServerError', 'An internal server error occurred. The operation failed.') };
  }

  const operation = OPERATIONS[request.operation];
  if (!operation) {
    return {
      status: 500,
      xml: soapFault('ErrorInvalidRequest', `The request is invalid. (The simulator does not implement ${request.operation}.)`),
    };
  }
  const messages = operation({ farm, account, body: request.body, x });
  return { status: 200, xml: envelope(version, responseMessages(request.operation, messages)) };
}

const OPERATIONS: Record<string, (call: Call) => string[]> = {
  GetFolder: getFolder,
  FindFolder: findFolder,
  FindItem: findItem,
  GetItem: getItem,
  UpdateItem: updateItem,
  ResolveNames: resolveNames,
};

type Resolved<T> = { ok: T } | { code: string; message: string };

function resolveFolder(call: Call, node: XmlNode, kind: 'DistinguishedFolderId' | 'FolderId'): Resolved<Folder> {
  const store = call.farm.mailboxes;
  if (kind === 'FolderId') {
    const folder = store.folder(attr(node, 'Id') ?? '');
    if (!folder) return { code: 'ErrorFolderNotFound', message: 'The specified folder could not be found in the store.' };
    const denied = checkAccess(call, folder.mailbox);
    return denied ?? { ok: folder };
  }
  const address = text(one(one(node.Mailbox)?.EmailAddress));
  const mailbox = store.mailbox(address || call.account.signInName);
  if (!mailbox) {
    return { code: 'ErrorNonExistentMailbox', message: `The SMTP address has no mailbox associated with it.` };
  }
  const denied = checkAccess(call, mailbox);
  if (denied) return denied;
  const folder = store.distinguishedFolder(mailbox, attr(node, 'Id') ?? '');
  if (!folder) return { code: 'ErrorFolderNotFound', message: 'The specified folder could not be found in the store.' };
  return { ok: folder };
}

function checkAccess(call: Call, mailbox: Mailbox): { code: string; message: string } | undefined {
  if (call.farm.mailboxes.canOpen(call.account.signInName, mailbox)) return undefined;
  return { code: 'ErrorAccessDenied', message: 'Access is denied. Check credentials and try again.' };
}

/** The folder ids in a FolderIds/ParentFolderIds element, in document order. */
function folderRefs(node: XmlNode | undefined): Array<{ kind: 'DistinguishedFolderId' | 'FolderId'; node: XmlNode }> {
  if (!node) return [];
  return [
    ...all(node.DistinguishedFolderId).map((n) => ({ kind: 'DistinguishedFolderId' as const, node: n })),
    ...all(node.FolderId).map((n) => ({ kind: 'FolderId' as const, node: n })),
  ];
}

function unreadOf(folder: Folder): number {
  return folder.items().filter((i) => i.kind === 'message' && !i.isRead).length;
}

function getFolder(call: Call): string[] {
  const shape = readShape(one(call.body.FolderShape));
  return folderRefs(one(call.body.FolderIds)).map((ref) => {
    const r = resolveFolder(call, ref.node, ref.kind);
    if (!('ok' in r)) return failure('GetFolder', r.code, r.message);
    return success('GetFolder', `<m:Folders>${folderXml(r.ok, shape, unreadOf(r.ok))}</m:Folders>`);
  });
}

interface Page<T> {
  items: T[];
  offset: number;
  total: number;
  last: boolean;
}

function page<T>(list: T[], body: XmlNode, viewName: 'IndexedPageItemView' | 'IndexedPageFolderView'): Page<T> {
  const total = list.length;
  const indexed = one(body[viewName]);
  const fractional = one(body[viewName === 'IndexedPageItemView' ? 'FractionalPageItemView' : 'FractionalPageFolderView']);
  if (indexed) {
    const max = Number(attr(indexed, 'MaxEntriesReturned') ?? total) || total;
    const offset = Math.max(0, Number(attr(indexed, 'Offset') ?? 0) || 0);
    if (attr(indexed, 'BasePoint') === 'End') {
      const end = Math.max(0, total - offset);
      const start = Math.max(0, end - max);
      return { items: list.slice(start, end), offset: offset + (end - start), total, last: start === 0 };
    }
    const items = list.slice(offset, offset + max);
    return { items, offset: offset + items.length, total, last: offset + items.length >= total };
  }
  if (fractional) {
    const max = Number(attr(fractional, 'MaxEntriesReturned') ?? total) || total;
    const num = Number(attr(fractional, 'Numerator') ?? 0);
    const den = Number(attr(fractional, 'Denominator') ?? 1) || 1;
    const start = Math.min(total, Math.floor((total * num) / den));
    const items = list.slice(start, start + max);
    return { items, offset: start + items.length, total, last: start + items.length >= total };
  }
  return { items: list, offset: total, total, last: true };
}

function findFolder(call: Call): string[] {
  const shape = readShape(one(call.body.FolderShape));
  const deep = attr(call.body, 'Traversal') === 'Deep';
  const restriction = one(call.body.Restriction);
  return folderRefs(one(call.body.ParentFolderIds)).map((ref) => {
    const r = resolveFolder(call, ref.node, ref.kind);
    if (!('ok' in r)) return failure('FindFolder', r.code, r.message);
    const descendants = (f: Folder): Folder[] => f.children().flatMap((c) => [c, ...(deep ? descendants(c) : [])]);
    let matches: Folder[];
    try {
      matches = descendants(r.ok).filter((f) => folderMatches(restriction, f));
    } catch (err) {
      if (err instanceof UnsupportedRestriction) return failure('FindFolder', 'ErrorUnsupportedPathForQuery', `The property ${err.message} is not supported in a restriction.`);
      throw err;
    }
    const p = page(matches, call.body, 'IndexedPageFolderView');
    const folders = p.items.map((f) => folderXml(f, shape, unreadOf(f))).join('');
    return success(
      'FindFolder',
      `<m:RootFolder IndexedPagingOffset="${p.offset}" TotalItemsInView="${p.total}" IncludesLastItemInRange="${p.last}"><t:Folders>${folders}</t:Folders></m:RootFolder>`,
    );
  });
}

function sortItems(items: StoreItem[], body: XmlNode): StoreItem[] {
  const orders = all(one(body.SortOrder)?.FieldOrder);
  if (orders.length === 0) return items;
  const keyOf = (item: StoreItem, uri: string): string | number => {
    if (uri === 'item:DateTimeReceived') return (item.kind === 'message' ? item.received : item.created).getTime();
    if (uri === 'item:Subject') return item.subject.toLowerCase();
    if (uri === 'task:DueDate' && item.kind === 'task') return item.due?.getTime() ?? Infinity;
    if (uri === 'contacts:DisplayName' && (item.kind === 'contact' || item.kind === 'group')) return item.displayName.toLowerCase();
    throw new UnsupportedRestriction(uri);
  };
  const rules = orders.map((o) => ({ uri: attr(one(o.FieldURI), 'FieldURI') ?? '', desc: attr(o, 'Order') === 'Descending' }));
  return [...items].sort((a, b) => {
    for (const r of rules) {
      const ka = keyOf(a, r.uri);
      const kb = keyOf(b, r.uri);
      if (ka !== kb) return (ka < kb ? -1 : 1) * (r.desc ? -1 : 1);
    }
    return 0;
  });
}

function findItem(call: Call): string[] {
  const shape = readShape(one(call.body.ItemShape));
  const refused = nonSummaryRequested(shape);
  const restriction = one(call.body.Restriction);
  return folderRefs(one(call.body.ParentFolderIds)).map((ref) => {
    if (refused) {
      return failure('FindItem', 'ErrorInvalidPropertyRequest', `The property ${refused} can't be used in FindItem requests.`);
    }
    const r = resolveFolder(call, ref.node, ref.kind);
    if (!('ok' in r)) return failure('FindItem', r.code, r.message);
    let items: StoreItem[];
    try {
      items = sortItems(r.ok.items().filter((i) => itemMatches(restriction, i)), call.body);
    } catch (err) {
      if (err instanceof UnsupportedRestriction) {
        return failure('FindItem', 'ErrorUnsupportedPathForQuery', `The property ${err.message} is not supported in a restriction or sort order.`);
      }
      throw err;
    }
    const p = page(items, call.body, 'IndexedPageItemView');
    call.x.note.detail = `${r.ok.mailbox.address}/${r.ok.displayName} ${p.items.length} of ${p.total}`;
    return success(
      'FindItem',
      `<m:RootFolder IndexedPagingOffset="${p.offset}" TotalItemsInView="${p.total}" IncludesLastItemInRange="${p.last}"><t:Items>${p.items
        .map((i) => itemXml(i, shape, true))
        .join('')}</t:Items></m:RootFolder>`,
    );
  });
}

function lookupItem(call: Call, id: string): Resolved<StoreItem> {
  const item = call.farm.mailboxes.item(id);
  if (!item) return { code: 'ErrorItemNotFound', message: 'The specified object was not found in the store.' };
  const folder = call.farm.mailboxes.folder(item.folderId)!;
  return checkAccess(call, folder.mailbox) ?? { ok: item };
}

function getItem(call: Call): string[] {
  const shape: Shape = readShape(one(call.body.ItemShape));
  return all(one(call.body.ItemIds)?.ItemId).map((node) => {
    const r = lookupItem(call, attr(node, 'Id') ?? '');
    if (!('ok' in r)) return failure('GetItem', r.code, r.message);
    return success('GetItem', `<m:Items>${itemXml(r.ok, shape, false, (id) => call.farm.mailboxes.item(id))}</m:Items>`);
  });
}

const ELEMENT: Record<StoreItem['kind'], string> = { message: 'Message', task: 'Task', contact: 'Contact', group: 'DistributionList' };

function updateItem(call: Call): string[] {
  const conflict = attr(call.body, 'ConflictResolution') ?? 'AutoResolve';
  return all(one(call.body.ItemChanges)?.ItemChange).map((change) => {
    const idNode = one(change.ItemId);
    const r = lookupItem(call, attr(idNode, 'Id') ?? '');
    if (!('ok' in r)) return failure('UpdateItem', r.code, r.message);
    const item = r.ok;
    if (conflict === 'NeverOverwrite' && attr(idNode, 'ChangeKey') && attr(idNode, 'ChangeKey') !== changeKey(item)) {
      return failure('UpdateItem', 'ErrorIrresolvableConflict', 'The send or update operation could not be performed because the change key passed in the request does not match the current change key for the item.');
    }
    const updates = one(change.Updates) ?? {};
    if (updates.DeleteItemField || updates.AppendToItemField) {
      return failure('UpdateItem', 'ErrorInvalidPropertySet', 'The simulator only sets fields (SetItemField).');
    }
    for (const set of all(updates.SetItemField)) {
      const uri = attr(one(set.FieldURI), 'FieldURI') ?? '';
      const holder = one(set.Message) ?? one(set.Task) ?? one(set.Item) ?? one(set.Contact) ?? one(set.DistributionList) ?? {};
      const element = uri.split(':')[1];
      const value = text(one(holder[element]));
      const error = applyField(item, uri, value ?? '', call.farm.clock());
      if (error) return failure('UpdateItem', 'ErrorInvalidPropertySet', error);
    }
    item.version++;
    call.x.note.detail = `${item.kind} ${item.subject}`;
    return success(
      'UpdateItem',
      `<m:Items><t:${ELEMENT[item.kind]}><t:ItemId Id="${esc(item.id)}" ChangeKey="${changeKey(item)}"/></t:${ELEMENT[item.kind]}></m:Items><m:ConflictResults><t:Count>0</t:Count></m:ConflictResults>`,
    );
  });
}

const TASK_STATUSES: TaskItem['status'][] = ['NotStarted', 'InProgress', 'Completed', 'WaitingOnOthers', 'Deferred'];

/** Sets one field; an error text when the field cannot be set on this item. */
function applyField(item: StoreItem, uri: string, value: string, now: number): string | undefined {
  if (uri === 'item:Subject') {
    item.subject = value;
    return undefined;
  }
  if (uri === 'message:IsRead' && item.kind === 'message') {
    item.isRead = value === 'true';
    return undefined;
  }
  if (item.kind === 'task') {
    if (uri === 'task:Status') {
      if (!TASK_STATUSES.includes(value as TaskItem['status'])) return `'${value}' is not a task status.`;
      item.status = value as TaskItem['status'];
      // Outlook and Exchange keep status and percentage consistent.
      if (item.status === 'Completed') {
        item.percentComplete = 100;
        item.completeDate = new Date(now);
      } else {
        if (item.status === 'NotStarted') item.percentComplete = 0;
        else if (item.percentComplete === 100) item.percentComplete = 75;
        item.completeDate = undefined;
      }
      return undefined;
    }
    if (uri === 'task:PercentComplete') {
      const n = Number(value);
      if (!(n >= 0 && n <= 100)) return 'PercentComplete must be between 0 and 100.';
      item.percentComplete = n;
      if (n === 100) {
        item.status = 'Completed';
        item.completeDate = new Date(now);
      } else {
        if (item.status === 'Completed') item.status = 'InProgress';
        if (n === 0 && item.status === 'InProgress') item.status = 'NotStarted';
        if (n > 0 && item.status === 'NotStarted') item.status = 'InProgress';
        item.completeDate = undefined;
      }
      return undefined;
    }
    if (uri === 'task:CompleteDate') {
      const d = new Date(value);
      if (Number.isNaN(d.getTime())) return 'CompleteDate is not a date.';
      item.completeDate = d;
      item.status = 'Completed';
      item.percentComplete = 100;
      return undefined;
    }
  }
  return `The simulator does not change ${uri} on a ${item.kind}.`;
}

function resolveNames(call: Call): string[] {
  const full = attr(call.body, 'ReturnFullContactData') === 'true';
  return all(call.body.UnresolvedEntry).map((entry) => {
    const query = (text(entry) ?? '').replace(/^(smtp|sip):/i, '').trim().toLowerCase();
    const candidates = [
      ...call.farm.accounts.accounts.map((a) => ({ name: a.displayName, address: a.signInName, alias: a.samName, kind: 'Mailbox' })),
      ...call.farm.topology.siteMailboxes.map((s) => ({
        name: call.farm.mailboxes.mailbox(s.address)?.displayName ?? s.name,
        address: s.address,
        alias: s.address.split('@')[0],
        kind: 'Mailbox',
      })),
    ];
    const matches = query
      ? candidates.filter(
          (c) =>
            c.address.toLowerCase() === query ||
            c.alias.toLowerCase().startsWith(query) ||
            c.name.toLowerCase().split(/\s+/).some((w) => w.startsWith(query)) ||
            c.name.toLowerCase().startsWith(query),
        )
      : [];
    if (matches.length === 0) return failure('ResolveNames', 'ErrorNameResolutionNoResults', 'No results were found.');
    const resolutions = matches
      .map((m) => {
        const [given, ...rest] = m.name.split(' ');
        const contact = full
          ? `<t:Contact>${el('DisplayName', esc(m.name))}${el('GivenName', esc(given))}${el('Surname', esc(rest.join(' ')))}<t:EmailAddresses><t:Entry Key="EmailAddress1">SMTP:${esc(m.address)}</t:Entry></t:EmailAddresses>${el('ContactSource', 'ActiveDirectory')}</t:Contact>`
          : '';
        return `<t:Resolution><t:Mailbox>${el('Name', esc(m.name))}${el('EmailAddress', esc(m.address))}${el('RoutingType', 'SMTP')}${el('MailboxType', m.kind)}</t:Mailbox>${contact}</t:Resolution>`;
      })
      .join('');
    const set = `<m:ResolutionSet TotalItemsInView="${matches.length}" IncludesLastItemInRange="true">${resolutions}</m:ResolutionSet>`;
    return matches.length > 1
      ? success('ResolveNames', set, 'Warning', 'ErrorNameResolutionMultipleResults').replace(
          '<m:ResponseCode>',
          '<m:MessageText>Multiple results were found.</m:MessageText><m:ResponseCode>',
        )
      : success('ResolveNames', set);
  });
}
