// The inventory reader takes files from servers, or from anyone: whatever
// the input, it answers with an inventory or with messages that name the
// field, and never throws.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { readInventory, maxInventoryLength } from '../../src/core/scripts';
import { repoRoot } from '../support/paths';

const valid = readFileSync(join(repoRoot, 'test', 'fixtures', 'inventories', 'contoso', 'lync01.inventory.json'), 'utf8');

function errorsOf(text: string): string[] {
  const r = readInventory(text, 'in.json');
  assert.equal(r.ok, false, `accepted: ${text.slice(0, 80)}`);
  return r.ok ? [] : r.errors;
}

test('a valid inventory is read with its fields', () => {
  const r = readInventory(valid, 'lync01.inventory.json');
  assert.ok(r.ok);
  assert.equal(r.inventory.server, 'lync01');
  assert.equal(r.inventory.kind, 'lync');
  assert.equal(r.inventory.trusts.length, 2);
  assert.deepEqual(r.inventory.userServicesPolicies, [{ identity: 'Global', ucsAllowed: true }]);
});

test('what Windows PowerShell writes is accepted: a byte order mark, a list of one written as its element', () => {
  const json = JSON.parse(valid);
  json.trusts = json.trusts[0];
  const r = readInventory('\uFEFF' + JSON.stringify(json), 'x');
  assert.ok(r.ok);
  assert.equal(r.inventory.trusts.length, 1);
});

test('malformed input gives clear messages, never an exception', () => {
  assert.match(errorsOf('')[0], /in\.json: not JSON/);
  assert.match(errorsOf('{"officeFarmInventory": 1,')[0], /not JSON/);
  assert.match(errorsOf('[1, 2]')[0], /an inventory is a JSON object, not a list/);
  assert.match(errorsOf('"text"')[0], /not string/);
  assert.match(errorsOf('null')[0], /not null/);
  assert.match(errorsOf('{"server": "x"}')[0], /not an Office Farm inventory .* office-farm script --inventory/);
  assert.match(errorsOf('{"officeFarmInventory": 2, "server": "x"}')[0], /officeFarmInventory is number 2, 1 is expected/);
  const wrongTypes = errorsOf(JSON.stringify({ officeFarmInventory: 1, server: 7, kind: 'mainframe', trusts: [{ name: 1, metadataUrl: {} }, 'x'] }));
  assert.ok(wrongTypes.some((e) => /server: a string is expected, not number 7/.test(e)), wrongTypes.join('\n'));
  assert.ok(wrongTypes.some((e) => /kind: one of sharepoint, exchange, lync, office-web-apps is expected/.test(e)));
  assert.ok(wrongTypes.some((e) => /trusts\[0\]\.name: a string is expected/.test(e)));
  assert.ok(wrongTypes.some((e) => /trusts\[0\]\.metadataUrl: a string is expected, not an object/.test(e)));
  assert.ok(wrongTypes.some((e) => /trusts\[1\]: an object is expected, not string/.test(e)));
  assert.match(errorsOf(JSON.stringify({ officeFarmInventory: 1, server: 'a', kind: 'exchange' }))[0], /trusts: missing/);
  assert.match(errorsOf(JSON.stringify({ ...JSON.parse(valid), userServicesPolicies: [{ identity: 'Global', ucsAllowed: 'yes' }] }))[0], /userServicesPolicies\[0\]\.ucsAllowed: true or false is expected, not string "yes"/);
});

test('hostile input: prototype keys, deep nesting, huge files, many errors', () => {
  const proto = readInventory('{"officeFarmInventory":1,"server":"a","kind":"sharepoint","trusts":[],"__proto__":{"polluted":true},"constructor":{"x":1}}', 'p');
  assert.ok(proto.ok);
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
  const deep = '['.repeat(100000) + ']'.repeat(100000);
  assert.doesNotThrow(() => readInventory(deep, 'deep'));
  assert.match(errorsOf('{' + ' '.repeat(maxInventoryLength) + '}')[0], /larger than 5 MB/);
  const many = errorsOf(JSON.stringify({ officeFarmInventory: 1, server: 'a', kind: 'exchange', trusts: Array.from({ length: 1000 }, () => 5) }));
  assert.ok(many.length <= 20, `${many.length} messages`);
});

test('random bytes and mutations of a valid file never throw', () => {
  let seed = 20;
  const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let i = 0; i < 2000; i++) {
    const chars = valid.split('');
    for (let k = 0; k < 1 + Math.floor(random() * 5); k++) chars[Math.floor(random() * chars.length)] = String.fromCharCode(Math.floor(random() * 128));
    const text = chars.join('');
    assert.doesNotThrow(() => readInventory(text, 'mutated'));
  }
});
