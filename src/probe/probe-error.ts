// How the fetch layer tells the probe what went wrong: the FARM code, what
// happened in words, and what an administrator can do about it. The probe
// adds the server's name and URL.

import type { ProbeCode } from './probe-codes';

export class ProbeError extends Error {
  constructor(
    readonly code: ProbeCode,
    /** What happened, e.g. "connection refused by 10.0.0.5:443". */
    readonly what: string,
    /** What to do about it, one sentence. */
    readonly fix: string,
  ) {
    super(what);
  }
}

/** The caller's AbortSignal fired; reported as cancelled, never as a failure. */
export class ProbeCancelled extends Error {
  constructor() {
    super('probe cancelled');
  }
}
