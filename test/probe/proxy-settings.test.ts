import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { proxyFor, ProxySettingError } from '../../src/probe/proxy-settings';

describe('proxy settings', () => {
  it('reads https_proxy before HTTPS_PROXY, and an explicit proxy before both', () => {
    assert.equal(proxyFor('mail.contoso.com', 443, { env: { HTTPS_PROXY: 'http://upper:8080', https_proxy: 'http://lower:8080' } })?.host, 'lower:8080');
    assert.equal(proxyFor('mail.contoso.com', 443, { env: { HTTPS_PROXY: 'http://upper:8080' } })?.host, 'upper:8080');
    assert.equal(proxyFor('mail.contoso.com', 443, { proxy: 'http://vscode:3128', env: { HTTPS_PROXY: 'http://upper:8080' } })?.host, 'vscode:3128');
    assert.equal(proxyFor('mail.contoso.com', 443, { proxy: false, env: { HTTPS_PROXY: 'http://upper:8080' } }), undefined);
    assert.equal(proxyFor('mail.contoso.com', 443, { env: {} }), undefined);
  });

  it('takes a bare host:port as an http proxy and refuses other schemes', () => {
    assert.equal(proxyFor('a.contoso.com', 443, { proxy: 'proxy.contoso.com:3128', env: {} })?.href, 'http://proxy.contoso.com:3128/');
    assert.throws(() => proxyFor('a.contoso.com', 443, { proxy: 'socks5://proxy:1080', env: {} }), ProxySettingError);
  });

  it('honours NO_PROXY: names, domain suffixes, *, ports and IPv4 ranges', () => {
    const via = (host: string, noProxy: string, port = 443) => proxyFor(host, port, { proxy: 'http://proxy:3128', noProxy, env: {} }) !== undefined;
    assert.equal(via('mail.contoso.com', 'mail.contoso.com'), false);
    assert.equal(via('mail.contoso.com', 'contoso.com'), false);
    assert.equal(via('mail.contoso.com', '.contoso.com'), false);
    assert.equal(via('mail.contoso.com', '*.contoso.com'), false);
    assert.equal(via('mail.contoso.com', 'fabrikam.com, other.org'), true);
    assert.equal(via('notcontoso.com', 'contoso.com'), true);
    assert.equal(via('mail.contoso.com', '*'), false);
    assert.equal(via('mail.contoso.com', 'mail.contoso.com:8443'), true);
    assert.equal(via('mail.contoso.com', 'mail.contoso.com:8443', 8443), false);
    assert.equal(via('10.1.2.3', '10.0.0.0/8'), false);
    assert.equal(via('11.1.2.3', '10.0.0.0/8'), true);
    assert.equal(proxyFor('mail.contoso.com', 443, { env: { HTTPS_PROXY: 'http://p:1', NO_PROXY: 'contoso.com' } }), undefined);
  });
});
