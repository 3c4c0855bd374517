import { test } from 'node:test';
import assert from 'node:assert/strict';
import { md4 } from '../../src/crypto/md4';
import { authenticateMessage, negotiateMessage, readChallenge } from '../../src/office/ntlm-auth-provider';

// A CHALLENGE_MESSAGE as Windows sends it (built here field by field).
function challengeMessage(challenge: Buffer, targetInfo: Buffer): string {
  const head = Buffer.alloc(48);
  Buffer.from('NTLMSSP\0', 'ascii').copy(head);
  head.writeUInt32LE(2, 8);
  head.writeUInt32LE(0xa2898205, 20);
  challenge.copy(head, 24);
  head.writeUInt16LE(targetInfo.length, 40);
  head.writeUInt16LE(targetInfo.length, 42);
  head.writeUInt32LE(48, 44);
  return Buffer.concat([head, targetInfo]).toString('base64');
}

test('MD4 matches RFC 1320', () => {
  assert.equal(md4(Buffer.from('')).toString('hex'), '31d6cfe0d16ae931b73c59d7e0c089c0');
  assert.equal(md4(Buffer.from('message digest')).toString('hex'), 'd9130a8164549fe818874806e1c7014b');
  assert.equal(md4(Buffer.alloc(1000, 0x61)).length, 16);
});

test('the NEGOTIATE message is an NTLMSSP type 1 asking for Unicode and NTLMv2 session security', () => {
  const b = Buffer.from(negotiateMessage(), 'base64');
  assert.equal(b.subarray(0, 8).toString('latin1'), 'NTLMSSP\0');
  assert.equal(b.readUInt32LE(8), 1);
  const flags = b.readUInt32LE(12);
  assert.ok(flags & 0x1 && flags & 0x80000);
});

test('the AUTHENTICATE message carries an NTLMv2 response to the server challenge', () => {
  const challenge = Buffer.from('0123456789abcdef', 'hex');
  const targetInfo = Buffer.concat([Buffer.from([2, 0, 14, 0]), Buffer.from('CONTOSO', 'utf16le'), Buffer.alloc(4)]);
  const parsed = readChallenge(challengeMessage(challenge, targetInfo));
  assert.deepEqual(parsed.challenge, challenge);
  const msg = Buffer.from(authenticateMessage(parsed, 'CONTOSO\\alice', 'Passw0rd!', 'WS01', Date.UTC(2024, 0, 1)), 'base64');
  const field = (at: number) => msg.subarray(msg.readUInt32LE(at + 4), msg.readUInt32LE(at + 4) + msg.readUInt16LE(at));
  assert.equal(msg.readUInt32LE(8), 3);
  assert.equal(field(28).toString('utf16le'), 'CONTOSO');
  assert.equal(field(36).toString('utf16le'), 'alice');
  const nt = field(20);
  assert.equal(nt.readUInt16LE(16), 0x0101, 'NTLMv2 blob signature');
  assert.ok(nt.subarray(16).includes(targetInfo), 'the blob carries the server target info');
  // NTProofStr recomputed independently of the client code.
  const { createHmac } = require('node:crypto') as typeof import('node:crypto');
  const ntowf = createHmac('md5', md4(Buffer.from('Passw0rd!', 'utf16le'))).update(Buffer.from('ALICECONTOSO', 'utf16le')).digest();
  const proof = createHmac('md5', ntowf).update(Buffer.concat([challenge, nt.subarray(16)])).digest();
  assert.deepEqual(nt.subarray(0, 16), proof);
});

test('a challenge without target information is refused (no NTLMv2 possible)', () => {
  const head = Buffer.alloc(48);
  Buffer.from('NTLMSSP\0', 'ascii').copy(head);
  head.writeUInt32LE(2, 8);
  head.writeUInt32LE(0x00008201, 20);
  assert.throws(() => readChallenge(head.toString('base64')), /no target information/);
  assert.throws(() => readChallenge(Buffer.from('garbage').toString('base64')), /did not answer with an NTLM challenge/);
});
