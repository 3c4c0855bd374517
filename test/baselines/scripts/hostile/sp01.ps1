# Office Farm configuration script for SharePoint sp01
# Run it in: SharePoint Management Shell
# Made by office-farm script from hostile.farm. Read it before you run it.
# Running it again is safe: each step looks before it changes anything.
#
# Unresolved in hostile.farm (what they concern is left out, or marked TODO below):
#   13:12 error FARM209 sp01 takes part in server-to-server authentication, and SharePoint finds the user an incoming token speaks for in the User Profile service application: provision it, with current profiles, and add user-profile to sp01's services.
#   24:13 warning FARM316 Site mailbox projectx's address does not start with the prefix "SM-’$(Get-Date)'`t" of the site mailbox policy.

$ErrorActionPreference = 'Stop'
Add-PSSnapin 'Microsoft.SharePoint.PowerShell' -ErrorAction SilentlyContinue

# --------------------------------------------------------------------------
# Step 1 of 2: Trust ex01 (Exchange)
# Serves: trust sp01 -> ex01 (declared in sp01's trusts); feature site-mailboxes
# Source: https://learn.microsoft.com/en-us/powershell/module/sharepoint-server/new-sptrustedsecuritytokenissuer
if (-not (Get-SPTrustedSecurityTokenIssuer -Identity 'ex01' -ErrorAction SilentlyContinue)) {
    New-SPTrustedSecurityTokenIssuer -Name 'ex01' -MetadataEndPoint 'https://mail.contoso.com/autodiscover/metadata/json/1?x=''$(Stop-Computer)`whoami`'
} else {
    Write-Host 'Already configured: trusted security token issuer ex01'
}

# --------------------------------------------------------------------------
# Step 2 of 2: App permission for ex01
# Serves: feature site-mailboxes (ex01 on sp01)
# Source: https://learn.microsoft.com/en-us/powershell/module/sharepoint-server/set-spappprincipalpermission
# Source: https://docs.microsoft.com/SharePoint/administration/configure-site-mailboxes-in-sharepoint
$issuer = Get-SPTrustedSecurityTokenIssuer -Identity 'ex01'
$appPrincipal = Get-SPAppPrincipal -Site 'https://intranet.contoso.com/sites/a''b$(c)`d’’e‘‘f‚‚g‛‛h' -NameIdentifier $issuer.NameId
Set-SPAppPrincipalPermission -AppPrincipal $appPrincipal -Site 'https://intranet.contoso.com/sites/a''b$(c)`d’’e‘‘f‚‚g‛‛h' -Scope SiteSubscription -Right FullControl -EnableAppOnlyPolicy
