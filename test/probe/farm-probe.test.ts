import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { probeFarm, farmProbeTargets, probeSeverity, type ProbeCode, type ProbeTarget } from '../../src/probe';
import { ruleByCode, readTopology } from '../../src/core';
import { ca, exchangeDocument, json, signingCertificate, startHttpsServer, tlsCertificate, type TestServer } from './metadata-servers';
import type * as http from 'node:http';

const servers: TestServer[] = [];
after(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

function targets(n: number): ProbeTarget[] {
  return Array.from({ length: n }, (_, i) => ({ server: `mail${i}`, kind: 'exchange' as const, url: `https://mail.contoso.com/${i}`, expectedRealm: 'contoso.com' }));
}

describe('probeFarm', () => {
  it('probes at most 8 servers at once and returns results in target order', async () => {
    const signing = signingCertificate('Auth');
    const held: http.ServerResponse[] = [];
    // Holds every answer until 8 requests wait at once: with more than 8 at
    // once the count below would exceed 8; with fewer, nothing would ever answer.
    const s = await startHttpsServer(tlsCertificate(['mail.contoso.com']), (req, res) => {
      held.push(res);
      if (held.length >= 8) for (const r of held.splice(0)) json(exchangeDocument(signing))(req, r);
    });
    servers.push(s);
    let running = 0;
    let most = 0;
    const results = await probeFarm(targets(16), {
      ca: [ca().cert],
      connectTo: [{ host: 'mail.contoso.com', port: 443, toHost: '127.0.0.1', toPort: s.port }],
      env: {},
      onStart: () => {
        running++;
        most = Math.max(most, running);
      },
      onResult: () => running--,
    });
    assert.equal(most, 8);
    assert.deepEqual(results.map((r) => r.server), targets(16).map((t) => t.server));
    assert.ok(results.every((r) => r.outcome === 'ok'), JSON.stringify(results.map((r) => r.findings)));
  });

  it('cancels running and waiting probes with one signal, reporting them cancelled', async () => {
    const s = await startHttpsServer(tlsCertificate(['mail.contoso.com']), () => undefined);
    servers.push(s);
    const controller = new AbortController();
    const pending = probeFarm(targets(12), {
      ca: [ca().cert],
      connectTo: [{ host: 'mail.contoso.com', port: 443, toHost: '127.0.0.1', toPort: s.port }],
      env: {},
      signal: controller.signal,
    });
    while (s.requests.length < 8) await new Promise((r) => setImmediate(r));
    controller.abort();
    const results = await pending;
    assert.equal(results.length, 12);
    assert.ok(results.every((r) => r.outcome === 'cancelled' && r.findings.length === 0));
    assert.equal(s.requests.length, 8);
  });

  it('takes the exchange, sharepoint and lync servers of a topology, with farm.realm', () => {
    const topology = readTopology(
      [
        'farm contoso { realm = "contoso.com" }',
        'exchange mail { host = "mail.contoso.com" }',
        'sharepoint portal { url = "https://portal.contoso.com" }',
        'lync pool { host = "pool.contoso.com"; metadata = "https://pool.contoso.com:4443/metadata/json/1" }',
        'office-web-apps owa { url = "https://owa.contoso.com" }',
      ].join('\n'),
    );
    assert.deepEqual(farmProbeTargets(topology), [
      { server: 'mail', kind: 'exchange', url: 'https://mail.contoso.com/autodiscover/metadata/json/1', expectedRealm: 'contoso.com' },
      { server: 'portal', kind: 'sharepoint', url: 'https://portal.contoso.com/_layouts/15/metadata/json/1', expectedRealm: 'contoso.com' },
      { server: 'pool', kind: 'lync', url: 'https://pool.contoso.com:4443/metadata/json/1', expectedRealm: 'contoso.com' },
    ]);
  });

  it("uses the rule catalogue's severities", () => {
    for (const [code, severity] of Object.entries(probeSeverity) as Array<[ProbeCode, string]>) {
      assert.equal(ruleByCode.get(code)?.severity, severity, code);
    }
  });
});
