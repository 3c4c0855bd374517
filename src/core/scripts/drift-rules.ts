// The drift rules (FARM6xx) as data: the rule catalogue (rules/catalogue.ts),
// its sources (rules/sources.ts) and its list of changes (rules/changes.ts)
// take these rows in, so docs/rules.md, SARIF and the hover show them like
// every other rule. This file imports nothing from rules/ (they import it).

export interface DriftRule {
  code: string;
  severity: 'error' | 'warning' | 'information';
  title: string;
  meaning: string;
  fix: string;
}

export const driftRules: DriftRule[] = [
  { code: 'FARM601', severity: 'error', title: 'Trust not configured on the server', meaning: 'The topology says this server trusts another, but its inventory has no trust (token issuer or partner application) made from that server\'s metadata endpoint.', fix: 'Run the server\'s configuration script (office-farm script), or remove the trust from the topology if it is gone.' },
  { code: 'FARM602', severity: 'warning', title: 'Trust on the server that the topology does not declare', meaning: 'The server\'s inventory has a trust made from the metadata endpoint of a server the file declares, but the server\'s trusts do not list it.', fix: 'Add the server to trusts, or remove the trust from the server if it should not be there.' },
  { code: 'FARM603', severity: 'information', title: 'Trust with a server the file does not declare', meaning: 'The server\'s inventory has a trust made from a metadata endpoint that belongs to no server of the file.', fix: 'Declare the server it belongs to, or remove the trust from the server if it is stale.' },
  { code: 'FARM604', severity: 'warning', title: 'Exchange Autodiscover URL not set on Lync', meaning: 'Lync takes part in a feature with Exchange, but its OAuth configuration has no ExchangeAutodiscoverUrl.', fix: 'Run Set-CsOAuthConfiguration -ExchangeAutodiscoverUrl (the Lync configuration script does).' },
  { code: 'FARM605', severity: 'error', title: 'Unified contact store not allowed on the server', meaning: 'The topology uses the unified contact store with ucs = true, but the global user services policy of the Lync inventory has UcsAllowed = False.', fix: 'Run Set-CsUserServicesPolicy -Identity Global -UcsAllowed $true (the Lync configuration script does).' },
  { code: 'FARM606', severity: 'warning', title: 'Instant messaging not configured in Outlook Web App', meaning: 'Exchange is to show Lync IM and presence in Outlook Web App (owa-im, or the lync-presence feature), but an Outlook Web App virtual directory of its inventory has instant messaging off or not of type Ocs.', fix: 'Run Set-OwaVirtualDirectory -InstantMessagingEnabled $true -InstantMessagingType Ocs (the Exchange configuration script does).' },
  { code: 'FARM607', severity: 'warning', title: 'Exchange is not a trusted application of Lync', meaning: 'An Exchange server is to be a trusted application of the Lync pool (trusted-applications, or the lync-presence feature; not with um-same-computer), but the Lync inventory has no trusted application on a pool named as the Exchange host.', fix: 'Create the trusted application pool and application for Outlook Web App (the Lync configuration script does).' },
  { code: 'FARM608', severity: 'warning', title: 'Inventory of a server the file does not declare', meaning: 'The inventory names a server (and kind) that the file does not declare, so it is compared with nothing.', fix: 'Check that the inventory belongs to this farm file, or declare the server.' },
  { code: 'FARM609', severity: 'warning', title: 'Office Web Apps not set up as the topology says', meaning: 'An Office Web Apps inventory has no farm, or a SharePoint inventory has no WOPI binding for an Office Web Apps farm that hosts it.', fix: 'Run the Office Web Apps and SharePoint configuration scripts.' },
  { code: 'FARM610', severity: 'warning', title: 'OAuthTokenIssuer certificate differs from the topology', meaning: 'The topology names the OAuthTokenIssuer certificate of a Lync pool (oauth-certificate), but the Lync inventory shows none assigned, or another one.', fix: 'Assign the certificate with Set-CsCertificate -Type OAuthTokenIssuer on every Front End Server, or correct oauth-certificate.' },
];

/** In the shape of rules/sources.ts's RuleSource. */
interface Source {
  kind: 'microsoft' | 'language';
  url?: string;
  quote: string;
  readIn?: string;
}

const definedHere = (quote: string): Source => ({ kind: 'language', quote, readIn: 'issue 20 (drift against the real farm); docs/scripts.md describes each comparison' });

export const driftRuleSources: Record<string, Source[]> = {
  FARM601: [
    definedHere('a trust in the topology with no trust of the same metadata URL in the server\'s inventory'),
    { kind: 'microsoft', url: 'https://learn.microsoft.com/en-us/powershell/module/sharepoint-server/new-sptrustedsecuritytokenissuer', quote: 'Creates a trust between a server to server principal.' },
  ],
  FARM602: [definedHere('a trust in the server\'s inventory whose metadata URL is a declared server\'s, missing from trusts')],
  FARM603: [definedHere('a trust in the server\'s inventory whose metadata URL is no declared server\'s')],
  FARM604: [
    definedHere('an empty ExchangeAutodiscoverUrl in the Lync inventory where Lync takes part in a feature with Exchange'),
    { kind: 'microsoft', url: 'https://learn.microsoft.com/en-us/powershell/module/skypeforbusiness/set-csoauthconfiguration?view=skype-ps', quote: 'Set-CsOAuthConfiguration … [-ExchangeAutodiscoverUrl <String>]' },
  ],
  FARM605: [
    definedHere('UcsAllowed = False in the global user services policy of the Lync inventory'),
    { kind: 'microsoft', quote: "A user's contacts are automatically migrated to the Exchange 2013 server when the user: Has been assigned a user services policy that has UcsAllowed set to True.", readIn: 'Microsoft\'s accessible text of the poster "Feature Integration Across Microsoft Office Server Products" (published address not found)' },
  ],
  FARM606: [
    definedHere('an Outlook Web App virtual directory with InstantMessagingEnabled False or InstantMessagingType not Ocs'),
    { kind: 'microsoft', url: 'https://technet.microsoft.com/library/JJ688055(v=OCS.15)', quote: 'By default, InstantMessagingType is set to None.', readIn: 'the page\'s source file, MicrosoftDocs/OfficeDocs-SkypeForBusiness (its English text)' },
  ],
  FARM607: [
    definedHere('no trusted application in the Lync inventory on a pool named as the Exchange host'),
    { kind: 'microsoft', url: 'https://learn.microsoft.com/en-us/powershell/module/skype/New-CsTrustedApplication', quote: 'Adds a trusted application to a pool.' },
  ],
  FARM608: [definedHere('an inventory whose server and kind the file does not declare')],
  FARM610: [
    definedHere('oauth-certificate not among the OAuthTokenIssuer thumbprints of the Lync inventory'),
    { kind: 'microsoft', url: 'https://learn.microsoft.com/en-ca/skypeforbusiness/manage/authentication/assign-a-server-to-server-certificate', quote: 'the same certificate must be configured as the OAuthTokenIssuer certificate on all of your Front End Servers' },
  ],
  FARM609: [definedHere('no Office Web Apps farm in its inventory, or no WOPI binding for it in a SharePoint inventory it hosts')],
};

export const driftRuleChanges = driftRules.map((r) => ({
  code: r.code,
  what: 'added' as const,
  before: '—',
  after: r.severity,
  why: 'Drift against the real farm (issue 20): what an inventory from office-farm script --inventory shows, compared with the topology.',
}));
