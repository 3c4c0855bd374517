# Office Farm inventory script for exchange exum: it only reads, it changes nothing.
# Run it in: Exchange Management Shell
# Made by office-farm script --inventory from owa-im.farm. It writes what the
# server has as JSON to exum.inventory.json (or the file given with -OutFile); then compare:
#   office-farm drift owa-im.farm exum.inventory.json
param([string]$OutFile = 'exum.inventory.json')

$ErrorActionPreference = 'Stop'
$inventory = [ordered]@{
    officeFarmInventory = 1
    server = 'exum'
    kind = 'exchange'
    computer = [string]$env:COMPUTERNAME
    version = [string](Get-ExchangeServer -Identity $env:COMPUTERNAME).AdminDisplayVersion
    trusts = @(Get-PartnerApplication | ForEach-Object { [ordered]@{ name = [string]$_.Name; metadataUrl = [string]$_.AuthMetadataUrl; enabled = [bool]$_.Enabled } })
    owaVirtualDirectories = @(Get-OwaVirtualDirectory -Server $env:COMPUTERNAME | ForEach-Object { [ordered]@{ name = [string]$_.Name; instantMessagingEnabled = [bool]$_.InstantMessagingEnabled; instantMessagingType = [string]$_.InstantMessagingType } })
}
$inventory | ConvertTo-Json -Depth 6 | Set-Content -LiteralPath $OutFile -Encoding UTF8
Write-Host ('Wrote ' + $OutFile)
