# Office Farm configuration script for Exchange ex01
# Run it in: Exchange Management Shell
# Made by office-farm script from hostile.farm. Read it before you run it.
# Running it again is safe: each step looks before it changes anything.
#
# Unresolved in hostile.farm (what they concern is left out, or marked TODO below):
#   13:12 error FARM209 sp01 takes part in server-to-server authentication, and SharePoint finds the user an incoming token speaks for in the User Profile service application: provision it, with current profiles, and add user-profile to sp01's services.
#   24:13 warning FARM316 Site mailbox projectx's address does not start with the prefix "SM-’$(Get-Date)'`t" of the site mailbox policy.

$ErrorActionPreference = 'Stop'

# --------------------------------------------------------------------------
# Step 1 of 2: Trust sp01 (SharePoint)
# Serves: trust ex01 -> sp01 (declared in ex01's trusts); feature site-mailboxes
# Source: https://learn.microsoft.com/en-us/Exchange/configure-oauth-authentication-with-sharepoint-2013-and-lync-2013-exchange-2013-help
if (-not (Get-PartnerApplication | Where-Object { $_.AuthMetadataUrl -eq 'https://intranet.contoso.com/sites/a''b$(c)`d’’e‘‘f‚‚g‛‛h/_layouts/15/metadata/json/1' })) {
    & (Join-Path $env:ExchangeInstallPath 'Scripts\Configure-EnterprisePartnerApplication.ps1') -AuthMetadataUrl 'https://intranet.contoso.com/sites/a''b$(c)`d’’e‘‘f‚‚g‛‛h/_layouts/15/metadata/json/1' -ApplicationType SharePoint
} else {
    Write-Host 'Already configured: partner application for https://intranet.contoso.com/sites/a''b$(c)`d’’e‘‘f‚‚g‛‛h/_layouts/15/metadata/json/1'
}

# --------------------------------------------------------------------------
# Step 2 of 2: Site mailbox provisioning policy
# Serves: feature site-mailboxes
# Source: https://learn.microsoft.com/en-us/powershell/module/exchangepowershell/Get-SiteMailboxProvisioningPolicy
# Source: https://learn.microsoft.com/fr-fr/powershell/module/exchange/New-SiteMailboxProvisioningPolicy
$policy = Get-SiteMailboxProvisioningPolicy -Identity 'Pol''icy
$(Remove-Item -Recurse C:\) `whoami` ‘‘q’’ ‚‚r‛‛' -ErrorAction SilentlyContinue
if (-not $policy) {
    New-SiteMailboxProvisioningPolicy -Name 'Pol''icy
$(Remove-Item -Recurse C:\) `whoami` ‘‘q’’ ‚‚r‛‛' -IsDefault -AliasPrefix 'SM-’’$(Get-Date)''`t'
} elseif ($policy.AliasPrefix -ne 'SM-’’$(Get-Date)''`t') {
    Write-Warning ('The policy exists with the alias prefix ' + $policy.AliasPrefix + '; the topology says ' + 'SM-’’$(Get-Date)''`t')
} else {
    Write-Host 'Already configured: site mailbox provisioning policy'
}
