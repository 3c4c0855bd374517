import { joinOr, type BlockKind, type PropertySpec, type ValueType } from './value-types';
import { productLines, type VersionedKind } from './versions';

const url: ValueType = { type: 'url' };
const host: ValueType = { type: 'host' };
const bool: ValueType = { type: 'boolean' };
const str: ValueType = { type: 'string' };
const email: ValueType = { type: 'email' };
const thumbprint: ValueType = { type: 'thumbprint' };
const version = (line: VersionedKind): PropertySpec => ({
  key: 'version',
  type: { type: 'version', line },
  default: '2013',
  description: `Product version: ${joinOr(productLines[line].releases.map((r) => `${r.written} (${r.name})`))}.`,
});
const trusts: PropertySpec = {
  key: 'trusts',
  type: { type: 'list', of: { type: 'ref', kinds: ['exchange', 'sharepoint', 'lync'] } },
  default: '[]',
  description: "Servers whose S2S tokens this server accepts: a trusted security token issuer (SharePoint) or partner application (Exchange, Lync) is configured here for each.",
};

export interface BlockSpec {
  kind: BlockKind;
  description: string;
  /** Whether the block's name is declared in the shared namespace. */
  declares: boolean;
  /** Whether S2S tokens of this kind can be trusted (it issues them). */
  issuesTokens: boolean;
  properties: PropertySpec[];
}

export const blockSpecs: Record<BlockKind, BlockSpec> = {
  farm: {
    kind: 'farm',
    description: 'The farm as a whole (at most one block).',
    declares: false,
    issuesTokens: false,
    properties: [{ key: 'realm', type: str, description: 'The S2S authentication realm the farm expects; compared with each probed metadata document.' }],
  },
  exchange: {
    kind: 'exchange',
    description: 'An Exchange server (or Client Access namespace).',
    declares: true,
    issuesTokens: true,
    properties: [
      { key: 'host', type: host, required: true, description: 'The Exchange server or CAS namespace name.' },
      version('exchange'),
      trusts,
      { key: 'metadata', type: url, default: 'https://{host}/autodiscover/metadata/json/1', description: 'Its S2S metadata endpoint.' },
      { key: 'autodiscover', type: bool, default: 'false', description: 'Autodiscover service started and configured.' },
      { key: 'external-url', type: url, description: 'External URL that SharePoint uses to reach photos.' },
      { key: 'um', type: bool, default: 'false', description: 'Unified Messaging (voicemail) enabled.' },
      { key: 'site-mailbox-policy', type: str, description: 'Name of the site mailbox provisioning policy.' },
      { key: 'ews-url', type: url, default: 'https://{host}/EWS/Exchange.asmx', description: 'EWS endpoint the panels use.' },
      // Lync instant messaging and presence in Outlook Web App (lync-presence):
      // a SIP trust between Lync and Exchange, not an S2S (OAuth) one.
      {
        key: 'owa-im',
        type: bool,
        default: 'false',
        description: 'Instant messaging on in Outlook Web App: every OWA virtual directory of the Client Access servers has InstantMessagingEnabled $true and InstantMessagingType Ocs (Set-OwaVirtualDirectory), and the OWA mailbox policy allows it (Set-OwaMailboxPolicy).',
      },
      {
        key: 'im-certificate',
        type: thumbprint,
        description: "Thumbprint of the Exchange certificate OWA presents to Lync, one Lync trusts (IMCertificateThumbprint: in OWA's web.config before Exchange 2016, by New-SettingOverride -Component OwaServer -Section IMSettings from 2016 on).",
      },
      {
        key: 'im-server',
        type: { type: 'ref', kinds: ['lync'] },
        description: "The Lync pool OWA signs users in to (IMServerName): the pool where this Exchange is a trusted application. Unwritten, the lync-presence feature's pool.",
      },
      {
        key: 'um-same-computer',
        type: bool,
        default: 'false',
        description: 'The Exchange UM Call Router and UM services run on one computer that hosts a SipName UM dial plan: Lync finds this Exchange by itself, and a trusted application pool for OWA must not be created for it.',
      },
    ],
  },
  sharepoint: {
    kind: 'sharepoint',
    description: 'A SharePoint Server web application.',
    declares: true,
    issuesTokens: true,
    properties: [
      { key: 'url', type: url, required: true, description: "The web application's default-zone URL." },
      version('sharepoint'),
      trusts,
      { key: 'metadata', type: url, default: '{url}/_layouts/15/metadata/json/1', description: 'Its S2S metadata endpoint.' },
      {
        key: 'services',
        type: { type: 'list', of: { type: 'enum', members: ['user-profile', 'user-profile-sync', 'app-management', 'work-management', 'search', 'project'] } },
        default: '[]',
        description: 'Service applications provisioned.',
      },
      { key: 'ews-api', type: bool, default: 'false', description: 'EWS Managed API installed, in the Global Assembly Cache, on every web and application server of the farm.' },
      { key: 'my-sites', type: url, description: 'My Site host.' },
      {
        key: 'search-crawls',
        type: { type: 'list', of: { type: 'enum', members: ['continuous', 'incremental', 'full'] } },
        default: '[]',
        description: 'Crawl schedules configured.',
      },
      { key: 'photo-sync', type: bool, default: 'false', description: 'Photo sync with Exchange configured.' },
      { key: 'max-upload-mb', type: { type: 'number', min: 1, max: 2047, rangeCode: 'FARM402' }, default: '250', description: 'Web application maximum upload size, in MB.' },
      { key: 'iis-timeout-s', type: { type: 'number', min: 1, max: 86400, rangeCode: 'FARM402' }, default: '120', description: 'IIS connection timeout of the site, in seconds.' },
      {
        key: 'authentication',
        type: { type: 'enum', members: ['claims', 'classic'] },
        default: 'claims',
        description: 'How the web application authenticates users: claims-based (the default) or classic mode.',
      },
      {
        key: 'allow-oauth-over-http',
        type: bool,
        default: 'false',
        description: "The security token service accepts OAuth over http (Set-SPSecurityTokenServiceConfig -AllowOAuthOverHttp), for test farms only: without it, S2S needs the web application on https.",
      },
    ],
  },
  lync: {
    kind: 'lync',
    description: 'A Lync Server front-end pool.',
    declares: true,
    issuesTokens: true,
    properties: [
      { key: 'host', type: host, required: true, description: 'Front-end pool FQDN.' },
      version('lync'),
      trusts,
      { key: 'metadata', type: url, default: 'https://{host}/metadata/json/1', description: 'Its S2S metadata endpoint.' },
      { key: 'ucs', type: bool, default: 'true', description: 'User services policy with UcsAllowed = True.' },
      { key: 'mediation', type: host, description: 'Mediation Server (PSTN).' },
      { key: 'gateway', type: host, description: 'IP/PSTN gateway.' },
      {
        key: 'trusted-applications',
        type: { type: 'list', of: { type: 'ref', kinds: ['exchange'] } },
        default: '[]',
        description: "Exchange servers in this pool's topology as trusted applications, for instant messaging in Outlook Web App (New-CsTrustedApplicationPool with the OWA FQDN, New-CsTrustedApplication, Enable-CsTopology).",
      },
      {
        key: 'oauth-certificate',
        type: thumbprint,
        description: 'Thumbprint of the OAuthTokenIssuer certificate (Set-CsCertificate -Type OAuthTokenIssuer), the same on every Front End of the pool; its subject names the SIP domain.',
      },
      {
        key: 'oauth-key-bits',
        type: { type: 'number', min: 512, max: 16384, rangeCode: 'FARM402' },
        description: "Key length of the OAuthTokenIssuer certificate, in bits (at least 2048).",
      },
    ],
  },
  'office-web-apps': {
    kind: 'office-web-apps',
    description: 'An Office Web Apps Server farm.',
    declares: true,
    issuesTokens: false,
    properties: [
      { key: 'url', type: url, required: true, description: "The Office Web Apps farm's internal URL." },
      version('office-web-apps'),
      { key: 'hosts', type: { type: 'list', of: { type: 'ref', kinds: ['sharepoint', 'exchange', 'lync'] } }, default: '[]', description: 'WOPI hosts bound to this farm.' },
    ],
  },
  project: {
    kind: 'project',
    description: 'A Project Server (Project Web App) instance.',
    declares: true,
    issuesTokens: false,
    properties: [
      { key: 'pwa', type: url, required: true, description: 'Project Web App site.' },
      version('project'),
      { key: 'sharepoint', type: { type: 'ref', kinds: ['sharepoint'] }, description: 'The SharePoint farm it runs on.' },
    ],
  },
  feature: {
    kind: 'feature',
    description: 'A cross-server feature the farm runs; its name is the feature id.',
    declares: false,
    issuesTokens: false,
    properties: [],
  },
  'site-mailbox': {
    kind: 'site-mailbox',
    description: 'A site mailbox: a SharePoint team site with its Exchange mailbox.',
    declares: true,
    issuesTokens: false,
    properties: [
      { key: 'site', type: url, required: true, description: 'The SharePoint team site.' },
      { key: 'address', type: email, required: true, description: "The mailbox's SMTP address." },
      { key: 'owners', type: { type: 'list', of: { type: 'ref', kinds: ['user'] } }, default: '[]', description: 'SharePoint site owners.' },
      { key: 'members', type: { type: 'list', of: { type: 'ref', kinds: ['user'] } }, default: '[]', description: 'SharePoint site members.' },
    ],
  },
  user: {
    kind: 'user',
    description: 'A user of the farm.',
    declares: true,
    issuesTokens: false,
    properties: [
      { key: 'address', type: email, required: true, description: 'SMTP address / sign-in name.' },
      { key: 'mailbox', type: { type: 'ref', kinds: ['exchange'] }, description: 'Home mailbox server.' },
      { key: 'lync', type: { type: 'ref', kinds: ['lync'] }, description: 'Home Lync pool.' },
    ],
  },
};

export const blockKindNames = Object.keys(blockSpecs) as BlockKind[];

const kinds = new Set<string>(Object.keys(blockSpecs));

export function isBlockKind(word: string): word is BlockKind {
  return kinds.has(word);
}
