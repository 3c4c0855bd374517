# Office Farm configuration script for Exchange ex01
# Run it in: Exchange Management Shell
# Made by office-farm script from contoso.farm. Read it before you run it.
# Running it again is safe: each step looks before it changes anything.
#
# contoso.farm has no unresolved errors or warnings.
#
# Values the topology does not give: fill them in. A step that needs one is
# skipped, with a warning, while it is empty.
$UMDialPlanName = ''  # TODO: the name of the UM dial plan for Lync calls (the topology does not name one)
$UMExtensionDigits = ''  # TODO: how many digits the extension numbers of the dial plan have

$ErrorActionPreference = 'Stop'

# --------------------------------------------------------------------------
# Step 1 of 7: Trust sp01 (SharePoint)
# Serves: trust ex01 -> sp01 (declared in ex01's trusts); feature high-resolution-photos; feature site-mailboxes; feature task-sync; feature ediscovery
# Source: https://learn.microsoft.com/en-us/Exchange/configure-oauth-authentication-with-sharepoint-2013-and-lync-2013-exchange-2013-help
if (-not (Get-PartnerApplication | Where-Object { $_.AuthMetadataUrl -eq 'https://intranet.contoso.com/_layouts/15/metadata/json/1' })) {
    & (Join-Path $env:ExchangeInstallPath 'Scripts\Configure-EnterprisePartnerApplication.ps1') -AuthMetadataUrl 'https://intranet.contoso.com/_layouts/15/metadata/json/1' -ApplicationType SharePoint
} else {
    Write-Host 'Already configured: partner application for https://intranet.contoso.com/_layouts/15/metadata/json/1'
}

# --------------------------------------------------------------------------
# Step 2 of 7: Trust lync01 (Lync)
# Serves: trust ex01 -> lync01 (declared in ex01's trusts); feature high-resolution-photos; feature unified-contact-store
# Source: https://learn.microsoft.com/en-us/Exchange/configure-oauth-authentication-with-sharepoint-2013-and-lync-2013-exchange-2013-help
if (-not (Get-PartnerApplication | Where-Object { $_.AuthMetadataUrl -eq 'https://pool01.contoso.com/metadata/json/1' })) {
    & (Join-Path $env:ExchangeInstallPath 'Scripts\Configure-EnterprisePartnerApplication.ps1') -AuthMetadataUrl 'https://pool01.contoso.com/metadata/json/1' -ApplicationType Lync
} else {
    Write-Host 'Already configured: partner application for https://pool01.contoso.com/metadata/json/1'
}

# --------------------------------------------------------------------------
# Step 3 of 7: Site mailbox provisioning policy
# Serves: feature site-mailboxes
# Source: https://learn.microsoft.com/en-us/powershell/module/exchangepowershell/Get-SiteMailboxProvisioningPolicy
# Source: https://learn.microsoft.com/fr-fr/powershell/module/exchange/New-SiteMailboxProvisioningPolicy
$policy = Get-SiteMailboxProvisioningPolicy -Identity 'Default' -ErrorAction SilentlyContinue
if (-not $policy) {
    New-SiteMailboxProvisioningPolicy -Name 'Default' -IsDefault -AliasPrefix 'SMO-'
} elseif ($policy.AliasPrefix -ne 'SMO-') {
    Write-Warning ('The policy exists with the alias prefix ' + $policy.AliasPrefix + '; the topology says ' + 'SMO-')
} else {
    Write-Host 'Already configured: site mailbox provisioning policy'
}

# --------------------------------------------------------------------------
# Step 4 of 7: Instant messaging with lync01 in Outlook Web App
# Serves: owa-im of ex01; feature lync-presence
# Source: https://technet.microsoft.com/library/JJ688055(v=OCS.15)
# Source: https://github.com/MicrosoftDocs/office-docs-powershell/blob/master/exchange/exchange-ps/exchange/Set-OwaVirtualDirectory.md
Get-OwaVirtualDirectory -Server $env:COMPUTERNAME | Set-OwaVirtualDirectory -InstantMessagingEnabled $true -InstantMessagingType Ocs

# --------------------------------------------------------------------------
# Step 5 of 7: IM settings in web.config
# Serves: owa-im of ex01; feature lync-presence
# Source: https://technet.microsoft.com/library/JJ688055(v=OCS.15)
$webConfig = Join-Path $env:ExchangeInstallPath 'ClientAccess\Owa\web.config'
[xml]$config = Get-Content -LiteralPath $webConfig -Raw
$appSettings = $config.configuration.appSettings
foreach ($pair in @(@('IMCertificateThumbprint', 'EA5A332496CC05DA69B75B66111C0F78A110D22D'), @('IMServerName', 'pool01.contoso.com'))) {
    $entry = @($appSettings.add | Where-Object { $_.key -eq $pair[0] })[0]
    if (-not $entry) {
        $entry = $config.CreateElement('add')
        $entry.SetAttribute('key', $pair[0])
        [void]$appSettings.AppendChild($entry)
    }
    $entry.SetAttribute('value', $pair[1])
}
$config.Save($webConfig)

# --------------------------------------------------------------------------
# Step 6 of 7: Unified Messaging dial plan
# Serves: feature voicemail
# Source: MicrosoftDocs/office-docs-powershell exchange/exchange-ps/exchange/New-UMDialPlan.md (published address not found)
if (-not $UMDialPlanName -or -not $UMExtensionDigits) {
    Write-Warning 'Step 6 skipped: fill in $UMDialPlanName, $UMExtensionDigits at the top of the script.'
} else {
    if (-not (Get-UMDialPlan -Identity $UMDialPlanName -ErrorAction SilentlyContinue)) {
        New-UMDialPlan -Name $UMDialPlanName -URIType SipName -NumberOfDigitsInExtension $UMExtensionDigits
    } else {
        Write-Host 'Already configured: UM dial plan'
    }
}

# --------------------------------------------------------------------------
# Step 7 of 7: ExchUcUtil.ps1
# Serves: feature voicemail
# Source: MicrosoftDocs/OfficeDocs-SkypeForBusiness, "Configure Unified Messaging on Microsoft Exchange for Lync Server 2013" (published address not found)
# TODO: then restart the Lync Server Front-End service (rtcsrv.exe) on lync01, as Microsoft's page says
& (Join-Path $env:ExchangeInstallPath 'Scripts\ExchUcUtil.ps1')
