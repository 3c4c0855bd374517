# Office Farm configuration script for Lync pool01
# Run it in: Lync Server Management Shell
# Made by office-farm script from owa-im.farm. Read it before you run it.
# Running it again is safe: each step looks before it changes anything.
#
# Unresolved in owa-im.farm (what they concern is left out, or marked TODO below):
#   30:9 error FARM326 Lync presence between Lync Server 2013 (pool01) and Exchange Server 2016 (ex16) is not supported: IM integration between Lync Server 2013 and Exchange 2016 or later is not supported (use Skype for Business Server 2015 or later).
#
# Values the topology does not give: fill them in. A step that needs one is
# skipped, with a warning, while it is empty.
$LyncSiteId = ''  # TODO: the SiteID of the Lync site that hosts pool01 (Get-CsSite | Select-Object DisplayName, SiteID)
$OwaTrustedApplicationPort = ''  # TODO: a free port for the Outlook Web App trusted application (Microsoft's example uses 5199)

$ErrorActionPreference = 'Stop'

# --------------------------------------------------------------------------
# Step 1 of 5: OAuth token issuer certificate
# Serves: server-to-server authentication of pool01; oauth-certificate of pool01
# Source: https://learn.microsoft.com/en-ca/skypeforbusiness/manage/authentication/assign-a-server-to-server-certificate
# Source: https://learn.microsoft.com/en-us/powershell/module/skype/Set-CsCertificate
# Note: the same certificate must be the OAuthTokenIssuer certificate on every Front End Server of the pool: run this step on each
$assigned = Get-CsCertificate -Type OAuthTokenIssuer -ErrorAction SilentlyContinue
if (-not $assigned) {
    Set-CsCertificate -Type OAuthTokenIssuer -Thumbprint '0123456789ABCDEF0123456789ABCDEF01234567'
} elseif (@($assigned | Where-Object { $_.Thumbprint -eq '0123456789ABCDEF0123456789ABCDEF01234567' }).Count -eq 0) {
    Write-Warning ('Another OAuthTokenIssuer certificate is assigned (' + (@($assigned)[0].Thumbprint) + '); it is left as it is: replace it by hand, on every Front End Server')
} else {
    Write-Host 'Already configured: OAuthTokenIssuer certificate'
}

# --------------------------------------------------------------------------
# Step 2 of 5: Trust ex16 (Exchange)
# Serves: trust pool01 -> ex16 (declared in pool01's trusts)
# Source: https://learn.microsoft.com/en-ie/powershell/module/skypeforbusiness/new-cspartnerapplication?view=skype-ps
# Source: https://learn.microsoft.com/ru-ru/skypeforbusiness/manage/authentication/configure-an-on-premises-partner-app
if (-not (Get-CsPartnerApplication | Where-Object { $_.MetadataUrl -eq 'https://mail.fabrikam.com/autodiscover/metadata/json/1' })) {
    New-CsPartnerApplication -Identity 'ex16' -MetadataUrl 'https://mail.fabrikam.com/autodiscover/metadata/json/1' -ApplicationTrustLevel Full
} else {
    Write-Host 'Already configured: partner application for https://mail.fabrikam.com/autodiscover/metadata/json/1'
}

# --------------------------------------------------------------------------
# Step 3 of 5: Autodiscover of ex16
# Serves: feature lync-presence
# Source: https://learn.microsoft.com/en-us/powershell/module/skypeforbusiness/set-csoauthconfiguration?view=skype-ps
# Source: MicrosoftDocs/OfficeDocs-SkypeForBusiness, "Configure an on-premises partner application for Skype for Business Server" / "Managing server-to-server authentication (OAuth) and partner applications in Lync Server 2013" (English text)
# Note: the URL is ex16's host with Autodiscover's service path; if Autodiscover answers on another name (autodiscover.<domain>), put that name here
Set-CsOAuthConfiguration -Identity Global -ExchangeAutodiscoverUrl 'https://mail.fabrikam.com/autodiscover/autodiscover.svc'

# --------------------------------------------------------------------------
# Step 4 of 5: Trusted application ex16
# Serves: trusted-applications of pool01; feature lync-presence
# Source: https://learn.microsoft.com/en-us/powershell/module/skype/New-CsTrustedApplicationPool
# Source: https://learn.microsoft.com/en-us/powershell/module/skype/New-CsTrustedApplication
# Source: https://technet.microsoft.com/library/JJ688055(v=OCS.15)
if (-not $LyncSiteId -or -not $OwaTrustedApplicationPort) {
    Write-Warning 'Step 4 skipped: fill in $LyncSiteId, $OwaTrustedApplicationPort at the top of the script.'
} else {
    $topologyChanged = $false
    if (-not (Get-CsTrustedApplicationPool -Identity 'mail.fabrikam.com' -ErrorAction SilentlyContinue)) {
        New-CsTrustedApplicationPool -Identity 'mail.fabrikam.com' -Registrar 'pool01.fabrikam.com' -Site $LyncSiteId -RequiresReplication $false
        $topologyChanged = $true
    }
    if (-not (Get-CsTrustedApplication -Identity 'mail.fabrikam.com/OutlookWebApp' -ErrorAction SilentlyContinue)) {
        New-CsTrustedApplication -ApplicationId 'OutlookWebApp' -TrustedApplicationPoolFqdn 'mail.fabrikam.com' -Port $OwaTrustedApplicationPort
        $topologyChanged = $true
    }
    if ($topologyChanged) {
        Enable-CsTopology
    } else {
        Write-Host 'Already configured: trusted application pool mail.fabrikam.com'
    }
}

# --------------------------------------------------------------------------
# Step 5 of 5: Trusted application exum
# Serves: trusted-applications of pool01
# Source: https://learn.microsoft.com/en-us/powershell/module/skype/New-CsTrustedApplicationPool
# Source: https://learn.microsoft.com/en-us/powershell/module/skype/New-CsTrustedApplication
# Source: https://technet.microsoft.com/library/JJ688055(v=OCS.15)
# Note: exum runs the UM Call Router and UM services on one computer with a SipName dial plan (um-same-computer): Lync finds it by itself, and no trusted application pool is made for it
