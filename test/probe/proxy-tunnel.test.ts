import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { probeMetadata, parseConnectTo } from '../../src/probe';
import { ca, closedPort, exchangeDocument, json, signingCertificate, startConnectProxy, startHttpsServer, tlsCertificate, type TestServer } from './metadata-servers';

const servers: TestServer[] = [];
after(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

const target = { server: 'mail', kind: 'exchange' as const, url: 'https://mail.contoso.com/autodiscover/metadata/json/1', expectedRealm: 'contoso.com' };

/** A healthy Exchange metadata endpoint for mail.contoso.com, a CONNECT proxy, and probe options reaching one through the other. */
async function exchangeBehindProxy(proxyEnv: (proxyPort: number) => Record<string, string>) {
  const s = await startHttpsServer(tlsCertificate(['mail.contoso.com']), json(exchangeDocument(signingCertificate('Auth'))));
  const proxy = await startConnectProxy();
  servers.push(s, proxy);
  const options = {
    ca: [ca().cert],
    connectTo: [parseConnectTo(`mail.contoso.com:443:127.0.0.1:${s.port}`)],
    env: proxyEnv(proxy.port),
  };
  return { s, proxy, options };
}

describe('probing through an HTTP proxy', () => {
  it('tunnels with CONNECT to the --connect-to address, verifying TLS end to end', async () => {
    const { s, proxy, options } = await exchangeBehindProxy((port) => ({ HTTPS_PROXY: `http://user:p%40ss@127.0.0.1:${port}` }));
    const r = await probeMetadata(target, options);
    assert.deepEqual(r.findings, []);
    assert.deepEqual(proxy.connects, [`127.0.0.1:${s.port}`]);
    assert.equal(proxy.authorizations[0], `Basic ${Buffer.from('user:p@ss').toString('base64')}`);
    assert.equal(r.connection?.proxy, `http://127.0.0.1:${proxy.port}`);
    assert.equal(s.requests[0]?.headers['proxy-authorization'], undefined);
    assert.equal(s.requests[0]?.headers.authorization, undefined);
  });

  it('goes direct for a host NO_PROXY lists', async () => {
    const { proxy, options } = await exchangeBehindProxy((port) => ({ HTTPS_PROXY: `http://127.0.0.1:${port}`, NO_PROXY: '.contoso.com' }));
    const r = await probeMetadata(target, options);
    assert.deepEqual(r.findings, []);
    assert.deepEqual(proxy.connects, []);
  });

  it('FARM501 when the proxy cannot reach the server, and when the proxy is down', async () => {
    const proxy = await startConnectProxy();
    servers.push(proxy);
    const refused = await probeMetadata(target, {
      ca: [ca().cert],
      connectTo: [parseConnectTo(`mail.contoso.com:443:127.0.0.1:${await closedPort()}`)],
      proxy: `http://127.0.0.1:${proxy.port}`,
      env: {},
    });
    assert.deepEqual(refused.findings.map((f) => f.code), ['FARM501']);
    assert.match(refused.findings[0]!.message, /refused to tunnel .* \(502 Bad Gateway\)/);
    const down = await probeMetadata(target, { ca: [ca().cert], proxy: `http://127.0.0.1:${await closedPort()}`, env: {} });
    assert.deepEqual(down.findings.map((f) => f.code), ['FARM501']);
    assert.match(down.findings[0]!.message, /proxy 127\.0\.0\.1:\d+ refused the connection/);
  });
});
