// Every diagnostic code, as data: its default severity, a title, what it
// means for the farm and how to fix it. SARIF's rule list and docs/rules.md
// are generated from this table.
import type { Severity } from '../diagnostics';
import { RuleSource, ruleSources } from './sources';
import { driftRules } from '../scripts/drift-rules';

export interface RuleInfo {
  code: string;
  severity: Severity;
  title: string;
  meaning: string;
  fix: string;
  /** Whether the language server offers a quick fix. */
  quickFix: boolean;
  /** What the rule rests on (sources.ts); never empty. */
  sources: RuleSource[];
}

const r = (code: string, severity: Severity, title: string, meaning: string, fix: string, quickFix = false): RuleInfo => ({ code, severity, title, meaning, fix, quickFix, sources: ruleSources[code] ?? [] });

export const rules: RuleInfo[] = [
  r('FARM001', 'error', 'Unexpected character', 'A character that starts no token of the language: the checker skips it.', 'Delete the character, or put the text inside a string or a comment.'),
  r('FARM002', 'error', 'Unterminated string', 'A string is not closed before the end of its line. Its value is taken to run to the end of the line.', 'Add the closing double quote.'),
  r('FARM003', 'error', 'Syntax error', 'The parser expected something else here (a name, `{`, `=`, a value, `]` or `}`); the message says what. The rest of the file is still read.', 'Write what the message says was expected.'),
  r('FARM004', 'error', 'Unknown block kind', 'A top-level statement starts with a word that is no block kind; the whole block is skipped.', 'Use one of farm, exchange, sharepoint, lync, office-web-apps, project, feature, site-mailbox, user.', true),
  r('FARM101', 'error', 'Name declared twice', 'Servers, users and site mailboxes share one namespace; references resolve to the first declaration.', 'Rename one of the blocks.'),
  r('FARM102', 'error', 'Undeclared name', 'A reference names nothing declared in the file.', 'Declare the server or user, or correct the name.', true),
  r('FARM103', 'error', 'Reference to the wrong kind', 'A reference names a block of a kind that this place does not take (a user in trusts, a SharePoint server as an Exchange role, a server that issues no S2S tokens in trusts).', 'Name a block of the expected kind.'),
  r('FARM104', 'error', 'Unknown property', 'The block kind (or feature) has no such property.', 'Correct the key; see the property list in the hover.', true),
  r('FARM105', 'error', 'Property given twice', 'A property may appear once per block; the first value is used.', 'Delete one of them.'),
  r('FARM106', 'error', 'Wrong type of value', 'The value has the wrong type: a string where a number, boolean or name is expected, a list where a single value is, a single value where a list is.', 'Write a value of the type the property takes.'),
  r('FARM107', 'error', 'Unknown enumeration member', 'The value is not one of the members the property takes.', 'Use one of the listed members.', true),
  r('FARM108', 'error', 'Required property missing', 'A property without which the block means nothing (a host, a URL, an address) is absent.', 'Add the property.', true),
  r('FARM109', 'error', 'Malformed URL, host or e-mail address', 'URLs must be absolute http:// or https://; hosts DNS names without scheme or path; e-mail addresses local@domain.tld.', 'Correct the value.'),
  r('FARM110', 'error', 'Unknown version', 'A version the product line never shipped. Exchange and SharePoint take 2010, 2013, 2016, 2019 and subscription (Subscription Edition); lync takes 2010 and 2013 (Lync Server), 2015, 2019 and subscription (Skype for Business Server): there is no Lync Server 2016. A near year or a spelling of the Subscription Edition gets a "did you mean".', 'Use one of the versions the message lists.', true),
  r('FARM111', 'error', 'Server trusts itself', 'A server lists itself in its own trusts, which configures nothing.', 'Remove it from the list.', true),
  r('FARM112', 'error', 'Unknown feature', 'The feature id is not one the checker knows; its body is not checked.', 'Use one of the feature ids.', true),
  r('FARM113', 'error', 'Feature role ambiguous', 'A required role is omitted and several servers of that kind are declared, so it cannot be inferred.', 'Name the server for the role.', true),
  r('FARM114', 'error', 'Feature role has no server', 'A required role is omitted and no server of that kind is declared.', 'Declare the server the feature needs.'),
  r('FARM115', 'error', 'More than one farm block', 'A file describes one farm.', 'Merge the farm blocks.'),
  r('FARM201', 'error', 'Missing trust for a feature', 'The feature makes one server call another on behalf of users; the called server must trust the caller (a trusted token issuer or partner application configured for it).', 'Add the caller to the called server\'s trusts, and configure the trust on the server.', true),
  r('FARM202', 'information', 'One-way trust', 'One server trusts another that does not trust it back. A trust is one way; Microsoft recommends two-way trusts for seamless integration. A feature that needs the reverse direction reports its own FARM201.', 'Add the reverse trust if the farm should integrate both ways.', true),
  r('FARM204', 'error', 'Trust over plain http', 'A trust is established against the trusted server\'s metadata endpoint; over http the signing certificate can be forged in transit.', 'Serve the trusted server (or its metadata endpoint) over https.', true),
  r('FARM205', 'warning', 'Unconventional metadata path', 'A metadata override whose path is not the one the product serves: /autodiscover/metadata/json/1 (Exchange), /metadata/json/1 (Lync), /_layouts/15/metadata/json/1 (SharePoint).', 'Check the path; most often the default is right and the override can go.'),
  r('FARM207', 'error', 'SharePoint in S2S over http', 'A SharePoint server that trusts or is trusted by another server takes part in server-to-server authentication, whose OAuth the security token service refuses over http unless AllowOAuthOverHttp is set (for test farms).', 'Serve the web application over https (or, in a test farm, set allow-oauth-over-http = true after Set-SPSecurityTokenServiceConfig -AllowOAuthOverHttp).', true),
  r('FARM208', 'error', 'SharePoint in S2S with a classic-mode web application', 'Server-to-server authentication needs claims-based authentication; the web application is written as classic mode.', 'Migrate the web application to claims-based authentication and remove authentication = classic.'),
  r('FARM209', 'error', 'SharePoint in S2S without the User Profile service application', 'SharePoint resolves the user an incoming S2S token speaks for in the User Profile service application, whose profiles must be current.', 'Provision the User Profile service application, synchronise the profiles, and add user-profile to services.', true),
  r('FARM210', 'error', 'Lync in S2S without an OAuthTokenIssuer certificate', 'A Lync pool that takes part in server-to-server authentication needs an OAuthTokenIssuer certificate (Set-CsCertificate -Type OAuthTokenIssuer), the same on every Front End, with the SIP domain in its subject and at least 2048 bits. The language records one thumbprint per pool, so "the same on every Front End" holds as written; the subject is not checked. Lync\'s OAuth realm defaults to the SIP domain: the probe compares the realm each server publishes with farm.realm (FARM509).', 'Assign the certificate and write its thumbprint in oauth-certificate.'),
  r('FARM211', 'error', 'OAuthTokenIssuer key too short', 'The OAuthTokenIssuer certificate must have a key of at least 2048 bits.', 'Issue a certificate with a 2048-bit (or longer) key and update oauth-key-bits.'),
  r('FARM206', 'error', 'Trust with a pre-2013 server', 'Server-to-server OAuth trusts exist from the 2013 products on.', 'Upgrade the server, or remove the trust.'),
  r('FARM301', 'error', 'Feature participant older than the feature needs', 'Each feature has its own floor per role (the Features section): the S2S features need 2013 or later; voicemail and Lync presence in Outlook Web App work from 2010 on (Exchange 2010 UM serves Lync Server 2013 voicemail; Exchange 2010 OWA integrates Lync Server 2013 IM).', 'Upgrade the server or choose another for the role.'),
  r('FARM302', 'error', 'SharePoint service application missing', 'The feature needs a SharePoint service application that is not provisioned.', 'Provision it and add it to the server\'s services.', true),
  r('FARM303', 'error', 'SharePoint without SSL', 'The feature needs the web application\'s default zone on https.', 'Bind a certificate and change the URL to https.', true),
  r('FARM304', 'error', 'EWS Managed API missing', 'SharePoint reaches Exchange through the EWS Managed API, installed in the Global Assembly Cache on every web and application server of the SharePoint farm.', 'Install it on every server of the farm and set ews-api = true.', true),
  r('FARM305', 'error', 'Autodiscover not configured', 'High-resolution photos and site mailboxes find Exchange through Autodiscover.', 'Configure Autodiscover and set autodiscover = true.', true),
  r('FARM306', 'information', 'No site mailbox provisioning policy named', 'Exchange provisions site mailboxes by its default provisioning policy, which is named Default; the farm does not say which policy is the default one.', 'Name the default policy in site-mailbox-policy (or create another with New-SiteMailboxProvisioningPolicy -IsDefault).', true),
  r('FARM307', 'information', 'No My Site host', 'Microsoft recommends My Sites for task sync, to see tasks in one place in SharePoint; tasks are also seen in Outlook without them.', 'Create a My Site host and set my-sites.'),
  r('FARM308', 'error', 'No continuous or incremental crawl', 'Task aggregation reads the search index, which a full crawl alone leaves stale.', 'Schedule a continuous or incremental crawl.', true),
  r('FARM309', 'error', 'Unified contact store not allowed', 'The Lync user services policy must have UcsAllowed = True.', 'Set ucs = true (or remove ucs = false).', true),
  r('FARM310', 'error', 'Unified Messaging off', 'Voicemail is answered by Exchange Unified Messaging (on Exchange 2019 and later, which have none, FARM325 says so instead).', 'Enable UM and set um = true.', true),
  r('FARM311', 'error', 'PSTN without Mediation Server or gateway', 'Calls from the telephone network reach Lync through a gateway and a Mediation Server.', 'Deploy them and set mediation and gateway.'),
  r('FARM312', 'error', 'Recording library on another host', 'Meeting recordings are published to a library of the SharePoint participant\'s web application.', 'Point library at a library on that host.'),
  r('FARM313', 'warning', 'Upload limit too low for recordings', 'Recordings are large; a maximum upload of 250 MB or less rejects many of them.', 'Raise max-upload-mb.', true),
  r('FARM314', 'error', 'Project Server on another SharePoint', 'Task sync with Project Server needs the Project Server to run on the feature\'s SharePoint server.', 'Set the project\'s sharepoint to the feature\'s SharePoint server.', true),
  r('FARM315', 'warning', 'Office Web Apps over http', 'Office Web Apps should be served over https (WOPI carries access tokens).', 'Bind a certificate and change the URL to https.', true),
  r('FARM316', 'warning', 'Site mailbox off its web application or prefix', 'A site mailbox\'s site must be on the site-mailboxes SharePoint host, and its address must start with the feature\'s prefix (SM- unless written: on-premises Exchange prefixes site mailbox aliases with SM- by default; prefix = "" when the policy adds none).', 'Correct the site URL or the address.', true),
  r('FARM317', 'error', 'Task sync on SharePoint after 2013', 'The Work Management service that task sync needs exists only in SharePoint Server 2013.', 'Use a SharePoint Server 2013 farm for task sync.'),
  r('FARM318', 'error', 'Photo sync not configured', 'High-resolution photos with SharePoint need SharePoint configured to take photos from Exchange.', 'Configure photo sync and set photo-sync = true.', true),
  r('FARM319', 'error', 'No Exchange external URL', 'SharePoint fetches high-resolution photos from Exchange\'s external URL.', 'Set external-url.', true),
  r('FARM320', 'error', 'Instant messaging off in Outlook Web App', 'Lync presence in Outlook Web App needs instant messaging on, of type Ocs, on every OWA virtual directory (Set-OwaVirtualDirectory -InstantMessagingEnabled $true -InstantMessagingType Ocs); by default the type is None.', 'Run Set-OwaVirtualDirectory (and Set-OwaMailboxPolicy) and set owa-im = true.', true),
  r('FARM321', 'error', 'No IM certificate for Outlook Web App', 'OWA presents a certificate Lync trusts: its thumbprint is IMCertificateThumbprint (in OWA\'s web.config before Exchange 2016, by New-SettingOverride from 2016 on).', 'Configure the certificate and write its thumbprint in im-certificate.'),
  r('FARM322', 'error', 'Exchange not a trusted application of the Lync pool', 'Lync talks to Outlook Web App only as a known server: a trusted application pool with the OWA FQDN and a trusted application (New-CsTrustedApplicationPool, New-CsTrustedApplication, Enable-CsTopology). Not needed, and not to be made, where the Exchange UM Call Router and UM services share one computer hosting a SipName dial plan (FARM323).', 'Create the trusted application pool and application and add the Exchange server to the pool\'s trusted-applications.', true),
  r('FARM323', 'error', 'Trusted application where UM shares the computer', 'Where the UM Call Router and UM services run on one computer (um-same-computer = true), Lync adds that Exchange to its known servers itself; a trusted application pool for it as well stops Outlook Web App integration working.', 'Remove the trusted application pool and application (Remove-CsTrustedApplicationPool) and the Exchange server from trusted-applications.', true),
  r('FARM324', 'error', 'OWA signs in to another Lync pool', 'IMServerName is the pool where Exchange is a trusted application; the Exchange server\'s im-server names a pool other than the lync-presence feature\'s.', 'Set im-server to the feature\'s pool.', true),
  r('FARM325', 'error', 'Unified Messaging on Exchange 2019 or later', 'Exchange Server 2019 has no Unified Messaging (nor has the Subscription Edition, installed over 2019 like a cumulative update): voicemail with it is Cloud Voicemail, and um = true on it describes nothing.', 'Use Cloud Voicemail for these mailboxes, or an Exchange 2016 (or earlier) UM server; set um = false.', true),
  r('FARM326', 'error', 'Unsupported version pairing', 'Two servers whose versions Microsoft lists as not working together, from the matrix in src/core/language/version-pairings.ts: Lync Server 2013 with Exchange 2016 or later for Outlook Web App IM; SharePoint 2010 or Exchange 2013 and earlier as an Office Web Apps host.', 'Upgrade one of the servers (or choose another).'),
  r('FARM327', 'error', 'Office Web Apps Server shares a machine', 'Office Web Apps Server must not be installed on a server running Exchange, SharePoint or Lync: the office-web-apps URL\'s host is the host of such a server in the file.', 'Give Office Web Apps Server a machine (or virtual machine) of its own.'),
  r('FARM401', 'error', 'Photo size not one Exchange serves', 'Exchange serves photos in nine sizes: 48, 64, 96, 120, 240, 360, 432, 504 and 648 pixels square.', 'Use one of those sizes.'),
  r('FARM402', 'error', 'Number out of range', 'max-upload-mb takes 1..2047, iis-timeout-s 1..86400.', 'Use a number in range.'),
  r('FARM501', 'error', 'Metadata endpoint unreachable', 'The probe could not connect: DNS, refused, reset or timeout.', 'Check the host name, the firewall and the service.'),
  r('FARM502', 'error', 'TLS failure', 'The endpoint\'s certificate is untrusted, expired or for another host.', 'Fix the server certificate, or trust its CA.'),
  r('FARM503', 'error', 'Metadata endpoint answered with an error status', 'The endpoint answered with an HTTP status other than 200.', 'Check the URL and the service.'),
  r('FARM504', 'error', 'Not a metadata document', 'The answer is not JSON, too large, or lacks the required fields.', 'Check that the URL is the metadata endpoint.'),
  r('FARM505', 'error', 'Signing certificate not valid now', 'The S2S signing certificate has expired or is not yet valid.', 'Renew the signing certificate and update the trusts.'),
  r('FARM506', 'warning', 'Signing certificate expires soon', 'The S2S signing certificate expires within 30 days.', 'Renew it before it expires.'),
  r('FARM507', 'error', 'Thumbprint mismatch', 'The document\'s x5t does not match the certificate\'s SHA-1 thumbprint.', 'Republish the metadata.'),
  r('FARM508', 'warning', 'Unexpected service principal', 'The serviceName is not the principal of the declared kind: another product answers at this endpoint.', 'Check the declared kind and the URL.'),
  r('FARM509', 'warning', 'Realm mismatch', 'The document\'s realm differs from farm.realm.', 'Align the realms (Set-SPAuthenticationRealm / Set-AuthConfig).'),
  r('FARM510', 'warning', 'Redirected to another host', 'The endpoint redirected the probe to another host.', 'Point the trust at the final URL.'),
  // Drift against the real farm (issue 20): rows in scripts/drift-rules.ts.
  ...driftRules.map((d) => r(d.code, d.severity, d.title, d.meaning, d.fix)),
  r('FARM901', 'hint', 'Unused server', 'Nothing in the file references this server: no trust, feature role, user, project or Office Web Apps host.', 'Reference it, or remove it if it is gone.'),
];

export const ruleByCode = new Map(rules.map((x) => [x.code, x]));

/**
 * One source as Markdown: the sentence, then where it is (a link, or the
 * document it was read in). `brief` leaves out where a linked sentence was
 * read, for a hover.
 */
export function sourceMarkdown(s: RuleSource, brief = false): string {
  const where = s.url ? `<${s.url}>` : s.readIn ?? '';
  const note = s.url && s.readIn && !brief ? ` (read in ${s.readIn})` : '';
  return `"${s.quote}" — ${where}${note}`;
}

/** A rule's sources as Markdown lines for a hover; empty for an unknown code. */
export function ruleSourceMarkdown(code: string): string {
  const rule = ruleByCode.get(code);
  if (!rule) return '';
  return [`${code} rests on:`, ...rule.sources.map((s) => `- ${sourceMarkdown(s, true)}`)].join('\n');
}
