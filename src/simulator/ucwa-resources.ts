// The UCWA resources a signed-in application reads, as Lync Server 2013's
// UCWA 1.0 shapes them (JSON with _links/_embedded): the application,
// a contact's presence and note, presence subscriptions and the event
// channel. Kept apart from the HTTP plumbing so that the batch resource can
// answer its parts with the same code.
import { randomBytes } from 'node:crypto';
import type { Account } from './accounts';
import type { SimulatedFarm } from './simulated-farm';

export interface UcwaApplication {
  id: string;
  account: Account;
  pool: string;
  base: string;
  /** Subscribed SIP URIs (lower case) → the state last reported on the event channel. */
  subscriptions: Map<string, string>;
  ack: number;
}

export interface ResourceAnswer {
  status: number;
  body?: unknown;
}

export class UcwaState {
  readonly tokens = new Map<string, { account: Account; pool: string; expires: number }>();
  readonly applications = new Map<string, UcwaApplication>();

  issueToken(account: Account, pool: string, now: number): { access_token: string; expires_in: number; ms_rtc_identityscope: string; token_type: string } {
    const token = randomBytes(32).toString('base64url');
    const lifetime = 8 * 60 * 60;
    this.tokens.set(token, { account, pool, expires: now + lifetime * 1000 });
    return { access_token: token, expires_in: lifetime, ms_rtc_identityscope: 'local', token_type: 'Bearer' };
  }

  tokenOwner(header: string | undefined, pool: string, now: number): Account | undefined {
    const m = /^Bearer\s+(\S+)$/i.exec(header ?? '');
    const entry = m ? this.tokens.get(m[1]) : undefined;
    return entry && entry.pool === pool && entry.expires > now ? entry.account : undefined;
  }

  createApplication(account: Account, pool: string): UcwaApplication {
    const id = randomBytes(12).toString('hex');
    const app: UcwaApplication = { id, account, pool, base: `/ucwa/oauth/v1/applications/${id}`, subscriptions: new Map(), ack: 1 };
    this.applications.set(id, app);
    return app;
  }
}

const states = new WeakMap<SimulatedFarm, UcwaState>();
export function ucwaState(farm: SimulatedFarm): UcwaState {
  let s = states.get(farm);
  if (!s) states.set(farm, (s = new UcwaState()));
  return s;
}

export function applicationResource(app: UcwaApplication, body: { UserAgent?: string; Culture?: string }): unknown {
  const b = app.base;
  return {
    culture: body.Culture ?? 'en-US',
    userAgent: body.UserAgent ?? '',
    type: 'Browser',
    _links: { self: { href: b }, policies: { href: `${b}/policies` }, batch: { href: `${b}/batch` }, events: { href: `${b}/events?ack=1` } },
    _embedded: {
      me: { name: app.account.displayName, uri: `sip:${app.account.signInName}`, _links: { self: { href: `${b}/me` } } },
      people: {
        _links: {
          self: { href: `${b}/people` },
          presenceSubscriptions: { href: `${b}/people/presenceSubscriptions` },
          myContacts: { href: `${b}/people/contacts` },
        },
        rel: 'people',
      },
    },
    rel: 'application',
  };
}

/** The contact a /people/{sip}/... path names, when it is a user of this farm homed on premises. */
function contactOf(farm: SimulatedFarm, sip: string): Account | undefined {
  const address = sip.replace(/^sip:/i, '');
  const account = farm.accounts.byAddress(address);
  return account && !account.user.online && account.user.lync ? account : undefined;
}

export function presenceResource(farm: SimulatedFarm, app: UcwaApplication, contact: Account): unknown {
  const p = farm.presence.at(contact.signInName, farm.clock());
  return {
    availability: p.ucwa.availability,
    activity: p.ucwa.activity,
    // ASP.NET AJAX dates, as UCWA writes them (https://learn.microsoft.com/en-us/skype-sdk/ucwa/payloadformat).
    lastActive: `/Date(${p.lastActive})/`,
    _links: { self: { href: `${app.base}/people/sip:${contact.signInName}/presence` } },
    rel: 'contactPresence',
  };
}

function noteResource(farm: SimulatedFarm, app: UcwaApplication, contact: Account): unknown {
  const p = farm.presence.at(contact.signInName, farm.clock());
  return { message: p.note, type: 'personal', _links: { self: { href: `${app.base}/people/sip:${contact.signInName}/note` } }, rel: 'contactNote' };
}

/** GETs under an application that a batch part may carry too. */
export function readResource(farm: SimulatedFarm, app: UcwaApplication, path: string): ResourceAnswer {
  const rest = path.slice(app.base.length);
  if (rest === '' || rest === '/') return { status: 200, body: applicationResource(app, {}) };
  const m = /^\/people\/([^/]+)\/(presence|note)$/.exec(rest);
  if (!m) return { status: 404, body: { code: 'NotFound', message: `No resource at ${path}.` } };
  const contact = contactOf(farm, decodeURIComponent(m[1]));
  if (!contact) return { status: 404, body: { code: 'NotFound', subcode: 'PersonNotFound', message: `No person ${decodeURIComponent(m[1])}.` } };
  return { status: 200, body: m[2] === 'presence' ? presenceResource(farm, app, contact) : noteResource(farm, app, contact) };
}

export function subscribe(farm: SimulatedFarm, app: UcwaApplication, uris: string[]): void {
  for (const uri of uris) {
    const contact = contactOf(farm, uri);
    if (contact) app.subscriptions.set(contact.signInName.toLowerCase(), stateKey(farm, contact.signInName));
  }
}

function stateKey(farm: SimulatedFarm, address: string): string {
  const p = farm.presence.at(address, farm.clock());
  return `${p.ucwa.availability}\0${p.ucwa.activity}\0${p.note}`;
}

/** The events since the last report, or undefined when nothing subscribed has changed. */
export function pendingEvents(farm: SimulatedFarm, app: UcwaApplication): unknown | undefined {
  const changed: string[] = [];
  for (const [address, last] of app.subscriptions) {
    const now = stateKey(farm, address);
    if (now !== last) {
      changed.push(address);
      app.subscriptions.set(address, now);
    }
  }
  if (changed.length === 0) return undefined;
  return {
    sender: [
      {
        rel: 'people',
        href: `${app.base}/people`,
        events: changed.map((address) => {
          const contact = farm.accounts.byAddress(address)!;
          return {
            link: { rel: 'contactPresence', href: `${app.base}/people/sip:${contact.signInName}/presence` },
            _embedded: { contactPresence: presenceResource(farm, app, contact) },
            type: 'updated',
          };
        }),
      },
    ],
  };
}
