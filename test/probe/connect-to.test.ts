import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseConnectTo, ConnectToSyntaxError } from '../../src/probe';
import { connectAddress } from '../../src/probe/connect-to';

describe('--connect-to', () => {
  it('reads HOST:PORT:ADDR:PORT, IPv6 in brackets, and empty parts', () => {
    assert.deepEqual(parseConnectTo('Mail.Contoso.com:443:127.0.0.1:8443'), { host: 'mail.contoso.com', port: 443, toHost: '127.0.0.1', toPort: 8443 });
    assert.deepEqual(parseConnectTo('mail.contoso.com:443:[::1]:8443'), { host: 'mail.contoso.com', port: 443, toHost: '::1', toPort: 8443 });
    assert.deepEqual(parseConnectTo('::127.0.0.1:'), { host: '', port: undefined, toHost: '127.0.0.1', toPort: undefined });
  });

  it('rejects what curl rejects', () => {
    for (const bad of ['mail.contoso.com:443:127.0.0.1', 'mail.contoso.com:https:127.0.0.1:443', 'a:443:[::1:443', 'a:443:b:70000', 'a:1:b:2:c']) {
      assert.throws(() => parseConnectTo(bad), ConnectToSyntaxError, bad);
    }
  });

  it('maps the first matching rule, case-insensitively, and keeps what a rule leaves empty', () => {
    const rules = ['mail.contoso.com:443:127.0.0.1:4431', ':443:127.0.0.2:', 'pool.contoso.com::127.0.0.3:4433'].map(parseConnectTo);
    assert.deepEqual(connectAddress('MAIL.contoso.com', 443, rules), { host: '127.0.0.1', port: 4431 });
    assert.deepEqual(connectAddress('portal.contoso.com', 443, rules), { host: '127.0.0.2', port: 443 });
    assert.deepEqual(connectAddress('pool.contoso.com', 5061, rules), { host: '127.0.0.3', port: 4433 });
    assert.deepEqual(connectAddress('portal.contoso.com', 8443, rules), { host: 'portal.contoso.com', port: 8443 });
  });
});
