// Host names and URLs are first checked with one quick regular expression;
// only what it refuses is examined for a reason. The quick test must never
// accept what the examination rejects. Likewise the shortcut to an
// endpoint that is not https.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import { analyze } from '../../src/core';
import { insecureMetadataEndpoint, isHttps, metadataEndpoint } from '../../src/core/model/effective';
import { hostProblem, hostProblemInDetail, urlProblem, urlProblemInDetail } from '../../src/core/model/value-checks';
import { farmFiles } from '../support/paths';

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

test('the insecure metadata endpoint is the derived endpoint when that is not https', () => {
  const samples = [...farmFiles('examples'), ...farmFiles('conformance')].map((f) => readFileSync(f, 'utf8'));
  const urls = ['"http://sp.example.com"', '"https://sp.example.com/"', '"HTTP://x.example.com/_layouts/15/metadata/json/1"', '"https://x.example.com/metadata/json/1"', '"ftp://x"', '"sp.example.com"'];
  const edits = fc.array(fc.tuple(fc.nat(), fc.constantFrom(...urls)), { maxLength: 3 });
  fc.assert(
    fc.property(fc.constantFrom(...samples), edits, (text, changes) => {
      let t = text;
      // Replace some quoted value with a URL-ish one, where a metadata or url property may take it.
      for (const [at, url] of changes) {
        const quotes = [...t.matchAll(/"[^"\n]*"/g)];
        if (quotes.length === 0) break;
        const q = quotes[at % quotes.length];
        t = t.slice(0, q.index) + url + t.slice(q.index! + q[0].length);
      }
      for (const d of analyze(t).model.declarations) {
        const derived = metadataEndpoint(d);
        assert.deepEqual(insecureMetadataEndpoint(d), derived && !isHttps(derived.url) ? derived : undefined);
      }
    }),
    { numRuns: 1500, seed: 6 },
  );
});
