// Drift against hand-written inventories: the four that match contoso.farm
// give nothing; replacing one of them with a copy missing one thing gives
// exactly that one difference, on the line the topology says it.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { test } from 'node:test';
import { analyze } from '../../src/core';
import { drift, readInventory, type Inventory } from '../../src/core/scripts';
import { repoRoot } from '../support/paths';

const fixtures = join(repoRoot, 'test', 'fixtures', 'inventories');
const contoso = analyze(readFileSync(join(repoRoot, 'examples', 'contoso.farm'), 'utf8'));

function load(path: string): Inventory {
  const r = readInventory(readFileSync(path, 'utf8'), basename(path));
  assert.ok(r.ok, r.ok ? '' : r.errors.join('\n'));
  return r.inventory;
}

const matching = readdirSync(join(fixtures, 'contoso')).sort().map((f) => load(join(fixtures, 'contoso', f)));

/** Each drifted inventory, the server whose inventory it replaces, and the one diagnostic expected (line is 1-based). */
const cases: Record<string, { replaces: string; code: string; line: number; message: RegExp }> = {
  'sp01-without-exchange-trust': { replaces: 'sp01', code: 'FARM601', line: 30, message: /sp01 trusts ex01 in the topology, but its inventory .* has no trust made from https:\/\/mail\.contoso\.com\/autodiscover\/metadata\/json\/1/ },
  'sp01-without-wopi-binding': { replaces: 'sp01', code: 'FARM609', line: 21, message: /wac01 hosts sp01, but .* no WOPI binding for wac\.contoso\.com/ },
  'ex01-owa-im-none': { replaces: 'ex01', code: 'FARM606', line: 8, message: /virtual directory owa \(Default Web Site\) .* type None/ },
  'ex01-unknown-trust': { replaces: 'ex01', code: 'FARM603', line: 8, message: /trusts Old SharePoint, from https:\/\/old-portal\.contoso\.com/ },
  'lync01-ucs-not-allowed': { replaces: 'lync01', code: 'FARM605', line: 33, message: /UcsAllowed = False/ },
  'lync01-without-trusted-application': { replaces: 'lync01', code: 'FARM607', line: 33, message: /ex01 as a trusted application .* no trusted application on the pool mail\.contoso\.com/ },
  'lync01-without-autodiscover-url': { replaces: 'lync01', code: 'FARM604', line: 33, message: /no ExchangeAutodiscoverUrl/ },
  'wac01-without-farm': { replaces: 'wac01', code: 'FARM609', line: 44, message: /no Office Web Apps farm/ },
  'lync01-other-oauth-certificate': { replaces: 'lync01', code: 'FARM610', line: 33, message: /oauth-certificate is 9F8E7D6C5B4A39281706F5E4D3C2B1A098765432, but .* has 0123456789ABCDEF0123456789ABCDEF01234567/ },
  'sp99-not-declared': { replaces: 'sp01', code: 'FARM608', line: 1, message: /sharepoint sp99, which this file does not declare/ },
};

test('the inventories that match contoso.farm give no drift', () => {
  assert.equal(matching.length, 4);
  assert.deepEqual(drift(contoso, matching), []);
});

test('every drifted inventory in the fixtures has its expected diagnostic', () => {
  assert.deepEqual(readdirSync(join(fixtures, 'contoso-drift')).map((f) => basename(f, '.json')).sort(), Object.keys(cases).sort());
});

for (const [name, expected] of Object.entries(cases)) {
  test(`drift: ${name} gives exactly ${expected.code}`, () => {
    const drifted = load(join(fixtures, 'contoso-drift', `${name}.json`));
    const inventories = [...matching.filter((i) => i.server !== expected.replaces), drifted];
    const found = drift(contoso, inventories);
    const summary = found.map((d) => `${d.code} ${contoso.lines.position(d.start).line + 1} ${d.message}`);
    assert.equal(found.length, 1, summary.join('\n'));
    assert.equal(found[0].code, expected.code);
    assert.equal(contoso.lines.position(found[0].start).line + 1, expected.line, summary[0]);
    assert.match(found[0].message, expected.message);
    assert.ok(found[0].severity, 'the severity comes from the catalogue');
  });
}

test('FARM601 stands on the trusts element of the missing server', () => {
  const drifted = load(join(fixtures, 'contoso-drift', 'sp01-without-exchange-trust.json'));
  const [d] = drift(contoso, [drifted]);
  assert.equal(contoso.text.slice(d.start, d.end), 'ex01');
});

test('FARM602: a trust on the server with a declared server its trusts do not list', () => {
  const text = 'exchange ex01 { host = "mail.contoso.com" }\nsharepoint sp01 { url = "https://intranet.contoso.com" }\n';
  const analysis = analyze(text);
  const inventory: Inventory = { source: 'sp01.json', server: 'sp01', kind: 'sharepoint', trusts: [{ name: 'exchange', metadataUrl: 'https://mail.contoso.com/autodiscover/metadata/json/1' }] };
  const found = drift(analysis, [inventory]);
  assert.deepEqual(found.map((d) => d.code), ['FARM602']);
  assert.equal(text.slice(found[0].start, found[0].end), 'sp01');
});

test('FARM610: the OAuthTokenIssuer certificate differs from oauth-certificate', () => {
  const analysis = analyze(readFileSync(join(repoRoot, 'test', 'fixtures', 'scripts', 'owa-im.farm'), 'utf8'));
  const base: Inventory = {
    source: 'pool01.json', server: 'pool01', kind: 'lync',
    trusts: [{ name: 'ex16', metadataUrl: 'https://mail.fabrikam.com/autodiscover/metadata/json/1' }],
    oauthConfiguration: [{ exchangeAutodiscoverUrl: 'https://mail.fabrikam.com/autodiscover/autodiscover.svc', realm: '' }],
    trustedApplications: [{ identity: 'mail.fabrikam.com/urn:application:outlookwebapp', applicationId: 'urn:application:outlookwebapp', poolFqdn: 'mail.fabrikam.com' }],
  };
  assert.deepEqual(drift(analysis, [{ ...base, oauthTokenIssuerThumbprints: ['0123456789abcdef0123456789abcdef01234567'] }]), []);
  const found = drift(analysis, [{ ...base, oauthTokenIssuerThumbprints: [] }]);
  assert.deepEqual(found.map((d) => d.code), ['FARM610']);
  assert.match(found[0].message, /has none assigned/);
});

test('um-same-computer: no trusted application is expected for that Exchange', () => {
  const analysis = analyze(readFileSync(join(repoRoot, 'test', 'fixtures', 'scripts', 'owa-im.farm'), 'utf8'));
  const inventory: Inventory = {
    source: 'pool01.json', server: 'pool01', kind: 'lync',
    trusts: [{ name: 'ex16', metadataUrl: 'https://mail.fabrikam.com/autodiscover/metadata/json/1' }],
    trustedApplications: [],
  };
  const found = drift(analysis, [inventory]);
  assert.deepEqual(found.map((d) => d.code), ['FARM607']);
  assert.match(found[0].message, /ex16/);
});

test('a farmrc setting applies to drift codes like any other', () => {
  const drifted = load(join(fixtures, 'contoso-drift', 'lync01-ucs-not-allowed.json'));
  const off = drift(contoso, [drifted], { rules: { FARM605: 'off' } });
  assert.deepEqual(off, []);
});
