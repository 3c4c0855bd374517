// Every panel host, found by reading the extension's sources rather than
// from a list that could fall behind: each sets its page only through
// panelHtml (the CSP with a fresh nonce), opens only with panelOptions
// (local resources from the bundle folder), and reads messages only
// through onValidMessage with a validator from webview/protocol.ts. The
// policy itself is checked for what it must never allow.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { test } from 'node:test';
import { contentSecurityPolicy, newNonce } from '../../src/extension/panels/content-security';
import { repoRoot } from '../support/paths';

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) sources(p, out);
    else if (name.endsWith('.ts')) out.push(p);
  }
  return out;
}

const files = sources(join(repoRoot, 'src')).map((path) => ({ path: relative(repoRoot, path), text: readFileSync(path, 'utf8') }));
const HOST = 'src/extension/panels/panel-host.ts';

test('the panel hosts: every webview page is panelHtml, every panel opens with panelOptions', (t) => {
  const hosts = files.filter((f) => /createWebviewPanel|registerWebviewViewProvider|\.webview\.html\s*=|webviewView\.webview/.test(f.text));
  assert.ok(hosts.length >= 1, 'no panel host found');
  t.diagnostic(`panel hosts: ${hosts.map((h) => h.path).join(', ')}`);
  for (const h of hosts) {
    for (const line of h.text.split('\n').filter((l) => /\.html\s*=/.test(l))) {
      assert.match(line, /\.html\s*=\s*panelHtml\(/, `${h.path} sets a page other than through panelHtml: ${line.trim()}`);
    }
    for (const line of h.text.split('\n').filter((l) => /createWebviewPanel\(/.test(l))) {
      assert.match(line, /panelOptions\(/, `${h.path} opens a panel without panelOptions: ${line.trim()}`);
    }
    assert.ok(!/registerWebviewViewProvider/.test(h.text) || /panelHtml\(/.test(h.text), `${h.path} provides a webview view without panelHtml`);
  }
});

test('messages from a webview are read only through onValidMessage, each with a protocol validator', () => {
  const raw = files.filter((f) => f.path !== HOST && /onDidReceiveMessage/.test(f.text));
  assert.deepEqual(raw.map((f) => f.path), [], 'a file reads webview messages without validating them');
  const uses = files.flatMap((f) => [...f.text.matchAll(/onValidMessage\(\s*[\w.]+\s*,\s*(\w+)/g)].map((m) => ({ path: f.path, validator: m[1] })));
  assert.ok(uses.length >= 1);
  // A validator comes from the protocol module the webview shares: webview/protocol.ts, or a
  // panel's own messages module under webview/ (the diagram's webview/diagram/messages.ts).
  // A base class may take its validator as a constructor parameter; then each subclass's
  // super(…) call hands one over as its last argument, and that one is checked instead.
  const checked = uses.flatMap((u) => {
    const host = files.find((f) => f.path === u.path)!.text;
    if (!new RegExp(`\\b${u.validator}\\s*:\\s*\\(m: unknown\\)`).test(host)) return [u];
    const base = /export (?:abstract )?class (\w+)/.exec(host);
    assert.ok(base, `${u.path} takes its validator ${u.validator} as a parameter but declares no class`);
    const subclasses = files.filter((f) => new RegExp(`extends ${base[1]}\\b`).test(f.text));
    assert.ok(subclasses.length > 0, `nothing extends ${base[1]}, so nothing hands ${u.path} its validator`);
    return subclasses.map((f) => {
      const call = /super\(([^)]*)\)/.exec(f.text);
      assert.ok(call, `${f.path} extends ${base[1]} without calling super`);
      return { path: f.path, validator: call[1].split(',').pop()!.trim() };
    });
  });
  for (const u of checked) {
    const host = files.find((f) => f.path === u.path)!.text;
    const from = new RegExp(`import\\s*{[^}]*\\b${u.validator}\\b[^}]*}\\s*from\\s*'((?:\\.\\./)+webview/[\\w/-]+)'`).exec(host);
    assert.ok(from, `${u.path} validates with ${u.validator}, which it does not import from a module under webview/`);
    const module = readFileSync(join(dirname(join(repoRoot, u.path)), `${from[1]}.ts`), 'utf8');
    assert.match(module, new RegExp(`export function ${u.validator}\\(`), `${u.path} validates with ${u.validator}, which ${from[1]} does not define`);
  }
});

test('the policy: nothing by default, scripts by nonce only, no inline or eval, remote images only as https origins', () => {
  const nonce = newNonce();
  assert.notEqual(nonce, newNonce(), 'a nonce was made twice');
  assert.ok(Buffer.from(nonce, 'base64').length >= 16, 'a nonce of fewer than 128 bits');
  const policy = contentSecurityPolicy('https://panel.test', nonce, ['https://img.contoso.com', 'http://plain.example', "https://x.example 'unsafe-inline'", 'https://evil.example; script-src *', 'data:']);
  const directives = new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
  assert.deepEqual(directives.get('default-src'), ["'none'"]);
  assert.deepEqual(directives.get('script-src'), [`'nonce-${nonce}'`]);
  assert.doesNotMatch(policy, /unsafe-inline|unsafe-eval|\*|http:\/\//);
  assert.deepEqual(directives.get('img-src'), ['https://panel.test', 'data:', 'https://img.contoso.com']);
  for (const name of ['connect-src', 'frame-src', 'child-src', 'object-src']) assert.ok(!directives.has(name), `${name} widens default-src 'none'`);
  // These two do not fall back to default-src, so they are spelled out.
  assert.deepEqual(directives.get('form-action'), ["'none'"]);
  assert.deepEqual(directives.get('base-uri'), ["'none'"]);
});
