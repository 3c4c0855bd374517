// The words of the presence marks (src/extension/presence-labels.ts): each
// state says what it is, a throttled one counts down, and presence reads
// as availability and activity.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countsDown, presenceLabel } from '../../src/extension/presence-labels';

test('every failure is a state in words, never a blank', () => {
  const now = 1_000_000;
  const cases: [Parameters<typeof presenceLabel>[0], string][] = [
    [undefined, 'presence not asked yet'],
    [{}, 'no presence source (neither lync nor online)'],
    [{ source: 'ucwa:lync01', disabled: 'the workspace is not trusted' }, 'presence off: the workspace is not trusted'],
    [{ source: 'graph', failure: { state: 'signed-out', server: 'Microsoft Graph', account: 'x' } }, 'signed out of Microsoft'],
    [{ source: 'ucwa:lync01', failure: { state: 'signed-out', server: 'lync01 (pool01.contoso.com)', account: 'alice@contoso.com' } }, 'signed out of lync01 (pool01.contoso.com)'],
    [{ source: 'graph', failure: { state: 'consent-missing', scope: 'Presence.Read.All', detail: '' } }, 'consent missing for Presence.Read.All'],
    [{ source: 'graph', failure: { state: 'user-not-found', address: 'a@b' } }, 'user not found'],
    [{ source: 'graph', failure: { state: 'throttled-until', until: now + 12_400, detail: '' } }, 'throttled, retry in 13 s'],
    [{ source: 'ucwa:lync01', failure: { state: 'unreachable', host: 'pool01.contoso.com', code: 'ECONNREFUSED', detail: '' } }, 'pool unreachable (pool01.contoso.com)'],
    [{ source: 'ucwa:lync01', failure: { state: 'wrong-credentials', detail: '' } }, 'sign-in refused'],
    [{ source: 'ucwa:lync01' }, 'loading presence…'],
    [{ source: 'ucwa:lync01', presence: { availability: 'busy', activity: 'in-a-meeting' } }, 'Busy, in-a-meeting'],
    [{ source: 'graph', presence: { availability: 'available', activity: 'Available' } }, 'Available'],
  ];
  for (const [view, words] of cases) assert.equal(presenceLabel(view, now), words, JSON.stringify(view));
  assert.equal(countsDown({ source: 'graph', failure: { state: 'throttled-until', until: now, detail: '' } }), true);
  assert.equal(countsDown({ source: 'graph', presence: { availability: 'away' } }), false);
});
