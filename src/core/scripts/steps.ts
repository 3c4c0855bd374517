// The step table: one row per configuration step, in the order an
// administrator runs them on each kind of server. A row says which server
// runs it, what it is for, how it avoids doing a thing twice, and what it
// rests on (step-sources.ts); its `build` reads the model and gives the
// step's instances for one server, or none where the topology asks for
// nothing. Every value comes from the model through `psLiteral`; what the
// topology does not say is a Todo (a variable declared empty at the top of
// the script) or a note, never a guess.
import type { Role } from '../language/features';
import { boundList, flagOf, membersOf, metadataEndpoint, roleTarget, stringOf, trustsOf, valueOf, versionOf } from '../model/effective';
import type { Declaration, FarmModel, FeatureInstance } from '../model/types';
import { scriptIndex } from './model-index';
import { psLiteral } from './powershell-literal';
import { stepSources } from './step-sources';
import type { ScriptServerKind, StepInstance, StepSpec, Todo } from './script-types';

export interface StepRow extends StepSpec {
  build(server: Declaration, model: FarmModel): StepInstance[];
}

const kindTitle: Record<string, string> = { exchange: 'Exchange', sharepoint: 'SharePoint', lync: 'Lync', 'office-web-apps': 'Office Web Apps', project: 'Project Server' };

/** The features in which `server` plays `role`, in source order. */
export function featuresWith(model: FarmModel, role: Role, server: Declaration): FeatureInstance[] {
  const index = scriptIndex(model);
  const mine = index.featuresOf(server);
  index.counter?.add('script index reads', mine.length);
  return mine.filter((f) => roleTarget(f, role) === server);
}

/** The first office-web-apps declarations that host `server`. */
function hostsOf(model: FarmModel, server: Declaration): readonly Declaration[] {
  const index = scriptIndex(model);
  const hosts = index.hostsOf(server);
  index.counter?.add('script index reads', hosts.length);
  return hosts;
}

/** The features whose table row asks `truster` (in its role) to trust `trusted` (in its role). */
function featuresNeedingTrust(model: FarmModel, truster: Declaration, trusted: Declaration): string[] {
  const out: string[] = [];
  const index = scriptIndex(model);
  const mine = index.featuresOf(truster);
  index.counter?.add('script index reads', mine.length);
  // Only features in which the truster plays a role can ask it to trust anyone.
  for (const f of mine) {
    if (!f.spec) continue;
    const needs = f.spec.trusts.some((t) => t.truster === truster.kind && t.trusted === trusted.kind && roleTarget(f, t.truster) === truster && roleTarget(f, t.trusted) === trusted);
    if (needs && !out.includes(f.spec.id)) out.push(f.spec.id);
  }
  return out;
}

/** The Lync pool Outlook Web App signs users in to: im-server, else the lync-presence feature's pool. */
export function imServerOf(model: FarmModel, exchange: Declaration): Declaration | undefined {
  const written = valueOf(exchange, 'im-server');
  if (written && typeof written === 'object' && !Array.isArray(written) && written.kind === 'lync') return written;
  return featuresWith(model, 'exchange', exchange).filter((f) => f.spec!.id === 'lync-presence').map((f) => roleTarget(f, 'lync')).find((l): l is Declaration => !!l);
}

/** Whether Outlook Web App of `exchange` is to show Lync IM and presence: owa-im, or the lync-presence feature. */
export function wantsOwaIm(model: FarmModel, exchange: Declaration): boolean {
  return flagOf(exchange, 'owa-im') || featuresWith(model, 'exchange', exchange).some((f) => f.spec!.id === 'lync-presence' && roleTarget(f, 'lync'));
}

/** The Exchange servers that are to be trusted applications of `lync`: its trusted-applications, and the lync-presence feature's. */
export function trustedApplicationsOf(model: FarmModel, lync: Declaration): Declaration[] {
  const out: Declaration[] = [];
  for (const b of boundList(lync, 'trusted-applications') ?? []) if (b && typeof b === 'object' && !Array.isArray(b) && !out.includes(b)) out.push(b);
  for (const f of featuresWith(model, 'lync', lync)) {
    const exchange = f.spec!.id === 'lync-presence' ? roleTarget(f, 'exchange') : undefined;
    if (exchange && !out.includes(exchange)) out.push(exchange);
  }
  return out;
}

const imServes = (model: FarmModel, exchange: Declaration): string[] => [
  ...(flagOf(exchange, 'owa-im') ? [`owa-im of ${exchange.name}`] : []),
  ...(featuresWith(model, 'exchange', exchange).some((f) => f.spec!.id === 'lync-presence') ? ['feature lync-presence'] : []),
];

function hostOfUrl(url: string): string | undefined {
  const m = /^[a-z]+:\/\/([^/:?#]+)/i.exec(url);
  return m?.[1];
}

const instance = (step: string, title: string, serves: string[], lines: string[], todos: Todo[] = [], notes: string[] = [], remarks: string[] = []): StepInstance => ({ step, title, serves, lines, todos, notes, remarks });

/** `if (-not (check)) { create } else { say it is there }`: how most steps stay idempotent. */
function unlessPresent(check: string, create: string[], present: string): string[] {
  return [`if (-not (${check})) {`, ...create.map((l) => `    ${l}`), '} else {', `    Write-Host ${psLiteral(`Already configured: ${present}`)}`, '}'];
}

const trustServes = (truster: Declaration, trusted: Declaration, model: FarmModel): string[] => [
  `trust ${truster.name} -> ${trusted.name} (declared in ${truster.name}'s trusts)`,
  ...featuresNeedingTrust(model, truster, trusted).map((id) => `feature ${id}`),
];

/** A note for a trusted server whose metadata endpoint the topology cannot give. */
const noEndpoint = (t: Declaration): string => `the S2S metadata endpoint of ${t.name} is unknown (its host, url or metadata is missing or not valid): correct the topology, then generate again`;

function row(spec: Omit<StepRow, 'sources'>): StepRow {
  return { ...spec, sources: stepSources[spec.id] ?? [] };
}

export const steps: StepRow[] = [
  // SharePoint Management Shell
  row({
    id: 'sharepoint-trust',
    kind: 'sharepoint',
    title: 'Trust a server\'s S2S tokens (trusted security token issuer)',
    idempotence: 'Get-SPTrustedSecurityTokenIssuer -Identity NAME first; created only when absent.',
    build(server, model) {
      return trustsOf(server).map((t) => {
        const endpoint = metadataEndpoint(t);
        const title = `Trust ${t.name} (${kindTitle[t.kind]})`;
        if (!endpoint) return instance('sharepoint-trust', title, trustServes(server, t, model), [], [], [noEndpoint(t)]);
        return instance('sharepoint-trust', title, trustServes(server, t, model), unlessPresent(
          `Get-SPTrustedSecurityTokenIssuer -Identity ${psLiteral(t.name)} -ErrorAction SilentlyContinue`,
          [`New-SPTrustedSecurityTokenIssuer -Name ${psLiteral(t.name)} -MetadataEndPoint ${psLiteral(endpoint.url)}`],
          `trusted security token issuer ${t.name}`,
        ));
      });
    },
  }),
  row({
    id: 'sharepoint-app-permission',
    kind: 'sharepoint',
    title: 'Grant Exchange full control with the app-only policy (site mailboxes)',
    idempotence: 'Set-SPAppPrincipalPermission sets the permission; setting the same one again changes nothing.',
    build(server, model) {
      const url = stringOf(server, 'url');
      const out: StepInstance[] = [];
      const done = new Set<Declaration>();
      for (const f of featuresWith(model, 'sharepoint', server)) {
        if (f.spec!.id !== 'site-mailboxes') continue;
        const exchange = roleTarget(f, 'exchange');
        if (!exchange || done.has(exchange) || !trustsOf(server).includes(exchange)) continue;
        done.add(exchange);
        const serves = [`feature site-mailboxes (${exchange.name} on ${server.name})`];
        if (!url) {
          out.push(instance('sharepoint-app-permission', `App permission for ${exchange.name}`, serves, [], [], [`the url of ${server.name} is missing or not valid: correct the topology, then generate again`]));
          continue;
        }
        out.push(instance('sharepoint-app-permission', `App permission for ${exchange.name}`, serves, [
          `$issuer = Get-SPTrustedSecurityTokenIssuer -Identity ${psLiteral(exchange.name)}`,
          `$appPrincipal = Get-SPAppPrincipal -Site ${psLiteral(url)} -NameIdentifier $issuer.NameId`,
          `Set-SPAppPrincipalPermission -AppPrincipal $appPrincipal -Site ${psLiteral(url)} -Scope SiteSubscription -Right FullControl -EnableAppOnlyPolicy`,
        ]));
      }
      return out;
    },
  }),
  row({
    id: 'sharepoint-photo-sync',
    kind: 'sharepoint',
    title: 'Photo sync with Exchange (high-resolution photos)',
    idempotence: 'Not scripted: a TODO only.',
    build(server, model) {
      return featuresWith(model, 'sharepoint', server)
        .filter((f) => f.spec!.id === 'high-resolution-photos')
        .slice(0, 1)
        .map((f) => {
          const exchange = roleTarget(f, 'exchange');
          return instance('sharepoint-photo-sync', 'Photo sync with Exchange', ['feature high-resolution-photos'], [], [], [
            `configure photo sync with Exchange${exchange ? ` ${exchange.name}` : ''}: Microsoft's poster says "Use Windows PowerShell to configure photo sync with Exchange" and names no cmdlet, and no page naming one was found`,
          ]);
        });
    },
  }),
  row({
    id: 'sharepoint-wopi',
    kind: 'sharepoint',
    title: 'Bind Office Web Apps (WOPI binding and zone)',
    idempotence: 'Get-SPWOPIBinding -Server HOST first; the binding is created only when absent; Set-SPWOPIZone sets the zone.',
    build(server, model) {
      return hostsOf(model, server)
        .map((w) => {
          const url = stringOf(w, 'url');
          const host = url ? hostOfUrl(url) : undefined;
          const title = `Office Web Apps ${w.name}`;
          if (!url || !host) return instance('sharepoint-wopi', title, [`office-web-apps ${w.name} hosts ${server.name}`], [], [], [`the url of ${w.name} is missing or not valid: correct the topology, then generate again`]);
          const http = /^http:/i.test(url);
          return instance('sharepoint-wopi', title, [`office-web-apps ${w.name} hosts ${server.name}`], [
            ...unlessPresent(`Get-SPWOPIBinding -Server ${psLiteral(host)} -ErrorAction SilentlyContinue`, [`New-SPWOPIBinding -ServerName ${psLiteral(host)}${http ? ' -AllowHTTP' : ''}`], `WOPI bindings for ${host}`),
            `Set-SPWOPIZone -zone ${psLiteral(http ? 'internal-http' : 'internal-https')}`,
            ...(http && flagOf(server, 'allow-oauth-over-http') ? ['$stsConfig = Get-SPSecurityTokenServiceConfig', '$stsConfig.AllowOAuthOverHttp = $true', '$stsConfig.Update()'] : []),
          ], [], http && !flagOf(server, 'allow-oauth-over-http') ? [`the Office Web Apps farm is on http: SharePoint must then allow OAuth over http, for a test environment only (write allow-oauth-over-http = true on ${server.name}), or serve ${w.name} over https (FARM315)`] : [],
          http && flagOf(server, 'allow-oauth-over-http') ? ['the Office Web Apps farm is on http: OAuth over http is allowed above, as the topology says (allow-oauth-over-http), which Microsoft describes for test environments only'] : []);
        });
    },
  }),
  row({
    id: 'sharepoint-recordings',
    kind: 'sharepoint',
    title: 'Library for meeting recordings',
    idempotence: 'Not scripted: a TODO only.',
    build(server, model) {
      return featuresWith(model, 'sharepoint', server)
        .filter((f) => f.spec!.id === 'meeting-recordings')
        .map((f) => {
          const written = valueOf(f, 'library');
          const library = typeof written === 'string' ? written : undefined;
          return instance('sharepoint-recordings', 'Library for meeting recordings', ['feature meeting-recordings'], [], [], [
            `make sure the library ${library ?? '(library not given)'} exists and accepts large files; Microsoft's poster describes storing recordings in a SharePoint asset library and names no cmdlet for it`,
          ]);
        });
    },
  }),

  // Exchange Management Shell
  row({
    id: 'exchange-partner',
    kind: 'exchange',
    title: 'Trust a server\'s S2S tokens (partner application)',
    idempotence: 'Get-PartnerApplication, looking for the same AuthMetadataUrl; the script runs only when none has it.',
    build(server, model) {
      return trustsOf(server).map((t) => {
        const endpoint = metadataEndpoint(t);
        const title = `Trust ${t.name} (${kindTitle[t.kind]})`;
        const serves = trustServes(server, t, model);
        if (t.kind !== 'sharepoint' && t.kind !== 'lync') {
          return instance('exchange-partner', title, serves, [], [], [`Configure-EnterprisePartnerApplication.ps1 takes -ApplicationType SharePoint or Lync: trusting ${kindTitle[t.kind]} ${t.name} is not scripted`]);
        }
        if (!endpoint) return instance('exchange-partner', title, serves, [], [], [noEndpoint(t)]);
        return instance('exchange-partner', title, serves, unlessPresent(
          `Get-PartnerApplication | Where-Object { $_.AuthMetadataUrl -eq ${psLiteral(endpoint.url)} }`,
          [`& (Join-Path $env:ExchangeInstallPath 'Scripts\\Configure-EnterprisePartnerApplication.ps1') -AuthMetadataUrl ${psLiteral(endpoint.url)} -ApplicationType ${t.kind === 'sharepoint' ? 'SharePoint' : 'Lync'}`],
          `partner application for ${endpoint.url}`,
        ));
      });
    },
  }),
  row({
    id: 'exchange-site-mailbox-policy',
    kind: 'exchange',
    title: 'Site mailbox provisioning policy',
    idempotence: 'Get-SiteMailboxProvisioningPolicy -Identity NAME first; created only when absent; a different prefix on an existing policy is reported, not changed.',
    build(server, model) {
      const f = featuresWith(model, 'exchange', server).find((x) => x.spec!.id === 'site-mailboxes');
      if (!f) return [];
      const written = stringOf(server, 'site-mailbox-policy');
      const prefixValue = valueOf(f, 'prefix');
      const prefix = typeof prefixValue === 'string' ? prefixValue : 'SM-';
      const todos: Todo[] = written ? [] : [{ variable: 'SiteMailboxPolicyName', what: `the name of ${server.name}'s default site mailbox provisioning policy (the topology's site-mailbox-policy is not set; Exchange names its default policy Default)` }];
      const name = written ? psLiteral(written) : '$SiteMailboxPolicyName';
      return [instance('exchange-site-mailbox-policy', 'Site mailbox provisioning policy', ['feature site-mailboxes'], [
        `$policy = Get-SiteMailboxProvisioningPolicy -Identity ${name} -ErrorAction SilentlyContinue`,
        'if (-not $policy) {',
        `    New-SiteMailboxProvisioningPolicy -Name ${name} -IsDefault -AliasPrefix ${psLiteral(prefix)}`,
        `} elseif ($policy.AliasPrefix -ne ${psLiteral(prefix)}) {`,
        `    Write-Warning ('The policy exists with the alias prefix ' + $policy.AliasPrefix + '; the topology says ' + ${psLiteral(prefix)})`,
        '} else {',
        `    Write-Host ${psLiteral('Already configured: site mailbox provisioning policy')}`,
        '}',
      ], todos)];
    },
  }),
  row({
    id: 'exchange-owa-im',
    kind: 'exchange',
    title: 'Instant messaging in Outlook Web App (virtual directory)',
    idempotence: 'Set-OwaVirtualDirectory sets the two values; setting them again changes nothing.',
    build(server, model) {
      if (!wantsOwaIm(model, server)) return [];
      const lync = imServerOf(model, server);
      return [instance('exchange-owa-im', `Instant messaging${lync ? ` with ${lync.name}` : ''} in Outlook Web App`, imServes(model, server), [
        'Get-OwaVirtualDirectory -Server $env:COMPUTERNAME | Set-OwaVirtualDirectory -InstantMessagingEnabled $true -InstantMessagingType Ocs',
      ])];
    },
  }),
  row({
    id: 'exchange-owa-im-webconfig',
    kind: 'exchange',
    title: 'IM certificate and server in Outlook Web App\'s web.config (Exchange 2013)',
    idempotence: 'Each key is added when absent and its value set when present: running again rewrites the same values.',
    build(server, model) {
      if (versionOf(server) > 2013 || !wantsOwaIm(model, server)) return [];
      const lync = imServerOf(model, server);
      const pool = lync ? stringOf(lync, 'host') : undefined;
      const { thumbprint, todos } = imThumbprint(server);
      if (!lync || !pool) return [instance('exchange-owa-im-webconfig', 'IM settings in web.config', imServes(model, server), [], todos, [noImServer(server, lync)])];
      return [instance('exchange-owa-im-webconfig', 'IM settings in web.config', imServes(model, server), [
        "$webConfig = Join-Path $env:ExchangeInstallPath 'ClientAccess\\Owa\\web.config'",
        '[xml]$config = Get-Content -LiteralPath $webConfig -Raw',
        '$appSettings = $config.configuration.appSettings',
        `foreach ($pair in @(@('IMCertificateThumbprint', ${thumbprint}), @('IMServerName', ${psLiteral(pool)}))) {`,
        '    $entry = @($appSettings.add | Where-Object { $_.key -eq $pair[0] })[0]',
        '    if (-not $entry) {',
        "        $entry = $config.CreateElement('add')",
        "        $entry.SetAttribute('key', $pair[0])",
        '        [void]$appSettings.AppendChild($entry)',
        '    }',
        "    $entry.SetAttribute('value', $pair[1])",
        '}',
        '$config.Save($webConfig)',
      ], todos)];
    },
  }),
  row({
    id: 'exchange-owa-im-override',
    kind: 'exchange',
    title: 'IM certificate and server as a setting override (Exchange 2016 and later)',
    idempotence: 'Get-SettingOverride -Identity NAME first; created only when absent.',
    build(server, model) {
      if (versionOf(server) < 2016 || !wantsOwaIm(model, server)) return [];
      const lync = imServerOf(model, server);
      const pool = lync ? stringOf(lync, 'host') : undefined;
      const { thumbprint, todos } = imThumbprint(server);
      if (!lync || !pool) return [instance('exchange-owa-im-override', 'IM settings override', imServes(model, server), [], todos, [noImServer(server, lync)])];
      const name = psLiteral(`Office Farm IM integration with ${lync.name}`);
      return [instance('exchange-owa-im-override', 'IM settings override', imServes(model, server), unlessPresent(
        `Get-SettingOverride -Identity ${name} -ErrorAction SilentlyContinue`,
        [`New-SettingOverride -Name ${name} -Component OwaServer -Section IMSettings -Parameters @(${psLiteral(`IMServerName=${pool}`)}, ('IMCertificateThumbprint=' + ${thumbprint})) -Reason 'Lync presence in Outlook on the web'`],
        'IM settings override',
      ), todos)];
    },
  }),
  row({
    id: 'exchange-um-dial-plan',
    kind: 'exchange',
    title: 'Unified Messaging dial plan with SIP URIs (voicemail)',
    idempotence: 'Get-UMDialPlan -Identity NAME first; created only when absent.',
    build(server, model) {
      const f = featuresWith(model, 'exchange', server).find((x) => x.spec!.id === 'voicemail');
      if (!f) return [];
      if (versionOf(server) >= 2019) return [instance('exchange-um-dial-plan', 'Unified Messaging dial plan', ['feature voicemail'], [], [], [`${server.name} is Exchange 2019 or later, which has no Unified Messaging (FARM325): voicemail for its mailboxes is Cloud Voicemail, which this script does not configure`])];
      if (!flagOf(server, 'um')) return [];
      return [instance('exchange-um-dial-plan', 'Unified Messaging dial plan', ['feature voicemail'], unlessPresent(
        'Get-UMDialPlan -Identity $UMDialPlanName -ErrorAction SilentlyContinue',
        ['New-UMDialPlan -Name $UMDialPlanName -URIType SipName -NumberOfDigitsInExtension $UMExtensionDigits'],
        'UM dial plan',
      ), [
        { variable: 'UMDialPlanName', what: 'the name of the UM dial plan for Lync calls (the topology does not name one)' },
        { variable: 'UMExtensionDigits', what: 'how many digits the extension numbers of the dial plan have' },
      ])];
    },
  }),
  row({
    id: 'exchange-exchucutil',
    kind: 'exchange',
    title: 'Tell Exchange about the Lync pools (ExchUcUtil.ps1)',
    idempotence: 'Runs Microsoft\'s own script, which brings Exchange\'s UM objects up to date with the Lync topology.',
    build(server, model) {
      const f = featuresWith(model, 'exchange', server).find((x) => x.spec!.id === 'voicemail');
      if (!f || !flagOf(server, 'um') || versionOf(server) >= 2019) return [];
      const lync = roleTarget(f, 'lync');
      return [instance('exchange-exchucutil', 'ExchUcUtil.ps1', ['feature voicemail'], [
        "& (Join-Path $env:ExchangeInstallPath 'Scripts\\ExchUcUtil.ps1')",
      ], [], [`then restart the Lync Server Front-End service (rtcsrv.exe) on ${lync ? lync.name : 'the Lync pool'}, as Microsoft's page says`])];
    },
  }),
  row({
    id: 'exchange-wac',
    kind: 'exchange',
    title: 'Office Web Apps discovery endpoint',
    idempotence: 'Set-OrganizationConfig sets the endpoint; setting the same one again changes nothing.',
    build(server, model) {
      return hostsOf(model, server)
        .slice(0, 1)
        .map((w) => {
          const url = stringOf(w, 'url');
          if (!url) return instance('exchange-wac', `Office Web Apps ${w.name}`, [`office-web-apps ${w.name} hosts ${server.name}`], [], [], [`the url of ${w.name} is missing or not valid: correct the topology, then generate again`]);
          return instance('exchange-wac', `Office Web Apps ${w.name}`, [`office-web-apps ${w.name} hosts ${server.name}`], [
            `Set-OrganizationConfig -WacDiscoveryEndpoint ${psLiteral(`${url.replace(/\/+$/, '')}/hosting/discovery`)}`,
            'Restart-WebAppPool MsExchangeOwaAppPool',
          ]);
        });
    },
  }),

  // Lync Server Management Shell
  row({
    id: 'lync-oauth-certificate',
    kind: 'lync',
    title: 'OAuth token issuer certificate',
    idempotence: 'Get-CsCertificate -Type OAuthTokenIssuer first; assigned only when none is.',
    build(server, model) {
      const usesS2s = trustsOf(server).length > 0 || scriptIndex(model).isTrusted(server);
      const written = stringOf(server, 'oauth-certificate');
      if (!usesS2s && !written) return [];
      const serves = [`server-to-server authentication of ${server.name}`, ...(written ? [`oauth-certificate of ${server.name}`] : [])];
      const thumbprint = written ? psLiteral(written) : '$OAuthTokenIssuerThumbprint';
      const todos: Todo[] = written ? [] : [{ variable: 'OAuthTokenIssuerThumbprint', what: `the thumbprint of the OAuthTokenIssuer certificate of ${server.name}: the same certificate on every Front End Server, at least 2048 bits; or write oauth-certificate in the topology` }];
      return [instance('lync-oauth-certificate', 'OAuth token issuer certificate', serves, [
        '$assigned = Get-CsCertificate -Type OAuthTokenIssuer -ErrorAction SilentlyContinue',
        'if (-not $assigned) {',
        `    Set-CsCertificate -Type OAuthTokenIssuer -Thumbprint ${thumbprint}`,
        `} elseif (@($assigned | Where-Object { $_.Thumbprint -eq ${thumbprint} }).Count -eq 0) {`,
        `    Write-Warning ('Another OAuthTokenIssuer certificate is assigned (' + (@($assigned)[0].Thumbprint) + '); it is left as it is: replace it by hand, on every Front End Server')`,
        '} else {',
        `    Write-Host ${psLiteral('Already configured: OAuthTokenIssuer certificate')}`,
        '}',
      ], todos, [], ['the same certificate must be the OAuthTokenIssuer certificate on every Front End Server of the pool: run this step on each'])];
    },
  }),
  row({
    id: 'lync-partner',
    kind: 'lync',
    title: 'Trust a server\'s S2S tokens (partner application)',
    idempotence: 'Get-CsPartnerApplication, looking for the same MetadataUrl; created only when none has it.',
    build(server, model) {
      return trustsOf(server).map((t) => {
        const endpoint = metadataEndpoint(t);
        const title = `Trust ${t.name} (${kindTitle[t.kind]})`;
        if (!endpoint) return instance('lync-partner', title, trustServes(server, t, model), [], [], [noEndpoint(t)]);
        return instance('lync-partner', title, trustServes(server, t, model), unlessPresent(
          `Get-CsPartnerApplication | Where-Object { $_.MetadataUrl -eq ${psLiteral(endpoint.url)} }`,
          [`New-CsPartnerApplication -Identity ${psLiteral(t.name)} -MetadataUrl ${psLiteral(endpoint.url)} -ApplicationTrustLevel Full`],
          `partner application for ${endpoint.url}`,
        ));
      });
    },
  }),
  row({
    id: 'lync-oauth-autodiscover',
    kind: 'lync',
    title: 'Exchange Autodiscover URL in the OAuth configuration',
    idempotence: 'Set-CsOAuthConfiguration sets the URL; setting the same one again changes nothing.',
    build(server, model) {
      const exchange = featuresWith(model, 'lync', server).map((f) => roleTarget(f, 'exchange')).find((e): e is Declaration => !!e);
      if (!exchange) return [];
      const host = stringOf(exchange, 'host');
      const serves = featuresWith(model, 'lync', server).filter((f) => roleTarget(f, 'exchange') === exchange).map((f) => `feature ${f.spec!.id}`);
      if (!host) return [instance('lync-oauth-autodiscover', `Autodiscover of ${exchange.name}`, serves, [], [], [`the host of ${exchange.name} is missing or not valid: correct the topology, then generate again`])];
      return [instance('lync-oauth-autodiscover', `Autodiscover of ${exchange.name}`, serves, [
        `Set-CsOAuthConfiguration -Identity Global -ExchangeAutodiscoverUrl ${psLiteral(`https://${host}/autodiscover/autodiscover.svc`)}`,
      ], [], [], [`the URL is ${exchange.name}'s host with Autodiscover's service path; if Autodiscover answers on another name (autodiscover.<domain>), put that name here`])];
    },
  }),
  row({
    id: 'lync-trusted-application',
    kind: 'lync',
    title: 'Exchange as a trusted application (presence in Outlook Web App)',
    idempotence: 'Get-CsTrustedApplicationPool and Get-CsTrustedApplication first; each is created only when absent, and the topology is enabled only when something was created.',
    build(server, model) {
      const out: StepInstance[] = [];
      const listed = boundList(server, 'trusted-applications') ?? [];
      for (const exchange of trustedApplicationsOf(model, server)) {
        const serves = [
          ...(listed.includes(exchange) ? [`trusted-applications of ${server.name}`] : []),
          ...(featuresWith(model, 'lync', server).some((f) => f.spec!.id === 'lync-presence' && roleTarget(f, 'exchange') === exchange) ? ['feature lync-presence'] : []),
        ];
        const title = `Trusted application ${exchange.name}`;
        if (flagOf(exchange, 'um-same-computer')) {
          out.push(instance('lync-trusted-application', title, serves, [], [], [], [`${exchange.name} runs the UM Call Router and UM services on one computer with a SipName dial plan (um-same-computer): Lync finds it by itself, and no trusted application pool is made for it`]));
          continue;
        }
        const exHost = stringOf(exchange, 'host');
        const pool = stringOf(server, 'host');
        const todos: Todo[] = [
          { variable: 'LyncSiteId', what: `the SiteID of the Lync site that hosts ${server.name} (Get-CsSite | Select-Object DisplayName, SiteID)` },
          { variable: 'OwaTrustedApplicationPort', what: 'a free port for the Outlook Web App trusted application (Microsoft\'s example uses 5199)' },
        ];
        if (!exHost || !pool) {
          out.push(instance('lync-trusted-application', title, serves, [], todos, [`the host of ${!exHost ? exchange.name : server.name} is missing or not valid: correct the topology, then generate again`]));
          continue;
        }
        out.push(instance('lync-trusted-application', title, serves, [
          '$topologyChanged = $false',
          `if (-not (Get-CsTrustedApplicationPool -Identity ${psLiteral(exHost)} -ErrorAction SilentlyContinue)) {`,
          `    New-CsTrustedApplicationPool -Identity ${psLiteral(exHost)} -Registrar ${psLiteral(pool)} -Site $LyncSiteId -RequiresReplication $false`,
          '    $topologyChanged = $true',
          '}',
          `if (-not (Get-CsTrustedApplication -Identity ${psLiteral(`${exHost}/OutlookWebApp`)} -ErrorAction SilentlyContinue)) {`,
          `    New-CsTrustedApplication -ApplicationId 'OutlookWebApp' -TrustedApplicationPoolFqdn ${psLiteral(exHost)} -Port $OwaTrustedApplicationPort`,
          '    $topologyChanged = $true',
          '}',
          'if ($topologyChanged) {',
          '    Enable-CsTopology',
          '} else {',
          `    Write-Host ${psLiteral(`Already configured: trusted application pool ${exHost}`)}`,
          '}',
        ], todos));
      }
      return out;
    },
  }),
  row({
    id: 'lync-ucs',
    kind: 'lync',
    title: 'Allow the unified contact store',
    idempotence: 'Reads the global user services policy; sets UcsAllowed only when it is not already true.',
    build(server, model) {
      const f = featuresWith(model, 'lync', server).find((x) => x.spec!.id === 'unified-contact-store');
      if (!f || !flagOf(server, 'ucs')) return [];
      return [instance('lync-ucs', 'Unified contact store', ['feature unified-contact-store'], unlessPresent(
        '(Get-CsUserServicesPolicy -Identity Global).UcsAllowed',
        ['Set-CsUserServicesPolicy -Identity Global -UcsAllowed $true'],
        'UcsAllowed in the global user services policy',
      ))];
    },
  }),
  row({
    id: 'lync-ocsumutil',
    kind: 'lync',
    title: 'Contact objects for Outlook Voice Access (OcsUmUtil.exe)',
    idempotence: 'OcsUmUtil.exe is Microsoft\'s interactive tool: it shows the contact objects it finds before it creates any.',
    build(server, model) {
      const f = featuresWith(model, 'lync', server).find((x) => x.spec!.id === 'voicemail');
      if (!f) return [];
      if (versionOf(server) !== 2013) {
        return [instance('lync-ocsumutil', 'OcsUmUtil.exe', ['feature voicemail'], [], [], [`run OcsUmUtil.exe from the Support folder of ${server.name}'s Lync installation (the page found gives its path for Lync Server 2013 only)`])];
      }
      return [instance('lync-ocsumutil', 'OcsUmUtil.exe', ['feature voicemail'], [
        "& (Join-Path ${env:CommonProgramFiles} 'Lync Server 2013\\Support\\OcsUMUtil.exe')",
      ], [], [], ['OcsUmUtil.exe opens a window: load the data, then add a contact for each subscriber access and auto attendant number'])];
    },
  }),

  // Office Web Apps Server
  row({
    id: 'owa-farm',
    kind: 'office-web-apps',
    title: 'The Office Web Apps farm',
    idempotence: 'Get-OfficeWebAppsFarm first; the farm is created only when there is none.',
    build(server) {
      const url = stringOf(server, 'url');
      if (!url) return [instance('owa-farm', 'Office Web Apps farm', [`office-web-apps ${server.name}`], [], [], [`the url of ${server.name} is missing or not valid: correct the topology, then generate again`])];
      const http = /^http:/i.test(url);
      const hosts = membersOf(server, 'hosts');
      const serves = [`office-web-apps ${server.name}${hosts.length ? ` for ${hosts.join(', ')}` : ''}`];
      if (http) {
        return [instance('owa-farm', 'Office Web Apps farm', serves, ['Import-Module OfficeWebApps', ...unlessPresent('Get-OfficeWebAppsFarm -ErrorAction SilentlyContinue', [`New-OfficeWebAppsFarm -InternalUrl ${psLiteral(url)} -AllowHttp`], 'Office Web Apps farm')], [], [], ['the farm is served over http: Microsoft recommends https wherever there is real user data (FARM315)'])];
      }
      return [instance('owa-farm', 'Office Web Apps farm', serves, ['Import-Module OfficeWebApps', ...unlessPresent('Get-OfficeWebAppsFarm -ErrorAction SilentlyContinue', [`New-OfficeWebAppsFarm -InternalUrl ${psLiteral(url)} -CertificateName $WacCertificateName`], 'Office Web Apps farm')], [
        { variable: 'WacCertificateName', what: `the friendly name of the certificate for ${url} in the server's certificate store` },
      ])];
    },
  }),
];

/** The IM certificate's thumbprint as an expression: the topology's im-certificate, or a TODO variable. */
function imThumbprint(server: Declaration): { thumbprint: string; todos: Todo[] } {
  const written = stringOf(server, 'im-certificate');
  if (written) return { thumbprint: psLiteral(written), todos: [] };
  return { thumbprint: '$ImCertificateThumbprint', todos: [{ variable: 'ImCertificateThumbprint', what: `the thumbprint of the certificate ${server.name} presents to Lync for IM (Get-ExchangeCertificate), one Lync trusts; or write im-certificate in the topology` }] };
}

function noImServer(server: Declaration, lync: Declaration | undefined): string {
  return lync ? `the host of ${lync.name} is missing or not valid: correct the topology, then generate again` : `no Lync pool for ${server.name}'s instant messaging: write im-server, or a lync-presence feature with its lync`;
}

export const stepById = new Map(steps.map((s) => [s.id, s]));

/** The shell each kind of script runs in, and what it loads first. */
export const shells: Record<ScriptServerKind, { shell: string; prologue: string[] }> = {
  sharepoint: { shell: 'SharePoint Management Shell', prologue: ["Add-PSSnapin 'Microsoft.SharePoint.PowerShell' -ErrorAction SilentlyContinue"] },
  exchange: { shell: 'Exchange Management Shell', prologue: [] },
  lync: { shell: 'Lync Server Management Shell', prologue: [] },
  'office-web-apps': { shell: 'Windows PowerShell on the Office Web Apps Server, as administrator', prologue: [] },
};

