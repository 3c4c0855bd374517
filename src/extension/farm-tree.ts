// The Office Farm view: the servers of the farm file in the editor, by
// kind, with host, version and last probe; its site mailboxes; its users.
// It asks the language server (office-farm/topology) whenever the server
// republishes the document's diagnostics, which it does after every edit
// and every probe, so the tree follows both without polling.
import * as vscode from 'vscode';
import { FARM_LANGUAGE_ID } from './farm-documents';
import { requestTopology, SERVER_KINDS, type FarmServer, type FarmSiteMailbox, type FarmTopology, type FarmUser, type LspRange, type ServerKind } from './farm-topology';
import type { LanguageServer } from './language-server';

export const FARM_VIEW_ID = 'office-farm.farmView';

const KIND_TITLES: Record<ServerKind, string> = {
  exchange: 'Exchange',
  sharepoint: 'SharePoint',
  lync: 'Lync',
  'office-web-apps': 'Office Web Apps',
  project: 'Project',
};

/** Kinds whose S2S metadata the server probes (src/server/probes.ts). */
const PROBED_KINDS = new Set<ServerKind>(['exchange', 'sharepoint', 'lync']);

export type FarmNode =
  | { type: 'kind'; kind: ServerKind; servers: FarmServer[] }
  | { type: 'server'; server: FarmServer; uri: string }
  | { type: 'siteMailboxes'; mailboxes: FarmSiteMailbox[] }
  | { type: 'siteMailbox'; mailbox: FarmSiteMailbox; uri: string; ewsServer?: FarmServer; realm?: string }
  | { type: 'users'; users: FarmUser[] }
  | { type: 'user'; user: FarmUser; uri: string };

/** Where a node's declaration is, for "Reveal in File" and a click. */
export function declarationOf(node: FarmNode): { uri: string; range: LspRange } | undefined {
  if (node.type === 'server') return { uri: node.uri, range: node.server.range };
  if (node.type === 'siteMailbox') return { uri: node.uri, range: node.mailbox.range };
  if (node.type === 'user') return { uri: node.uri, range: node.user.range };
  return undefined;
}

export class FarmTreeProvider implements vscode.TreeDataProvider<FarmNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<FarmNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscriptions: vscode.Disposable[] = [];
  private shown: FarmTopology | undefined;
  private documentUri: string | undefined;
  private asked = 0;
  private refreshing: Promise<void> = Promise.resolve();

  constructor(private readonly server: LanguageServer) {
    this.subscriptions.push(
      this.changed,
      vscode.window.onDidChangeActiveTextEditor(() => void this.refresh()),
      vscode.workspace.onDidCloseTextDocument(() => void this.refresh()),
      server.onDidPublishDiagnostics((uri) => {
        if (uri.toString() === this.documentUri || this.documentUri === undefined) void this.refresh();
      }),
      server.onDidChangeState((s) => {
        if (s.kind === 'running') void this.refresh();
      }),
    );
    void this.refresh();
  }

  /** The topology on display; undefined while no farm file is open. */
  get topology(): FarmTopology | undefined {
    return this.shown;
  }

  /** Re-reads the topology of the farm file in the editor (or the one shown before, while it stays open). */
  refresh(): Promise<void> {
    const ask = ++this.asked;
    this.refreshing = this.refreshing.then(async () => {
      // A newer refresh is queued behind this one and will read a newer state.
      if (ask !== this.asked) return;
      const document = this.farmDocument();
      this.documentUri = document?.uri.toString();
      let topology: FarmTopology | undefined;
      try {
        topology = document ? await requestTopology(this.server, document.uri.toString()) : undefined;
      } catch {
        // A document the server has not opened yet; its first publication refreshes again.
        topology = undefined;
      }
      this.shown = topology;
      void vscode.commands.executeCommand('setContext', 'office-farm.farmViewHasFarm', topology !== undefined);
      this.changed.fire(undefined);
    });
    return this.refreshing;
  }

  private farmDocument(): vscode.TextDocument | undefined {
    const active = vscode.window.activeTextEditor?.document;
    if (active?.languageId === FARM_LANGUAGE_ID) return active;
    const open = vscode.workspace.textDocuments.filter((d) => d.languageId === FARM_LANGUAGE_ID && !d.isClosed);
    return open.find((d) => d.uri.toString() === this.documentUri) ?? open[0];
  }

  getChildren(node?: FarmNode): FarmNode[] {
    const t = this.shown;
    if (!t) return [];
    if (!node) {
      const kinds: FarmNode[] = SERVER_KINDS.map((kind) => ({ type: 'kind' as const, kind, servers: t.servers.filter((s) => s.kind === kind) })).filter((k) => k.servers.length > 0);
      return [...kinds, { type: 'siteMailboxes', mailboxes: t.siteMailboxes }, { type: 'users', users: t.users }];
    }
    if (node.type === 'kind') return node.servers.map((server) => ({ type: 'server', server, uri: t.uri }));
    if (node.type === 'siteMailboxes') {
      // The site mailbox lives on the farm's Exchange; with several, the first that has EWS.
      const ewsServer = t.servers.find((s) => s.kind === 'exchange' && s.ewsUrl);
      return node.mailboxes.map((mailbox) => ({ type: 'siteMailbox', mailbox, uri: t.uri, ewsServer, realm: t.realm }));
    }
    if (node.type === 'users') return node.users.map((user) => ({ type: 'user', user, uri: t.uri }));
    return [];
  }

  getTreeItem(node: FarmNode): vscode.TreeItem {
    const collapsed = vscode.TreeItemCollapsibleState.Expanded;
    switch (node.type) {
      case 'kind': {
        const item = new vscode.TreeItem(KIND_TITLES[node.kind], collapsed);
        item.description = String(node.servers.length);
        item.contextValue = 'kind';
        return item;
      }
      case 'siteMailboxes': {
        const item = new vscode.TreeItem('Site mailboxes', node.mailboxes.length ? collapsed : vscode.TreeItemCollapsibleState.None);
        item.description = String(node.mailboxes.length);
        item.iconPath = new vscode.ThemeIcon('inbox');
        return item;
      }
      case 'users': {
        const item = new vscode.TreeItem('Users', node.users.length ? collapsed : vscode.TreeItemCollapsibleState.None);
        item.description = String(node.users.length);
        item.iconPath = new vscode.ThemeIcon('organization');
        return item;
      }
      case 'server':
        return serverItem(node.server, node.uri);
      case 'siteMailbox': {
        const item = new vscode.TreeItem(node.mailbox.name);
        item.description = node.mailbox.address;
        item.tooltip = new vscode.MarkdownString().appendText(`${node.mailbox.address}\nSite: ${node.mailbox.site}\nOwners: ${node.mailbox.owners.join(', ') || '—'}\nMembers: ${node.mailbox.members.join(', ') || '—'}`);
        item.iconPath = new vscode.ThemeIcon('mail');
        item.contextValue = node.ewsServer ? 'siteMailbox' : 'siteMailbox.noEws';
        item.command = revealCommand(node.uri, node.mailbox.range);
        return item;
      }
      case 'user': {
        const item = new vscode.TreeItem(node.user.name);
        item.description = node.user.address;
        item.tooltip = `${node.user.address}${node.user.mailbox ? `\nMailbox on ${node.user.mailbox}` : ''}`;
        item.iconPath = new vscode.ThemeIcon('person');
        item.contextValue = 'user';
        item.command = revealCommand(node.uri, node.user.range);
        return item;
      }
    }
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}

function serverItem(s: FarmServer, uri: string): vscode.TreeItem {
  const item = new vscode.TreeItem(s.name);
  const where = s.host ?? s.url;
  const probe = s.probe ? probeLabel(s.probe.outcome) : PROBED_KINDS.has(s.kind) ? 'not probed' : undefined;
  const version = s.release ?? String(s.version);
  item.description = [where, version, probe].filter(Boolean).join(' · ');
  const tooltip = new vscode.MarkdownString();
  tooltip.appendText(`${KIND_TITLES[s.kind]} ${version} ${s.name}\n${where ?? 'no host or url'}`);
  if (s.ewsUrl) tooltip.appendText(`\nEWS: ${s.ewsUrl}`);
  if (s.probe) tooltip.appendText(`\nLast probe ${new Date(s.probe.startedAt).toLocaleString()}: ${probeLabel(s.probe.outcome)}${s.probe.findings ? `, ${s.probe.findings} finding(s)` : ''}`);
  item.tooltip = tooltip;
  item.iconPath = probeIcon(s);
  item.contextValue = PROBED_KINDS.has(s.kind) ? 'server.probed' : 'server';
  item.command = revealCommand(uri, s.range);
  return item;
}

function probeLabel(outcome: string): string {
  return outcome === 'ok' ? 'metadata OK' : outcome === 'warning' ? 'metadata warning' : outcome === 'error' ? 'metadata failed' : outcome === 'cancelled' ? 'probe cancelled' : outcome;
}

function probeIcon(s: FarmServer): vscode.ThemeIcon {
  switch (s.probe?.outcome) {
    case 'ok':
      return new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
    case 'warning':
      return new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
    case 'error':
      return new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'));
    default:
      return new vscode.ThemeIcon('server');
  }
}

export const REVEAL_COMMAND = 'office-farm.revealInFile';

function revealCommand(uri: string, range: LspRange): vscode.Command {
  return { command: REVEAL_COMMAND, title: 'Reveal in File', arguments: [{ uri, range }] };
}

/** Opens the farm file at a declaration's name. Takes a tree node (context menu) or { uri, range } (a click). */
export async function revealInFile(target: FarmNode | { uri: string; range: LspRange } | undefined): Promise<vscode.TextEditor | undefined> {
  const place = target && 'type' in target ? declarationOf(target) : target;
  if (!place) return undefined;
  const range = new vscode.Range(place.range.start.line, place.range.start.character, place.range.end.line, place.range.end.character);
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(place.uri));
  return vscode.window.showTextDocument(document, { selection: range, preserveFocus: false });
}

/** Probes one server from the view (the server's office-farm.probe command, guarded by the client in untrusted workspaces). */
export async function probeServer(node: FarmNode | undefined): Promise<unknown> {
  if (node?.type !== 'server') return undefined;
  return vscode.commands.executeCommand('office-farm.probe', node.uri, node.server.name);
}
