// Read-only inventory scripts: one per server, collecting what the server
// really has (trusts, OAuth configuration, trusted applications, policies,
// its version) into one JSON file that `office-farm drift` reads back
// (inventory.ts states the shape). Nothing here changes a server: every
// cmdlet is a Get-. Values from the topology appear only as literals.
import type { Analysis } from '../analyze';
import type { Declaration } from '../model/types';
import { scriptServers } from './generate';
import { commentText, psLiteral } from './powershell-literal';
import type { GeneratedScript, ScriptServerKind } from './script-types';
import { shells } from './steps';

export const inventoryFormatVersion = 1;

/** What each kind of server is asked, as lines inside the inventory's `[ordered]@{ … }`. */
const collect: Record<ScriptServerKind, string[]> = {
  sharepoint: [
    'version = [string](Get-SPFarm).BuildVersion',
    'trusts = @(Get-SPTrustedSecurityTokenIssuer | ForEach-Object { [ordered]@{ name = [string]$_.Name; metadataUrl = [string]$_.MetadataEndPoint; registeredIssuerName = [string]$_.RegisteredIssuerName } })',
    'wopiBindings = @(Get-SPWOPIBinding | ForEach-Object { [string]$_.ServerName } | Sort-Object -Unique)',
  ],
  exchange: [
    'version = [string](Get-ExchangeServer -Identity $env:COMPUTERNAME).AdminDisplayVersion',
    'trusts = @(Get-PartnerApplication | ForEach-Object { [ordered]@{ name = [string]$_.Name; metadataUrl = [string]$_.AuthMetadataUrl; enabled = [bool]$_.Enabled } })',
    'owaVirtualDirectories = @(Get-OwaVirtualDirectory -Server $env:COMPUTERNAME | ForEach-Object { [ordered]@{ name = [string]$_.Name; instantMessagingEnabled = [bool]$_.InstantMessagingEnabled; instantMessagingType = [string]$_.InstantMessagingType } })',
  ],
  lync: [
    'version = [string](Get-CsServerVersion)',
    'trusts = @(Get-CsPartnerApplication | ForEach-Object { [ordered]@{ name = [string]$_.Identity; metadataUrl = [string]$_.MetadataUrl; applicationTrustLevel = [string]$_.ApplicationTrustLevel } })',
    'oauthTokenIssuerThumbprints = @(Get-CsCertificate -Type OAuthTokenIssuer -ErrorAction SilentlyContinue | ForEach-Object { [string]$_.Thumbprint })',
    'oauthConfiguration = @(Get-CsOAuthConfiguration | ForEach-Object { [ordered]@{ exchangeAutodiscoverUrl = [string]$_.ExchangeAutodiscoverUrl; realm = [string]$_.Realm } })',
    'trustedApplications = @(Get-CsTrustedApplication | ForEach-Object { [ordered]@{ identity = [string]$_.Identity; applicationId = [string]$_.ApplicationId; poolFqdn = [string]$_.TrustedApplicationPoolFqdn; port = [int]$_.Port } })',
    'userServicesPolicies = @(Get-CsUserServicesPolicy | ForEach-Object { [ordered]@{ identity = [string]$_.Identity; ucsAllowed = [bool]$_.UcsAllowed } })',
  ],
  'office-web-apps': [
    'farms = @(Get-OfficeWebAppsFarm -ErrorAction SilentlyContinue | ForEach-Object { [ordered]@{ internalUrl = [string]$_.InternalURL } })',
  ],
};

const prologue: Record<ScriptServerKind, string[]> = {
  sharepoint: shells.sharepoint.prologue,
  exchange: [],
  lync: [],
  'office-web-apps': ['Import-Module OfficeWebApps'],
};

export function generateInventoryScripts(analysis: Analysis, options: { file: string }): GeneratedScript[] {
  return scriptServers(analysis).map((server) => generateInventoryScript(server, options));
}

export function generateInventoryScript(server: Declaration, options: { file: string }): GeneratedScript {
  const kind = server.kind as ScriptServerKind;
  const output = `${server.name}.inventory.json`;
  const text = [
    `# Office Farm inventory script for ${server.kind} ${server.name}: it only reads, it changes nothing.`,
    `# Run it in: ${shells[kind].shell}`,
    `# Made by office-farm script --inventory from ${commentText(options.file)}. It writes what the`,
    `# server has as JSON to ${output} (or the file given with -OutFile); then compare:`,
    `#   office-farm drift ${commentText(options.file)} ${output}`,
    `param([string]$OutFile = ${psLiteral(output)})`,
    '',
    "$ErrorActionPreference = 'Stop'",
    ...prologue[kind],
    '$inventory = [ordered]@{',
    `    officeFarmInventory = ${inventoryFormatVersion}`,
    `    server = ${psLiteral(server.name)}`,
    `    kind = ${psLiteral(server.kind)}`,
    '    computer = [string]$env:COMPUTERNAME',
    ...collect[kind].map((l) => `    ${l}`),
    '}',
    '$inventory | ConvertTo-Json -Depth 6 | Set-Content -LiteralPath $OutFile -Encoding UTF8',
    "Write-Host ('Wrote ' + $OutFile)",
  ].join('\n');
  return { server: server.name, kind, fileName: `${server.name}.inventory.ps1`, text: text + '\n' };
}
