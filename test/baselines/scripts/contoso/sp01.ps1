# Office Farm configuration script for SharePoint sp01
# Run it in: SharePoint Management Shell
# Made by office-farm script from contoso.farm. Read it before you run it.
# Running it again is safe: each step looks before it changes anything.
#
# contoso.farm has no unresolved errors or warnings.

$ErrorActionPreference = 'Stop'
Add-PSSnapin 'Microsoft.SharePoint.PowerShell' -ErrorAction SilentlyContinue

# --------------------------------------------------------------------------
# Step 1 of 6: Trust ex01 (Exchange)
# Serves: trust sp01 -> ex01 (declared in sp01's trusts); feature site-mailboxes
# Source: https://learn.microsoft.com/en-us/powershell/module/sharepoint-server/new-sptrustedsecuritytokenissuer
if (-not (Get-SPTrustedSecurityTokenIssuer -Identity 'ex01' -ErrorAction SilentlyContinue)) {
    New-SPTrustedSecurityTokenIssuer -Name 'ex01' -MetadataEndPoint 'https://mail.contoso.com/autodiscover/metadata/json/1'
} else {
    Write-Host 'Already configured: trusted security token issuer ex01'
}

# --------------------------------------------------------------------------
# Step 2 of 6: Trust lync01 (Lync)
# Serves: trust sp01 -> lync01 (declared in sp01's trusts)
# Source: https://learn.microsoft.com/en-us/powershell/module/sharepoint-server/new-sptrustedsecuritytokenissuer
if (-not (Get-SPTrustedSecurityTokenIssuer -Identity 'lync01' -ErrorAction SilentlyContinue)) {
    New-SPTrustedSecurityTokenIssuer -Name 'lync01' -MetadataEndPoint 'https://pool01.contoso.com/metadata/json/1'
} else {
    Write-Host 'Already configured: trusted security token issuer lync01'
}

# --------------------------------------------------------------------------
# Step 3 of 6: App permission for ex01
# Serves: feature site-mailboxes (ex01 on sp01)
# Source: https://learn.microsoft.com/en-us/powershell/module/sharepoint-server/set-spappprincipalpermission
# Source: https://docs.microsoft.com/SharePoint/administration/configure-site-mailboxes-in-sharepoint
$issuer = Get-SPTrustedSecurityTokenIssuer -Identity 'ex01'
$appPrincipal = Get-SPAppPrincipal -Site 'https://intranet.contoso.com' -NameIdentifier $issuer.NameId
Set-SPAppPrincipalPermission -AppPrincipal $appPrincipal -Site 'https://intranet.contoso.com' -Scope SiteSubscription -Right FullControl -EnableAppOnlyPolicy

# --------------------------------------------------------------------------
# Step 4 of 6: Photo sync with Exchange
# Serves: feature high-resolution-photos
# TODO: configure photo sync with Exchange ex01: Microsoft's poster says "Use Windows PowerShell to configure photo sync with Exchange" and names no cmdlet, and no page naming one was found

# --------------------------------------------------------------------------
# Step 5 of 6: Office Web Apps wac01
# Serves: office-web-apps wac01 hosts sp01
# Source: MicrosoftDocs/office-docs-powershell sharepoint/sharepoint-ps/sharepoint-server/Get-SPWOPIBinding.md (published address not found)
# Source: MicrosoftDocs/OfficeDocs-SharePoint, "New-SPWOPIBinding" (its syntax) and "Configure Office Web Apps for SharePoint 2013" (the sentence, translated from its German text; published address not found)
# Source: MicrosoftDocs/OfficeDocs-SharePoint, "Configure Office Online Server for SharePoint Server 2016" (published address not found)
if (-not (Get-SPWOPIBinding -Server 'wac.contoso.com' -ErrorAction SilentlyContinue)) {
    New-SPWOPIBinding -ServerName 'wac.contoso.com'
} else {
    Write-Host 'Already configured: WOPI bindings for wac.contoso.com'
}
Set-SPWOPIZone -zone 'internal-https'

# --------------------------------------------------------------------------
# Step 6 of 6: Library for meeting recordings
# Serves: feature meeting-recordings
# TODO: make sure the library https://intranet.contoso.com/sites/eng/Recordings exists and accepts large files; Microsoft's poster describes storing recordings in a SharePoint asset library and names no cmdlet for it
