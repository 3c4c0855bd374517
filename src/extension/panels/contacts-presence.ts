// The contacts panel's presence slot: a PresenceWatch over the contacts'
// SIP addresses, visible with the panel. A contact who is a user of the
// farm gets that user's source (the home pool, or Graph when online);
// anyone else is asked of the panel user's own pool, as a Lync client
// would, and a pool that does not know them answers "user not found".
import * as vscode from 'vscode';
import type { Availability } from '../../office/presence-source';
import type { LyncContact } from '../../office/lync-contacts';
import type { FarmTopology } from '../../server/topology-protocol';
import type { PresenceSlot, UserTarget } from '../../../webview/protocol';
import { presenceLabel } from '../presence-labels';
import { PresenceWatch, type PresenceDeps, type PresenceView, type WatchedUser } from './presence-watch';

export interface ContactsPresenceDeps extends Omit<PresenceDeps, 'credentials' | 'log'> {
  topology: () => FarmTopology | undefined;
}

/** The contacts panel's words for availability (webview/contacts/contacts.css colours these). */
const SLOT_AVAILABILITY: Record<Availability, string | undefined> = {
  available: 'Available',
  idle: 'Available',
  busy: 'Busy',
  'do-not-disturb': 'DoNotDisturb',
  'be-right-back': 'BeRightBack',
  away: 'Away',
  offline: 'Offline',
  unknown: undefined,
};

/** A view as the slot holds it: the presence, or the state's words in place of an activity. */
export function slotOf(view: PresenceView | undefined): PresenceSlot {
  const p = view?.presence;
  if (p && !view?.failure) {
    return {
      ...(SLOT_AVAILABILITY[p.availability] ? { availability: SLOT_AVAILABILITY[p.availability] } : {}),
      ...(p.activity ? { activity: p.activity } : {}),
      ...(p.note ? { note: p.note } : {}),
      ...(p.lastActive ? { lastActive: p.lastActive } : {}),
    };
  }
  return { activity: presenceLabel(view) };
}

export function watchContactsPresence(
  panel: vscode.WebviewPanel,
  target: UserTarget,
  contacts: readonly LyncContact[],
  deps: PresenceDeps & ContactsPresenceDeps,
  post: (updates: Array<{ sip: string; presence: PresenceSlot }>) => void,
): vscode.Disposable {
  const t = deps.topology();
  const owner = t?.users.find((u) => u.address.toLowerCase() === target.address.toLowerCase());
  const users: WatchedUser[] = contacts
    .filter((c) => c.sip)
    .map((c) => {
      const known = t?.users.find((u) => u.address.toLowerCase() === c.sip.toLowerCase());
      return known ? { name: known.name, address: c.sip, lync: known.lync, online: known.online } : { name: c.displayName || c.sip, address: c.sip, lync: owner?.lync, online: owner?.online };
    });
  const pools = (t?.servers ?? []).filter((s) => s.kind === 'lync').map((s) => ({ name: s.name, host: s.host }));
  let countdown: ReturnType<typeof setInterval> | undefined;
  const push = (views: ReadonlyMap<string, PresenceView>) => post(users.map((u) => ({ sip: u.address.toLowerCase(), presence: slotOf(views.get(u.address.toLowerCase())) })));
  const watch = new PresenceWatch(users, pools, deps, (views) => {
    push(views);
    const counting = [...views.values()].some((v) => v.failure?.state === 'throttled-until');
    if (counting && !countdown) countdown = setInterval(() => push(watch.views), 1000);
    if (!counting && countdown) {
      clearInterval(countdown);
      countdown = undefined;
    }
  });
  watch.setVisible(panel.visible);
  const visibility = panel.onDidChangeViewState((e) => watch.setVisible(e.webviewPanel.visible));
  return new vscode.Disposable(() => {
    if (countdown) clearInterval(countdown);
    visibility.dispose();
    watch.dispose();
  });
}
