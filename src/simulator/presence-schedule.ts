// The simulated farm's presence: one schedule per user derived from the seed
// and the clock, so that presence changes while someone watches and is the
// same on every run. Both the UCWA subset (on premises) and Graph (online)
// read it, each in its own vocabulary.
import { SeededRandom } from './seeded-random';

/** How long one presence state lasts unless the simulator is started with another period. */
export const PRESENCE_PERIOD_MS = 60_000;

export interface ScheduledPresence {
  /** Graph's availability words (https://learn.microsoft.com/en-us/graph/api/resources/presence). */
  graph: { availability: string; activity: string };
  /** UCWA's availability and activity (https://learn.microsoft.com/en-us/skype-sdk/ucwa/contactpresence_ref). */
  ucwa: { availability: string; activity: string };
  note: string;
  /** When the user last used a device: the start of the current state for active states. */
  lastActive: number;
}

// Each row: Graph availability, Graph activity, UCWA availability, UCWA activity
// (UCWA's well-known activity strings: "in-a-meeting", "on-the-phone", "presenting", "off-work").
const STATES: ReadonlyArray<readonly [string, string, string, string]> = [
  ['Available', 'Available', 'Online', 'Available'],
  ['Available', 'Available', 'Online', 'Available'],
  ['AvailableIdle', 'Available', 'IdleOnline', 'Available'],
  ['Busy', 'InACall', 'Busy', 'on-the-phone'],
  ['Busy', 'InAMeeting', 'Busy', 'in-a-meeting'],
  ['Busy', 'Busy', 'Busy', 'Busy'],
  ['DoNotDisturb', 'Presenting', 'DoNotDisturb', 'presenting'],
  ['BeRightBack', 'BeRightBack', 'BeRightBack', 'BeRightBack'],
  ['Away', 'Away', 'Away', 'Away'],
  ['Offline', 'OffWork', 'Offline', 'off-work'],
];

const NOTES = ['', '', 'Working from the Leeds office this week', 'In workshops until Thursday', 'Back on Monday', 'Ask me about the migration'];

export class PresenceSchedule {
  constructor(
    private readonly seed: number,
    readonly periodMs: number = PRESENCE_PERIOD_MS,
  ) {}

  /** The slot a time falls into; presence is fixed within a slot. */
  slot(time: number): number {
    return Math.floor(time / this.periodMs);
  }

  /** When the slot after `time` begins. */
  nextChange(time: number): number {
    return (this.slot(time) + 1) * this.periodMs;
  }

  /** `key` is the user's sign-in address (lower case): the same person has the same presence in either source. */
  at(key: string, time: number): ScheduledPresence {
    const slot = this.slot(time);
    const [ga, gact, ua, uact] = new SeededRandom(this.seed, `presence:${key.toLowerCase()}:${slot}`).pick(STATES);
    const note = new SeededRandom(this.seed, `note:${key.toLowerCase()}:${Math.floor(slot / 10)}`).pick(NOTES);
    const idle = ua === 'Away' || ua === 'Offline' || ua === 'BeRightBack' || ua === 'IdleOnline';
    const lastActive = idle ? (slot - 1) * this.periodMs : slot * this.periodMs;
    return { graph: { availability: ga, activity: gact }, ucwa: { availability: ua, activity: uact }, note, lastActive };
  }
}
