// The client's words when the server dies: one notification per window,
// every crash logged with its count (src/extension/crash-notices.ts).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CrashNotices } from '../../src/extension/crash-notices';

test('the first crash is shown once; later ones only logged, with their count', () => {
  const notices = new CrashNotices();
  const first = notices.crashed();
  assert.match(first.notify ?? '', /stopped unexpectedly and was restarted/);
  assert.match(first.log, /first time/);
  for (let i = 2; i <= 4; i++) {
    const next = notices.crashed();
    assert.equal(next.notify, undefined);
    assert.match(next.log, new RegExp(`${i} times`));
  }
  assert.equal(notices.count, 4);
});
