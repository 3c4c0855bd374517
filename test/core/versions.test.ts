// Versions as the product lines have them (language/versions.ts): the
// Subscription Edition sorts after 2019 for the rules, and is named, never
// shown as its sort key.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, readTopology } from '../../src/core';
import { productLines, releaseLabel, subscriptionOrder, versionName } from '../../src/core/language/versions';

test('the Subscription Edition reads as SE in the plain topology and by name in messages', () => {
  const a = analyze('exchange ex01 { host = "mail.example.com"; version = subscription; um = true }\n');
  assert.deepEqual(readTopology(a).servers.map((s) => [s.name, s.release]), [['ex01', 'SE']]);
  const um = a.diagnostics.find((d) => d.code === 'FARM325');
  assert.ok(um, 'Exchange SE has no Unified Messaging, as Exchange 2019');
  assert.match(um.message, /^ex01 is Exchange Server Subscription Edition, which has no Unified Messaging/);
  assert.ok(!um.message.includes(String(subscriptionOrder)));
});

test('each product line names every release it takes, and no line has a Lync Server 2016', () => {
  for (const [kind, line] of Object.entries(productLines)) {
    for (const r of line.releases) {
      const order = r.written === 'subscription' ? subscriptionOrder : r.written;
      assert.equal(versionName(kind, order), r.name);
      assert.equal(releaseLabel(order), r.written === 'subscription' ? 'SE' : String(r.written));
    }
  }
  assert.deepEqual(productLines.lync.releases.map((r) => r.written), [2010, 2013, 2015, 2019, 'subscription']);
});
