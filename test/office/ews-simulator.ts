// What the EWS tests of src/office share: the contoso simulator's EWS address,
// sessions signed in as one of its accounts, and the failure a call ends in.
import assert from 'node:assert/strict';
import type { RunningSimulator } from '../../src/simulator';
import { EwsSession, type EwsSessionOptions } from '../../src/office/ews-session';
import { OfficeCallError, type OfficeFailure } from '../../src/office/office-failure';
import type { EwsAuth } from '../../src/office/ews-connection';

export const EWS = 'https://mail.contoso.com/EWS/Exchange.asmx';

/** The failure a call ends in; fails the test when the call succeeds or throws anything else. */
export async function failureOf(work: Promise<unknown>): Promise<OfficeFailure> {
  try {
    await work;
  } catch (error) {
    assert.ok(error instanceof OfficeCallError, `an OfficeCallError, not ${String(error)}`);
    return error.failure;
  }
  assert.fail('the call succeeded');
}

/** Sessions against a simulator that a test's before() starts, through its CA and connect-to, as a user sets them. */
export function ewsSessions(simulator: () => RunningSimulator) {
  const account = (user: string) => simulator().connection.accounts.find((a) => a.user === user)!;
  const session = (auth: EwsAuth, extra: Partial<EwsSessionOptions> = {}) =>
    new EwsSession({ url: EWS, auth, ca: [simulator().connection.ca.pem], connectTo: simulator().connection.connectTo, timeoutMs: 4000, ...extra });
  const basic = (user = 'alice', extra: Partial<EwsSessionOptions> = {}) =>
    session({ kind: 'basic', user: account(user).signInName, password: account(user).password }, extra);
  return { account, session, basic };
}
