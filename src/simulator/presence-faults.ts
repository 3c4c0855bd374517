// The faults both presence services share (UCWA on a Lync pool, Graph as
// graph.microsoft.com): checked before a request is served. Returns true
// when the fault has answered (or dropped) the request.
import type { Served, SimulatedFarm } from './simulated-farm';

export interface PresenceRefusal {
  /** Writes a 401 in the service's own shape. */
  unauthorized(): void;
  /** Writes an error status in the service's own shape, with extra headers. */
  error(status: number, code: string, message: string, headers?: Record<string, string>): void;
}

/** Applies presence-drop, presence-throttled, presence-unavailable, presence-unauthorized; then waits out presence-slow. */
export async function presenceFaultAnswered(farm: SimulatedFarm, x: Served, refuse: PresenceRefusal): Promise<boolean> {
  const server = x.endpoint.server.name;
  const slow = farm.fault(server, 'presence-slow');
  if (slow) {
    x.note.fault = `presence-slow:${slow.value}`;
    await new Promise<void>((resolve) => farm.later(slow.value, resolve));
    if (x.res.destroyed || farm.closing) return true;
  }
  if (farm.fault(server, 'presence-drop')) {
    x.note.fault = 'presence-drop';
    x.req.socket.destroy();
    return true;
  }
  const throttled = farm.fault(server, 'presence-throttled');
  if (throttled) {
    x.note.fault = `presence-throttled:${throttled.value}`;
    x.req.resume();
    refuse.error(429, 'TooManyRequests', 'Too many requests.', { 'Retry-After': String(throttled.value) });
    return true;
  }
  if (farm.fault(server, 'presence-unavailable')) {
    x.note.fault = 'presence-unavailable';
    x.req.resume();
    refuse.error(503, 'ServiceUnavailable', 'The service is temporarily unavailable.');
    return true;
  }
  if (farm.fault(server, 'presence-unauthorized')) {
    x.note.fault = 'presence-unauthorized';
    x.req.resume();
    refuse.unauthorized();
    return true;
  }
  return false;
}

/** Reads a request body up to `max` bytes; undefined when larger. */
export function readBody(req: Served['req'], max: number): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (d: Buffer) => {
      size += d.length;
      if (size <= max) chunks.push(d);
    });
    req.on('end', () => resolve(size > max ? undefined : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
