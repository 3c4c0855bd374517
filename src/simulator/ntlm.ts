// The server side of NTLM (MS-NLMP): a CHALLENGE_MESSAGE for a client's
// NEGOTIATE_MESSAGE, and verification of its AUTHENTICATE_MESSAGE with
// NTLMv2. The simulated domain refuses LM and NTLMv1 responses, as a domain
// with LmCompatibilityLevel 5 does.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { md4 } from '../crypto/md4';
import {
  NEGOTIATE_128,
  NEGOTIATE_56,
  NEGOTIATE_ALWAYS_SIGN,
  NEGOTIATE_EXTENDED_SESSIONSECURITY,
  NEGOTIATE_NTLM,
  NEGOTIATE_TARGET_INFO,
  NEGOTIATE_UNICODE,
  NEGOTIATE_VERSION,
  REQUEST_TARGET,
  SIGNATURE,
  TARGET_TYPE_DOMAIN,
} from '../crypto/ntlm-flags';


export interface NtlmIdentity {
  /** NetBIOS domain, e.g. CONTOSO. */
  domain: string;
  /** NetBIOS computer name, e.g. EX01. */
  computer: string;
  dnsDomain: string;
  dnsComputer: string;
}

export interface IssuedChallenge {
  challenge: Buffer;
  /** The CHALLENGE_MESSAGE, base64, for `WWW-Authenticate: NTLM ...`. */
  header: string;
}

export interface AuthenticateMessage {
  domain: string;
  user: string;
  workstation: string;
  ntResponse: Buffer;
}

/** The message type (1, 2 or 3) of a base64 NTLM token, or undefined when it is not one. */
export function ntlmMessageType(token: Buffer): number | undefined {
  if (token.length < 12 || !token.subarray(0, 8).equals(SIGNATURE)) return undefined;
  return token.readUInt32LE(8);
}

export function createChallenge(identity: NtlmIdentity, now = Date.now()): IssuedChallenge {
  const challenge = randomBytes(8);
  const utf16 = (s: string) => Buffer.from(s, 'utf16le');
  const avPair = (id: number, value: Buffer) => {
    const head = Buffer.alloc(4);
    head.writeUInt16LE(id, 0);
    head.writeUInt16LE(value.length, 2);
    return Buffer.concat([head, value]);
  };
  const timestamp = Buffer.alloc(8);
  timestamp.writeBigUInt64LE((BigInt(now) + 11644473600000n) * 10000n);
  const targetInfo = Buffer.concat([
    avPair(2, utf16(identity.domain)),
    avPair(1, utf16(identity.computer)),
    avPair(4, utf16(identity.dnsDomain)),
    avPair(3, utf16(identity.dnsComputer)),
    avPair(5, utf16(identity.dnsDomain)),
    avPair(7, timestamp),
    avPair(0, Buffer.alloc(0)),
  ]);
  const targetName = utf16(identity.domain);
  const flags =
    NEGOTIATE_UNICODE |
    REQUEST_TARGET |
    NEGOTIATE_NTLM |
    NEGOTIATE_ALWAYS_SIGN |
    TARGET_TYPE_DOMAIN |
    NEGOTIATE_EXTENDED_SESSIONSECURITY |
    NEGOTIATE_TARGET_INFO |
    NEGOTIATE_VERSION |
    NEGOTIATE_128 |
    NEGOTIATE_56;
  const header = Buffer.alloc(56);
  SIGNATURE.copy(header, 0);
  header.writeUInt32LE(2, 8);
  header.writeUInt16LE(targetName.length, 12);
  header.writeUInt16LE(targetName.length, 14);
  header.writeUInt32LE(56, 16);
  header.writeUInt32LE(flags >>> 0, 20);
  challenge.copy(header, 24);
  header.writeUInt16LE(targetInfo.length, 40);
  header.writeUInt16LE(targetInfo.length, 42);
  header.writeUInt32LE(56 + targetName.length, 44);
  // Version: Windows Server 2012 R2 (6.3, build 9600), NTLM revision 15.
  header.writeUInt8(6, 48);
  header.writeUInt8(3, 49);
  header.writeUInt16LE(9600, 50);
  header.writeUInt8(15, 55);
  return { challenge, header: Buffer.concat([header, targetName, targetInfo]).toString('base64') };
}

/** Reads an AUTHENTICATE_MESSAGE; throws on a malformed one. */
export function readAuthenticate(token: Buffer): AuthenticateMessage {
  if (ntlmMessageType(token) !== 3 || token.length < 64) throw new Error('not an NTLM AUTHENTICATE_MESSAGE');
  const field = (offset: number) => {
    const length = token.readUInt16LE(offset);
    const start = token.readUInt32LE(offset + 4);
    if (start + length > token.length) throw new Error('NTLM field outside the message');
    return token.subarray(start, start + length);
  };
  const flags = token.readUInt32LE(60);
  const text = (b: Buffer) => (flags & NEGOTIATE_UNICODE ? b.toString('utf16le') : b.toString('latin1'));
  return {
    ntResponse: Buffer.from(field(20)),
    domain: text(field(28)),
    user: text(field(36)),
    workstation: text(field(44)),
  };
}

/** Checks an NTLMv2 response against the password: NTProofStr = HMAC-MD5(NTOWFv2, challenge ‖ blob). */
export function verifyNtlmV2(message: AuthenticateMessage, challenge: Buffer, password: string): boolean {
  const nt = message.ntResponse;
  // 16 bytes of proof, then a blob that starts 01 01 00 00; a 24-byte response is NTLMv1.
  if (nt.length < 16 + 28 || nt[16] !== 1 || nt[17] !== 1) return false;
  const ntHash = md4(Buffer.from(password, 'utf16le'));
  const ntowfv2 = createHmac('md5', ntHash).update(Buffer.from(message.user.toUpperCase() + message.domain, 'utf16le')).digest();
  const proof = createHmac('md5', ntowfv2).update(Buffer.concat([challenge, nt.subarray(16)])).digest();
  return timingSafeEqual(proof, nt.subarray(0, 16));
}
