// NTLM for ews-javascript-api that keeps our TLS settings. The stock
// provider (@ewsjs/xhr's NtlmProvider) replaces the https agent with one of
// its own, dropping the extra CA and any connect-to mapping. This one runs
// the NEGOTIATE/CHALLENGE round on a one-socket keep-alive agent built from
// our settings, then sends the request with the AUTHENTICATE message on that
// same connection, as NTLM requires.
import { createHmac, randomBytes } from 'node:crypto';
import * as http from 'node:http';
import { agentTransport, createHttpsAgent, type ConnectToAgentOptions } from './connect-to';
import { md4 } from '../crypto/md4';
import {
  NEGOTIATE_128,
  NEGOTIATE_56,
  NEGOTIATE_ALWAYS_SIGN,
  NEGOTIATE_EXTENDED_SESSIONSECURITY,
  NEGOTIATE_NTLM,
  NEGOTIATE_TARGET_INFO,
  NEGOTIATE_UNICODE,
  REQUEST_TARGET,
  SIGNATURE,
} from '../crypto/ntlm-flags';


export class NtlmError extends Error {}

/** NEGOTIATE_MESSAGE, base64. */
export function negotiateMessage(): string {
  const b = Buffer.alloc(32);
  SIGNATURE.copy(b);
  b.writeUInt32LE(1, 8);
  b.writeUInt32LE(
    (NEGOTIATE_UNICODE | REQUEST_TARGET | NEGOTIATE_NTLM | NEGOTIATE_ALWAYS_SIGN | NEGOTIATE_EXTENDED_SESSIONSECURITY | NEGOTIATE_128 | NEGOTIATE_56) >>> 0,
    12,
  );
  return b.toString('base64');
}

interface Challenge {
  flags: number;
  challenge: Buffer;
  targetInfo: Buffer;
}

export function readChallenge(base64: string): Challenge {
  const b = Buffer.from(base64, 'base64');
  if (b.length < 48 || !b.subarray(0, 8).equals(SIGNATURE) || b.readUInt32LE(8) !== 2) {
    throw new NtlmError('the server did not answer with an NTLM challenge');
  }
  const flags = b.readUInt32LE(20);
  if (!(flags & NEGOTIATE_TARGET_INFO)) throw new NtlmError('the NTLM challenge has no target information (NTLMv2 needs it)');
  const length = b.readUInt16LE(40);
  const offset = b.readUInt32LE(44);
  if (offset + length > b.length) throw new NtlmError('malformed NTLM challenge');
  return { flags, challenge: b.subarray(24, 32), targetInfo: b.subarray(offset, offset + length) };
}

/** AUTHENTICATE_MESSAGE with an NTLMv2 response, base64. `user` may be DOMAIN\name or a UPN. */
export function authenticateMessage(challenge: Challenge, logon: string, password: string, workstation = 'OFFICEFARM', now = Date.now()): string {
  const slash = logon.indexOf('\\');
  const domain = slash >= 0 ? logon.slice(0, slash) : '';
  const user = slash >= 0 ? logon.slice(slash + 1) : logon;
  const ntowfv2 = createHmac('md5', md4(Buffer.from(password, 'utf16le')))
    .update(Buffer.from(user.toUpperCase() + domain, 'utf16le'))
    .digest();
  const timestamp = Buffer.alloc(8);
  timestamp.writeBigUInt64LE((BigInt(now) + 11644473600000n) * 10000n);
  const clientChallenge = randomBytes(8);
  const blob = Buffer.concat([
    Buffer.from([1, 1, 0, 0, 0, 0, 0, 0]),
    timestamp,
    clientChallenge,
    Buffer.alloc(4),
    challenge.targetInfo,
    Buffer.alloc(4),
  ]);
  const proof = createHmac('md5', ntowfv2).update(Buffer.concat([challenge.challenge, blob])).digest();
  const nt = Buffer.concat([proof, blob]);
  const lm = Buffer.concat([
    createHmac('md5', ntowfv2).update(Buffer.concat([challenge.challenge, clientChallenge])).digest(),
    clientChallenge,
  ]);
  const fields = [lm, nt, Buffer.from(domain, 'utf16le'), Buffer.from(user, 'utf16le'), Buffer.from(workstation, 'utf16le'), Buffer.alloc(0)];
  const head = Buffer.alloc(64);
  SIGNATURE.copy(head);
  head.writeUInt32LE(3, 8);
  let offset = 64;
  fields.forEach((f, i) => {
    head.writeUInt16LE(f.length, 12 + i * 8);
    head.writeUInt16LE(f.length, 14 + i * 8);
    head.writeUInt32LE(offset, 16 + i * 8);
    offset += f.length;
  });
  head.writeUInt32LE((challenge.flags & ~0x2) >>> 0, 60);
  return Buffer.concat([head, ...fields]).toString('base64');
}

/** The subset of @ewsjs/xhr's IProvider this library calls. */
export interface EwsAuthProvider {
  providerName: string;
  client: null;
  preCall(options: Record<string, unknown> & { url?: string; headers?: Record<string, string> }): Promise<Record<string, unknown>>;
}

export function ntlmAuthProvider(logon: string, password: string, tls: ConnectToAgentOptions, timeoutMs: number): EwsAuthProvider {
  return {
    providerName: 'ntlm',
    client: null,
    async preCall(options) {
      const url = new URL(String(options.url));
      // One socket: the challenge belongs to the connection that asked for it.
      const agent = createHttpsAgent({ ...tls, keepAlive: true, maxSockets: 1 });
      const header = await new Promise<string | undefined>((resolve, reject) => {
        // Not https.request: see agentTransport (VS Code would swap the agent).
        const req = agentTransport.request(
          { protocol: url.protocol, hostname: url.hostname, port: url.port || undefined, path: `${url.pathname}${url.search}`, method: 'GET', agent, headers: { Authorization: `NTLM ${negotiateMessage()}`, Connection: 'keep-alive' } },
          (res: http.IncomingMessage) => {
            res.resume();
            res.on('end', () => {
              const values = ([] as string[]).concat(res.headers['www-authenticate'] ?? []);
              const ntlm = values.find((v) => /^NTLM \S+/.test(v));
              // No challenge: send the request as it is and let the server's answer (a 401) speak.
              resolve(ntlm ? ntlm.slice(5).trim() : undefined);
            });
          },
        );
        req.setTimeout(timeoutMs, () => req.destroy(new NtlmError(`no NTLM challenge within ${timeoutMs} ms`)));
        req.on('error', reject);
        req.end();
      });
      if (!header) {
        agent.destroy();
        return options;
      }
      const authenticate = authenticateMessage(readChallenge(header), logon, password);
      return {
        ...options,
        httpsAgent: agent,
        headers: { ...(options.headers ?? {}), Authorization: `NTLM ${authenticate}`, Connection: 'close' },
      };
    },
  };
}
