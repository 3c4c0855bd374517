// What each generated step rests on: Microsoft's page and the sentence on
// it, in the shape of the rule catalogue's sources (rules/sources.ts). Each
// address was returned by a search of stored pages; where the stored copy
// was another language or a source file, `readIn` says where the sentence
// was read. Where no published address was found, `url` is absent.
import { pages, readInSource, type RuleSource } from '../rules/sources';

const ms = (url: string | undefined, quote: string, readIn?: string): RuleSource => ({ kind: 'microsoft', ...(url ? { url } : {}), quote, ...(readIn ? { readIn } : {}) });

const page = {
  newSpTrustedIssuer: pages.newSpTrustedIssuer,
  setSpAppPermission: 'https://learn.microsoft.com/en-us/powershell/module/sharepoint-server/set-spappprincipalpermission',
  spSiteMailboxes: pages.spSiteMailboxes,
  exchangeOAuthPartners: 'https://learn.microsoft.com/en-us/Exchange/configure-oauth-authentication-with-sharepoint-2013-and-lync-2013-exchange-2013-help',
  sfbAssignS2sCertificate: 'https://learn.microsoft.com/en-ca/skypeforbusiness/manage/authentication/assign-a-server-to-server-certificate',
  setCsCertificate: pages.setCsCertificate,
  newCsPartnerApplication: 'https://learn.microsoft.com/en-ie/powershell/module/skypeforbusiness/new-cspartnerapplication?view=skype-ps',
  sfbPartnerApp: 'https://learn.microsoft.com/ru-ru/skypeforbusiness/manage/authentication/configure-an-on-premises-partner-app',
  setCsOAuthConfiguration: 'https://learn.microsoft.com/en-us/powershell/module/skypeforbusiness/set-csoauthconfiguration?view=skype-ps',
  newCsTrustedApplicationPool: 'https://learn.microsoft.com/en-us/powershell/module/skype/New-CsTrustedApplicationPool',
  newCsTrustedApplication: 'https://learn.microsoft.com/en-us/powershell/module/skype/New-CsTrustedApplication',
  lync2013Owa: pages.lync2013Owa,
  exchangeOwaIm: pages.exchangeOwaIm,
  setOwaVirtualDirectory: pages.setOwaVirtualDirectory,
  newSiteMailboxPolicy: pages.newSiteMailboxPolicy,
  getSiteMailboxPolicy: pages.getSiteMailboxPolicy,
};

const lyncOwaSource = readInSource('MicrosoftDocs/OfficeDocs-SkypeForBusiness, "Configuring integration between on-premises Lync Server 2013 and Outlook Web App 2013" (its English text)');

/** The sources of each step, by step id (steps.ts). */
export const stepSources: Record<string, RuleSource[]> = {
  'sharepoint-trust': [
    ms(page.newSpTrustedIssuer, 'Creates a trust between a server to server principal. … New-SPTrustedSecurityTokenIssuer [-Name] <String> -MetadataEndPoint <Uri>'),
  ],
  'sharepoint-app-permission': [
    ms(page.setSpAppPermission, 'Use the Set-SPAppPrincipalPermission cmdlet to set the permissions on a given app principal for a given scope (tenant, site collection, and web) and given levels (Read, Write, Manage, Full Control). … [-EnableAppOnlyPolicy] (the page\'s own example calls a Set-AppPrincipalPermission cmdlet with -Level, which does not exist; the syntax block is followed here)'),
    ms(page.spSiteMailboxes, '$appPrincipal = Get-SPAppPrincipal -Site $rootWeb.Url -NameIdentifier $exchange.NameId; Set-SPAppPrincipalPermission -AppPrincipal $appPrincipal -Site $rootWeb -Scope SiteSubscription -Right FullControl -EnableAppOnlyPolicy', readInSource('MicrosoftDocs/OfficeDocs-SharePoint SharePoint/SharePointServer/administration/configure-site-mailboxes-in-sharepoint.md (its Set-SiteMailboxConfig.ps1)')),
  ],
  'sharepoint-wopi': [
    ms(undefined, 'Get-SPWOPIBinding -Server "Server.corp.Contoso.com": this example returns a list of bindings that were created on the current SharePoint farm where this cmdlet is run for the WOPI application "Server.corp.Contoso.com."', 'MicrosoftDocs/office-docs-powershell sharepoint/sharepoint-ps/sharepoint-server/Get-SPWOPIBinding.md (published address not found)'),
    ms(undefined, 'New-SPWOPIBinding -ServerName <String> [-AllowHTTP] … Without -AllowHTTP, SharePoint 2013 tries to communicate with the Office Web Apps Server farm over HTTPS.', 'MicrosoftDocs/OfficeDocs-SharePoint, "New-SPWOPIBinding" (its syntax) and "Configure Office Web Apps for SharePoint 2013" (the sentence, translated from its German text; published address not found)'),
    ms(undefined, 'If the result from Step 3 was internal-https, run the following command to change the zone to internal-http. You need to make this change because the zone of SharePoint Server 2016 must match the zone of the Office Online Server farm. Set-SPWOPIZone -zone "internal-http" … To use Office Online with SharePoint Server 2016 over HTTP in a test environment, you need to set AllowOAuthOverHttp to True.', 'MicrosoftDocs/OfficeDocs-SharePoint, "Configure Office Online Server for SharePoint Server 2016" (published address not found)'),
  ],
  'exchange-partner': [
    ms(page.exchangeOAuthPartners, 'In Exchange 2013, OAuth configuration with partner applications such as SharePoint 2013 and Lync Server 2013 is supported only by using the Configure-EnterpriseApplication.ps1 script. … .\\Configure-EnterprisePartnerApplication.ps1 -AuthMetaDataUrl https://sharepoint.contoso.com/_layouts/15/metadata/json/1 -ApplicationType SharePoint'),
  ],
  'exchange-site-mailbox-policy': [
    ms(page.getSiteMailboxPolicy, 'You can create multiple site mailbox provisioning policies, but only the default policy is followed when users create site mailboxes. The default site mailbox provisioning policy is named Default.'),
    ms(page.newSiteMailboxPolicy, 'In on-premises Exchange, the default prefix text is SM- (for example, the alias value BugBash_2016 becomes SM-BugBash_2016).', readInSource('MicrosoftDocs/office-docs-powershell exchange/exchange-ps/exchange/New-SiteMailboxProvisioningPolicy.md')),
  ],
  'exchange-owa-im': [
    ms(page.lync2013Owa, 'Set-OwaVirtualDirectory -Identity "atl-exchange-001\\owa (Default Web Site)" -InstantMessagingType OCS … By default, InstantMessagingType is set to None.', lyncOwaSource),
    ms(page.setOwaVirtualDirectory, 'applicable: Exchange Server 2010, Exchange Server 2013, Exchange Server 2016, Exchange Server 2019 (-InstantMessagingEnabled, -InstantMessagingType None | Ocs)'),
  ],
  'exchange-owa-im-webconfig': [
    ms(page.lync2013Owa, 'These two lines should be added under the <AppSettings> node in the Web.config file, and this procedure should be carried out only on the backend servers where Outlook Web App has been installed: <add key="IMCertificateThumbprint" …/> <add key="IMServerName" …/> … the value assigned to IMServerName is the fully qualified domain name of the Lync Server pool where you created the trusted application pool for Outlook Web App.', lyncOwaSource),
  ],
  'exchange-owa-im-override': [
    ms(page.exchangeOwaIm, 'New-SettingOverride -Name "<UniqueOverrideName>" -Component OwaServer -Section IMSettings -Parameters @("IMServerName=<Skype server/pool name>","IMCertificateThumbprint=<Certificate Thumbprint>") -Reason "<DescriptiveReason>" [-Server <ServerName>] … This is different from previous versions of Exchange where you had to edit the web.config file.', readInSource('MicrosoftDocs/OfficeDocs-Exchange, "Configure instant messaging integration with Outlook on the web in Exchange Server"')),
  ],
  'exchange-um-dial-plan': [
    ms(undefined, 'New-UMDialPlan -Name MyUMDialPlan -URIType SipName -NumberOfDigitsInExtension 5: this example creates the UM dial plan MyUMDialPlan that uses five-digit extension numbers that support SIP URIs.', 'MicrosoftDocs/office-docs-powershell exchange/exchange-ps/exchange/New-UMDialPlan.md (published address not found)'),
  ],
  'exchange-exchucutil': [
    ms(undefined, 'Be sure to restart the Lync Server Front-End service (rtcsrv.exe) after you run exchucutil.ps1. Otherwise, Lync Server 2013 will not detect Unified Messaging in the topology.', 'MicrosoftDocs/OfficeDocs-SkypeForBusiness, "Configure Unified Messaging on Microsoft Exchange for Lync Server 2013" (published address not found)'),
  ],
  'exchange-wac': [
    ms(undefined, 'Set-MailboxServer MBX -WacDiscoveryEndpoint "https://oos.contoso.com/hosting/discovery" … Configure the Office Online Server endpoint at the organization level (Set-OrganizationConfig -WacDiscoveryEndpoint).', 'MicrosoftDocs/OfficeDocs-Exchange, "Install Office Online Server in an Exchange organization" (published address not found)'),
  ],
  'lync-oauth-certificate': [
    ms(page.sfbAssignS2sCertificate, 'The primary two requirements for the certificate used for server-to-server authentication are these: 1) the same certificate must be configured as the OAuthTokenIssuer certificate on all of your Front End Servers; and, 2) the certificate must be at least 2048 bits. … Get-CsCertificate -Type OAuthTokenIssuer'),
    ms(page.setCsCertificate, 'Set-CsCertificate … -Thumbprint <String> [-Type <CertType[]>]'),
  ],
  'lync-partner': [
    ms(page.newCsPartnerApplication, 'Creates a new partner application. A partner application is any application that Skype for Business Server can directly exchange security tokens with … MetadataUrl: New-CsPartnerApplication [[-Identity] <XdsGlobalRelativeIdentity>] -ApplicationTrustLevel <ApplicationTrustLevel> -MetadataUrl …'),
    ms(page.sfbPartnerApp, 'New-CsPartnerApplication -Identity microsoft.exchange -MetadataUrl https://atl-exchange-001.litwareinc.com/autodiscover/metadata/json/1 -ApplicationTrustLevel Full'),
  ],
  'lync-oauth-autodiscover': [
    ms(page.setCsOAuthConfiguration, 'Set-CsOAuthConfiguration … [-ExchangeAutodiscoverUrl <String>] (its -ServiceName belongs to Office 365 hybrids, not to an on-premises farm)'),
    ms(undefined, 'When you run this command, make sure that you specify the URI to the autodiscover service running on your Exchange server, and that you use autodiscover.svc to point to the service location instead of autodiscover.xml: Set-CsOAuthConfiguration -Identity global -ExchangeAutodiscoverUrl "https://autodiscover.litwareinc.com/autodiscover/autodiscover.svc"', 'MicrosoftDocs/OfficeDocs-SkypeForBusiness, "Configure an on-premises partner application for Skype for Business Server" / "Managing server-to-server authentication (OAuth) and partner applications in Lync Server 2013" (English text)'),
  ],
  'lync-trusted-application': [
    ms(page.newCsTrustedApplicationPool, 'We recommend that the computers that are running trusted applications within a Skype for Business Server deployment be added to a separate pool that is only for trusted applications. … New-CsTrustedApplicationPool [-Identity] … [-Registrar <String>] [-RequiresReplication <Boolean>] [-Site <String>]'),
    ms(page.newCsTrustedApplication, 'Adds a trusted application to a pool. … New-CsTrustedApplication -ApplicationId <String> -Port <Int32> -TrustedApplicationPoolFqdn <String>'),
    ms(page.lync2013Owa, 'After creating the trusted application pool, use a command similar to the following to configure an application Identity and a port for Outlook Web App: New-CsTrustedApplication -ApplicationId OutlookWebApp -TrustedApplicationPoolFqdn atl-owa-001.litwareinc.com -Port 5199 … The value assigned to the Port parameter is also left to the administrator. … After the trusted application has been created, you must then run the following command to enable the changes to the Lync Server topology: Enable-CsTopology', lyncOwaSource),
  ],
  'lync-ucs': [
    ms(undefined, 'To enable unified contact store globally for all Skype for Business Server users, enter the following cmdlet: Set-CsUserServicesPolicy -Identity global -UcsAllowed $True', 'MicrosoftDocs/OfficeDocs-SkypeForBusiness, "Configure Skype for Business Server to use the unified contact store" (published address not found)'),
    ms(undefined, "A user's contacts are automatically migrated to the Exchange 2013 server when the user: Has been assigned a user services policy that has UcsAllowed set to True.", 'Microsoft\'s accessible text of the poster "Feature Integration Across Microsoft Office Server Products" (published address not found)'),
  ],
  'lync-ocsumutil': [
    ms(undefined, 'Run the Exchange Integration Utility (ocsumutil.exe), which creates the contact objects for Outlook Voice Access and auto attendants. … %Program Files%\\Common Files\\Lync Server 2013\\Support\\OcsUMUtil.exe', 'MicrosoftDocs/OfficeDocs-SkypeForBusiness, the Lync Server 2013 Enterprise Voice deployment checklist and "OCSUmUtil" (published address not found)'),
  ],
  'owa-farm': [
    ms(undefined, 'New-OfficeWebAppsFarm -InternalURL https://oos.contoso.com -ExternalURL https://oos.contoso.com -CertificateName "…"', 'MicrosoftDocs/OfficeDocs-Exchange, "Install Office Online Server in an Exchange organization" (published address not found)'),
  ],
};
