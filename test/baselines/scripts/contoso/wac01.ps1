# Office Farm configuration script for Office Web Apps wac01
# Run it in: Windows PowerShell on the Office Web Apps Server, as administrator
# Made by office-farm script from contoso.farm. Read it before you run it.
# Running it again is safe: each step looks before it changes anything.
#
# contoso.farm has no unresolved errors or warnings.
#
# Values the topology does not give: fill them in. A step that needs one is
# skipped, with a warning, while it is empty.
$WacCertificateName = ''  # TODO: the friendly name of the certificate for https://wac.contoso.com in the server's certificate store

$ErrorActionPreference = 'Stop'

# --------------------------------------------------------------------------
# Step 1 of 1: Office Web Apps farm
# Serves: office-web-apps wac01 for sp01, lync01
# Source: MicrosoftDocs/OfficeDocs-Exchange, "Install Office Online Server in an Exchange organization" (published address not found)
if (-not $WacCertificateName) {
    Write-Warning 'Step 1 skipped: fill in $WacCertificateName at the top of the script.'
} else {
    Import-Module OfficeWebApps
    if (-not (Get-OfficeWebAppsFarm -ErrorAction SilentlyContinue)) {
        New-OfficeWebAppsFarm -InternalUrl 'https://wac.contoso.com' -CertificateName $WacCertificateName
    } else {
        Write-Host 'Already configured: Office Web Apps farm'
    }
}
