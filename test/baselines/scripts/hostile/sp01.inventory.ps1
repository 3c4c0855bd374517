# Office Farm inventory script for sharepoint sp01: it only reads, it changes nothing.
# Run it in: SharePoint Management Shell
# Made by office-farm script --inventory from hostile.farm. It writes what the
# server has as JSON to sp01.inventory.json (or the file given with -OutFile); then compare:
#   office-farm drift hostile.farm sp01.inventory.json
param([string]$OutFile = 'sp01.inventory.json')

$ErrorActionPreference = 'Stop'
Add-PSSnapin 'Microsoft.SharePoint.PowerShell' -ErrorAction SilentlyContinue
$inventory = [ordered]@{
    officeFarmInventory = 1
    server = 'sp01'
    kind = 'sharepoint'
    computer = [string]$env:COMPUTERNAME
    version = [string](Get-SPFarm).BuildVersion
    trusts = @(Get-SPTrustedSecurityTokenIssuer | ForEach-Object { [ordered]@{ name = [string]$_.Name; metadataUrl = [string]$_.MetadataEndPoint; registeredIssuerName = [string]$_.RegisteredIssuerName } })
    wopiBindings = @(Get-SPWOPIBinding | ForEach-Object { [string]$_.ServerName } | Sort-Object -Unique)
}
$inventory | ConvertTo-Json -Depth 6 | Set-Content -LiteralPath $OutFile -Encoding UTF8
Write-Host ('Wrote ' + $OutFile)
