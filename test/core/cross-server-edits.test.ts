// The rules of issue 17 that read a server other than the one edited: a
// SharePoint server's S2S rules depend on whether another server trusts it
// (checks/s2s.ts), and the Office Web Apps rules compare hosts and versions
// across the file (checks/cross.ts). An edit to the other server must bring
// them up to date, as a fresh analysis of the same text would.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, Analysis } from '../../src/core';

const codes = (a: Analysis): string[] => a.diagnostics.map((d) => `${d.code}@${d.start}`).sort();

/** Replaces the first `from` with `to`, analysing incrementally, and checks the result against a fresh analysis. */
function edit(previous: Analysis, from: string, to: string): Analysis {
  const at = previous.text.indexOf(from);
  assert.ok(at >= 0, `the text holds ${from}`);
  const text = previous.text.slice(0, at) + to + previous.text.slice(at + from.length);
  const next = analyze(text, undefined, previous);
  assert.deepEqual(codes(next), codes(analyze(text)));
  return next;
}

const has = (a: Analysis, code: string): boolean => a.diagnostics.some((d) => d.code === code);

test('a trust written on another server makes SharePoint take part in S2S, and removing it undoes that', () => {
  let a = analyze('exchange ex01 {\n  host = "mail.example.com"\n}\n\nsharepoint sp01 {\n  url = "https://sp.example.com"\n}\n');
  assert.ok(!has(a, 'FARM209'));
  a = edit(a, '  host = "mail.example.com"\n', '  host = "mail.example.com"\n  trusts = [sp01]\n');
  assert.ok(has(a, 'FARM209'), 'trusted by ex01, sp01 needs the User Profile service application');
  a = edit(a, '  trusts = [sp01]\n', '');
  assert.ok(!has(a, 'FARM209'));
});

test('a server moved onto the Office Web Apps host, or downgraded under it, is reported without touching the farm block', () => {
  let a = analyze('exchange ex01 {\n  host = "mail.example.com"\n  version = 2016\n}\n\noffice-web-apps wac01 {\n  url = "https://wac.example.com"\n  hosts = [ex01]\n}\n');
  assert.deepEqual(a.diagnostics, []);
  a = edit(a, 'host = "mail.example.com"', 'host = "wac.example.com"');
  assert.ok(has(a, 'FARM327'));
  a = edit(a, 'host = "wac.example.com"', 'host = "mail.example.com"');
  a = edit(a, 'version = 2016', 'version = 2013');
  assert.ok(has(a, 'FARM326'), 'Exchange 2013 cannot host Office Web Apps Server');
});

test('a version takes the names of its product line, with "did you mean"', () => {
  const a = analyze('lync l1 { host = "l1.example.com"; version = 2016 }\nexchange e1 { host = "e1.example.com"; version = SE }\nexchange e2 { host = "e2.example.com"; version = subscription }\n');
  const messages = a.diagnostics.filter((d) => d.code === 'FARM110').map((d) => [d.message.split(':')[0], d.fixes?.[0].edits[0].newText]);
  assert.deepEqual(messages, [
    ['2016 is not a version of Lync Server / Skype for Business Server', '2015'],
    ['SE is not a version of Exchange Server', 'subscription'],
  ]);
});
