// Presence for one panel (the Office Farm view, one contacts panel): the
// sources the topology calls for, built from what the user signed in with
// (UCWA: the pool's credential in SecretStorage; Graph: VS Code's Microsoft
// sign-in), one poller, and the view of each address that the panel draws:
// its presence or the state that stands in for it. Loaded with the panels'
// bundle, so activation carries none of it.
import * as vscode from 'vscode';
import { GraphPresenceSource } from '../../office/graph-presence';
import { clampInterval, PresencePoller, type PollerSource } from '../../office/presence-poller';
import type { Presence, PresenceFailure, PresenceSource } from '../../office/presence-source';
import { groupBySource, type ChoosablePool, type ChoosableUser, type SourceChoice } from '../../office/presence-source-choice';
import { UcwaPresenceSource, type UcwaCredentials } from '../../office/ucwa-presence';
import type { OfficeCredential, OfficeCredentials } from '../office-credentials';
import { networkSettings } from '../workspace-trust';
import { reach } from './ews-panel';

export const PRESENCE_SECTION = 'office-farm.presence';

export interface PresenceView {
  /** "graph", "ucwa:<pool>", or undefined when the topology names no source for the user. */
  source?: string;
  presence?: Presence;
  failure?: PresenceFailure;
  /** When a failed source is asked again (the countdown of a throttled one). */
  retryAt?: number;
  /** Network features are off (untrusted workspace, or the setting): why. Nothing is asked. */
  disabled?: string;
}

export interface PresenceDeps {
  credentials: OfficeCredentials;
  log: vscode.LogOutputChannel;
  /** A Graph token from the Microsoft sign-in, without prompting; undefined when signed out. */
  graphToken: () => Promise<string | undefined>;
}

export interface WatchedUser extends ChoosableUser {
  /** Sign-in name to try for UCWA's lyncdiscover, when the credential's account is DOMAIN\name. */
  address: string;
}

export class PresenceWatch implements vscode.Disposable {
  readonly views = new Map<string, PresenceView>();
  private poller: PresencePoller | undefined;
  private building: Promise<void> | undefined;
  private visible = false;
  private disposed = false;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly users: readonly WatchedUser[],
    private readonly pools: readonly ChoosablePool[],
    private readonly deps: PresenceDeps,
    private readonly changed: (views: Map<string, PresenceView>) => void,
  ) {
    this.subscriptions.push(
      deps.credentials.onDidChange(() => void this.rebuild()),
      vscode.authentication.onDidChangeSessions((e) => {
        if (e.provider.id === 'microsoft') void this.rebuild();
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => void this.rebuild()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(PRESENCE_SECTION)) this.poller?.setInterval(intervalMs());
        if (e.affectsConfiguration('office-farm.network')) void this.rebuild();
      }),
    );
  }

  /** Shown: build the sources the first time and poll. Hidden: stop (nothing in flight, no timer). */
  setVisible(visible: boolean): void {
    if (visible === this.visible) return;
    this.visible = visible;
    if (!visible) {
      this.poller?.stop();
      return;
    }
    // Built already (or being built): resume; the build starts the poller itself when it ends visible.
    if (this.building) this.poller?.start();
    else void this.rebuild();
  }

  refresh(): void {
    this.poller?.refresh();
  }

  private rebuild(): Promise<void> {
    this.building = (this.building ?? Promise.resolve()).then(async () => {
      if (this.disposed) return;
      const old = this.poller;
      this.poller = undefined;
      await old?.close();
      this.poller = await this.build();
      if (this.visible && !this.disposed) this.poller?.start();
    });
    return this.building;
  }

  private async build(): Promise<PresencePoller | undefined> {
    const network = networkSettings();
    const groups = groupBySource(this.users, this.pools);
    const entries: PollerSource[] = [];
    const set = (users: readonly WatchedUser[], view: PresenceView) => {
      for (const u of users) this.views.set(u.address.toLowerCase(), view);
    };
    for (const [id, group] of groups) {
      if (!id) {
        set(group.users, {});
        continue;
      }
      if (!network.enabled) {
        set(group.users, { source: id, disabled: network.disabledReason ?? 'network access is off' });
        continue;
      }
      const source = await this.sourceFor(group.choice, group.users, network.timeoutMs);
      if ('failure' in source) {
        set(group.users, { source: id, failure: source.failure });
        continue;
      }
      for (const u of group.users) if (!this.views.has(u.address.toLowerCase())) this.views.set(u.address.toLowerCase(), { source: id });
      entries.push({ source: source.source, targets: group.users.map((u) => ({ user: u.name, address: u.address })) });
    }
    this.changed(this.views);
    this.deps.log.info(`presence: ${entries.map((e) => `${e.source.id} (${e.targets.length})`).join(', ') || 'no source to ask'}`);
    if (entries.length === 0) return undefined;
    return new PresencePoller(entries, intervalMs(), {
      readings: (sourceId, readings) => {
        this.deps.log.debug(`presence ${sourceId}: ${readings.length} readings`);
        for (const r of readings) {
          const key = r.address.toLowerCase();
          const before = this.views.get(key)?.presence;
          // An event carries availability and activity; the note stays from the last full read.
          this.views.set(key, 'presence' in r ? { source: sourceId, presence: { ...(before?.note ? { note: before.note } : {}), ...r.presence } } : { source: sourceId, failure: r.failure });
        }
        this.changed(this.views);
      },
      failure: (sourceId, failure, retryAt) => {
        this.deps.log.warn(`presence ${sourceId}: ${failure.state}`);
        for (const [key, view] of this.views) if (view.source === sourceId) this.views.set(key, { source: sourceId, failure, retryAt, ...(view.presence ? { presence: view.presence } : {}) });
        this.changed(this.views);
      },
    });
  }

  private async sourceFor(choice: SourceChoice, users: readonly WatchedUser[], timeoutMs: number | undefined): Promise<{ source: PresenceSource } | { failure: PresenceFailure }> {
    const r = reach(timeoutMs);
    if (choice.kind === 'graph') {
      return { source: new GraphPresenceSource({ token: this.deps.graphToken, ca: r.ca, connectTo: r.connectTo, timeoutMs: r.timeoutMs }) };
    }
    if (choice.kind !== 'ucwa') return { failure: { state: 'malformed', detail: 'no presence source' } };
    const host = choice.host;
    const credential = await this.deps.credentials.get(host);
    if (!credential) return { failure: { state: 'signed-out', server: `${choice.pool} (${host})`, account: users[0]?.address ?? '' } };
    const ucwa = ucwaCredentials(credential);
    if (!ucwa) return { failure: { state: 'wrong-credentials', detail: 'UCWA signs in with a password (NTLM or Basic), not a bearer token' } };
    const signIn = credential.user.includes('@') ? credential.user : users[0].address;
    return {
      source: new UcwaPresenceSource({ pool: choice.pool, signIn, credentials: ucwa, ca: r.ca, connectTo: r.connectTo, timeoutMs: r.timeoutMs, eventTimeoutS: Math.round(intervalMs() / 1000) }),
    };
  }

  dispose(): void {
    this.disposed = true;
    for (const s of this.subscriptions) s.dispose();
    void this.poller?.close();
    this.poller = undefined;
  }
}

function ucwaCredentials(c: OfficeCredential): UcwaCredentials | undefined {
  if (c.kind === 'ntlm') return { kind: 'windows', logon: c.user, password: c.password };
  if (c.kind === 'basic') return { kind: 'password', username: c.user, password: c.password };
  return undefined;
}

export function intervalMs(): number {
  return clampInterval(vscode.workspace.getConfiguration(PRESENCE_SECTION).get<number>('intervalSeconds'));
}
