# Office Farm configuration script for Lync lync01
# Run it in: Lync Server Management Shell
# Made by office-farm script from contoso.farm. Read it before you run it.
# Running it again is safe: each step looks before it changes anything.
#
# contoso.farm has no unresolved errors or warnings.
#
# Values the topology does not give: fill them in. A step that needs one is
# skipped, with a warning, while it is empty.
$LyncSiteId = ''  # TODO: the SiteID of the Lync site that hosts lync01 (Get-CsSite | Select-Object DisplayName, SiteID)
$OwaTrustedApplicationPort = ''  # TODO: a free port for the Outlook Web App trusted application (Microsoft's example uses 5199)

$ErrorActionPreference = 'Stop'

# --------------------------------------------------------------------------
# Step 1 of 7: OAuth token issuer certificate
# Serves: server-to-server authentication of lync01; oauth-certificate of lync01
# Source: https://learn.microsoft.com/en-ca/skypeforbusiness/manage/authentication/assign-a-server-to-server-certificate
# Source: https://learn.microsoft.com/en-us/powershell/module/skype/Set-CsCertificate
# Note: the same certificate must be the OAuthTokenIssuer certificate on every Front End Server of the pool: run this step on each
$assigned = Get-CsCertificate -Type OAuthTokenIssuer -ErrorAction SilentlyContinue
if (-not $assigned) {
    Set-CsCertificate -Type OAuthTokenIssuer -Thumbprint '9F8E7D6C5B4A39281706F5E4D3C2B1A098765432'
} elseif (@($assigned | Where-Object { $_.Thumbprint -eq '9F8E7D6C5B4A39281706F5E4D3C2B1A098765432' }).Count -eq 0) {
    Write-Warning ('Another OAuthTokenIssuer certificate is assigned (' + (@($assigned)[0].Thumbprint) + '); it is left as it is: replace it by hand, on every Front End Server')
} else {
    Write-Host 'Already configured: OAuthTokenIssuer certificate'
}

# --------------------------------------------------------------------------
# Step 2 of 7: Trust ex01 (Exchange)
# Serves: trust lync01 -> ex01 (declared in lync01's trusts); feature unified-contact-store
# Source: https://learn.microsoft.com/en-ie/powershell/module/skypeforbusiness/new-cspartnerapplication?view=skype-ps
# Source: https://learn.microsoft.com/ru-ru/skypeforbusiness/manage/authentication/configure-an-on-premises-partner-app
if (-not (Get-CsPartnerApplication | Where-Object { $_.MetadataUrl -eq 'https://mail.contoso.com/autodiscover/metadata/json/1' })) {
    New-CsPartnerApplication -Identity 'ex01' -MetadataUrl 'https://mail.contoso.com/autodiscover/metadata/json/1' -ApplicationTrustLevel Full
} else {
    Write-Host 'Already configured: partner application for https://mail.contoso.com/autodiscover/metadata/json/1'
}

# --------------------------------------------------------------------------
# Step 3 of 7: Trust sp01 (SharePoint)
# Serves: trust lync01 -> sp01 (declared in lync01's trusts)
# Source: https://learn.microsoft.com/en-ie/powershell/module/skypeforbusiness/new-cspartnerapplication?view=skype-ps
# Source: https://learn.microsoft.com/ru-ru/skypeforbusiness/manage/authentication/configure-an-on-premises-partner-app
if (-not (Get-CsPartnerApplication | Where-Object { $_.MetadataUrl -eq 'https://intranet.contoso.com/_layouts/15/metadata/json/1' })) {
    New-CsPartnerApplication -Identity 'sp01' -MetadataUrl 'https://intranet.contoso.com/_layouts/15/metadata/json/1' -ApplicationTrustLevel Full
} else {
    Write-Host 'Already configured: partner application for https://intranet.contoso.com/_layouts/15/metadata/json/1'
}

# --------------------------------------------------------------------------
# Step 4 of 7: Autodiscover of ex01
# Serves: feature high-resolution-photos; feature unified-contact-store; feature lync-presence; feature voicemail
# Source: https://learn.microsoft.com/en-us/powershell/module/skypeforbusiness/set-csoauthconfiguration?view=skype-ps
# Source: MicrosoftDocs/OfficeDocs-SkypeForBusiness, "Configure an on-premises partner application for Skype for Business Server" / "Managing server-to-server authentication (OAuth) and partner applications in Lync Server 2013" (English text)
# Note: the URL is ex01's host with Autodiscover's service path; if Autodiscover answers on another name (autodiscover.<domain>), put that name here
Set-CsOAuthConfiguration -Identity Global -ExchangeAutodiscoverUrl 'https://mail.contoso.com/autodiscover/autodiscover.svc'

# --------------------------------------------------------------------------
# Step 5 of 7: Trusted application ex01
# Serves: trusted-applications of lync01; feature lync-presence
# Source: https://learn.microsoft.com/en-us/powershell/module/skype/New-CsTrustedApplicationPool
# Source: https://learn.microsoft.com/en-us/powershell/module/skype/New-CsTrustedApplication
# Source: https://technet.microsoft.com/library/JJ688055(v=OCS.15)
if (-not $LyncSiteId -or -not $OwaTrustedApplicationPort) {
    Write-Warning 'Step 5 skipped: fill in $LyncSiteId, $OwaTrustedApplicationPort at the top of the script.'
} else {
    $topologyChanged = $false
    if (-not (Get-CsTrustedApplicationPool -Identity 'mail.contoso.com' -ErrorAction SilentlyContinue)) {
        New-CsTrustedApplicationPool -Identity 'mail.contoso.com' -Registrar 'pool01.contoso.com' -Site $LyncSiteId -RequiresReplication $false
        $topologyChanged = $true
    }
    if (-not (Get-CsTrustedApplication -Identity 'mail.contoso.com/OutlookWebApp' -ErrorAction SilentlyContinue)) {
        New-CsTrustedApplication -ApplicationId 'OutlookWebApp' -TrustedApplicationPoolFqdn 'mail.contoso.com' -Port $OwaTrustedApplicationPort
        $topologyChanged = $true
    }
    if ($topologyChanged) {
        Enable-CsTopology
    } else {
        Write-Host 'Already configured: trusted application pool mail.contoso.com'
    }
}

# --------------------------------------------------------------------------
# Step 6 of 7: Unified contact store
# Serves: feature unified-contact-store
# Source: MicrosoftDocs/OfficeDocs-SkypeForBusiness, "Configure Skype for Business Server to use the unified contact store" (published address not found)
# Source: Microsoft's accessible text of the poster "Feature Integration Across Microsoft Office Server Products" (published address not found)
if (-not ((Get-CsUserServicesPolicy -Identity Global).UcsAllowed)) {
    Set-CsUserServicesPolicy -Identity Global -UcsAllowed $true
} else {
    Write-Host 'Already configured: UcsAllowed in the global user services policy'
}

# --------------------------------------------------------------------------
# Step 7 of 7: OcsUmUtil.exe
# Serves: feature voicemail
# Source: MicrosoftDocs/OfficeDocs-SkypeForBusiness, the Lync Server 2013 Enterprise Voice deployment checklist and "OCSUmUtil" (published address not found)
# Note: OcsUmUtil.exe opens a window: load the data, then add a contact for each subscriber access and auto attendant number
& (Join-Path ${env:CommonProgramFiles} 'Lync Server 2013\Support\OcsUMUtil.exe')
