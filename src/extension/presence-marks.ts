// The presence marks of the Office Farm view: while the view is visible,
// one PresenceWatch for the users of the farm file on display (loaded with
// the panels' bundle on first use), its views drawn on the user rows;
// paused while the view is hidden. Also the Microsoft sign-in that gives
// Graph its token, with the client id and tenant from the settings.
import * as vscode from 'vscode';
import type { FarmTreeProvider, PresenceMark } from './farm-tree';
import type { FarmUser } from '../server/topology-protocol';
import type { PresenceView, PresenceWatch } from './panels/presence-watch';
import type { OfficeCredentials } from './office-credentials';
import { AVAILABILITY_COLORS, countsDown, presenceLabel } from './presence-labels';
import { networkFeaturesEnabled } from './workspace-trust';

type OfficePanels = typeof import('./office-panels');

export const MICROSOFT_PROVIDER = 'microsoft';
const GRAPH = 'https://graph.microsoft.com/';

/**
 * The scopes asked of VS Code's Microsoft sign-in. VS Code's provider reads
 * the `VSCODE_CLIENT_ID:` and `VSCODE_TENANT:` entries to choose the app
 * registration and the tenant instead of its own defaults (microsoft/vscode,
 * extensions/microsoft-authentication: getClientId/getTenantId read the
 * scopes that start with them).
 */
export function graphScopes(): string[] {
  const c = vscode.workspace.getConfiguration('office-farm.presence');
  const clientId = c.get<string>('microsoftClientId')?.trim();
  const tenant = c.get<string>('microsoftTenant')?.trim();
  return [
    ...(clientId ? [`VSCODE_CLIENT_ID:${clientId}`] : []),
    ...(tenant ? [`VSCODE_TENANT:${tenant}`] : []),
    `${GRAPH}Presence.Read.All`,
    `${GRAPH}User.ReadBasic.All`,
  ];
}

/** The Graph token without a prompt; undefined when nobody is signed in. */
export async function graphToken(log?: vscode.LogOutputChannel): Promise<string | undefined> {
  try {
    const session = await vscode.authentication.getSession(MICROSOFT_PROVIDER, graphScopes(), { silent: true });
    if (!session) log?.info('presence: no Microsoft session for Graph (signed out)');
    return session?.accessToken;
  } catch (err) {
    // No provider registered (a VS Code without the Microsoft sign-in): signed out.
    log?.warn(`presence: the Microsoft sign-in failed: ${err instanceof Error ? err.message : String(err)}`);
    return undefined;
  }
}

export class PresenceMarks implements vscode.Disposable {
  private watch: PresenceWatch | undefined;
  private watchedKey = '';
  private visible = false;
  private views = new Map<string, PresenceView>();
  private ticker: ReturnType<typeof setInterval> | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly tree: FarmTreeProvider,
    view: vscode.TreeView<unknown>,
    private readonly credentials: OfficeCredentials,
    private readonly log: vscode.LogOutputChannel,
    private readonly panels: () => OfficePanels,
  ) {
    tree.presenceMark = (user) => this.markOf(user);
    this.visible = view.visible;
    this.subscriptions.push(
      view.onDidChangeVisibility((e) => {
        this.visible = e.visible;
        this.sync();
      }),
      // Presence redraws fire this too; sync() only acts when the farm or the visibility changed.
      tree.onDidChangeTreeData(() => this.sync()),
      vscode.commands.registerCommand('office-farm.presence.signInMicrosoft', async () => {
        const session = await vscode.authentication.getSession(MICROSOFT_PROVIDER, graphScopes(), { createIfNone: true });
        // Ask again now rather than after the signed-out state's backoff.
        this.watch?.refresh();
        return session.account.label;
      }),
      vscode.commands.registerCommand('office-farm.presence.refresh', () => this.watch?.refresh()),
      vscode.commands.registerCommand('office-farm.presence.signInPool', () => this.signInPool()),
    );
    this.sync();
  }

  /** "Sign In to Lync Pool": the pool's credential for UCWA, kept as the Exchange sign-in keeps its own. */
  private async signInPool(): Promise<string | undefined> {
    const t = this.tree.topology;
    const pools = (t?.servers ?? []).filter((s) => s.kind === 'lync' && s.host);
    if (pools.length === 0) {
      void vscode.window.showInformationMessage('Office Farm: the farm file in the editor has no lync pool with a host.');
      return undefined;
    }
    const pool = pools.length === 1 ? pools[0] : (await vscode.window.showQuickPick(pools.map((p) => ({ label: p.name, description: p.host, pool: p })), { title: 'Office Farm: sign in to which Lync pool?' }))?.pool;
    if (!pool?.host) return undefined;
    const suggested = t?.users.find((u) => u.lync === pool.name)?.address;
    const answer = await this.credentials.prompt({ name: pool.name, host: pool.host }, suggested);
    return answer ? pool.host : undefined;
  }

  /** For the editor tests: the views of the farm view's users, by address. */
  get presenceViews(): ReadonlyMap<string, PresenceView> {
    return this.views;
  }

  private sync(): void {
    const t = this.tree.topology;
    const users = t?.users ?? [];
    const key = t ? JSON.stringify([users.map((u) => [u.name, u.address, u.lync, u.online]), t.servers.filter((s) => s.kind === 'lync').map((s) => [s.name, s.host])]) : '';
    if (key !== this.watchedKey) {
      this.watch?.dispose();
      this.watch = undefined;
      this.views = new Map();
      this.watchedKey = key;
    }
    if (!this.visible || users.length === 0 || !networkFeaturesEnabled()) {
      this.watch?.setVisible(false);
      this.setTicker(false);
      return;
    }
    if (!this.watch && t) {
      const pools = t.servers.filter((s) => s.kind === 'lync').map((s) => ({ name: s.name, host: s.host }));
      this.watch = new (this.panels().PresenceWatch)(users, pools, { credentials: this.credentials, log: this.log, graphToken: () => graphToken(this.log) }, (views) => {
        this.views = new Map(views);
        this.setTicker([...views.values()].some(countsDown));
        this.tree.presenceChanged();
      });
    }
    this.watch?.setVisible(true);
  }

  /** A countdown on some row: redraw every second while the view shows it. */
  private setTicker(on: boolean): void {
    if (on && this.visible && !this.ticker) this.ticker = setInterval(() => this.tree.presenceChanged(), 1000);
    if ((!on || !this.visible) && this.ticker) {
      clearInterval(this.ticker);
      this.ticker = undefined;
    }
  }

  private markOf(user: FarmUser): PresenceMark | undefined {
    if (!this.watch) return undefined;
    const view = this.views.get(user.address.toLowerCase());
    const label = presenceLabel(view);
    const availability = view?.presence?.availability;
    let icon: vscode.ThemeIcon;
    if (view?.failure || view?.disabled) icon = new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('problemsWarningIcon.foreground'));
    else if (availability) {
      const color = AVAILABILITY_COLORS[availability];
      icon = new vscode.ThemeIcon(availability === 'offline' || availability === 'unknown' ? 'circle-outline' : 'circle-filled', color ? new vscode.ThemeColor(color) : undefined);
    } else icon = new vscode.ThemeIcon('person');
    const p = view?.presence;
    const tooltip = [
      `Presence (${view?.source === 'graph' ? 'Microsoft Graph' : view?.source ? `UCWA on ${view.source.slice(5)}` : 'no source'}): ${label}`,
      p?.note ? `Note: ${p.note}` : undefined,
      p?.lastActive ? `Last active: ${new Date(p.lastActive).toLocaleString()}` : undefined,
    ].filter(Boolean).join('\n');
    return { label, tooltip, icon };
  }

  dispose(): void {
    this.setTicker(false);
    this.watch?.dispose();
    this.tree.presenceMark = undefined;
    for (const s of this.subscriptions) s.dispose();
  }
}
