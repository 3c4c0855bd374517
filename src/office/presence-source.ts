// What the panels and the farm view ask of presence, whichever server
// answers: a batch of people in, their presence (or why not) out. Plain
// data, so the extension can post it to a webview as it is.
import type { OfficeFailure } from './office-failure';

/** The availability a mark shows; each source maps its own words onto these. */
export type Availability = 'available' | 'idle' | 'busy' | 'do-not-disturb' | 'be-right-back' | 'away' | 'offline' | 'unknown';

export interface Presence {
  availability: Availability;
  /** The source's own activity words ("in-a-meeting", "InACall"), as it sent them. */
  activity?: string;
  /** The person's note (UCWA's note resource, Graph's statusMessage). */
  note?: string;
  /** ISO time the person last used a device, when the source says (UCWA's lastActive). */
  lastActive?: string;
}

export interface PresenceTarget {
  /** The `user` block's name. */
  user: string;
  /** Sign-in address: SIP URI without `sip:` for UCWA, the UPN for Graph. */
  address: string;
}

export type PresenceFailure =
  | OfficeFailure
  /** The Graph token lacks Presence.Read.All (or the tenant has not consented to it). */
  | { state: 'consent-missing'; scope: string; detail: string }
  /** The source knows no such person. */
  | { state: 'user-not-found'; address: string }
  /** 429/503 with Retry-After: try again at `until` (epoch ms), a countdown a panel can draw. */
  | { state: 'throttled-until'; until: number; detail: string };

export type PresenceReading = { address: string; presence: Presence } | { address: string; failure: PresenceFailure };

export interface PresenceSource {
  /** "graph" or "ucwa:<pool>": what a poller keeps one request in flight for. */
  readonly id: string;
  /** Presence for every target; a failure of the whole source rejects with a PresenceError. */
  read(targets: readonly PresenceTarget[], signal?: AbortSignal): Promise<PresenceReading[]>;
  /**
   * Waits for changes to the targets (UCWA's event channel) and resolves with
   * the new readings, or with [] when the wait ended with nothing new.
   * Absent when the source has no push channel.
   */
  changes?(targets: readonly PresenceTarget[], signal?: AbortSignal): Promise<PresenceReading[]>;
  close(): Promise<void>;
}

export class PresenceError extends Error {
  constructor(readonly failure: PresenceFailure) {
    super(describePresenceFailure(failure));
  }
}

export function describePresenceFailure(f: PresenceFailure): string {
  switch (f.state) {
    case 'consent-missing':
      return `no consent for ${f.scope}: ${f.detail}`;
    case 'user-not-found':
      return `${f.address} is not known to the presence service`;
    case 'throttled-until':
      return `throttled; retry at ${new Date(f.until).toISOString().slice(11, 19)} UTC`;
    default:
      return f.state === 'signed-out'
        ? `not signed in to ${f.server} as ${f.account}`
        : `${f.state}${'detail' in f && f.detail ? `: ${f.detail}` : ''}${'host' in f ? ` (${f.host})` : ''}`;
  }
}
