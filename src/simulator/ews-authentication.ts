// Who is calling EWS: Basic, Bearer (the simulator's tokens) or NTLM, as an
// Exchange 2013 virtual directory with all three enabled. NTLM, like IIS,
// authenticates the connection: the challenge and then the user are kept
// per socket.
import type { Socket } from 'node:net';
import type { Account } from './accounts';
import { EWS_AUDIENCE_PRINCIPAL } from './accounts';
import { IIS_401 } from './iis-pages';
import { createChallenge, ntlmMessageType, readAuthenticate, verifyNtlmV2 } from './ntlm';
import type { Served, SimulatedFarm } from './simulated-farm';

const challenges = new WeakMap<Socket, Buffer>();
const ntlmUsers = new WeakMap<Socket, Account>();

/** The caller's account, or undefined after a 401 has been sent. */
export function authenticateEws(farm: SimulatedFarm, x: Served): Account | undefined {
  const { req, res } = x;
  const socket = req.socket;
  const header = req.headers.authorization ?? '';
  const [scheme, value = ''] = [header.slice(0, header.indexOf(' ')).toLowerCase(), header.slice(header.indexOf(' ') + 1).trim()];
  const refuse = (why: string, extra: Record<string, string | string[]> = {}) => {
    x.note.detail = why;
    const challengeHeaders = [
      'Negotiate',
      'NTLM',
      `Basic realm="${x.endpoint.url.hostname}"`,
      `Bearer client_id="${EWS_AUDIENCE_PRINCIPAL}", trusted_issuers="00000001-0000-0000-c000-000000000000@${farm.realm}"`,
    ];
    res.writeHead(401, {
      'Content-Type': 'text/html',
      'Content-Length': Buffer.byteLength(IIS_401),
      'WWW-Authenticate': challengeHeaders,
      ...extra,
    });
    res.end(IIS_401);
    return undefined;
  };
  if (farm.fault(x.endpoint.server.name, 'ews-unauthorized')) {
    x.note.fault = 'ews-unauthorized';
    return refuse('refused by fault');
  }

  if (!header) {
    const known = ntlmUsers.get(socket);
    if (known) return known;
    return refuse('no credentials');
  }
  if (scheme === 'basic') {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const account = colon > 0 ? farm.accounts.verifyPassword(decoded.slice(0, colon), decoded.slice(colon + 1)) : undefined;
    return account ?? refuse(`wrong Basic credentials for ${colon > 0 ? decoded.slice(0, colon) : '?'}`);
  }
  if (scheme === 'bearer') {
    const account = farm.accounts.verifyToken(value, `${EWS_AUDIENCE_PRINCIPAL}@${farm.realm}`, farm.clock());
    return account ?? refuse('bearer token rejected', { 'x-ms-diagnostics': '2000001;reason="The token is invalid or has expired."' });
  }
  if (scheme === 'ntlm' || scheme === 'negotiate') {
    const token = Buffer.from(value, 'base64');
    const type = ntlmMessageType(token);
    if (type === 1) {
      const host = x.endpoint.server.host ?? x.endpoint.url.hostname;
      const issued = createChallenge(
        {
          domain: farm.accounts.domain,
          computer: x.endpoint.server.name.toUpperCase().slice(0, 15),
          dnsDomain: farm.accounts.dnsDomain,
          dnsComputer: host,
        },
        farm.clock(),
      );
      challenges.set(socket, issued.challenge);
      x.note.detail = 'NTLM challenge';
      // The client must answer on this connection: keep it open.
      res.writeHead(401, {
        'WWW-Authenticate': `${scheme === 'negotiate' ? 'Negotiate' : 'NTLM'} ${issued.header}`,
        'Content-Type': 'text/html',
        'Content-Length': Buffer.byteLength(IIS_401),
        Connection: 'keep-alive',
      });
      res.end(IIS_401);
      return undefined;
    }
    if (type === 3) {
      const challenge = challenges.get(socket);
      challenges.delete(socket);
      if (!challenge) return refuse('NTLM authenticate without a challenge on this connection');
      let message;
      try {
        message = readAuthenticate(token);
      } catch (err) {
        return refuse(`bad NTLM message: ${(err as Error).message}`);
      }
      const logon = message.domain ? `${message.domain}\\${message.user}` : message.user;
      const account = farm.accounts.byLogonName(logon);
      if (!account || !verifyNtlmV2(message, challenge, account.password)) return refuse(`NTLM refused for ${logon}`);
      ntlmUsers.set(socket, account);
      return account;
    }
    return refuse('unreadable NTLM token');
  }
  return refuse(`unsupported scheme ${scheme || header}`);
}
