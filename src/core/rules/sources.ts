// What each rule rests on, as data: Microsoft's page and the sentence on it
// (a short quote or a close paraphrase), or, for the rules of the language
// itself, the project's own definition. The catalogue, the hover and
// docs/rules.md read this table; test/core/rule-sources.test.ts keeps every
// rule in it.
//
// How these were gathered (issue 17): each address below was returned by a
// search of stored Microsoft pages, and each quote was read either on that
// page or, where the stored page was cut short or in another language, in
// the page's source file in Microsoft's public documentation repositories
// (MicrosoftDocs/OfficeDocs-SkypeForBusiness, OfficeDocs-SharePoint,
// office-docs-powershell); `readIn` says so. Where no published address
// was found, `url` is absent and `readIn` names the document.

export interface RuleSource {
  /**
   * `microsoft`: a Microsoft page says it. `language`: a rule of the .farm
   * language or of the probe itself, defined by this project (test/spec/rules.md).
   */
  kind: 'microsoft' | 'language';
  /** The address as it was found; absent when none was found. */
  url?: string;
  /** The sentence the rule rests on. */
  quote: string;
  /** Where the quote was read when not on `url` itself, or which document it is when there is no `url`. */
  readIn?: string;
}

import { driftRuleSources } from '../scripts/drift-rules';

const spec = (quote: string): RuleSource => ({ kind: 'language', quote, readIn: 'test/spec/rules.md (the project\'s rule catalogue)' });

/** Microsoft's pages, each once; rules point at them with the sentence they rest on. */
const page = {
  sfbPlanExchange: 'https://learn.microsoft.com/en-us/SkypeForBusiness/plan-your-deployment/integrate-with-exchange/integrate-with-exchange',
  exchangeOwaIm: 'https://technet.microsoft.com/ja-jp/library/mt607043(v=exchg.160).aspx',
  lync2013Owa: 'https://technet.microsoft.com/library/JJ688055(v=OCS.15)',
  lync2013OAuth: 'https://technet.microsoft.com/en-us/library/JJ204817(v=OCS.15)',
  spPlanS2s: 'https://learn.microsoft.com/zh-cn/SharePoint/security-for-sharepoint-server/plan-server-to-server-authentication',
  spClassicMode: 'https://learn.microsoft.com/en-us/sharepoint/security-for-sharepoint-server/create-web-applications-that-use-classic-mode-authentication',
  spSiteMailboxes: 'https://docs.microsoft.com/SharePoint/administration/configure-site-mailboxes-in-sharepoint',
  spTaskSync: 'https://technet.microsoft.com/en-us/library/jj554516.aspx',
  getSiteMailboxPolicy: 'https://learn.microsoft.com/en-us/powershell/module/exchangepowershell/Get-SiteMailboxProvisioningPolicy',
  newSiteMailboxPolicy: 'https://learn.microsoft.com/fr-fr/powershell/module/exchange/New-SiteMailboxProvisioningPolicy',
  ewsSizeRequested: 'https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/sizerequested',
  hostedVoicemailPolicy: 'https://learn.microsoft.com/powershell/module/skype/New-CsHostedVoicemailPolicy',
  sfb2019WhatsNew: 'https://github.com/MicrosoftDocs/OfficeDocs-SkypeForBusiness/blob/live/Skype/SfBServer2019/whats-new.md',
  planOfficeOnline: 'https://learn.microsoft.com/en-us/officeonlineserver/plan-office-online-server?redirectedfrom=MSDN',
  setCsCertificate: 'https://learn.microsoft.com/en-us/powershell/module/skype/Set-CsCertificate',
  newSpTrustedIssuer: 'https://learn.microsoft.com/en-us/powershell/module/sharepoint-server/new-sptrustedsecuritytokenissuer',
  exchangeOAuthPartners: 'https://learn.microsoft.com/ja-jp/exchange/configure-oauth-authentication-with-sharepoint-2013-and-lync-2013-exchange-2013-help',
  spAppAuth: 'https://learn.microsoft.com/en-us/sharepoint/security-for-sharepoint-server/plan-for-app-authentication-in-sharepoint-server',
  lync2010TrustedApp: 'https://learn.microsoft.com/en-us/previous-versions/office/skype-server-2010/gg398259(v=ocs.14)',
  lync2010Um: 'https://learn.microsoft.com/en-us/previous-versions/office/skype-server-2010/gg425737(v=ocs.14)',
  ucwaTopologies: 'https://learn.microsoft.com/en-us/skype-sdk/ucwa/supportedtopologies',
  setOwaVirtualDirectory: 'https://github.com/MicrosoftDocs/office-docs-powershell/blob/master/exchange/exchange-ps/exchange/Set-OwaVirtualDirectory.md',
  // Added for the rest of issue 17.
  lync2013OwaTrustedApp: 'https://technet.microsoft.com/en-us/library/JJ204857(v=OCS.15)',
  lync2010Integration: 'https://learn.microsoft.com/en-gb/archive/blogs/drrez/lync-2010-exchange-2010-sharepoint-2010-and-office-2010-integration-part-1',
  setHybridConfiguration: 'https://learn.microsoft.com/powershell/module/exchangepowershell/set-hybridconfiguration',
  upgradeToExchangeSe: 'https://learn.microsoft.com/en-us/exchange/plan-and-deploy/deploy-new-installations/upgrade-to-exchange-server-se',
  spS2sUserProfiles: 'https://learn.microsoft.com/en-us/sharepoint/security-for-sharepoint-server/server-to-server-authentication-and-user-profiles',
  spLowTrustAddIns: 'https://learn.microsoft.com/en-us/sharepoint/dev/sp-add-ins/creating-sharepoint-add-ins-that-use-low-trust-authorization',
  planOfficeWebApps: 'https://technet.microsoft.com/en-us/library/JJ219435(v=office.15)',
  setMailboxServer: 'https://learn.microsoft.com/powershell/module/exchangepowershell/set-mailboxserver',
  photoSyncBlog: 'https://docs.microsoft.com/en-us/archive/blogs/jenstr/using-exchange-2013-high-resolution-photos-from-sharepoint-server-2013',
  photoExpirationBlog: 'https://learn.microsoft.com/en-us/archive/blogs/briangre/configuring-userphotoexpiration-for-user-profile-photo-sync-between-exchange-2013-and-sharepoint-2013',
};

/** Read in Microsoft's source file of a page whose stored copy is in another language or cut short. */
const readInSource = (path: string): string => `the page's source file, ${path}`;

/** Where JJ688055's sentences were read: its Japanese page's source file, which carries the English text beside each sentence. */
const lync2013OwaSource = 'MicrosoftDocs/OfficeDocs-SkypeForBusiness, the source file of the Japanese "Integrating Microsoft Lync Server 2013 and Microsoft Outlook Web App 2013" (ms:mtpsurl JJ688055), which keeps the English text of each sentence';

/**
 * The poster this project's feature table follows: "Feature Integration Across
 * Microsoft Office Server Products" (its accessible text, ms.assetid
 * d78983fa-0951-49b8-b890-d76a44c70035). Its published address was not found.
 */
const poster = 'Microsoft\'s accessible text of the poster "Feature Integration Across Microsoft Office Server Products" (ms.assetid d78983fa-0951-49b8-b890-d76a44c70035; published address not found)';

const ms = (url: string | undefined, quote: string, readIn?: string): RuleSource => ({ kind: 'microsoft', ...(url ? { url } : {}), quote, ...(readIn ? { readIn } : {}) });
const fromPoster = (quote: string): RuleSource => ms(undefined, quote, poster);

export const ruleSources: Record<string, RuleSource[]> = {
  FARM001: [spec('a character that starts no token')],
  FARM002: [spec('string not closed before the end of the line')],
  FARM003: [spec('expected something else (name, `{`, `=`, value, `]`, `}`)')],
  FARM004: [spec('unknown block kind at top level; suggest the nearest kind')],
  FARM101: [spec('a name declared twice (any block kinds)')],
  FARM102: [spec('reference to an undeclared name; suggest the nearest')],
  FARM103: [
    spec('reference to a block of the wrong kind (a user in `trusts`, … an office-web-apps or project server in `trusts`)'),
    fromPoster('Server-to-server authentication is a new feature of Exchange Server 2013, Lync Server 2013, and SharePoint Server 2013 that allows a server to request resources of another server on behalf of a user.'),
  ],
  FARM104: [spec('unknown property for this block kind; suggest the nearest')],
  FARM105: [spec('property given twice in one block')],
  FARM106: [spec('value of the wrong type')],
  FARM107: [spec('unknown enumeration member; suggest the nearest')],
  FARM108: [spec('a required property is absent from the source')],
  FARM109: [spec('malformed URL, host, or e-mail address')],
  FARM110: [
    spec('a version number that is not one of the product line\'s releases; suggest the nearest'),
    ms(page.setHybridConfiguration, 'applicable: Exchange Server 2010, Exchange Server 2013, Exchange Server 2016, Exchange Server 2019, Exchange Server SE', readInSource('MicrosoftDocs/office-docs-powershell exchange/exchange-ps/ExchangePowerShell/Set-HybridConfiguration.md')),
    ms(page.upgradeToExchangeSe, 'Exchange Server Subscription Edition (SE) is capable of operating alongside earlier versions of Exchange Server within the same organization.'),
    ms(page.setOwaVirtualDirectory, 'applicable: Exchange Server 2010, Exchange Server 2013, Exchange Server 2016, Exchange Server 2019'),
    ms(page.spAppAuth, 'APPLIES TO: 2013, 2016, 2019, Subscription Edition (SharePoint Server)'),
    ms(page.sfbPlanExchange, 'APPLIES TO: 2015, 2019, Subscription Edition (Skype for Business Server)'),
    ms(page.lync2010TrustedApp, '… run as part of Microsoft Lync Server 2010 …'),
  ],
  FARM111: [spec('a server trusts itself')],
  FARM112: [spec('unknown feature id; suggest the nearest')],
  FARM113: [spec('a required feature role is omitted and several servers of that kind exist')],
  FARM114: [spec('a required feature role is omitted and no server of that kind exists')],
  FARM115: [spec('more than one `farm` block')],

  FARM201: [
    ms(page.spPlanS2s, 'To authenticate the requesting server, you must configure the server that runs SharePoint Server to trust the server that is sending it requests. This is a one-way trust relationship.', readInSource('MicrosoftDocs/OfficeDocs-SharePoint SharePoint/SharePointServer/security-for-sharepoint-server/plan-server-to-server-authentication.md')),
    ms(page.exchangeOAuthPartners, 'The application must be configured as a partner application in Exchange 2013; OAuth configuration with partner applications such as SharePoint 2013 and Lync Server 2013 is supported only through the Configure-EnterprisePartnerApplication.ps1 script (translated from the Japanese page).'),
    ms(page.newSpTrustedIssuer, 'Creates a trust between a server to server principal.'),
  ],
  FARM202: [
    fromPoster('A server-to-server trust relationship is one way. … For seamless integration, you should establish two-way trusts.'),
  ],
  FARM204: [
    fromPoster('Each type of server has a JavaScript Object Notation (JSON) metadata endpoint that contains configuration information and a public portion of the access token signing certificate.'),
    ms(page.spPlanS2s, 'The web applications that include server-to-server authentication endpoints … must be configured to use Secure Sockets Layer (SSL).', readInSource('MicrosoftDocs/OfficeDocs-SharePoint SharePoint/SharePointServer/security-for-sharepoint-server/plan-server-to-server-authentication.md')),
  ],
  FARM205: [
    fromPoster('An Exchange server with a JSON metadata endpoint of https://<server name>/autodiscover/metadata/json/1; a Lync server … https://<server name>/metadata/json/1; a SharePoint server … https://<web app name>/_layouts/15/metadata/json/1'),
  ],
  FARM207: [
    ms(page.spPlanS2s, 'The web applications that include server-to-server authentication endpoints (for incoming server-to-server requests) or that make outgoing server-to-server requests to other servers must be configured to use Secure Sockets Layer (SSL).', readInSource('MicrosoftDocs/OfficeDocs-SharePoint SharePoint/SharePointServer/security-for-sharepoint-server/plan-server-to-server-authentication.md')),
    ms(page.spLowTrustAddIns, 'OAuth requires SharePoint to run HTTPS (not only your service, but SharePoint too). … You can turn off the HTTPS requirement during development … $serviceConfig.AllowOAuthOverHttp = $true'),
    ms(page.spClassicMode, 'SSL is required by default for web applications that are used in server-to-server authentication and app authentication scenarios.', readInSource('MicrosoftDocs/OfficeDocs-SharePoint SharePoint/SharePointServer/security-for-sharepoint-server/create-web-applications-that-use-classic-mode-authentication.md')),
  ],
  FARM208: [
    ms(page.spClassicMode, 'In SharePoint Server, claims-based authentication is the default and preferred method of user authentication and is required to take advantage of server-to-server authentication and app authentication.', readInSource('MicrosoftDocs/OfficeDocs-SharePoint SharePoint/SharePointServer/security-for-sharepoint-server/create-web-applications-that-use-classic-mode-authentication.md')),
  ],
  FARM209: [
    ms(page.spS2sUserProfiles, 'By default, SharePoint Server uses the built-in User Profile service application to resolve the identity. … Therefore, at least one of these user attributes must be current in user profiles.', readInSource('MicrosoftDocs/OfficeDocs-SharePoint SharePoint/SharePointServer/security-for-sharepoint-server/server-to-server-authentication-and-user-profiles.md')),
  ],
  FARM210: [
    ms(page.sfbPlanExchange, 'Skype for Business Server allows you to use any Web server certificate as the certificate for server-to-server authentication provided that: The certificate includes the name of your SIP domain in the Subject field. The same certificate is configured as the OAuthTokenIssuer certificate on all of your Front End Servers. The certificate has a length of at least 2048 bits.'),
    ms(page.setCsCertificate, 'Set-CsCertificate -Type OAuthTokenIssuer'),
    ms(page.lync2013OAuth, 'A realm is simply a security container. By default, Lync Server 2013 uses your default SIP domain as its OAuth realm.', readInSource('MicrosoftDocs/OfficeDocs-SkypeForBusiness Lync/LyncServer/lync-server-2013-managing-server-to-server-authentication-oauth-and-partner-applications.md')),
  ],
  FARM211: [
    ms(page.sfbPlanExchange, 'The certificate has a length of at least 2048 bits.'),
  ],
  FARM206: [
    fromPoster('Server-to-server authentication is a new feature of Exchange Server 2013, Lync Server 2013, and SharePoint Server 2013.'),
  ],

  FARM301: [
    fromPoster('Server-to-server authentication is a new feature of Exchange Server 2013, Lync Server 2013, and SharePoint Server 2013.'),
    ms(page.lync2013Owa, 'Lync Server 2013 can be integrated with the Microsoft Exchange Server 2010 versions of both unified messaging and Outlook Web App. … new functionality such as the unified contact store and high-resolution photos will not be available to Lync 2013 users. These new capabilities require both Lync Server 2013 and Exchange 2013.', lync2013OwaSource),
    ms(page.lync2010Integration, 'Now the instant messaging, enhanced presence, and conferencing features that are available in Lync 2010 are made available through browser-based clients such as SharePoint 2010 and Microsoft Outlook Web App.'),
    ms(page.lync2010Um, 'Deploying On-Premises Exchange UM to Provide Lync Server 2010 Voice Mail (the page\'s title)'),
  ],
  FARM302: [
    ms(page.spSiteMailboxes, 'Site Mailboxes feature requires that user profile synchronization be configured in the farm. … Site Mailboxes feature requires that the app management service application be configured in the farm.', readInSource('MicrosoftDocs/OfficeDocs-SharePoint SharePoint/SharePointServer/administration/configure-site-mailboxes-in-sharepoint.md')),
    ms(page.spTaskSync, 'For SharePoint, User profile synchronization needs to be up and running … You\'ll also need to have the Work Management service application running … you need to have the Search service application running as well.', readInSource('MicrosoftDocs/OfficeDocs-SharePoint, "Configure Exchange task synchronization in SharePoint Server 2013"')),
    fromPoster('Project Service application (to aggregate Project Server tasks).'),
  ],
  FARM303: [
    ms(page.spSiteMailboxes, 'Secure Sockets Layer (SSL) configured for the Default Zone is a requirement for web applications that are deployed in scenarios that support server-to-server authentication and app authentication.', readInSource('MicrosoftDocs/OfficeDocs-SharePoint SharePoint/SharePointServer/administration/configure-site-mailboxes-in-sharepoint.md')),
    ms(page.spTaskSync, 'It\'s very important that you have Secure Sockets Layer (SSL) running for your SharePoint web application, this is required for security reasons.', readInSource('MicrosoftDocs/OfficeDocs-SharePoint, "Configure Exchange task synchronization in SharePoint Server 2013"')),
    ms(page.spPlanS2s, 'The web applications that include server-to-server authentication endpoints … must be configured to use Secure Sockets Layer (SSL).', readInSource('MicrosoftDocs/OfficeDocs-SharePoint SharePoint/SharePointServer/security-for-sharepoint-server/plan-server-to-server-authentication.md')),
  ],
  FARM304: [
    ms(page.spSiteMailboxes, 'The first step in configuring Site Mailboxes is to install the Exchange Server Web Services API on each web and application server in the SharePoint Server farm.', readInSource('MicrosoftDocs/OfficeDocs-SharePoint SharePoint/SharePointServer/administration/configure-site-mailboxes-in-sharepoint.md')),
    ms(undefined, 'Ensure that the Exchange Web Service managed API is installed on every front-end server that is running SharePoint Server.', 'MicrosoftDocs/OfficeDocs-SharePoint, "Configure eDiscovery in SharePoint Server" (published address not found)'),
    fromPoster('Install the Exchange Web Services Managed API. Use GacUtil to load the Microsoft.Exchange.WebServices.dll into the Global Assembly Cache (GAC).'),
  ],
  FARM305: [
    ms(page.sfbPlanExchange, 'The autodiscover service must be configured before you can integrate Skype for Business Server 2015 and Exchange Server.', readInSource('MicrosoftDocs/OfficeDocs-SkypeForBusiness Skype/SfbServer/plan-your-deployment/integrate-with-exchange/integrate-with-exchange.md')),
    fromPoster('Start and configure the Exchange 2013 Autodiscover service.'),
    ms(page.spSiteMailboxes, 'ServerBusy: Exchange timed out during AutoDiscovery … confirm AutoDiscover has been set-up properly with the Exchange Administrator.', readInSource('MicrosoftDocs/OfficeDocs-SharePoint SharePoint/SharePointServer/administration/configure-site-mailboxes-in-sharepoint.md')),
  ],
  FARM306: [
    ms(page.getSiteMailboxPolicy, 'You can create multiple site mailbox provisioning policies, but only the default policy is followed when users create site mailboxes. The default site mailbox provisioning policy is named Default.'),
    fromPoster('Create site mailbox provisioning policy.'),
  ],
  FARM307: [
    ms(page.spTaskSync, 'You\'ll probably want to have MySites enabled for SharePoint, to see tasks in one place in SharePoint. You can also view them in Outlook.', readInSource('MicrosoftDocs/OfficeDocs-SharePoint, "Configure Exchange task synchronization in SharePoint Server 2013"')),
  ],
  FARM308: [
    ms(page.spTaskSync, 'For discovering task additions and changes, you need to have the Search service application running as well, and set for incremental or continuous crawling.', readInSource('MicrosoftDocs/OfficeDocs-SharePoint, "Configure Exchange task synchronization in SharePoint Server 2013"')),
  ],
  FARM309: [fromPoster('A user\'s contacts are automatically migrated to the Exchange 2013 server when the user: Has been assigned a user services policy that has UcsAllowed set to True.')],
  FARM310: [fromPoster('When a call is not answered by the callee on any of the callee\'s active endpoints, Lync Server routes the call to voicemail on Exchange UM.')],
  FARM311: [
    fromPoster('The PSTN call is routed from the IP gateway to the Mediation Server, which is a Lync server.'),
    ms(page.lync2010Um, 'This topic assumes that you have deployed Lync Server 2010 with a collocated Mediation Server.'),
  ],
  FARM312: [fromPoster('A good way to share your meeting recordings is to use SharePoint asset libraries on your team sites to store your meeting recordings.')],
  FARM313: [fromPoster('Optionally, if you are unable to upload meeting recordings due to size restrictions or connection timeouts … change the maximum upload size setting for the web application that contains your team site collection.')],
  FARM314: [fromPoster('Project Service application (to aggregate Project Server tasks). … On Project Server 2013: Create Project Web Application sites.')],
  FARM315: [ms(page.planOfficeOnline, 'In environments that contain actual user data, we always recommend that you use HTTPS, for which you have to obtain a certificate.')],
  FARM316: [
    ms(page.newSiteMailboxPolicy, 'In on-premises Exchange, the default prefix text is SM- (for example, the alias value BugBash_2016 becomes SM-BugBash_2016).', readInSource('MicrosoftDocs/office-docs-powershell exchange/exchange-ps/exchange/New-SiteMailboxProvisioningPolicy.md')),
    fromPoster('These policies … let you define a prefix for Site Mailbox email addresses.'),
  ],
  FARM317: [ms(page.spTaskSync, 'The Work Management service application was deprecated in SharePoint Server 2016 so you can configure Exchange task synchronization in SharePoint Server 2013 only.', readInSource('MicrosoftDocs/OfficeDocs-SharePoint, "Configure Exchange task synchronization in SharePoint Server 2013"'))],
  FARM318: [
    fromPoster('On SharePoint Server 2013: … Use Windows PowerShell to configure photo sync with Exchange.'),
    ms(page.photoSyncBlog, "When SharePoint-Exchange photo sync is enabled, SharePoint's local photo store becomes a cache, and SharePoint Server 2013 treats Exchange 2013 as the master photo store. (A Microsoft engineer's blog, archived by Microsoft.)"),
    ms(page.photoExpirationBlog, 'UserPhotoImportEnabled – this property defines if SharePoint should import photos from Exchange. (A Microsoft engineer\'s blog, archived by Microsoft.)'),
  ],
  FARM319: [fromPoster('On Exchange Server 2013: … Set external URLs for SharePoint. These are the URLs SharePoint uses when it accesses photos in Exchange.')],

  FARM320: [
    ms(page.lync2013Owa, 'The first step in that process is to enable instant messaging on all your Outlook Web App virtual directories on your front end servers. … Get-OwaVirtualDirectory | Set-OwaVirtualDirectory -InstantMessagingEnabled $True -InstantMessagingType OCS … By default, InstantMessagingType is set to None.', lync2013OwaSource),
  ],
  FARM321: [
    ms(page.lync2013Owa, 'In the preceding example, the value for IMCertificateThumbprint must be the thumbprint for the Exchange 2013 certificate that is installed on your backend servers. … The certificate that you use for Outlook Web App must be a certificate that is trusted by Lync Server.', lync2013OwaSource),
    ms(page.exchangeOwaIm, 'To configure IM integration between Skype for Business Server and Outlook on the web in Exchange 2016 or Exchange 2019, you must use the Exchange Management Shell; this is different from earlier versions of Exchange, where you had to edit the web.config file (translated from the Japanese page). New-SettingOverride -Component OwaServer -Section IMSettings -Parameters @("IMServerName=…","IMCertificateThumbprint=…")'),
  ],
  FARM322: [
    ms(page.lync2013Owa, 'If these two services are running on separate computers then … you must create a Lync Server trusted application pool and a trusted application associated with Outlook Web App; that will add the server to the Known Servers List. … After creating the trusted application you must run the following command to enable the changes to your Lync Server topology: Enable-CsTopology', lync2013OwaSource),
    ms(page.lync2013OwaTrustedApp, 'To enable Exchange 2013 Outlook Web Access (OWA) and instant messaging (IM) integration with Lync Server 2013, you must add the Exchange 2013 Client Access Server (CAS) server to the Lync Server 2013 topology as a trusted application server.', 'the source file of the Japanese "Enable Exchange 2013 Outlook Web App and IM integration" (ms:mtpsurl JJ204857), which keeps the English text of each sentence'),
  ],
  FARM323: [
    ms(page.lync2013Owa, 'If you have installed the Microsoft Exchange Unified Messaging Call Router service and the Microsoft Exchange Unified Messaging service on the same computer then there is no need to create a trusted application pool for Outlook Web App. (This assumes that the server in question is hosting a SipName UM dial plan.) … In fact, doing so will cause Outlook Web App integration to stop working.', lync2013OwaSource),
  ],
  FARM324: [
    ms(page.lync2013Owa, 'Note, too that the value assigned to IMServerName is the fully qualified domain name of the Lync Server pool where you created the trusted application pool for Outlook Web App.', lync2013OwaSource),
  ],
  FARM325: [
    ms(undefined, 'Cloud Voicemail is also the solution for Skype for Business Server 2019 voice users who have mailboxes on Exchange Server 2019 or Exchange Online.', '"Voice mail in Exchange Online: Unified Messaging", Exchange/ExchangeOnline/voice-mail-unified-messaging/voice-mail-unified-messaging.md in a copy of MicrosoftDocs/OfficeDocs-Exchange (x13-me/OfficeDocs-Exchange); published address not found'),
    ms(page.sfb2019WhatsNew, 'Exchange UM remains available in Skype for Business Server 2019 when you integrate Skype for Business 2019 with Exchange 2013 or Exchange 2016. Due to changes in support in Exchange 2019, Exchange UM integration is being de-emphasized in favor of Cloud Voicemail and Cloud Auto Attendant features.'),
    ms(page.upgradeToExchangeSe, 'Exchange Server SE supports an in-place upgrade from Exchange Server 2019 Cumulative Update (CU) 14 or 15. This process allows you to install Exchange Server SE over your existing Exchange Server 2019 installation, similar to the procedure for applying cumulative updates. (No page found says in words that SE has no UM; the rule follows from this.)'),
  ],
  FARM326: [
    ms(page.exchangeOwaIm, 'IM integration between Lync Server 2013 and Exchange 2016 or later is not supported (translated from the Japanese page: "Lync Server 2013 と Exchange 2016 以降の IM 統合はサポートされていません").'),
    ms(page.planOfficeWebApps, "SharePoint 2010 Products can't be a host for Office Web Apps Server. Office Web Apps Server isn't supported by SharePoint Foundation 2010 or SharePoint Server 2010. Office Web Apps Server also isn't supported by Exchange Server 2013.", readInSource('"Plan Office Web Apps Server" (ms:mtpsurl JJ219435), from Microsoft\'s documentation sources')),
    ms(page.setMailboxServer, '-WacDiscoveryEndpoint … Applicable: Exchange Server 2016, Exchange Server 2019 … Office Online Server enables users to view supported file attachments in Outlook on the web', readInSource('MicrosoftDocs/office-docs-powershell, Set-MailboxServer (its -WacDiscoveryEndpoint parameter)')),
  ],
  FARM327: [
    ms(page.planOfficeWebApps, "Don't install any other server applications on the server that's running Office Web Apps Server. This includes Exchange Server, SharePoint Server, Lync Server, and SQL Server. If you have a shortage of servers, consider running Office Web Apps Server in a virtual machine instance on one of the servers you have.", readInSource('"Plan Office Web Apps Server" (ms:mtpsurl JJ219435), from Microsoft\'s documentation sources')),
  ],

  FARM401: [ms(page.ewsSizeRequested, 'HR48x48 | HR64x64 | HR96X96 | HR120X120 | HR240X240 | HR360X360 | HR432X432 | HR504X504 | HR648X648')],
  FARM402: [spec('a number outside its range (`max-upload-mb` 1..2047, `iis-timeout-s` 1..86400)')],

  FARM501: [spec('endpoint unreachable: DNS, refused, reset, timeout')],
  FARM502: [spec('TLS failure: untrusted, expired or wrong-host certificate')],
  FARM503: [spec('HTTP status other than 200 (after redirects)')],
  FARM504: [
    spec('not a metadata document: not JSON, too large, or required fields missing'),
    fromPoster('Each type of server has a JavaScript Object Notation (JSON) metadata endpoint that contains configuration information and a public portion of the access token signing certificate.'),
  ],
  FARM505: [spec('signing certificate expired or not yet valid')],
  FARM506: [spec('signing certificate expires within 30 days')],
  FARM507: [spec('`x5t` does not match the certificate\'s SHA-1 thumbprint')],
  FARM508: [
    spec('`serviceName` is not the principal of the declared kind'),
    ms(page.spSiteMailboxes, 'if($trustedIssuer.RegisteredIssuerName.StartsWith("00000002-0000-0ff1-ce00-000000000000@")) … Write-Host "Found trusted Exchange Server …"', readInSource('MicrosoftDocs/OfficeDocs-SharePoint SharePoint/SharePointServer/administration/configure-site-mailboxes-in-sharepoint.md (its Check-SiteMailboxConfig.ps1)')),
  ],
  FARM509: [
    spec('`realm` differs from `farm.realm`'),
    ms(page.lync2013OAuth, 'A realm is simply a security container. By default, Lync Server 2013 uses your default SIP domain as its OAuth realm.', readInSource('MicrosoftDocs/OfficeDocs-SkypeForBusiness Lync/LyncServer/lync-server-2013-managing-server-to-server-authentication-oauth-and-partner-applications.md')),
    ms(page.spSiteMailboxes, 'OAuthException: … typically caused by server to server configuration issues, such as a realm value mismatch on either side.', readInSource('MicrosoftDocs/OfficeDocs-SharePoint SharePoint/SharePointServer/administration/configure-site-mailboxes-in-sharepoint.md')),
  ],
  FARM510: [spec('redirected to another host')],

  FARM901: [spec('an exchange, sharepoint, lync or project server that nothing references')],

  // Drift against the real farm (issue 20).
  ...driftRuleSources,
};

/** The pages the corrections of issue 17 rest on, for rules added or changed with them. */
export const pages = page;
export { ms as microsoftSource, fromPoster as posterSource, readInSource, poster as posterDocument };
