# Office Farm configuration script for Office Web Apps wac01
# Run it in: Windows PowerShell on the Office Web Apps Server, as administrator
# Made by office-farm script from wac-http.farm. Read it before you run it.
# Running it again is safe: each step looks before it changes anything.
#
# Unresolved in wac-http.farm (what they concern is left out, or marked TODO below):
#   10:11 warning FARM315 Office Web Apps farm wac01 is served over http: WOPI requests carry access tokens, so bind a certificate and switch its url to https.

$ErrorActionPreference = 'Stop'

# --------------------------------------------------------------------------
# Step 1 of 1: Office Web Apps farm
# Serves: office-web-apps wac01 for sp01
# Source: MicrosoftDocs/OfficeDocs-Exchange, "Install Office Online Server in an Exchange organization" (published address not found)
# Note: the farm is served over http: Microsoft recommends https wherever there is real user data (FARM315)
Import-Module OfficeWebApps
if (-not (Get-OfficeWebAppsFarm -ErrorAction SilentlyContinue)) {
    New-OfficeWebAppsFarm -InternalUrl 'http://wac.fabrikam.test' -AllowHttp
} else {
    Write-Host 'Already configured: Office Web Apps farm'
}
