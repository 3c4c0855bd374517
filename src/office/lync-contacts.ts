// A user's Lync contacts from the unified contact store, as the contacts
// panel reads them through EWS.
//
// Where they live (cited in docs/office-panels.md):
// - "contact information is stored in a pair of folders found in the user's
//   Exchange 2013 mailbox. The contacts themselves are stored in a folder
//   named Lync Contacts which is visible to end users" (Lync Server 2013,
//   Configuring Lync Server 2013 to use the unified contact store). Outlook
//   shows it under Contacts, so it is found by name among Contacts' children.
// - Groups are contact-group items whose class names the group kind
//   (IPM.DistList.MOC.Favorites, .OtherContacts, .UserGroup, .DG, .Tagged;
//   [MS-OXWSCOS] 2.2.4.2 ImGroupType), their members the contacts' ItemIds.
//   EWS's own GetImItemList returns the same groups, but ews-javascript-api
//   does not implement it (its UnifiedContactStore.js lists the IM
//   operations as not available), so the groups are read as the
//   distribution-list items they are: FindItem, then one GetItem for the
//   members of them all.
import {
  BasePropertySet,
  ContactGroup,
  ContactGroupSchema,
  ContactSchema,
  EmailAddressKey,
  FolderId,
  FolderSchema,
  FolderView,
  ImAddressKey,
  ItemSchema,
  ItemView,
  Mailbox,
  PropertySet,
  SearchFilter,
  SortDirection,
  WellKnownFolderName,
  type Contact,
  type EmailAddress,
  type ExchangeService,
  type IOutParam,
  type Item,
} from 'ews-javascript-api';
import type { EwsSession } from './ews-session';
import { OfficeCallError } from './office-failure';
import { textOf } from './answer-text';

export const LYNC_CONTACTS_FOLDER = 'Lync Contacts';

export type LyncGroupKind = 'favorites' | 'other' | 'custom' | 'distribution' | 'tagged';

/** Group classes of [MS-OXWSCOS] 2.2.4.2, as data. */
export const GROUP_CLASSES: Readonly<Record<string, LyncGroupKind>> = {
  'IPM.DistList.MOC.Favorites': 'favorites',
  'IPM.DistList.MOC.OtherContacts': 'other',
  'IPM.DistList.MOC.UserGroup': 'custom',
  'IPM.DistList.MOC.DG': 'distribution',
  'IPM.DistList.MOC.Tagged': 'tagged',
};

export interface LyncContact {
  id: string;
  displayName: string;
  email: string;
  /** The SIP address (`sip:` stripped), which presence is looked up by; '' when the contact has none. */
  sip: string;
  company: string;
  jobTitle: string;
}

export interface LyncGroup {
  id: string;
  name: string;
  kind: LyncGroupKind;
  /** Contact ids, in the group's order. */
  members: string[];
}

export interface LyncContactList {
  /** Undefined when the mailbox has no Lync Contacts folder: the user's contacts are not in the unified contact store. */
  folder?: { id: string; total: number };
  contacts: LyncContact[];
  groups: LyncGroup[];
  /** More items than MAX_CONTACT_ITEMS: the list is cut there. */
  truncated: boolean;
}

/** FindItem pages of this size; a Lync contact list is at most a few hundred. */
export const CONTACT_PAGE_SIZE = 200;
export const MAX_CONTACT_ITEMS = 2000;

export class LyncContacts {
  constructor(
    private readonly session: EwsSession,
    /** The user's primary SMTP address. */
    readonly address: string,
  ) {}

  list(): Promise<LyncContactList> {
    return this.session.run('Lync contacts', (service) => this.read(service), this.address);
  }

  private async read(service: ExchangeService): Promise<LyncContactList> {
    const contactsRoot = new FolderId(WellKnownFolderName.Contacts, new Mailbox(this.address));
    const folders = await service.FindFolders(contactsRoot, new SearchFilter.IsEqualTo(FolderSchema.DisplayName, LYNC_CONTACTS_FOLDER), new FolderView(2));
    const folder = folders.Folders[0];
    if (!folder) return { contacts: [], groups: [], truncated: false };

    const props = new PropertySet(BasePropertySet.IdOnly, [
      ItemSchema.ItemClass,
      ContactSchema.DisplayName,
      ContactSchema.EmailAddress1,
      ContactSchema.ImAddress1,
      ContactSchema.CompanyName,
      ContactSchema.JobTitle,
    ]);
    const items: Item[] = [];
    let total = 0;
    for (let offset = 0; offset < MAX_CONTACT_ITEMS; ) {
      const view = new ItemView(CONTACT_PAGE_SIZE, offset);
      view.PropertySet = props;
      view.OrderBy.Add(ContactSchema.DisplayName, SortDirection.Ascending);
      const page = await service.FindItems(folder.Id, view);
      items.push(...page.Items);
      total = page.TotalCount;
      if (!page.MoreAvailable || page.Items.length === 0) break;
      offset += page.Items.length;
    }

    const contacts: LyncContact[] = [];
    const groupIds: Item[] = [];
    for (const item of items) {
      const itemClass = String(item.ItemClass ?? '');
      if (itemClass.startsWith('IPM.DistList')) groupIds.push(item);
      else if (itemClass.startsWith('IPM.Contact')) contacts.push(contactOf(item as Contact));
    }
    const groups = groupIds.length ? (await this.groups(service, groupIds)).sort(byLyncOrder) : [];
    return { folder: { id: folder.Id.UniqueId, total }, contacts, groups, truncated: items.length < total };
  }

  /** One GetItem for every group's members. */
  private async groups(service: ExchangeService, found: Item[]): Promise<LyncGroup[]> {
    const props = new PropertySet(BasePropertySet.IdOnly, [ItemSchema.ItemClass, ContactGroupSchema.DisplayName, ContactGroupSchema.Members]);
    const responses = await service.BindToItems(
      found.map((g) => g.Id),
      props,
    );
    const groups: LyncGroup[] = [];
    for (const [i, r] of responses.Responses.entries()) {
      const g = r.Item as ContactGroup | null;
      if (!g) throw new OfficeCallError({ state: 'malformed', detail: `GetItem answered no contact group for ${found[i]?.Id.UniqueId ?? 'a group'}` });
      const members: string[] = [];
      for (let k = 0; k < g.Members.Count; k++) {
        const id = g.Members._getItem(k).AddressInformation?.Id?.UniqueId;
        if (id) members.push(id);
      }
      groups.push({ id: textOf(g.Id.UniqueId), name: textOf(g.DisplayName), kind: GROUP_CLASSES[String(g.ItemClass)] ?? 'custom', members });
    }
    return groups;
  }
}

/** As Lync lists them: Favorites first, Other Contacts last, the user's own groups between, by name. */
const KIND_ORDER: Record<LyncGroupKind, number> = { favorites: 0, tagged: 1, custom: 2, distribution: 2, other: 3 };
function byLyncOrder(a: LyncGroup, b: LyncGroup): number {
  return KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.name.localeCompare(b.name, 'en', { sensitivity: 'base' });
}

function contactOf(c: Contact): LyncContact {
  return {
    id: textOf(c.Id.UniqueId),
    displayName: textOf(c.DisplayName),
    email: emailOf(c),
    sip: imOf(c).replace(/^sip:/i, ''),
    company: textOf(c.CompanyName),
    jobTitle: textOf(c.JobTitle),
  };
}

// An indexed property the answer lacks is simply absent; the library throws when asked for it.
function emailOf(c: Contact): string {
  const out: IOutParam<EmailAddress | null> = { outValue: null };
  try {
    return c.EmailAddresses.TryGetValue(EmailAddressKey.EmailAddress1, out as IOutParam<EmailAddress>) ? (out.outValue?.Address ?? '') : '';
  } catch {
    return '';
  }
}

function imOf(c: Contact): string {
  const out: IOutParam<string | null> = { outValue: null };
  try {
    return c.ImAddresses.TryGetValue(ImAddressKey.ImAddress1, out as IOutParam<string>) ? (out.outValue ?? '') : '';
  } catch {
    return '';
  }
}
