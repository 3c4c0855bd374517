# Office Farm configuration script for SharePoint sp01
# Run it in: SharePoint Management Shell
# Made by office-farm script from wac-http.farm. Read it before you run it.
# Running it again is safe: each step looks before it changes anything.
#
# Unresolved in wac-http.farm (what they concern is left out, or marked TODO below):
#   10:11 warning FARM315 Office Web Apps farm wac01 is served over http: WOPI requests carry access tokens, so bind a certificate and switch its url to https.

$ErrorActionPreference = 'Stop'
Add-PSSnapin 'Microsoft.SharePoint.PowerShell' -ErrorAction SilentlyContinue

# --------------------------------------------------------------------------
# Step 1 of 1: Office Web Apps wac01
# Serves: office-web-apps wac01 hosts sp01
# Source: MicrosoftDocs/office-docs-powershell sharepoint/sharepoint-ps/sharepoint-server/Get-SPWOPIBinding.md (published address not found)
# Source: MicrosoftDocs/OfficeDocs-SharePoint, "New-SPWOPIBinding" (its syntax) and "Configure Office Web Apps for SharePoint 2013" (the sentence, translated from its German text; published address not found)
# Source: MicrosoftDocs/OfficeDocs-SharePoint, "Configure Office Online Server for SharePoint Server 2016" (published address not found)
# Note: the Office Web Apps farm is on http: OAuth over http is allowed above, as the topology says (allow-oauth-over-http), which Microsoft describes for test environments only
if (-not (Get-SPWOPIBinding -Server 'wac.fabrikam.test' -ErrorAction SilentlyContinue)) {
    New-SPWOPIBinding -ServerName 'wac.fabrikam.test' -AllowHTTP
} else {
    Write-Host 'Already configured: WOPI bindings for wac.fabrikam.test'
}
Set-SPWOPIZone -zone 'internal-http'
$stsConfig = Get-SPSecurityTokenServiceConfig
$stsConfig.AllowOAuthOverHttp = $true
$stsConfig.Update()
