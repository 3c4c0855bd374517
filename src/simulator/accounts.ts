// The simulated directory: one account per `user` block, with a password
// (for Basic and NTLM) derived from the state folder's secret, and bearer
// tokens that the simulator signs and checks like any JWT.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Topology, TopologyUser } from '../core/topology';
import { SeededRandom, seededGuid } from './seeded-random';

export const EWS_AUDIENCE_PRINCIPAL = '00000002-0000-0ff1-ce00-000000000000';
export const GRAPH_AUDIENCE = 'https://graph.microsoft.com';
const TOKEN_ISSUER_PRINCIPAL = '00000001-0000-0000-c000-000000000000';
const TOKEN_LIFETIME_S = 30 * 24 * 60 * 60;

export interface Account {
  user: TopologyUser;
  displayName: string;
  signInName: string;
  /** NetBIOS-style logon name (the `user` block's name). */
  samName: string;
  domainUserName: string;
  password: string;
  graphId: string;
  tokens: { ews: string; graph: string };
}

const SURNAMES = ['Ashford', 'Baker', 'Chen', 'Diaz', 'Evans', 'Fischer', 'Garcia', 'Hughes', 'Ito', 'Jensen', 'Kowalski', 'Larsen', 'Moreau', 'Novak', 'Okafor', 'Patel'];

export class AccountDirectory {
  readonly accounts: Account[];
  /** NetBIOS domain name, e.g. CONTOSO for realm contoso.com. */
  readonly domain: string;
  /** DNS domain name, e.g. contoso.com. */
  readonly dnsDomain: string;

  constructor(
    topology: Topology,
    private readonly secret: Buffer,
    seed: number,
    readonly realm: string,
    now = Date.now(),
  ) {
    this.dnsDomain = dnsDomainOf(topology);
    this.domain = this.dnsDomain.split('.')[0].toUpperCase().slice(0, 15) || 'FARM';
    const iat = Math.floor(now / 1000);
    this.accounts = topology.users.map((user) => {
      const random = new SeededRandom(seed, `name:${user.name}`);
      const first = user.name.charAt(0).toUpperCase() + user.name.slice(1);
      const graphId = seededGuid(seed, `user:${user.address.toLowerCase()}`);
      const claims = { nameid: graphId, upn: user.address, smtp: user.address, iat, nbf: iat - 300, exp: iat + TOKEN_LIFETIME_S };
      return {
        user,
        displayName: `${first} ${random.pick(SURNAMES)}`,
        signInName: user.address,
        samName: user.name,
        domainUserName: `${this.domain}\\${user.name}`,
        password: this.passwordFor(user.address),
        graphId,
        tokens: {
          ews: this.signToken({ ...claims, aud: `${EWS_AUDIENCE_PRINCIPAL}@${realm}`, iss: `${TOKEN_ISSUER_PRINCIPAL}@${realm}` }),
          graph: this.signToken({ ...claims, aud: GRAPH_AUDIENCE, iss: `${TOKEN_ISSUER_PRINCIPAL}@${realm}` }),
        },
      };
    });
  }

  /** By any name a user signs in with: UPN/SMTP address, DOMAIN\name, or name. */
  byLogonName(logon: string, domain = ''): Account | undefined {
    let name = logon;
    let dom = domain;
    const slash = logon.indexOf('\\');
    if (slash >= 0) {
      dom = logon.slice(0, slash);
      name = logon.slice(slash + 1);
    }
    const lower = name.toLowerCase();
    if (lower.includes('@')) {
      if (dom) return undefined;
      return this.accounts.find((a) => a.signInName.toLowerCase() === lower);
    }
    if (dom && dom.toUpperCase() !== this.domain && dom.toLowerCase() !== this.dnsDomain.toLowerCase()) {
      return undefined;
    }
    return this.accounts.find((a) => a.samName.toLowerCase() === lower);
  }

  byAddress(address: string): Account | undefined {
    const lower = address.toLowerCase();
    return this.accounts.find((a) => a.signInName.toLowerCase() === lower);
  }

  byGraphId(id: string): Account | undefined {
    const lower = id.toLowerCase();
    return this.accounts.find((a) => a.graphId === lower || a.signInName.toLowerCase() === lower);
  }

  /** The account for a Basic credential, or undefined for any wrong part. */
  verifyPassword(logon: string, password: string): Account | undefined {
    const account = this.byLogonName(logon);
    if (!account) return undefined;
    const a = Buffer.from(account.password);
    const b = Buffer.from(password);
    return a.length === b.length && timingSafeEqual(a, b) ? account : undefined;
  }

  /** The account a bearer token speaks for, when its signature, audience and lifetime hold. */
  verifyToken(token: string, audience: string, now = Date.now()): Account | undefined {
    const parts = token.split('.');
    if (parts.length !== 3) return undefined;
    const expected = this.tokenSignature(`${parts[0]}.${parts[1]}`);
    const given = Buffer.from(parts[2], 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    let claims: Record<string, unknown>;
    try {
      claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    } catch {
      return undefined;
    }
    const seconds = now / 1000;
    if (claims.aud !== audience) return undefined;
    if (typeof claims.nbf !== 'number' || typeof claims.exp !== 'number') return undefined;
    if (seconds < claims.nbf || seconds >= claims.exp) return undefined;
    return typeof claims.upn === 'string' ? this.byAddress(claims.upn) : undefined;
  }

  private passwordFor(address: string): string {
    const mac = createHmac('sha256', this.secret).update(`password\0${address.toLowerCase()}`).digest('base64url');
    // Upper, lower, digit and symbol, as a domain password policy would ask.
    return `Sim-${mac.slice(0, 14)}-9a`;
  }

  private signToken(claims: Record<string, unknown>): string {
    const header = Buffer.from(JSON.stringify({ typ: 'JWT', alg: 'HS256' })).toString('base64url');
    const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
    return `${header}.${payload}.${this.tokenSignature(`${header}.${payload}`).toString('base64url')}`;
  }

  private tokenSignature(signed: string): Buffer {
    return createHmac('sha256', this.secret).update(`token\0${signed}`).digest();
  }
}

function dnsDomainOf(topology: Topology): string {
  if (topology.realm && /^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/.test(topology.realm)) return topology.realm.toLowerCase();
  const address = topology.users[0]?.address ?? topology.siteMailboxes[0]?.address;
  const at = address?.indexOf('@') ?? -1;
  return at > 0 ? address!.slice(at + 1).toLowerCase() : 'farm.local';
}
