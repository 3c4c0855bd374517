// How a presence view reads in words and which mark it gets: one table for
// the farm view and the contacts panel, so both say the same thing.
import type { Availability } from '../office/presence-source';
import type { PresenceView } from './panels/presence-watch';

export const AVAILABILITY_LABELS: Record<Availability, string> = {
  available: 'Available',
  idle: 'Available (idle)',
  busy: 'Busy',
  'do-not-disturb': 'Do not disturb',
  'be-right-back': 'Be right back',
  away: 'Away',
  offline: 'Offline',
  unknown: 'Presence unknown',
};

/** Theme colours of the marks (charts.* exist in every theme). */
export const AVAILABILITY_COLORS: Record<Availability, string | undefined> = {
  available: 'charts.green',
  idle: 'charts.yellow',
  busy: 'charts.red',
  'do-not-disturb': 'charts.red',
  'be-right-back': 'charts.yellow',
  away: 'charts.yellow',
  offline: undefined,
  unknown: undefined,
};

/** The one-line state of a view: the presence, or what stands in for it. */
export function presenceLabel(view: PresenceView | undefined, now = Date.now()): string {
  if (!view) return 'presence not asked yet';
  if (view.disabled) return `presence off: ${view.disabled}`;
  if (!view.source) return 'no presence source (neither lync nor online)';
  const f = view.failure;
  if (f) {
    switch (f.state) {
      case 'signed-out':
        return view.source === 'graph' ? 'signed out of Microsoft' : `signed out of ${f.server}`;
      case 'consent-missing':
        return `consent missing for ${f.scope}`;
      case 'user-not-found':
        return 'user not found';
      case 'throttled-until':
        return `throttled, retry in ${Math.max(0, Math.ceil((f.until - now) / 1000))} s`;
      case 'throttled':
        return view.retryAt ? `busy, retry in ${Math.max(0, Math.ceil((view.retryAt - now) / 1000))} s` : 'busy';
      case 'unreachable':
      case 'timeout':
        return `${view.source === 'graph' ? 'Graph' : 'pool'} unreachable (${f.host})`;
      case 'wrong-credentials':
        return 'sign-in refused';
      case 'tls':
        return `TLS: ${f.problem} certificate (${f.host})`;
      default:
        return `presence failed: ${f.state}`;
    }
  }
  if (!view.presence) return 'loading presence…';
  const p = view.presence;
  return [AVAILABILITY_LABELS[p.availability], p.activity && p.activity !== AVAILABILITY_LABELS[p.availability] ? p.activity : undefined].filter(Boolean).join(', ');
}

/** Whether the label counts down and needs redrawing every second. */
export function countsDown(view: PresenceView | undefined): boolean {
  return view?.failure?.state === 'throttled-until' || (view?.failure?.state === 'throttled' && view.retryAt !== undefined);
}
