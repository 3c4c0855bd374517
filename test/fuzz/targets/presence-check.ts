// What "survived" means for a presence source: an answer per person asked,
// each a presence in the panel's words or a failure state; or the whole
// read refused with a PresenceError. Never another exception.
import assert from 'node:assert/strict';
import { PresenceError, type PresenceReading, type PresenceTarget } from '../../../src/office/presence-source';

const availabilities = new Set(['available', 'idle', 'busy', 'do-not-disturb', 'be-right-back', 'away', 'offline', 'unknown']);

export function checkReadings(readings: PresenceReading[], targets: readonly PresenceTarget[]): void {
  assert.ok(Array.isArray(readings), 'no list of readings');
  assert.equal(readings.length, targets.length, `${readings.length} readings for ${targets.length} people`);
  readings.forEach((r, i) => {
    assert.equal(r.address, targets[i].address, 'a reading for someone else');
    if ('failure' in r) {
      assert.equal(typeof r.failure.state, 'string', 'a failure without a state');
      return;
    }
    const p = r.presence;
    assert.ok(availabilities.has(p.availability), `availability ${JSON.stringify(p.availability)}`);
    for (const k of ['activity', 'note', 'lastActive'] as const) if (k in p) assert.equal(typeof p[k], 'string', `${k} is ${typeof p[k]}: ${JSON.stringify(p[k]).slice(0, 80)}`);
  });
}

/** The read rejected: only a PresenceError with a state is a failure a panel draws. */
export function checkRefusal(error: unknown, what: string): void {
  if (!(error instanceof PresenceError)) throw new Error(`${what} threw ${error instanceof Error ? `${error.name}: ${error.message}\n${error.stack}` : String(error)}`);
  assert.equal(typeof error.failure.state, 'string');
}
