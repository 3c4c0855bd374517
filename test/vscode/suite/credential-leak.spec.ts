// Issue 22 in the real VS Code: after signing in to the simulator's Exchange
// (NTLM, then Basic, then a refused password) and to its Lync pool, with the
// inbox, contacts and tasks panels loaded, no form of a password the user
// typed is in what the panels and webviews exchanged (which also carries
// what the webviews keep with setState and every link they ask to open),
// in the window's logs (the Office Farm output channels among them), in
// the user and workspace settings, or in the workspace's saved UI state.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as vscode from 'vscode';
import { eventually, suite, test } from './framework';
import { EXTENSION_ID, openFarmFile } from './farm-workspace';
import { filesUnder, sessionLogFolder } from './log-files';

interface RecordedMessage {
  to: 'webview' | 'host';
  json: string;
}
interface Trace {
  panel?: string;
  target: { address: string };
  sent: string[];
  lastCount?: number;
  lastFolderTotal?: number;
  lastFailure?: { state: string };
  pagesServed?: number;
  record: { messages: RecordedMessage[]; dropped: number };
}
interface Api {
  recordPanelMessages(on: boolean): void;
  inboxPanelTraces(): Trace[];
  userPanelTraces(): Trace[];
  presenceViews(): ReadonlyMap<string, { source?: string; presence?: unknown; failure?: { state: string } }>;
  folders: { logUri: string; globalStorageUri: string; storageUri?: string };
  farmTree: { getChildren(node?: { type: string }): Array<{ type: string; user?: { name: string }; mailbox?: { address: string } }> };
}
interface SimAccount {
  user: string;
  signInName: string;
  domainUserName: string;
  password: string;
}

const api = (): Api => vscode.extensions.getExtension<Api>(EXTENSION_ID)!.exports;
const alice = (): SimAccount => {
  const connection = JSON.parse(readFileSync(process.env.OFFICE_FARM_SIMULATOR_CONNECTION!, 'utf8')) as { accounts: SimAccount[] };
  return connection.accounts.find((a) => a.user === 'alice')!;
};
/** A refused password is a secret the user typed too. */
const WRONG_PASSWORD = 'Leak-Canary-7q!Wrong';
const EXCHANGE_HOST = 'mail.contoso.com';
const POOL_HOST = 'pool01.contoso.com';

/** The password as it could escape: plain, URL-encoded, inside a Basic header, alone in base64, and its distinctive middle. */
function needlesOf(user: string, password: string): string[] {
  const forms = [
    password,
    encodeURIComponent(password),
    Buffer.from(`${user}:${password}`).toString('base64'),
    Buffer.from(password).toString('base64'),
    Buffer.from(password).toString('base64url'),
    JSON.stringify(password).slice(1, -1),
  ];
  // The simulator's passwords are Sim-<14 characters>-9a: the middle alone is still the secret.
  if (password.length > 12) forms.push(password.slice(4, -3));
  return [...new Set(forms)];
}

const allTraces = () => [...api().inboxPanelTraces(), ...api().userPanelTraces()];
const traceOf = (panel: 'inbox' | 'contacts' | 'tasks') => allTraces().find((t) => (panel === 'inbox' ? t.panel === undefined : t.panel === panel));

/** Which needles a text holds (binary files such as state.vscdb read as latin1: the needles are ASCII). */
const found = (text: string, needles: readonly string[]) => needles.filter((n) => text.includes(n));

let needles: string[] = [];

async function closePanels(): Promise<void> {
  for (const tab of vscode.window.tabGroups.all.flatMap((g) => g.tabs)) {
    if (tab.input instanceof vscode.TabInputWebview) await vscode.window.tabGroups.close(tab);
  }
  await eventually(() => (allTraces().length === 0 ? true : undefined), () => `the panels closed; open: ${allTraces().map((t) => t.panel ?? 'inbox').join(', ')}`);
}

suite('credentials stay out of logs, settings, URLs and webview state', () => {
  test('signed in (NTLM, then Basic, then a refused password) with the inbox, contacts and tasks panels loaded, and to the Lync pool', async () => {
    const a = alice();
    needles = [...needlesOf(a.signInName, a.password), ...needlesOf(a.domainUserName, a.password), ...needlesOf(a.signInName, WRONG_PASSWORD)];
    await vscode.commands.executeCommand('office-farm.signOut');
    // Panels left open by earlier suites close first: every panel checked here is opened with the recording on.
    await closePanels();
    api().recordPanelMessages(true);
    await openFarmFile('contoso.farm');
    const tree = api().farmTree;
    // The view may still show the farm of the previous suite (presence.farm): wait for contoso's own nodes.
    const [mailbox, user] = await eventually(
      () => {
        const mailboxes = tree.getChildren().find((n) => n.type === 'siteMailboxes');
        const users = tree.getChildren().find((n) => n.type === 'users');
        const m = mailboxes && tree.getChildren(mailboxes)[0];
        const u = users && tree.getChildren(users).find((n) => n.user?.name === 'alice');
        return m && u ? [m, u] : undefined;
      },
      () => 'the Office Farm view shows contoso.farm, its site mailbox and alice',
    );

    await vscode.commands.executeCommand('office-farm.signIn', EXCHANGE_HOST, { kind: 'ntlm', user: a.signInName, password: a.password });
    await vscode.commands.executeCommand('office-farm.openInbox', mailbox);
    await eventually(() => ((traceOf('inbox')?.pagesServed ?? 0) >= 1 ? true : undefined), () => `the inbox loads a page; ${JSON.stringify(traceOf('inbox')?.sent)}`, 40_000);
    await vscode.commands.executeCommand('office-farm.openContacts', user);
    await eventually(() => ((traceOf('contacts')?.lastCount ?? 0) > 0 ? true : undefined), () => `the contacts load; ${JSON.stringify(traceOf('contacts')?.sent)}`, 40_000);
    await vscode.commands.executeCommand('office-farm.openTasks', user);
    await eventually(() => ((traceOf('tasks')?.lastCount ?? 0) > 0 ? true : undefined), () => `the tasks load; ${JSON.stringify(traceOf('tasks')?.sent)}`, 40_000);

    // Basic next: every open panel loads again with the new credential.
    const counts = new Map(allTraces().map((t) => [t, t.sent.length]));
    await vscode.commands.executeCommand('office-farm.signIn', EXCHANGE_HOST, { kind: 'basic', user: a.signInName, password: a.password });
    await eventually(
      () => (allTraces().every((t) => t.sent.slice(counts.get(t) ?? 0).some((m) => ['folder', 'contacts', 'tasks'].includes(m))) ? true : undefined),
      () => `every panel reloads with Basic; ${JSON.stringify(allTraces().map((t) => t.sent.slice(counts.get(t) ?? 0)))}`,
      40_000,
    );

    // The Lync pool, for alice's presence in the Office Farm view.
    // Presence is asked only while the Office Farm view shows; Refresh asks now rather than at the next interval.
    await vscode.commands.executeCommand('office-farm.farmView.focus');
    await vscode.commands.executeCommand('office-farm.signIn', POOL_HOST, { kind: 'ntlm', user: a.domainUserName, password: a.password });
    await vscode.commands.executeCommand('office-farm.presence.refresh');
    await eventually(
      () => (api().presenceViews().get('alice@contoso.com')?.presence !== undefined ? true : undefined),
      () => `UCWA presence for alice; the view shows ${JSON.stringify(api().presenceViews().get('alice@contoso.com') ?? 'nothing')}`,
      40_000,
    );

    // Last, a refused password: the failure is drawn, and logged (the log line the next test waits for).
    await vscode.commands.executeCommand('office-farm.signIn', EXCHANGE_HOST, { kind: 'basic', user: a.signInName, password: WRONG_PASSWORD });
    await eventually(
      () => (allTraces().every((t) => t.lastFailure?.state === 'wrong-credentials') ? true : undefined),
      () => `every panel draws wrong-credentials; ${JSON.stringify(allTraces().map((t) => t.lastFailure))}`,
      40_000,
    );
  }, { timeoutMs: 200_000 });

  test('no form of either password in any message to or from the webviews (their saved state and the links they open come from these)', () => {
    const traces = allTraces();
    assert.equal(traces.length, 3, 'the inbox, contacts and tasks panels are open');
    const leaks: string[] = [];
    for (const t of traces) {
      assert.equal(t.record.dropped, 0, `${t.panel ?? 'inbox'}: the record kept every message`);
      const kinds = new Set(t.record.messages.map((m) => (JSON.parse(m.json) as { type: string }).type));
      // The record holds the data itself, not only the types: what the check reads is what crossed.
      for (const kind of t.panel === undefined ? ['target', 'folder', 'page', 'ready', 'needPage'] : ['target', t.panel, 'ready']) assert.ok(kinds.has(kind), `${t.panel ?? 'inbox'} recorded a ${kind} message: ${[...kinds].join(', ')}`);
      for (const m of t.record.messages) {
        const hits = found(m.json, needles);
        if (hits.length) leaks.push(`${t.panel ?? 'inbox'} → ${m.to}: ${m.json.slice(0, 200)}`);
        const message = JSON.parse(m.json) as { type: string; target?: { ewsUrl?: string; site?: string }; url?: string };
        // What a webview saves with setState is its target, selection and search: the target names URLs, never with a user or password in them.
        for (const url of [message.target?.ewsUrl, message.target?.site, message.url]) {
          if (url) assert.equal(new URL(url).username + new URL(url).password, '', `${url} carries no credential`);
        }
      }
    }
    assert.deepEqual(leaks, [], 'messages carrying a password');
  });

  test("no form of either password in the window's logs (the Office Farm channels), the settings or the workspace's saved state", async () => {
    const folders = api().folders;
    const logFolder = sessionLogFolder(folders.logUri);
    // The refused password's failure is the last thing the panels logged: once it is in a file, everything before it is too.
    const logFiles = await eventually(
      () => {
        const files = filesUnder(logFolder).filter((f) => f.endsWith('.log'));
        return files.some((f) => /wrong-credentials|refused|password/i.test(readFileSync(f, 'latin1')) && readFileSync(f, 'latin1').includes('activated in')) ? files : undefined;
      },
      () => `a log file under ${logFolder} with the extension's start-up line and the refused sign-in; files: ${filesUnder(logFolder).join(', ')}`,
      30_000,
    );
    const userFolder = dirname(dirname(vscode.Uri.parse(folders.globalStorageUri).fsPath));
    const settingsFiles = [join(userFolder, 'settings.json'), join(vscode.workspace.workspaceFolders![0].uri.fsPath, '.vscode/settings.json')].filter((f) => existsSync(f));
    assert.ok(settingsFiles.some((f) => f.includes('.vscode')), `the workspace settings (the simulator's CA and connect-to) are read: ${settingsFiles.join(', ')}`);
    const workspaceState = folders.storageUri ? filesUnder(dirname(vscode.Uri.parse(folders.storageUri).fsPath)) : [];
    const leaks: string[] = [];
    for (const file of [...logFiles, ...settingsFiles, ...workspaceState]) {
      const hits = found(readFileSync(file, 'latin1'), needles);
      if (hits.length) leaks.push(`${file}: ${hits.length} form(s) of a password`);
    }
    console.log(`credential leak check: ${logFiles.length} log files under ${logFolder}, ${settingsFiles.length} settings files, ${workspaceState.length} workspace state files, ${needles.length} forms`);
    assert.deepEqual(leaks, [], 'files holding a password');
  }, { timeoutMs: 60_000 });

  test('cleanup: signed out, recording off, panels closed', async () => {
    api().recordPanelMessages(false);
    await vscode.commands.executeCommand('office-farm.signOut');
    await closePanels();
  });
});
