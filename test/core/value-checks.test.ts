// Host names and URLs are first checked with one quick regular expression;
// only what it refuses is examined for a reason. The quick test must never
// accept what the examination rejects.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { hostProblem, hostProblemInDetail, urlProblem, urlProblemInDetail } from '../../src/core/model/value-checks';

const label = fc.constantFrom('a', 'mail', 'intranet00001', 'x-y', '-x', 'x-', 'A9', '0', 'a'.repeat(63), 'a'.repeat(64), '', 'é', 'a_b', 'a b');
const host = fc.array(label, { minLength: 1, maxLength: 5 }).map((ls) => ls.join('.'));
const longHost = fc.integer({ min: 60, max: 70 }).map((n) => Array.from({ length: n }, () => 'abc').join('.'));
const scheme = fc.constantFrom('https://', 'http://', 'HTTPS://', 'ftp://', 'https:/', '', 'https://user@');
const port = fc.constantFrom('', ':80', ':443', ':8080', ':65535', ':65536', ':99999', ':', ':x');
const rest = fc.constantFrom('', '/', '/sites/eng/Recordings', '/pwa?x=1#y', '/a b', '?q', '#f', '/\t', '//');

test('the quick host test accepts only what the detailed one accepts', () => {
  fc.assert(
    fc.property(fc.oneof(host, longHost, fc.string()), (h) => {
      assert.equal(hostProblem(h), hostProblemInDetail(h), h);
    }),
    { numRuns: 5000, seed: 3 },
  );
});

test('the quick URL test accepts only what the detailed one accepts', () => {
  fc.assert(
    fc.property(scheme, fc.oneof(host, longHost), port, rest, (s, h, p, r) => {
      const url = `${s}${h}${p}${r}`;
      assert.equal(urlProblem(url), urlProblemInDetail(url), url);
    }),
    { numRuns: 5000, seed: 4 },
  );
  fc.assert(fc.property(fc.string(), (u) => assert.equal(urlProblem(u), urlProblemInDetail(u))), { numRuns: 2000, seed: 5 });
});
