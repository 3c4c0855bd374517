# Office Farm configuration script for Exchange ex16
# Run it in: Exchange Management Shell
# Made by office-farm script from owa-im.farm. Read it before you run it.
# Running it again is safe: each step looks before it changes anything.
#
# Unresolved in owa-im.farm (what they concern is left out, or marked TODO below):
#   30:9 error FARM326 Lync presence between Lync Server 2013 (pool01) and Exchange Server 2016 (ex16) is not supported: IM integration between Lync Server 2013 and Exchange 2016 or later is not supported (use Skype for Business Server 2015 or later).

$ErrorActionPreference = 'Stop'

# --------------------------------------------------------------------------
# Step 1 of 3: Trust pool01 (Lync)
# Serves: trust ex16 -> pool01 (declared in ex16's trusts)
# Source: https://learn.microsoft.com/en-us/Exchange/configure-oauth-authentication-with-sharepoint-2013-and-lync-2013-exchange-2013-help
if (-not (Get-PartnerApplication | Where-Object { $_.AuthMetadataUrl -eq 'https://pool01.fabrikam.com/metadata/json/1' })) {
    & (Join-Path $env:ExchangeInstallPath 'Scripts\Configure-EnterprisePartnerApplication.ps1') -AuthMetadataUrl 'https://pool01.fabrikam.com/metadata/json/1' -ApplicationType Lync
} else {
    Write-Host 'Already configured: partner application for https://pool01.fabrikam.com/metadata/json/1'
}

# --------------------------------------------------------------------------
# Step 2 of 3: Instant messaging with pool01 in Outlook Web App
# Serves: owa-im of ex16; feature lync-presence
# Source: https://technet.microsoft.com/library/JJ688055(v=OCS.15)
# Source: https://github.com/MicrosoftDocs/office-docs-powershell/blob/master/exchange/exchange-ps/exchange/Set-OwaVirtualDirectory.md
Get-OwaVirtualDirectory -Server $env:COMPUTERNAME | Set-OwaVirtualDirectory -InstantMessagingEnabled $true -InstantMessagingType Ocs

# --------------------------------------------------------------------------
# Step 3 of 3: IM settings override
# Serves: owa-im of ex16; feature lync-presence
# Source: https://technet.microsoft.com/ja-jp/library/mt607043(v=exchg.160).aspx
if (-not (Get-SettingOverride -Identity 'Office Farm IM integration with pool01' -ErrorAction SilentlyContinue)) {
    New-SettingOverride -Name 'Office Farm IM integration with pool01' -Component OwaServer -Section IMSettings -Parameters @('IMServerName=pool01.fabrikam.com', ('IMCertificateThumbprint=' + 'CDF34A740E9D225A1A06193A9D44B2CE22775308')) -Reason 'Lync presence in Outlook on the web'
} else {
    Write-Host 'Already configured: IM settings override'
}
