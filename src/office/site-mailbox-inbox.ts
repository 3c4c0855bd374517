// A site mailbox's Inbox as the inbox panel reads it: one page of
// summaries at a time (FindItem with an IndexedPageItemView, never the
// whole folder), one message's body on demand (GetItem), read/unread
// (UpdateItem), and a server-side search by subject or sender (a
// restriction, so the server filters 5,000 messages, not the panel).
import {
  BasePropertySet,
  ConflictResolutionMode,
  EmailMessage,
  EmailMessageSchema,
  Folder,
  FolderId,
  ItemId,
  ItemSchema,
  ItemView,
  LogicalOperator,
  Mailbox,
  PropertySet,
  SearchFilter,
  SortDirection,
  WellKnownFolderName,
  type EmailAddress,
  type Item,
} from 'ews-javascript-api';
import type { EwsSession } from './ews-session';

export interface Person {
  name: string;
  address: string;
}

export interface MessageSummary {
  id: string;
  subject: string;
  from: Person;
  /** ISO 8601. */
  received: string;
  isRead: boolean;
  hasAttachments: boolean;
}

export interface InboxPage {
  /** Index of the first item in the (searched) folder, newest first. */
  offset: number;
  items: MessageSummary[];
  /** Items in the folder, or matching the search. */
  total: number;
}

export interface InboxFolderInfo {
  displayName: string;
  total: number;
  unread: number;
}

export interface MessageDetail extends MessageSummary {
  to: Person[];
  cc: Person[];
  /** As the server sent it: untrusted HTML, to be sanitised where it is shown. */
  html: string;
  attachments: Array<{ name: string; size: number; contentType: string }>;
}

/** The largest page a panel may ask for: a screen's worth and a margin, not the folder. */
export const MAX_PAGE_SIZE = 200;

export class SiteMailboxInbox {
  private readonly inboxId: FolderId;

  constructor(
    private readonly session: EwsSession,
    readonly address: string,
  ) {
    // A site mailbox is another mailbox's Inbox, addressed by its SMTP address.
    this.inboxId = new FolderId(WellKnownFolderName.Inbox, new Mailbox(address));
  }

  folder(): Promise<InboxFolderInfo> {
    return this.session.run(
      'GetFolder',
      async (service) => {
        const folder = await Folder.Bind(service, this.inboxId);
        return { displayName: folder.DisplayName, total: folder.TotalCount, unread: folder.UnreadCount };
      },
      this.address,
    );
  }

  /** `search` matches the subject or the sender (name or address), ignoring case. */
  page(offset: number, size: number, search?: string): Promise<InboxPage> {
    const count = Math.max(1, Math.min(MAX_PAGE_SIZE, Math.floor(size)));
    const start = Math.max(0, Math.floor(offset));
    const view = new ItemView(count, start);
    view.PropertySet = new PropertySet(BasePropertySet.IdOnly, [
      ItemSchema.Subject,
      EmailMessageSchema.From,
      ItemSchema.DateTimeReceived,
      EmailMessageSchema.IsRead,
      ItemSchema.HasAttachments,
    ]);
    view.OrderBy.Add(ItemSchema.DateTimeReceived, SortDirection.Descending);
    const filter = searchFilter(search);
    return this.session.run(
      'FindItem',
      async (service) => {
        const found = filter ? await service.FindItems(this.inboxId, filter, view) : await service.FindItems(this.inboxId, view);
        return { offset: start, total: found.TotalCount, items: found.Items.map(summaryOf) };
      },
      this.address,
    );
  }

  message(id: string): Promise<MessageDetail> {
    const props = new PropertySet(BasePropertySet.FirstClassProperties);
    // No RequestedBodyType: BodyType.HTML is 0 and the library never sends it; Exchange's default is HTML.
    return this.session.run(
      'GetItem',
      async (service) => {
        const m = await EmailMessage.Bind(service, new ItemId(id), props);
        const attachments: MessageDetail['attachments'] = [];
        for (let i = 0; i < m.Attachments.Count; i++) {
          const a = m.Attachments._getItem(i);
          attachments.push({ name: a.Name, size: a.Size, contentType: a.ContentType ?? '' });
        }
        return {
          ...summaryOf(m),
          to: people(m.ToRecipients),
          cc: people(m.CcRecipients),
          html: String(m.Body?.Text ?? ''),
          attachments,
        };
      },
      this.address,
    );
  }

  setRead(id: string, isRead: boolean): Promise<void> {
    return this.session.run(
      'UpdateItem',
      async (service) => {
        const m = await EmailMessage.Bind(service, new ItemId(id), new PropertySet(BasePropertySet.IdOnly, [EmailMessageSchema.IsRead]));
        if (m.IsRead === isRead) return;
        m.IsRead = isRead;
        await m.Update(ConflictResolutionMode.AutoResolve);
      },
      this.address,
    );
  }
}

/** Subject OR sender contains the words as typed; blank means no restriction. */
export function searchFilter(search: string | undefined): SearchFilter | undefined {
  const text = search?.trim();
  if (!text) return undefined;
  return new SearchFilter.SearchFilterCollection(LogicalOperator.Or, [
    new SearchFilter.ContainsSubstring(ItemSchema.Subject, text),
    new SearchFilter.ContainsSubstring(EmailMessageSchema.From, text),
  ]);
}

function summaryOf(item: Item): MessageSummary {
  const m = item as EmailMessage;
  return {
    id: m.Id.UniqueId,
    subject: m.Subject ?? '',
    from: person(m.From),
    received: new Date(m.DateTimeReceived.TotalMilliSeconds).toISOString(),
    isRead: m.IsRead === true,
    hasAttachments: m.HasAttachments === true,
  };
}

function person(a: EmailAddress | null | undefined): Person {
  return { name: a?.Name ?? '', address: a?.Address ?? '' };
}

function people(list: { Count: number; _getItem(i: number): EmailAddress } | null | undefined): Person[] {
  const out: Person[] = [];
  for (let i = 0; i < (list?.Count ?? 0); i++) out.push(person(list!._getItem(i)));
  return out;
}
