// EWS on the simulated Exchange, driven by the real ews-javascript-api over
// HTTPS, trusting only the simulator's CA.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BasePropertySet,
  BodyType,
  ConflictResolutionMode,
  ContactSchema,
  EmailAddress,
  EmailAddressKey,
  EmailMessage,
  EmailMessageSchema,
  FindFoldersResults,
  Folder,
  FolderId,
  FolderSchema,
  FolderView,
  ItemSchema,
  ItemView,
  Mailbox,
  PropertySet,
  ResolveNameSearchLocation,
  SearchFilter,
  SortDirection,
  Task,
  TaskSchema,
  TaskStatus,
  WellKnownFolderName,
  type ExchangeService,
  Contact,
  ContactGroup,
} from 'ews-javascript-api';
import { startSimulator, type RunningSimulator } from '../../src/simulator';
import { classifyEwsError, createEwsService, withTimeout, type EwsAuth } from '../../src/office/ews-connection';
import { contosoTopology } from './contoso-topology';
import { SHARED_STATE_DIR } from './shared-state';

const EWS = 'https://mail.contoso.com/EWS/Exchange.asmx';
const SITE = 'SMO-ProjectX@contoso.com';

describe('EWS', () => {
  let sim: RunningSimulator;
  const lines: string[] = [];

  before(async () => {
    sim = await startSimulator(contosoTopology(), { stateDir: SHARED_STATE_DIR, log: (l) => lines.push(l), seed: 7 });
  });
  after(async () => {
    await sim.close();
  });

  const account = (user: string) => sim.connection.accounts.find((a) => a.user === user)!;
  const service = (auth: EwsAuth): ExchangeService =>
    createEwsService({ url: EWS, auth, ca: [sim.connection.ca.pem], connectTo: sim.connection.connectTo, timeoutMs: 5000 });
  const basic = (user = 'alice') => service({ kind: 'basic', user: account(user).signInName, password: account(user).password });
  const call = <T>(p: Promise<T>) => withTimeout(p, 8000);

  test('FindItem pages through Tasks with IndexedPageItemView', async () => {
    const ews = basic();
    const props = new PropertySet(BasePropertySet.IdOnly, [ItemSchema.Subject, TaskSchema.DueDate, TaskSchema.Status, TaskSchema.PercentComplete]);
    const seen: string[] = [];
    let offset = 0;
    for (let guard = 0; guard < 10; guard++) {
      const view = new ItemView(50, offset);
      view.PropertySet = props;
      const page = await call(ews.FindItems(WellKnownFolderName.Tasks, view));
      for (const item of page.Items) {
        const task = item as Task;
        assert.ok(task.Subject.length > 0);
        assert.ok(task.PercentComplete >= 0 && task.PercentComplete <= 100);
        assert.equal(task.Status === TaskStatus.Completed, task.PercentComplete === 100);
        seen.push(task.Id.UniqueId);
      }
      assert.equal(page.TotalCount, 120);
      if (!page.MoreAvailable) break;
      offset = page.NextPageOffset!;
    }
    assert.equal(seen.length, 120);
    assert.equal(new Set(seen).size, 120);
  });

  test('FindItem with AllProperties gives every first-class summary property a task needs', async () => {
    const view = new ItemView(5);
    view.PropertySet = new PropertySet(BasePropertySet.FirstClassProperties);
    const page = await call(basic().FindItems(WellKnownFolderName.Tasks, view));
    const task = page.Items[0] as Task;
    assert.equal(typeof task.IsComplete, 'boolean');
    assert.ok(task.DateTimeCreated);
    assert.equal(typeof task.Owner, 'string');
    assert.ok(task.StatusDescription);
  });

  test('the site mailbox Inbox, addressed by SMTP, holds 5,000 messages and needs paging', async () => {
    const ews = basic('alice');
    const inboxId = new FolderId(WellKnownFolderName.Inbox, new Mailbox(SITE));
    const folder = await call(Folder.Bind(ews, inboxId));
    assert.equal(folder.DisplayName, 'Inbox');
    assert.equal(folder.TotalCount, 5000);
    assert.ok(folder.UnreadCount > 0 && folder.UnreadCount < 5000);

    const view = new ItemView(25, 0);
    view.PropertySet = new PropertySet(BasePropertySet.IdOnly, [
      ItemSchema.Subject,
      EmailMessageSchema.From,
      ItemSchema.DateTimeReceived,
      EmailMessageSchema.IsRead,
      ItemSchema.HasAttachments,
    ]);
    const first = await call(ews.FindItems(inboxId, view));
    assert.equal(first.Items.length, 25);
    assert.equal(first.TotalCount, 5000);
    assert.equal(first.MoreAvailable, true);
    assert.equal(first.NextPageOffset, 25);
    const times = first.Items.map((i) => i.DateTimeReceived.TotalMilliSeconds);
    assert.deepEqual(times, [...times].sort((a, b) => b - a), 'newest first');
    assert.ok(first.Items.some((i) => i.HasAttachments));
    const doc = first.Items.find((i) => /\.(docx|xlsx|vsdx|pptx|pdf|mpp|one)$/.test(i.Subject));
    assert.ok(doc, 'the site documents are listed among the messages');

    view.Offset = 4990;
    const last = await call(ews.FindItems(inboxId, view));
    assert.equal(last.Items.length, 10);
    assert.equal(last.MoreAvailable, false);
    assert.ok(lines.some((l) => /FindItem as alice@contoso\.com/.test(l)));
  });

  test('GetItem returns HTML bodies, attachments, remote images and hostile markup', async () => {
    const ews = basic('bob');
    const inboxId = new FolderId(WellKnownFolderName.Inbox, new Mailbox(SITE));
    const view = new ItemView(10);
    const found = await call(ews.FindItems(inboxId, view));
    const ids = found.Items.map((i) => i.Id);
    const props = new PropertySet(BasePropertySet.FirstClassProperties);
    props.RequestedBodyType = BodyType.HTML;
    const items = (await call(ews.BindToItems(ids, props))).Responses.map((r) => r.Item as EmailMessage);
    assert.equal(items.length, 10);
    const bodies = items.map((m) => String(m.Body.Text));
    for (const m of items) {
      assert.equal(m.Body.BodyType, BodyType.HTML);
      assert.ok(m.From.Address.includes('@'));
      assert.equal(typeof m.IsRead, 'boolean');
      assert.ok(m.ToRecipients.Count >= 1);
    }
    assert.ok(bodies.some((b) => /<script/i.test(b) && /onerror=/i.test(b) && /javascript:/i.test(b)), 'hostile markup');
    assert.ok(bodies.some((b) => /<img src="https:\/\//.test(b)), 'remote images');
    const withFiles = items.find((m) => m.HasAttachments)!;
    assert.ok(withFiles.Attachments.Count >= 1);
    assert.match(withFiles.Attachments._getItem(0).Name, /\.\w+$/);

    const text = new PropertySet(BasePropertySet.IdOnly, [ItemSchema.Body]);
    text.RequestedBodyType = BodyType.Text;
    const plain = await call(EmailMessage.Bind(ews, ids[7], text));
    assert.equal(plain.Body.BodyType, BodyType.Text);
    assert.doesNotMatch(String(plain.Body.Text), /<[a-z]/i);
  });

  test('a user who is neither owner nor member cannot open the site mailbox', async () => {
    const inboxId = new FolderId(WellKnownFolderName.Inbox, new Mailbox(SITE));
    const err = await call(Folder.Bind(basic('carol'), inboxId)).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.equal(classifyEwsError(err).responseCode, 'ErrorAccessDenied');
  });

  test('FindFolder finds "Lync Contacts" and FindItem lists the unified contact store', async () => {
    const ews = basic('alice');
    const view = new FolderView(10);
    const folders: FindFoldersResults = await call(
      ews.FindFolders(WellKnownFolderName.Contacts, new SearchFilter.IsEqualTo(FolderSchema.DisplayName, 'Lync Contacts'), view),
    );
    assert.equal(folders.Folders.length, 1);
    const lync = folders.Folders[0];
    assert.equal(lync.DisplayName, 'Lync Contacts');
    const iv = new ItemView(200);
    iv.PropertySet = new PropertySet(BasePropertySet.IdOnly, [ContactSchema.DisplayName, ContactSchema.EmailAddress1, ContactSchema.CompanyName]);
    const contacts = await call(ews.FindItems(lync.Id, iv));
    assert.equal(contacts.TotalCount, lync.TotalCount);
    // The folder also holds Lync's groups, as contact groups (IPM.DistList.MOC.*).
    const people = contacts.Items.filter((i) => i instanceof Contact);
    assert.ok(people.length > 0 && people.length < contacts.Items.length, 'contacts and groups');
    assert.ok(contacts.Items.filter((i) => !(i instanceof Contact)).every((g) => g instanceof ContactGroup));
    const emails = people.map((c) => {
      const out = { outValue: null as unknown as EmailAddress };
      (c as Contact).EmailAddresses.TryGetValue(EmailAddressKey.EmailAddress1, out);
      return out.outValue.Address;
    });
    assert.ok(emails.includes('bob@contoso.com'));
    assert.ok(!emails.includes('alice@contoso.com'), 'not oneself');
    assert.ok(people.every((c) => (c as Contact).CompanyName.length > 0));

    const none = await call(
      ews.FindFolders(WellKnownFolderName.Contacts, new SearchFilter.IsEqualTo(FolderSchema.DisplayName, 'Nothing'), view),
    );
    assert.equal(none.Folders.length, 0);
  });

  test('ResolveNames finds users and site mailboxes, and says when nothing matches', async () => {
    const ews = basic();
    const bob = await call(ews.ResolveName('bob', ResolveNameSearchLocation.DirectoryOnly, true));
    assert.equal(bob.Count, 1);
    const first = bob._getItem(0);
    assert.equal(first.Mailbox.Address, 'bob@contoso.com');
    assert.equal(first.Contact.DisplayName, account('bob').displayName);
    const site = await call(ews.ResolveName('smo-projectx', ResolveNameSearchLocation.DirectoryOnly, false));
    assert.equal(site._getItem(0).Mailbox.Address, SITE);
    const nobody = await call(ews.ResolveName('zebedee', ResolveNameSearchLocation.DirectoryOnly, true));
    assert.equal(nobody.Count, 0);
  });

  test('UpdateItem marks a message read and a task complete; the change sticks', async () => {
    const ews = basic('alice');
    const unread = await call(
      ews.FindItems(WellKnownFolderName.Inbox, new SearchFilter.IsEqualTo(EmailMessageSchema.IsRead, false), new ItemView(1)),
    );
    const message = unread.Items[0] as EmailMessage;
    const before = (await call(Folder.Bind(ews, WellKnownFolderName.Inbox))).UnreadCount;
    message.IsRead = true;
    await call(message.Update(ConflictResolutionMode.AutoResolve));
    const again = await call(EmailMessage.Bind(ews, message.Id, new PropertySet(BasePropertySet.IdOnly, [EmailMessageSchema.IsRead])));
    assert.equal(again.IsRead, true);
    assert.equal((await call(Folder.Bind(ews, WellKnownFolderName.Inbox))).UnreadCount, before - 1);

    const open = await call(
      ews.FindItems(WellKnownFolderName.Tasks, new SearchFilter.IsEqualTo(TaskSchema.Status, 'NotStarted'), new ItemView(1)),
    );
    const task = open.Items[0] as Task;
    task.Status = TaskStatus.Completed;
    await call(task.Update(ConflictResolutionMode.AutoResolve));
    const done = await call(Task.Bind(ews, task.Id, new PropertySet(BasePropertySet.IdOnly, [TaskSchema.Status, TaskSchema.PercentComplete, TaskSchema.IsComplete])));
    assert.equal(done.Status, TaskStatus.Completed);
    assert.equal(done.PercentComplete, 100);
    assert.equal(done.IsComplete, true);
  });

  test('sorting and restrictions on the site inbox', async () => {
    const ews = basic('alice');
    const inboxId = new FolderId(WellKnownFolderName.Inbox, new Mailbox(SITE));
    const view = new ItemView(5);
    view.OrderBy.Add(ItemSchema.DateTimeReceived, SortDirection.Ascending);
    const oldest = await call(ews.FindItems(inboxId, new SearchFilter.IsEqualTo(ItemSchema.HasAttachments, true), view));
    const times = oldest.Items.map((i) => i.DateTimeReceived.TotalMilliSeconds);
    assert.deepEqual(times, [...times].sort((a, b) => a - b));
    assert.ok(oldest.Items.every((i) => i.HasAttachments));
    assert.ok(oldest.TotalCount > 0 && oldest.TotalCount < 5000);
  });

  test('Bearer tokens from the connection file are accepted; a forged one is not', async () => {
    const good = service({ kind: 'bearer', token: account('bob').tokens.ews });
    const folder = await call(Folder.Bind(good, WellKnownFolderName.Inbox));
    assert.equal(folder.TotalCount, 60);
    // Change a whole byte of the signature (the last character also holds padding bits).
    const token = account('bob').tokens.ews;
    const at = token.length - 10;
    const forged = token.slice(0, at) + (token[at] === 'x' ? 'y' : 'x') + token.slice(at + 1);
    const err = await call(Folder.Bind(service({ kind: 'bearer', token: forged }), WellKnownFolderName.Inbox)).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.equal(classifyEwsError(err).kind, 'auth');
    // A Graph token is for another audience.
    const wrongAudience = await call(Folder.Bind(service({ kind: 'bearer', token: account('bob').tokens.graph }), WellKnownFolderName.Inbox)).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.equal(classifyEwsError(wrongAudience).httpStatus, 401);
  });

  test('Basic with DOMAIN\\name works; a wrong password gets 401', async () => {
    const a = account('carol');
    const ok = service({ kind: 'basic', user: a.domainUserName, password: a.password });
    assert.equal((await call(Folder.Bind(ok, WellKnownFolderName.Tasks))).DisplayName, 'Tasks');
    const bad = service({ kind: 'basic', user: a.signInName, password: a.password + 'x' });
    const err = await call(Folder.Bind(bad, WellKnownFolderName.Tasks)).then(
      () => undefined,
      (e: unknown) => e,
    );
    const failure = classifyEwsError(err);
    assert.equal(failure.kind, 'auth');
    assert.equal(failure.httpStatus, 401);
  });

  test('NTLM (NTLMv2) with a UPN and with DOMAIN\\name; a wrong password gets 401', async () => {
    const a = account('alice');
    for (const user of [a.signInName, a.domainUserName]) {
      const ews = service({ kind: 'ntlm', user, password: a.password });
      const folder = await call(Folder.Bind(ews, WellKnownFolderName.Inbox));
      assert.equal(folder.TotalCount, 60);
    }
    const bad = service({ kind: 'ntlm', user: a.domainUserName, password: 'not-it' });
    const err = await call(Folder.Bind(bad, WellKnownFolderName.Inbox)).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.equal(classifyEwsError(err).httpStatus, 401);
    assert.ok(lines.some((l) => l.includes('NTLM refused for CONTOSO\\alice')));
  });

  describe('faults', () => {
    const fails = async (fault: string, run: (ews: ExchangeService) => Promise<unknown>) => {
      await sim.setFaults('ex01', [fault]);
      try {
        return await run(basic()).then(
          () => assert.fail(`${fault}: the call succeeded`),
          (e: unknown) => e,
        );
      } finally {
        await sim.setFaults('ex01', []);
      }
    };
    const inbox = (ews: ExchangeService) => call(Folder.Bind(ews, WellKnownFolderName.Inbox));

    test('ews-server-busy: a 500 SOAP fault with BackOffMilliseconds', async () => {
      const f = classifyEwsError(await fails('ews-server-busy:2500', inbox));
      assert.equal(f.kind, 'throttled');
      assert.equal(f.backOffMs, 2500);
    });

    test('ews-busy-message: ErrorServerBusy inside a 200 response message', async () => {
      const f = classifyEwsError(await fails('ews-busy-message:1200', inbox));
      assert.equal(f.kind, 'throttled');
      assert.equal(f.backOffMs, 1200);
    });

    test('ews-soap-fault: ErrorInternalServerError', async () => {
      const f = classifyEwsError(await fails('ews-soap-fault', inbox));
      assert.equal(f.kind, 'fault');
      assert.equal(f.responseCode, 'ErrorInternalServerError');
    });

    test('ews-unauthorized: 401 whatever the credentials', async () => {
      const f = classifyEwsError(await fails('ews-unauthorized', inbox));
      assert.equal(f.kind, 'auth');
    });

    test('ews-server-error: a 500 HTML page is a bad response, not a SOAP fault', async () => {
      const f = classifyEwsError(await fails('ews-server-error', (ews) => withTimeout(Folder.Bind(ews, WellKnownFolderName.Inbox), 3000)));
      assert.equal(f.kind, 'bad-response');
      assert.equal(f.httpStatus, 500);
    });

    test('ews-silent: no answer at all ends in our timeout', async () => {
      const f = classifyEwsError(await fails('ews-silent', (ews) => withTimeout(Folder.Bind(ews, WellKnownFolderName.Inbox), 500)));
      assert.equal(f.kind, 'timeout');
    });
  });
});
