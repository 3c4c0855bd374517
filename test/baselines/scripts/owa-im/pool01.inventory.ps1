# Office Farm inventory script for lync pool01: it only reads, it changes nothing.
# Run it in: Lync Server Management Shell
# Made by office-farm script --inventory from owa-im.farm. It writes what the
# server has as JSON to pool01.inventory.json (or the file given with -OutFile); then compare:
#   office-farm drift owa-im.farm pool01.inventory.json
param([string]$OutFile = 'pool01.inventory.json')

$ErrorActionPreference = 'Stop'
$inventory = [ordered]@{
    officeFarmInventory = 1
    server = 'pool01'
    kind = 'lync'
    computer = [string]$env:COMPUTERNAME
    version = [string](Get-CsServerVersion)
    trusts = @(Get-CsPartnerApplication | ForEach-Object { [ordered]@{ name = [string]$_.Identity; metadataUrl = [string]$_.MetadataUrl; applicationTrustLevel = [string]$_.ApplicationTrustLevel } })
    oauthTokenIssuerThumbprints = @(Get-CsCertificate -Type OAuthTokenIssuer -ErrorAction SilentlyContinue | ForEach-Object { [string]$_.Thumbprint })
    oauthConfiguration = @(Get-CsOAuthConfiguration | ForEach-Object { [ordered]@{ exchangeAutodiscoverUrl = [string]$_.ExchangeAutodiscoverUrl; realm = [string]$_.Realm } })
    trustedApplications = @(Get-CsTrustedApplication | ForEach-Object { [ordered]@{ identity = [string]$_.Identity; applicationId = [string]$_.ApplicationId; poolFqdn = [string]$_.TrustedApplicationPoolFqdn; port = [int]$_.Port } })
    userServicesPolicies = @(Get-CsUserServicesPolicy | ForEach-Object { [ordered]@{ identity = [string]$_.Identity; ucsAllowed = [bool]$_.UcsAllowed } })
}
$inventory | ConvertTo-Json -Depth 6 | Set-Content -LiteralPath $OutFile -Encoding UTF8
Write-Host ('Wrote ' + $OutFile)
