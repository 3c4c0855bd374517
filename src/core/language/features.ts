// The feature table: one row per cross-server feature. The checks, hover
// text, completion and docs/rules.md are all derived from it; adding a
// feature means adding a row here.
import type { PropertySpec } from './value-types';

export type Role = 'exchange' | 'sharepoint' | 'lync' | 'project';

export interface RoleSpec {
  role: Role;
  required: boolean;
}

/** A prerequisite on one participant, checked by the rule engine (FARM3xx). */
export type Prerequisite = { code: string; role: Role; why: string; when?: Condition } & (
  | { check: 'true'; property: string }
  | { check: 'set'; property: string; placeholder?: (host: string) => string }
  | { check: 'https'; property: string }
  | { check: 'includes'; property: string; members: string[] }
  | { check: 'includes-any'; property: string; members: string[] }
  | { check: 'above'; property: string; value: number; fixValue: number }
  | { check: 'version-at-most'; value: number }
  | { check: 'version-below'; value: number }
  | { check: 'trusted-application' }
  | { check: 'im-server' }
  | { check: 'library-host' }
  | { check: 'project-on-sharepoint' }
  | { check: 'site-mailbox-sites' }
);

/** A prerequisite that applies only when a role takes part or an option is true. */
export type Condition = { role: Role } | { option: string } | { /** The prerequisite's own server is older than this. */ versionBelow: number };

export interface FeatureSpec {
  id: string;
  /** As an administrator says it: "Site mailboxes". */
  title: string;
  plural: boolean;
  summary: string;
  roles: RoleSpec[];
  options: PropertySpec[];
  /**
   * The oldest version of each role's product that serves the feature
   * (FARM301); the sentence it rests on is in rules/feature-floors.ts.
   */
  minimumVersions: Partial<Record<Role, number>>;
  /** `truster` must trust `trusted` (both roles present). */
  trusts: Array<{ truster: Role; trusted: Role }>;
  prerequisites: Prerequisite[];
}

/** The floor of every feature that rests on server-to-server authentication, new in the 2013 products. */
export const minimumFeatureVersion = 2013;
const s2sFloor = (...roles: Role[]): Partial<Record<Role, number>> => Object.fromEntries(roles.map((r) => [r, minimumFeatureVersion]));

export const features: FeatureSpec[] = [
  {
    id: 'high-resolution-photos',
    title: 'High-resolution photos',
    plural: true,
    summary: 'User photos stored in Exchange mailboxes and shown at up to 648x648 in SharePoint, Lync and Outlook.',
    roles: [
      { role: 'exchange', required: true },
      { role: 'sharepoint', required: false },
      { role: 'lync', required: false },
    ],
    options: [
      {
        key: 'sizes',
        // The sizes Exchange serves (EWS GetUserPhoto's SizeRequested).
        type: { type: 'list', of: { type: 'number', min: 48, max: 648, rangeCode: 'FARM401', allowed: [48, 64, 96, 120, 240, 360, 432, 504, 648] } },
        description: 'Photo sizes to serve, in pixels: 48, 64, 96, 120, 240, 360, 432, 504 or 648.',
      },
    ],
    minimumVersions: s2sFloor('exchange', 'sharepoint', 'lync'),
    trusts: [
      { truster: 'exchange', trusted: 'sharepoint' },
      { truster: 'exchange', trusted: 'lync' },
    ],
    prerequisites: [
      { code: 'FARM305', role: 'exchange', check: 'true', property: 'autodiscover', why: 'the other servers find the photo service through Autodiscover' },
      { code: 'FARM319', role: 'exchange', check: 'set', property: 'external-url', when: { role: 'sharepoint' }, placeholder: (h) => `https://${h}`, why: 'SharePoint fetches photos from this URL' },
      { code: 'FARM304', role: 'sharepoint', check: 'true', property: 'ews-api', why: 'SharePoint reads photos through the EWS Managed API, in the Global Assembly Cache of every server of its farm' },
      { code: 'FARM318', role: 'sharepoint', check: 'true', property: 'photo-sync', why: 'SharePoint must be configured to take photos from Exchange' },
    ],
  },
  {
    id: 'unified-contact-store',
    title: 'The unified contact store',
    plural: false,
    summary: "Lync contacts kept in the user's Exchange mailbox instead of the Lync database.",
    roles: [
      { role: 'exchange', required: true },
      { role: 'lync', required: true },
    ],
    options: [],
    minimumVersions: s2sFloor('exchange', 'lync'),
    trusts: [
      { truster: 'exchange', trusted: 'lync' },
      { truster: 'lync', trusted: 'exchange' },
    ],
    prerequisites: [{ code: 'FARM309', role: 'lync', check: 'true', property: 'ucs', why: 'the user services policy must allow the unified contact store (UcsAllowed = True)' }],
  },
  {
    id: 'site-mailboxes',
    title: 'Site mailboxes',
    plural: true,
    summary: 'A SharePoint team site and an Exchange mailbox shared as one: mail in Outlook, documents in SharePoint.',
    roles: [
      { role: 'exchange', required: true },
      { role: 'sharepoint', required: true },
    ],
    options: [{ key: 'prefix', type: { type: 'string' }, default: '"SM-"', description: 'Prefix of every site mailbox address (the provisioning policy\'s alias prefix; "" when the policy adds none).' }],
    minimumVersions: s2sFloor('exchange', 'sharepoint'),
    trusts: [
      { truster: 'exchange', trusted: 'sharepoint' },
      { truster: 'sharepoint', trusted: 'exchange' },
    ],
    prerequisites: [
      { code: 'FARM302', role: 'sharepoint', check: 'includes', property: 'services', members: ['user-profile-sync', 'app-management'], why: 'site mailboxes rely on it' },
      { code: 'FARM305', role: 'exchange', check: 'true', property: 'autodiscover', why: 'SharePoint finds the site mailbox\'s Exchange through Autodiscover' },
      { code: 'FARM303', role: 'sharepoint', check: 'https', property: 'url', why: 'site mailboxes need SSL in the default zone' },
      { code: 'FARM304', role: 'sharepoint', check: 'true', property: 'ews-api', why: 'SharePoint talks to the mailbox through the EWS Managed API' },
      { code: 'FARM306', role: 'exchange', check: 'set', property: 'site-mailbox-policy', placeholder: () => 'Default', why: 'Exchange provisions site mailboxes by its default policy (named Default unless another is made the default)' },
      { code: 'FARM316', role: 'sharepoint', check: 'site-mailbox-sites', why: 'each site mailbox lives on the web application and follows the address prefix' },
    ],
  },
  {
    id: 'task-sync',
    title: 'Task sync',
    plural: false,
    summary: 'Exchange tasks synchronised with SharePoint (and Project Server) task lists through Work Management.',
    roles: [
      { role: 'exchange', required: true },
      { role: 'sharepoint', required: true },
      { role: 'project', required: false },
    ],
    options: [],
    minimumVersions: s2sFloor('exchange', 'sharepoint', 'project'),
    trusts: [{ truster: 'exchange', trusted: 'sharepoint' }],
    prerequisites: [
      { code: 'FARM302', role: 'sharepoint', check: 'includes', property: 'services', members: ['user-profile', 'user-profile-sync', 'work-management', 'search'], why: 'task sync relies on it' },
      { code: 'FARM302', role: 'sharepoint', check: 'includes', property: 'services', members: ['project'], when: { role: 'project' }, why: 'Project Server tasks are synchronised through it' },
      { code: 'FARM303', role: 'sharepoint', check: 'https', property: 'url', why: 'task sync needs SSL in the default zone' },
      { code: 'FARM304', role: 'sharepoint', check: 'true', property: 'ews-api', why: 'Work Management writes tasks through the EWS Managed API' },
      { code: 'FARM307', role: 'sharepoint', check: 'set', property: 'my-sites', why: 'My Sites are recommended to see tasks in one place in SharePoint' },
      { code: 'FARM308', role: 'sharepoint', check: 'includes-any', property: 'search-crawls', members: ['continuous', 'incremental'], why: 'task aggregation reads the search index, which must be kept fresh' },
      { code: 'FARM317', role: 'sharepoint', check: 'version-at-most', value: 2013, why: 'the Work Management service exists only in SharePoint Server 2013' },
      { code: 'FARM314', role: 'project', check: 'project-on-sharepoint', why: 'Project Server tasks reach Exchange through the SharePoint farm it runs on' },
    ],
  },
  {
    id: 'lync-presence',
    title: 'Lync presence',
    plural: false,
    summary: 'Lync instant messaging and presence in Outlook Web App (Exchange as a trusted application of the Lync pool), and presence in SharePoint.',
    roles: [
      { role: 'exchange', required: true },
      { role: 'lync', required: true },
      { role: 'sharepoint', required: false },
    ],
    options: [],
    minimumVersions: { exchange: 2010, lync: 2010, sharepoint: 2010 },
    // Instant messaging and presence in Outlook Web App is a SIP trust, not an
    // S2S one: Exchange is a trusted application of the Lync pool (issue 17).
    trusts: [],
    prerequisites: [
      { code: 'FARM320', role: 'exchange', check: 'true', property: 'owa-im', why: 'OWA shows presence only with instant messaging on and its type set to Ocs on every OWA virtual directory' },
      { code: 'FARM321', role: 'exchange', check: 'set', property: 'im-certificate', why: 'OWA signs in to Lync with this certificate (IMCertificateThumbprint)' },
      { code: 'FARM322', role: 'lync', check: 'trusted-application', why: 'Lync talks only to servers in its topology: a trusted application pool and trusted application for OWA' },
      { code: 'FARM324', role: 'exchange', check: 'im-server', why: 'OWA signs users in to the pool where it is a trusted application (IMServerName)' },
    ],
  },
  {
    id: 'voicemail',
    title: 'Voicemail',
    plural: false,
    summary: 'Lync calls forwarded to Exchange Unified Messaging voicemail.',
    roles: [
      { role: 'exchange', required: true },
      { role: 'lync', required: true },
    ],
    options: [{ key: 'pstn', type: { type: 'boolean' }, default: 'false', description: 'Calls also come from the public telephone network (PSTN).' }],
    minimumVersions: { exchange: 2010, lync: 2010 },
    trusts: [],
    prerequisites: [
      { code: 'FARM325', role: 'exchange', check: 'version-below', value: 2019, why: 'from Exchange Server 2019 on there is no Unified Messaging, and voicemail for its mailboxes is Cloud Voicemail' },
      { code: 'FARM310', role: 'exchange', check: 'true', property: 'um', when: { versionBelow: 2019 }, why: 'voicemail is answered by Unified Messaging' },
      { code: 'FARM311', role: 'lync', check: 'set', property: 'mediation', when: { option: 'pstn' }, why: 'PSTN calls pass through a Mediation Server' },
      { code: 'FARM311', role: 'lync', check: 'set', property: 'gateway', when: { option: 'pstn' }, why: 'PSTN calls enter through an IP/PSTN gateway' },
    ],
  },
  {
    id: 'meeting-recordings',
    title: 'Meeting recordings',
    plural: true,
    summary: 'Lync meeting recordings published to a SharePoint library.',
    roles: [
      { role: 'lync', required: true },
      { role: 'sharepoint', required: true },
    ],
    options: [{ key: 'library', type: { type: 'url' }, required: true, description: 'The SharePoint library that receives the recordings.' }],
    minimumVersions: s2sFloor('lync', 'sharepoint'),
    trusts: [],
    prerequisites: [
      { code: 'FARM312', role: 'sharepoint', check: 'library-host', why: 'recordings are published to a library of this web application' },
      { code: 'FARM313', role: 'sharepoint', check: 'above', property: 'max-upload-mb', value: 250, fixValue: 2047, why: 'recordings are large files' },
    ],
  },
  {
    id: 'ediscovery',
    title: 'eDiscovery',
    plural: false,
    summary: 'Exchange mailboxes searched and held from the SharePoint eDiscovery Center.',
    roles: [
      { role: 'sharepoint', required: true },
      { role: 'exchange', required: true },
    ],
    options: [],
    // Checked for issue 17 and kept one way: the poster's eDiscovery example has
    // Exchange trust SharePoint, and SharePoint's page asks only for "a trust
    // relationship between SharePoint Server and Exchange Server".
    minimumVersions: s2sFloor('sharepoint', 'exchange'),
    trusts: [{ truster: 'exchange', trusted: 'sharepoint' }],
    prerequisites: [
      { code: 'FARM303', role: 'sharepoint', check: 'https', property: 'url', why: 'eDiscovery needs SSL in the default zone' },
      { code: 'FARM304', role: 'sharepoint', check: 'true', property: 'ews-api', why: 'the eDiscovery Center searches mailboxes through the EWS Managed API' },
    ],
  },
];

export const featureById = new Map(features.map((f) => [f.id, f]));
