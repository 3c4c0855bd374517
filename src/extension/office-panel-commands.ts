// The commands and the serializer of the Office panels, registered at
// activation without loading them: the panels' bundle (dist/office-panels.js,
// with the EWS library) is required on first use.
import * as vscode from 'vscode';
import { readContactsViewState, readInboxViewState, readTasksViewState, type InboxTarget, type UserTarget } from '../../webview/protocol';
import type { FarmServer } from '../server/topology-protocol';
import type { FarmNode, FarmTreeProvider } from './farm-tree';
import { isOfficeCredential, type OfficeCredentials } from './office-credentials';
import { graphToken } from './presence-marks';

type OfficePanels = typeof import('./office-panels');

let loaded: OfficePanels | undefined;
function officePanels(): OfficePanels {
  // A bundle of its own next to dist/extension.js (scripts/build.mjs).
  loaded ??= require('./office-panels') as OfficePanels;
  return loaded;
}

/** The panels' bundle, loaded on first use (presence-marks.ts needs its PresenceWatch). */
export function loadOfficePanels(): OfficePanels {
  return officePanels();
}

/** Whether the panels' bundle has been loaded (it is not at activation). */
export function officePanelsLoaded(): boolean {
  return loaded !== undefined;
}

export const INBOX_VIEW_TYPE = 'office-farm.inbox';
export const CONTACTS_VIEW_TYPE = 'office-farm.contacts';
export const TASKS_VIEW_TYPE = 'office-farm.tasks';

/** The inbox of a site-mailbox node of the Office Farm view, on the farm's Exchange. */
function targetOf(node: FarmNode): { target: InboxTarget; owner?: string } | undefined {
  if (node.type !== 'siteMailbox' || !node.ewsServer?.ewsUrl) return undefined;
  return {
    target: { name: node.mailbox.name, address: node.mailbox.address, site: node.mailbox.site, server: node.ewsServer.name, ewsUrl: node.ewsServer.ewsUrl },
    owner: node.mailbox.owners[0],
  };
}

export function registerOfficePanels(context: vscode.ExtensionContext, credentials: OfficeCredentials, tree: FarmTreeProvider, log: vscode.LogOutputChannel): vscode.Disposable {
  /** The owner's address, when the farm names one: what the sign-in prompt suggests. */
  const ownerAddress = (owner: string | undefined) => tree.topology?.users.find((u) => u.name === owner)?.address;
  const deps = (owner?: string) => ({ extensionUri: context.extensionUri, credentials, log, suggestedAccount: ownerAddress(owner) });

  const openInbox = async (node?: FarmNode) => {
    let chosen = node;
    if (!chosen) {
      const mailboxes = tree.getChildren().flatMap((n) => (n.type === 'siteMailboxes' ? tree.getChildren(n) : []));
      if (mailboxes.length === 0) {
        void vscode.window.showInformationMessage('Office Farm: the farm file in the editor has no site-mailbox block.');
        return undefined;
      }
      const pick = await vscode.window.showQuickPick(
        mailboxes.map((n) => ({ label: n.type === 'siteMailbox' ? n.mailbox.name : '', description: n.type === 'siteMailbox' ? n.mailbox.address : '', node: n })),
        { title: 'Office Farm: open the inbox of which site mailbox?' },
      );
      chosen = pick?.node;
    }
    if (!chosen) return undefined;
    const found = targetOf(chosen);
    if (!found) {
      void vscode.window.showWarningMessage('Office Farm: this farm has no exchange server with an EWS address for the site mailbox.');
      return undefined;
    }
    officePanels().showInboxPanel(found.target, deps(found.owner));
    return found.target.address;
  };

  const userPanelDeps = () => ({ extensionUri: context.extensionUri, credentials, log, presence: { topology: () => tree.topology, graphToken: () => graphToken(log) } });
  /** A user node, or the user picked in a quick pick; the target on the user's Exchange. */
  const userTarget = async (node: FarmNode | undefined, what: string): Promise<UserTarget | undefined> => {
    let chosen = node;
    if (!chosen) {
      const users = tree.getChildren().flatMap((n) => (n.type === 'users' ? tree.getChildren(n) : []));
      if (users.length === 0) {
        void vscode.window.showInformationMessage('Office Farm: the farm file in the editor has no user block.');
        return undefined;
      }
      const pick = await vscode.window.showQuickPick(
        users.map((n) => ({ label: n.type === 'user' ? n.user.name : '', description: n.type === 'user' ? n.user.address : '', node: n })),
        { title: `Office Farm: open the ${what} of which user?` },
      );
      chosen = pick?.node;
    }
    if (!chosen || chosen.type !== 'user') return undefined;
    const target = userTargetOf(chosen, tree.topology?.servers ?? []);
    if (!target) void vscode.window.showWarningMessage(`Office Farm: this farm has no exchange server with an EWS address for ${chosen.user.name}'s mailbox.`);
    return target;
  };
  const openContacts = async (node?: FarmNode) => {
    const target = await userTarget(node, 'Lync contacts');
    if (!target) return undefined;
    officePanels().showContactsPanel(target, userPanelDeps());
    return target.address;
  };

  const openTasks = async (node?: FarmNode) => {
    const target = await userTarget(node, 'tasks');
    if (!target) return undefined;
    officePanels().showTasksPanel(target, userPanelDeps());
    return target.address;
  };

  return vscode.Disposable.from(
    vscode.commands.registerCommand('office-farm.openTasks', openTasks),
    vscode.window.registerWebviewPanelSerializer(TASKS_VIEW_TYPE, {
      async deserializeWebviewPanel(panel, state) {
        const target = readTasksViewState(state).target;
        if (!target) {
          panel.dispose();
          return;
        }
        officePanels().restoreTasksPanel(panel, target, userPanelDeps());
      },
    }),
    vscode.commands.registerCommand('office-farm.openContacts', openContacts),
    vscode.window.registerWebviewPanelSerializer(CONTACTS_VIEW_TYPE, {
      async deserializeWebviewPanel(panel, state) {
        const target = readContactsViewState(state).target;
        if (!target) {
          panel.dispose();
          return;
        }
        officePanels().restoreContactsPanel(panel, target, userPanelDeps());
      },
    }),
    vscode.commands.registerCommand('office-farm.openInbox', openInbox),
    // For scripts and tests: a credential given as an argument is stored as the prompt would store it.
    vscode.commands.registerCommand('office-farm.signIn', async (host?: unknown, credential?: unknown) => {
      if (typeof host === 'string' && isOfficeCredential(credential)) {
        await credentials.store(host, credential);
        return host;
      }
      const exchange = tree.topology?.servers.find((s) => s.kind === 'exchange' && s.ewsUrl);
      if (!exchange?.ewsUrl) {
        void vscode.window.showInformationMessage('Office Farm: open a farm file with an exchange server to sign in to it.');
        return undefined;
      }
      const answer = await credentials.prompt({ name: exchange.name, host: new URL(exchange.ewsUrl).hostname });
      return answer ? new URL(exchange.ewsUrl).hostname : undefined;
    }),
    vscode.commands.registerCommand('office-farm.signOut', async () => {
      const hosts = await credentials.forgetAll();
      void vscode.window.showInformationMessage(hosts.length ? `Office Farm: signed out of ${hosts.join(', ')}.` : 'Office Farm: no stored sign-in to forget.');
      return hosts;
    }),
    vscode.window.registerWebviewPanelSerializer(INBOX_VIEW_TYPE, {
      async deserializeWebviewPanel(panel, state) {
        const target = readInboxViewState(state).target;
        if (!target) {
          panel.dispose();
          return;
        }
        officePanels().restoreInboxPanel(panel, target, deps());
      },
    }),
  );
}

/** For the editor tests: what the open inbox panels sent and received (empty until the bundle loads). */
export function inboxPanelTraces() {
  return loaded ? loaded.openInboxPanels().map((p) => p.trace) : [];
}

/** For the editor tests: what the open contacts and tasks panels sent and received. */
export function userPanelTraces() {
  return loaded ? [...loaded.openContactsPanels(), ...loaded.openTasksPanels()].map((p) => p.trace) : [];
}

/** For the editor tests' leak check: keep the whole messages of panels opened from now on (loads the panels' bundle). */
export function recordPanelMessages(on: boolean): void {
  officePanels().recordPanelMessages(on);
}

/** The user's mailbox on the exchange server the user block names, else the farm's first with an EWS address. */
export function userTargetOf(node: FarmNode & { type: 'user' }, servers: readonly FarmServer[]): UserTarget | undefined {
  const exchanges = servers.filter((s) => s.kind === 'exchange' && s.ewsUrl);
  const server = exchanges.find((s) => s.name === node.user.mailbox) ?? exchanges[0];
  if (!server?.ewsUrl) return undefined;
  return { name: node.user.name, address: node.user.address, server: server.name, ewsUrl: server.ewsUrl };
}
