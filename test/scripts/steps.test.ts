// Steps that depend on versions and flags, beyond the baselines' farms.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../src/core';
import { generateScripts } from '../../src/core/scripts';

const scriptOf = (text: string, server: string): string => generateScripts(analyze(text), { file: 't.farm' }).find((s) => s.server === server)!.text;

test('voicemail on Exchange 2019 or later: no UM cmdlets, a TODO that says why', () => {
  const text = 'exchange ex19 { host = "mail.contoso.com"; version = 2019; um = true }\nlync pool01 { host = "pool01.contoso.com"; version = 2019 }\nfeature voicemail { exchange = ex19; lync = pool01 }\n';
  const script = scriptOf(text, 'ex19');
  assert.doesNotMatch(script, /^\s*(New-UMDialPlan|& .*ExchUcUtil)/m);
  assert.match(script, /# TODO: ex19 is Exchange 2019 or later, which has no Unified Messaging \(FARM325\)/);
});

test('voicemail on Exchange 2013 with um: the dial plan and ExchUcUtil.ps1', () => {
  const text = 'exchange ex13 { host = "mail.contoso.com"; um = true }\nlync pool01 { host = "pool01.contoso.com" }\nfeature voicemail { exchange = ex13; lync = pool01 }\n';
  const script = scriptOf(text, 'ex13');
  assert.match(script, /New-UMDialPlan -Name \$UMDialPlanName -URIType SipName/);
  assert.match(script, /ExchUcUtil\.ps1/);
});

test('IM settings: web.config up to Exchange 2013, a setting override from 2016', () => {
  const farm = (version: number) => `exchange ex { host = "mail.contoso.com"; version = ${version}; owa-im = true; im-server = pool01 }\nlync pool01 { host = "pool01.contoso.com"; version = 2015 }\n`;
  assert.match(scriptOf(farm(2013), 'ex'), /ClientAccess\\Owa\\web\.config/);
  assert.doesNotMatch(scriptOf(farm(2013), 'ex'), /New-SettingOverride/);
  assert.match(scriptOf(farm(2016), 'ex'), /New-SettingOverride .* -Component OwaServer -Section IMSettings/);
  assert.doesNotMatch(scriptOf(farm(2016), 'ex'), /web\.config/);
});
