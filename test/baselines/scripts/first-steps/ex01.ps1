# Office Farm configuration script for Exchange ex01
# Run it in: Exchange Management Shell
# Made by office-farm script from first-steps.farm. Read it before you run it.
# Running it again is safe: each step looks before it changes anything.
#
# Unresolved in first-steps.farm (what they concern is left out, or marked TODO below):
#   7:13 error FARM204 ex01 trusts sp01 through its metadata endpoint http://portal.fabrikam.com/_layouts/15/metadata/json/1, which is not https: the signing certificate could be replaced in transit. Serve sp01 over https.
#   11:14 error FARM207 sp01 takes part in server-to-server authentication, and SharePoint's security token service refuses OAuth over http: serve the web application over https (or, in a test farm only, set allow-oauth-over-http = true after Set-SPSecurityTokenServiceConfig -AllowOAuthOverHttp).
#   15:9 error FARM201 Site mailboxes need sp01 to trust ex01: add ex01 to sp01's trusts (and configure ex01 as a trusted security token issuer on sp01).
#   15:9 error FARM302 Site mailboxes need the user-profile-sync service application on sp01, because site mailboxes rely on it: provision it and add user-profile-sync to sp01's services.
#   15:9 error FARM302 Site mailboxes need the app-management service application on sp01, because site mailboxes rely on it: provision it and add app-management to sp01's services.
#   15:9 error FARM303 Site mailboxes need sp01 on https, because site mailboxes need SSL in the default zone: bind a certificate and change its url to https.
#   15:9 error FARM304 Site mailboxes need ews-api = true on sp01, because SharePoint talks to the mailbox through the EWS Managed API: set ews-api = true once it is in place.
#   15:9 error FARM305 Site mailboxes need autodiscover = true on ex01, because SharePoint finds the site mailbox's Exchange through Autodiscover: set autodiscover = true once it is in place.
#
# Values the topology does not give: fill them in. A step that needs one is
# skipped, with a warning, while it is empty.
$SiteMailboxPolicyName = ''  # TODO: the name of ex01's default site mailbox provisioning policy (the topology's site-mailbox-policy is not set; Exchange names its default policy Default)

$ErrorActionPreference = 'Stop'

# --------------------------------------------------------------------------
# Step 1 of 2: Trust sp01 (SharePoint)
# Serves: trust ex01 -> sp01 (declared in ex01's trusts); feature site-mailboxes
# Source: https://learn.microsoft.com/en-us/Exchange/configure-oauth-authentication-with-sharepoint-2013-and-lync-2013-exchange-2013-help
if (-not (Get-PartnerApplication | Where-Object { $_.AuthMetadataUrl -eq 'http://portal.fabrikam.com/_layouts/15/metadata/json/1' })) {
    & (Join-Path $env:ExchangeInstallPath 'Scripts\Configure-EnterprisePartnerApplication.ps1') -AuthMetadataUrl 'http://portal.fabrikam.com/_layouts/15/metadata/json/1' -ApplicationType SharePoint
} else {
    Write-Host 'Already configured: partner application for http://portal.fabrikam.com/_layouts/15/metadata/json/1'
}

# --------------------------------------------------------------------------
# Step 2 of 2: Site mailbox provisioning policy
# Serves: feature site-mailboxes
# Source: https://learn.microsoft.com/en-us/powershell/module/exchangepowershell/Get-SiteMailboxProvisioningPolicy
# Source: https://learn.microsoft.com/fr-fr/powershell/module/exchange/New-SiteMailboxProvisioningPolicy
if (-not $SiteMailboxPolicyName) {
    Write-Warning 'Step 2 skipped: fill in $SiteMailboxPolicyName at the top of the script.'
} else {
    $policy = Get-SiteMailboxProvisioningPolicy -Identity $SiteMailboxPolicyName -ErrorAction SilentlyContinue
    if (-not $policy) {
        New-SiteMailboxProvisioningPolicy -Name $SiteMailboxPolicyName -IsDefault -AliasPrefix 'SM-'
    } elseif ($policy.AliasPrefix -ne 'SM-') {
        Write-Warning ('The policy exists with the alias prefix ' + $policy.AliasPrefix + '; the topology says ' + 'SM-')
    } else {
        Write-Host 'Already configured: site mailbox provisioning policy'
    }
}
