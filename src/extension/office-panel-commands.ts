// The commands and the serializer of the Office panels, registered at
// activation without loading them: the panels' bundle (dist/office-panels.js,
// with the EWS library) is required on first use.
import * as vscode from 'vscode';
import { readInboxViewState, type InboxTarget } from '../../webview/protocol';
import type { FarmNode, FarmTreeProvider } from './farm-tree';
import { isOfficeCredential, type OfficeCredentials } from './office-credentials';

type OfficePanels = typeof import('./office-panels');

let loaded: OfficePanels | undefined;
function officePanels(): OfficePanels {
  // A bundle of its own next to dist/extension.js (scripts/build.mjs).
  loaded ??= require('./office-panels') as OfficePanels;
  return loaded;
}

/** Whether the panels' bundle has been loaded (it is not at activation). */
export function officePanelsLoaded(): boolean {
  return loaded !== undefined;
}

export const INBOX_VIEW_TYPE = 'office-farm.inbox';

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

  return vscode.Disposable.from(
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
