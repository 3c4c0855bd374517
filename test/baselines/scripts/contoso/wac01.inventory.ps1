# Office Farm inventory script for office-web-apps wac01: it only reads, it changes nothing.
# Run it in: Windows PowerShell on the Office Web Apps Server, as administrator
# Made by office-farm script --inventory from contoso.farm. It writes what the
# server has as JSON to wac01.inventory.json (or the file given with -OutFile); then compare:
#   office-farm drift contoso.farm wac01.inventory.json
param([string]$OutFile = 'wac01.inventory.json')

$ErrorActionPreference = 'Stop'
Import-Module OfficeWebApps
$inventory = [ordered]@{
    officeFarmInventory = 1
    server = 'wac01'
    kind = 'office-web-apps'
    computer = [string]$env:COMPUTERNAME
    farms = @(Get-OfficeWebAppsFarm -ErrorAction SilentlyContinue | ForEach-Object { [ordered]@{ internalUrl = [string]$_.InternalURL } })
}
$inventory | ConvertTo-Json -Depth 6 | Set-Content -LiteralPath $OutFile -Encoding UTF8
Write-Host ('Wrote ' + $OutFile)
