// Items and folders as EWS XML, shaped by the request's ItemShape or
// FolderShape: IdOnly, Default or AllProperties, plus AdditionalProperties.
// FindItem returns the summary properties only (never Body, Attachments,
// recipients), as Exchange does.
import type { ContactItem, Folder, GroupItem, MessageItem, Person, StoreItem, TaskItem } from './mailbox-store';
import { all, attr, el, esc, one, type XmlNode } from './ews-soap';

export type BaseShape = 'IdOnly' | 'Default' | 'AllProperties';

export interface Shape {
  base: BaseShape;
  /** FieldURI values (and "contacts:EmailAddress" for the indexed form). */
  additional: Set<string>;
  /** Indexed field indexes requested, e.g. EmailAddress1. */
  indexes: Set<string>;
  bodyType: 'HTML' | 'Text' | 'Best';
}

export function readShape(node: XmlNode | undefined): Shape {
  const base = (one(node?.BaseShape)?.['#text'] as BaseShape | undefined) ?? 'Default';
  const additional = new Set<string>();
  const indexes = new Set<string>();
  const props = one(node?.AdditionalProperties);
  for (const f of all(props?.FieldURI)) additional.add(attr(f, 'FieldURI') ?? '');
  for (const f of all(props?.IndexedFieldURI)) {
    additional.add(attr(f, 'FieldURI') ?? '');
    indexes.add(attr(f, 'FieldIndex') ?? '');
  }
  const bodyType = (one(node?.BodyType)?.['#text'] as Shape['bodyType'] | undefined) ?? 'Best';
  return { base: ['IdOnly', 'Default', 'AllProperties'].includes(base) ? base : 'Default', additional, indexes, bodyType };
}

interface ItemProperty<T extends StoreItem> {
  uri: string;
  /** Part of Exchange's Default shape for this item type. */
  inDefault?: boolean;
  /** Also returned by FindItem. */
  inSummary: boolean;
  write: (item: T, shape: Shape, lookup: ItemLookup) => string | undefined;
}

type AnyProperty = ItemProperty<StoreItem>;

/** Finds an item of the store by id (a group's members). */
export type ItemLookup = (id: string) => StoreItem | undefined;

export function changeKey(item: { id: string; version: number }): string {
  return Buffer.from(`CK${item.version}:${item.id.slice(-12)}`).toString('base64');
}

function mailbox(p: Person, type: 'Mailbox' | 'OneOff' = 'Mailbox'): string {
  return `<t:Mailbox>${el('Name', esc(p.name))}${el('EmailAddress', esc(p.address))}${el('RoutingType', 'SMTP')}${el('MailboxType', type)}</t:Mailbox>`;
}

const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

function textOf(html: string): string {
  return html
    .replace(/<(script|style|head)[\s\S]*?<\/\1>/gi, '')
    .replace(/<br\s*\/?>|<\/p>|<\/tr>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function body(html: string, shape: Shape): string {
  return shape.bodyType === 'Text'
    ? `<t:Body BodyType="Text">${esc(textOf(html))}</t:Body>`
    : `<t:Body BodyType="HTML">${esc(html)}</t:Body>`;
}

const ITEM_CLASS: { [K in StoreItem['kind']]: (i: Extract<StoreItem, { kind: K }>) => string } = {
  message: () => 'IPM.Note',
  task: () => 'IPM.Task',
  contact: () => 'IPM.Contact',
  group: (g) => g.groupClass,
};

const ITEM_COMMON: AnyProperty[] = [
  { uri: 'item:ParentFolderId', inSummary: true, write: (i) => `<t:ParentFolderId Id="${i.folderId}" ChangeKey="AQAAAA=="/>` },
  {
    uri: 'item:ItemClass',
    inSummary: true,
    write: (i) => el('ItemClass', ITEM_CLASS[i.kind](i as never)),
  },
  { uri: 'item:Subject', inDefault: true, inSummary: true, write: (i) => el('Subject', esc(i.subject)) },
  { uri: 'item:Sensitivity', inSummary: true, write: () => el('Sensitivity', 'Normal') },
  {
    uri: 'item:Body',
    inDefault: true,
    inSummary: false,
    write: (i, shape) => (i.kind === 'contact' || i.kind === 'group' ? undefined : body(i.body(), shape)),
  },
  {
    uri: 'item:Attachments',
    inDefault: true,
    inSummary: false,
    write: (i) =>
      i.kind === 'message' && i.attachments.length
        ? `<t:Attachments>${i.attachments
            .map(
              (a) =>
                `<t:FileAttachment><t:AttachmentId Id="${esc(a.id)}"/>${el('Name', esc(a.name))}${el('ContentType', a.contentType)}${el('Size', a.size)}${el('LastModifiedTime', '2014-03-01T09:00:00')}${el('IsInline', false)}${el('IsContactPhoto', false)}</t:FileAttachment>`,
            )
            .join('')}</t:Attachments>`
        : undefined,
  },
  { uri: 'item:DateTimeReceived', inSummary: true, write: (i) => el('DateTimeReceived', iso(i.kind === 'message' ? i.received : i.created)) },
  { uri: 'item:Size', inSummary: true, write: (i) => el('Size', i.size) },
  { uri: 'item:Importance', inSummary: true, write: (i) => el('Importance', i.kind === 'message' ? i.importance : 'Normal') },
  { uri: 'item:IsSubmitted', inSummary: true, write: () => el('IsSubmitted', false) },
  { uri: 'item:IsDraft', inSummary: true, write: () => el('IsDraft', false) },
  { uri: 'item:IsFromMe', inSummary: true, write: () => el('IsFromMe', false) },
  { uri: 'item:IsResend', inSummary: true, write: () => el('IsResend', false) },
  { uri: 'item:IsUnmodified', inSummary: true, write: (i) => el('IsUnmodified', i.version === 1) },
  {
    uri: 'item:DateTimeSent',
    inSummary: true,
    write: (i) => el('DateTimeSent', iso(new Date((i.kind === 'message' ? i.received : i.created).getTime() - 4000))),
  },
  { uri: 'item:DateTimeCreated', inSummary: true, write: (i) => el('DateTimeCreated', iso(i.created)) },
  {
    uri: 'item:ResponseObjects',
    inDefault: true,
    inSummary: false,
    write: (i) =>
      i.kind === 'message'
        ? '<t:ResponseObjects><t:ReplyToItem/><t:ReplyAllToItem/><t:ForwardItem/></t:ResponseObjects>'
        : '<t:ResponseObjects><t:ForwardItem/></t:ResponseObjects>',
  },
  { uri: 'item:ReminderDueBy', inSummary: true, write: (i) => (i.kind === 'task' && i.due ? el('ReminderDueBy', iso(i.due)) : undefined) },
  { uri: 'item:ReminderIsSet', inSummary: true, write: () => el('ReminderIsSet', false) },
  { uri: 'item:ReminderMinutesBeforeStart', inSummary: true, write: () => el('ReminderMinutesBeforeStart', 0) },
  { uri: 'item:DisplayCc', inSummary: true, write: (i) => (i.kind === 'message' ? el('DisplayCc', '') : undefined) },
  { uri: 'item:DisplayTo', inSummary: true, write: (i) => (i.kind === 'message' ? el('DisplayTo', esc(i.to.map((p) => p.name).join('; '))) : undefined) },
  {
    uri: 'item:HasAttachments',
    inDefault: true,
    inSummary: true,
    write: (i) => el('HasAttachments', i.kind === 'message' && i.attachments.length > 0),
  },
  { uri: 'item:Culture', inSummary: true, write: () => el('Culture', 'en-US') },
  {
    uri: 'item:EffectiveRights',
    inSummary: true,
    write: () =>
      '<t:EffectiveRights><t:CreateAssociated>false</t:CreateAssociated><t:CreateContents>false</t:CreateContents><t:CreateHierarchy>false</t:CreateHierarchy><t:Delete>true</t:Delete><t:Modify>true</t:Modify><t:Read>true</t:Read><t:ViewPrivateItems>true</t:ViewPrivateItems></t:EffectiveRights>',
  },
  { uri: 'item:LastModifiedName', inSummary: true, write: (i) => el('LastModifiedName', esc(i.kind === 'message' ? i.from.name : 'Exchange')) },
  { uri: 'item:LastModifiedTime', inSummary: true, write: (i) => el('LastModifiedTime', iso(i.kind === 'message' ? i.received : i.created)) },
  { uri: 'item:IsAssociated', inSummary: true, write: () => el('IsAssociated', false) },
  {
    uri: 'item:WebClientReadFormQueryString',
    inSummary: true,
    write: (i) => el('WebClientReadFormQueryString', esc(`?ItemID=${encodeURIComponent(i.id)}&exvsurl=1&viewmodel=ReadMessageItem`)),
  },
  { uri: 'item:ConversationId', inSummary: true, write: (i) => `<t:ConversationId Id="${conversationId(i)}"/>` },
  {
    uri: 'item:Preview',
    inSummary: true,
    write: (i) => (i.kind === 'contact' || i.kind === 'group' ? undefined : el('Preview', esc(textOf(i.body()).slice(0, 255)))),
  },
  { uri: 'item:IconIndex', inSummary: true, write: (i) => el('IconIndex', i.kind === 'message' ? (i.isRead ? 'MailRead' : 'MailUnread') : 'Default') },
];

function conversationId(i: StoreItem): string {
  return Buffer.from(`conv:${i.kind === 'message' ? i.subject.replace(/^(RE|FW): /i, '') : i.id}`).toString('base64');
}

const MESSAGE: ItemProperty<MessageItem>[] = [
  { uri: 'message:Sender', inSummary: true, write: (m) => `<t:Sender>${mailbox(m.from)}</t:Sender>` },
  { uri: 'message:ToRecipients', inDefault: true, inSummary: false, write: (m) => `<t:ToRecipients>${m.to.map((p) => mailbox(p)).join('')}</t:ToRecipients>` },
  { uri: 'message:IsReadReceiptRequested', inSummary: true, write: () => el('IsReadReceiptRequested', false) },
  { uri: 'message:IsDeliveryReceiptRequested', inSummary: true, write: () => el('IsDeliveryReceiptRequested', false) },
  { uri: 'message:ConversationIndex', inSummary: true, write: (m) => el('ConversationIndex', Buffer.from(m.id.slice(-16)).toString('base64')) },
  { uri: 'message:ConversationTopic', inSummary: true, write: (m) => el('ConversationTopic', esc(m.subject)) },
  { uri: 'message:From', inDefault: true, inSummary: true, write: (m) => `<t:From>${mailbox(m.from)}</t:From>` },
  { uri: 'message:InternetMessageId', inSummary: true, write: (m) => el('InternetMessageId', esc(m.internetMessageId)) },
  { uri: 'message:IsRead', inDefault: true, inSummary: true, write: (m) => el('IsRead', m.isRead) },
  { uri: 'message:ReceivedBy', inSummary: true, write: (m) => `<t:ReceivedBy>${mailbox(m.to[0])}</t:ReceivedBy>` },
  { uri: 'message:ReceivedRepresenting', inSummary: true, write: (m) => `<t:ReceivedRepresenting>${mailbox(m.to[0])}</t:ReceivedRepresenting>` },
];

const STATUS_TEXT: Record<TaskItem['status'], string> = {
  NotStarted: 'Not Started',
  InProgress: 'In Progress',
  Completed: 'Completed',
  WaitingOnOthers: 'Waiting on someone else',
  Deferred: 'Deferred',
};

const TASK: ItemProperty<TaskItem>[] = [
  { uri: 'task:ChangeCount', inSummary: true, write: (t) => el('ChangeCount', t.version) },
  { uri: 'task:CompleteDate', inSummary: true, write: (t) => (t.completeDate ? el('CompleteDate', iso(t.completeDate)) : undefined) },
  { uri: 'task:DelegationState', inSummary: true, write: () => el('DelegationState', 'NoMatch') },
  { uri: 'task:DueDate', inDefault: true, inSummary: true, write: (t) => (t.due ? el('DueDate', iso(t.due)) : undefined) },
  { uri: 'task:IsAssignmentEditable', inSummary: true, write: () => el('IsAssignmentEditable', 0) },
  { uri: 'task:IsComplete', inSummary: true, write: (t) => el('IsComplete', t.status === 'Completed') },
  { uri: 'task:IsRecurring', inSummary: true, write: () => el('IsRecurring', false) },
  { uri: 'task:IsTeamTask', inSummary: true, write: () => el('IsTeamTask', false) },
  { uri: 'task:Owner', inSummary: true, write: (t) => el('Owner', esc(t.owner)) },
  { uri: 'task:PercentComplete', inDefault: true, inSummary: true, write: (t) => el('PercentComplete', t.percentComplete) },
  { uri: 'task:StartDate', inSummary: true, write: (t) => (t.start ? el('StartDate', iso(t.start)) : undefined) },
  { uri: 'task:Status', inDefault: true, inSummary: true, write: (t) => el('Status', t.status) },
  { uri: 'task:StatusDescription', inSummary: true, write: (t) => el('StatusDescription', STATUS_TEXT[t.status]) },
];

const CONTACT: ItemProperty<ContactItem>[] = [
  { uri: 'contacts:FileAs', inSummary: true, write: (c) => el('FileAs', esc(`${c.surname}, ${c.givenName}`)) },
  { uri: 'contacts:FileAsMapping', inSummary: true, write: () => el('FileAsMapping', 'LastCommaFirst') },
  { uri: 'contacts:DisplayName', inDefault: true, inSummary: true, write: (c) => el('DisplayName', esc(c.displayName)) },
  { uri: 'contacts:GivenName', inSummary: true, write: (c) => el('GivenName', esc(c.givenName)) },
  {
    uri: 'contacts:CompleteName',
    inSummary: false,
    write: (c) => `<t:CompleteName>${el('FirstName', esc(c.givenName))}${el('LastName', esc(c.surname))}${el('FullName', esc(c.displayName))}</t:CompleteName>`,
  },
  { uri: 'contacts:CompanyName', inSummary: true, write: (c) => el('CompanyName', esc(c.company)) },
  {
    uri: 'contacts:EmailAddress',
    inDefault: true,
    inSummary: true,
    write: (c, shape) =>
      shape.base === 'IdOnly' && shape.indexes.size && !shape.indexes.has('EmailAddress1')
        ? undefined
        : `<t:EmailAddresses><t:Entry Key="EmailAddress1">${esc(c.email)}</t:Entry></t:EmailAddresses>`,
  },
  { uri: 'contacts:ContactSource', inSummary: true, write: () => el('ContactSource', 'Store') },
  {
    uri: 'contacts:ImAddress',
    inSummary: true,
    write: (c) => `<t:ImAddresses><t:Entry Key="ImAddress1">${esc(c.imAddress)}</t:Entry></t:ImAddresses>`,
  },
  { uri: 'contacts:JobTitle', inSummary: true, write: (c) => el('JobTitle', esc(c.jobTitle)) },
  { uri: 'contacts:PostalAddressIndex', inSummary: true, write: () => el('PostalAddressIndex', 'None') },
  { uri: 'contacts:Surname', inSummary: true, write: (c) => el('Surname', esc(c.surname)) },
  { uri: 'contacts:HasPicture', inSummary: true, write: () => el('HasPicture', false) },
];

/** A contact group's members as EWS lists them: a store contact is a Mailbox of type Contact with the contact's ItemId. */
function members(g: GroupItem, lookup: ItemLookup): string {
  const rows = g.members.map((id) => {
    const c = lookup(id);
    if (c?.kind !== 'contact') return '';
    const ref = `<t:ItemId Id="${esc(c.id)}" ChangeKey="${changeKey(c)}"/>`;
    return `<t:Member Key="${esc(Buffer.from(c.id).toString('base64').slice(-16))}"><t:Mailbox>${el('Name', esc(c.displayName))}${el('EmailAddress', esc(c.email))}${el('RoutingType', 'SMTP')}${el('MailboxType', 'Contact')}${ref}</t:Mailbox>${el('Status', 'Normal')}</t:Member>`;
  });
  return `<t:Members>${rows.join('')}</t:Members>`;
}

const GROUP: ItemProperty<GroupItem>[] = [
  { uri: 'contacts:DisplayName', inDefault: true, inSummary: true, write: (g) => el('DisplayName', esc(g.displayName)) },
  { uri: 'contacts:FileAs', inSummary: true, write: (g) => el('FileAs', esc(g.displayName)) },
  { uri: 'contacts:ContactSource', inSummary: true, write: () => el('ContactSource', 'Store') },
  { uri: 'distributionlist:Members', inDefault: true, inSummary: false, write: (g, _shape, lookup) => members(g, lookup) },
];

const ELEMENT: Record<StoreItem['kind'], string> = { message: 'Message', task: 'Task', contact: 'Contact', group: 'DistributionList' };

/** The URIs this simulator knows for an item kind (for restrictions and errors). */
export function knownItemUri(uri: string): boolean {
  return [...ITEM_COMMON, ...MESSAGE, ...TASK, ...CONTACT, ...GROUP].some((p) => p.uri === uri);
}

export function itemXml(item: StoreItem, shape: Shape, summary: boolean, lookup: ItemLookup = () => undefined): string {
  const own: AnyProperty[] =
    item.kind === 'message'
      ? (MESSAGE as AnyProperty[])
      : item.kind === 'task'
        ? (TASK as AnyProperty[])
        : item.kind === 'contact'
          ? (CONTACT as AnyProperty[])
          : (GROUP as AnyProperty[]);
  const wanted = (p: AnyProperty) =>
    shape.additional.has(p.uri) ||
    (shape.base === 'AllProperties' && (p.inSummary || !summary)) ||
    (shape.base === 'Default' && p.inDefault && (p.inSummary || !summary));
  const parts = [`<t:ItemId Id="${esc(item.id)}" ChangeKey="${changeKey(item)}"/>`];
  for (const p of [...ITEM_COMMON, ...own]) {
    if (!wanted(p)) continue;
    const xml = p.write(item, shape, lookup);
    if (xml) parts.push(xml);
  }
  return `<t:${ELEMENT[item.kind]}>${parts.join('')}</t:${ELEMENT[item.kind]}>`;
}

/** Properties FindItem refuses, as Exchange does ("ErrorInvalidPropertyRequest"). */
export function nonSummaryRequested(shape: Shape): string | undefined {
  return [...ITEM_COMMON, ...MESSAGE, ...TASK, ...CONTACT, ...GROUP].find((p) => !p.inSummary && shape.additional.has(p.uri))?.uri;
}

export function folderXml(folder: Folder, shape: Shape, unread: number): string {
  const element = folder.folderClass.startsWith('IPF.Task')
    ? 'TasksFolder'
    : folder.folderClass.startsWith('IPF.Contact')
      ? 'ContactsFolder'
      : 'Folder';
  const items = folder.items();
  const parts = [`<t:FolderId Id="${esc(folder.id)}" ChangeKey="AQAAABYAAAA="/>`];
  const want = (uri: string, inDefault: boolean) =>
    shape.additional.has(uri) || shape.base === 'AllProperties' || (shape.base === 'Default' && inDefault);
  if (folder.parentId && want('folder:ParentFolderId', false)) parts.push(`<t:ParentFolderId Id="${esc(folder.parentId)}" ChangeKey="AQAAAA=="/>`);
  if (want('folder:FolderClass', false)) parts.push(el('FolderClass', folder.folderClass));
  if (want('folder:DisplayName', true)) parts.push(el('DisplayName', esc(folder.displayName)));
  if (want('folder:TotalCount', true)) parts.push(el('TotalCount', items.length));
  if (want('folder:ChildFolderCount', true)) parts.push(el('ChildFolderCount', folder.children().length));
  if (want('folder:EffectiveRights', false)) {
    parts.push(
      '<t:EffectiveRights><t:CreateAssociated>true</t:CreateAssociated><t:CreateContents>true</t:CreateContents><t:CreateHierarchy>true</t:CreateHierarchy><t:Delete>true</t:Delete><t:Modify>true</t:Modify><t:Read>true</t:Read><t:ViewPrivateItems>true</t:ViewPrivateItems></t:EffectiveRights>',
    );
  }
  // Contacts and task folders have no unread count in EWS's schema.
  if (element === 'Folder' && want('folder:UnreadCount', true)) parts.push(el('UnreadCount', unread));
  return `<t:${element}>${parts.join('')}</t:${element}>`;
}
