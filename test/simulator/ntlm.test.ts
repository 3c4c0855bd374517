// The simulator's NTLM server side against the protocol's published test
// vector (MS-NLMP 4.2.4) and against an independent client implementation
// (@ewsjs/ntlm-client, what ews-javascript-api's stock provider uses).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { md4 } from '../../src/crypto/md4';
import { createChallenge, ntlmMessageType, readAuthenticate, verifyNtlmV2 } from '../../src/simulator/ntlm';

// Installed with ews-javascript-api (through @ewsjs/xhr); it ships no types.
interface Type2 {
  version: number;
  targetInfo: { parsed: Record<string, string> };
}
const { createType1Message, createType3Message, decodeType2Message } = require('@ewsjs/ntlm-client') as {
  createType1Message(workstation: string, target: string): string;
  decodeType2Message(header: string): Type2;
  createType3Message(type2: Type2, user: string, password: string, workstation: string, target: string): string;
};

const identity = { domain: 'CONTOSO', computer: 'EX01', dnsDomain: 'contoso.com', dnsComputer: 'mail.contoso.com' };

test('MD4 matches RFC 1320', () => {
  const vectors: Record<string, string> = {
    '': '31d6cfe0d16ae931b73c59d7e0c089c0',
    a: 'bde52cb31de33e46245e05fbdbd6fb24',
    abc: 'a448017aaf21d8525fc10ae87aa6729d',
    'message digest': 'd9130a8164549fe818874806e1c7014b',
    abcdefghijklmnopqrstuvwxyz: 'd79e1c308aa5bbcdeea8ed63df412da9',
    '12345678901234567890123456789012345678901234567890123456789012345678901234567890': 'e33b4ddc9c38f2199c3e7b164fcc0536',
  };
  for (const [input, hex] of Object.entries(vectors)) assert.equal(md4(Buffer.from(input)).toString('hex'), hex, input);
});

test('NTLMv2 verification reproduces the MS-NLMP 4.2.4 example', () => {
  const challenge = Buffer.from('0123456789abcdef', 'hex');
  const avPairs = Buffer.concat([
    Buffer.from([2, 0, 12, 0]),
    Buffer.from('Domain', 'utf16le'),
    Buffer.from([1, 0, 12, 0]),
    Buffer.from('Server', 'utf16le'),
    Buffer.from([0, 0, 0, 0]),
  ]);
  const blob = Buffer.concat([
    Buffer.from('0101000000000000', 'hex'),
    Buffer.alloc(8),
    Buffer.from('aaaaaaaaaaaaaaaa', 'hex'),
    Buffer.alloc(4),
    avPairs,
    Buffer.alloc(4),
  ]);
  const proof = Buffer.from('68cd0ab851e51c96aabc927bebef6a1c', 'hex');
  const message = { domain: 'Domain', user: 'User', workstation: 'COMPUTER', ntResponse: Buffer.concat([proof, blob]) };
  assert.equal(verifyNtlmV2(message, challenge, 'Password'), true);
  assert.equal(verifyNtlmV2(message, challenge, 'password'), false);
  assert.equal(verifyNtlmV2({ ...message, user: 'Other' }, challenge, 'Password'), false);
});

test('a challenge answered by an independent client verifies; a wrong password or NTLMv1 does not', () => {
  const type1 = Buffer.from(createType1Message('WS01', '').slice(5), 'base64');
  assert.equal(ntlmMessageType(type1), 1);
  const issued = createChallenge(identity);
  const type2 = decodeType2Message(`NTLM ${issued.header}`);
  assert.equal(type2.version, 2, 'the challenge asks for NTLMv2');
  assert.equal(type2.targetInfo.parsed.DOMAIN, 'CONTOSO');
  assert.equal(type2.targetInfo.parsed.DNS, 'contoso.com');

  const answer = (user: string, password: string, domain: string) =>
    readAuthenticate(Buffer.from(createType3Message(type2, user, password, 'WS01', domain).slice(5), 'base64'));
  const good = answer('alice', 'Passw0rd!', 'CONTOSO');
  assert.deepEqual([good.domain, good.user, good.workstation], ['CONTOSO', 'alice', 'WS01']);
  assert.equal(verifyNtlmV2(good, issued.challenge, 'Passw0rd!'), true);
  assert.equal(verifyNtlmV2(good, issued.challenge, 'Passw0rd?'), false);
  assert.equal(verifyNtlmV2(good, createChallenge(identity).challenge, 'Passw0rd!'), false, 'another connection’s challenge');
  const upn = answer('alice@contoso.com', 'Passw0rd!', '');
  assert.equal(verifyNtlmV2(upn, issued.challenge, 'Passw0rd!'), true);

  // An NTLMv1 response is 24 bytes (the client library's own v1 path is broken, so it is made by hand).
  assert.equal(verifyNtlmV2({ ...good, ntResponse: good.ntResponse.subarray(0, 24) }, issued.challenge, 'Passw0rd!'), false, 'NTLMv1 is refused');
});
