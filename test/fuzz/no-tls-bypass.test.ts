// No TLS bypass anywhere: the sources, the scripts and the bundles that
// ship are read for every spelling of "do not verify the certificate",
// minified ones included. ews-javascript-api's transport has such a branch,
// for an option we never set (`allowUntrustedCertificate`); the build turns
// it into a refusal (scripts/lib/certificate-checks.mjs), so no bundle holds
// it at all, and a session is checked to leave the option off.
//
// The spellings are assembled from parts: the tree is searched for them, and
// the test that looks for them must not be where they are found.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { EwsSession } from '../../src/office/ews-session';
import { repoRoot } from '../support/paths';

const REJECT = ['reject', 'Unauthorized'].join('');
const ENV = ['NODE', 'TLS', 'REJECT', 'UNAUTHORIZED'].join('_');
const UNTRUSTED = ['allow', 'Untrusted', 'Certificate'].join('');
const NO = '(false|!1|0\\b|!0x1)';

const bypasses: RegExp[] = [
  new RegExp(`${REJECT}["']?\\s*:\\s*${NO}`, 'g'),
  new RegExp(`${REJECT}\\s*=\\s*${NO}`, 'g'),
  new RegExp(ENV, 'g'),
  /checkServerIdentity["']?\s*:\s*(\(\)\s*=>\s*(undefined|void 0|null|\{\s*\})|function\s*\(\)\s*\{\s*\})/g,
  new RegExp(`${UNTRUSTED}["']?\\s*[:=]\\s*(true|!0)`, 'g'),
  /strictSSL["']?\s*:\s*(false|!1)/g,
  new RegExp(['--tls-reject', 'unauthorized'].join('-') + '|--insecure\\b', 'g'),
];

function files(dir: string, suffixes: string[], out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) files(p, suffixes, out);
    else if (suffixes.some((s) => name.endsWith(s))) out.push(p);
  }
  return out;
}

function hits(path: string): Array<{ at: number; text: string; before: string }> {
  const text = readFileSync(path, 'utf8');
  const found: Array<{ at: number; text: string; before: string }> = [];
  for (const re of bypasses) for (const m of text.matchAll(re)) found.push({ at: m.index!, text: m[0], before: text.slice(Math.max(0, m.index! - 200), m.index) });
  return found;
}

test('the patterns see every spelling they are for', () => {
  const samples = [`{ ${REJECT}: false }`, `{${REJECT}:!1}`, `{'${REJECT}': 0}`, `process.env.${ENV} = "0"`, 'checkServerIdentity: () => undefined', `x.${UNTRUSTED} = true`, 'strictSSL:!1'];
  for (const s of samples) assert.ok(bypasses.some((re) => new RegExp(re.source).test(s)), s);
  assert.ok(!bypasses.some((re) => new RegExp(re.source).test(`{ ${REJECT}: true }`)));
});

test('no TLS bypass in src/ or scripts/', () => {
  const read = [...files(join(repoRoot, 'src'), ['.ts']), ...files(join(repoRoot, 'scripts'), ['.mjs', '.js', '.ts', '.sh']), ...files(join(repoRoot, 'webview'), ['.ts'])];
  assert.ok(read.length > 50, `only ${read.length} files read`);
  const found = read.flatMap((f) => hits(f).map((h) => `${relative(repoRoot, f)}: ${h.text}`));
  assert.deepEqual(found, []);
});

test('no TLS bypass in the bundles: the library branch is a refusal there', () => {
  const bundles = files(join(repoRoot, 'dist'), ['.js']);
  assert.ok(bundles.some((b) => b.endsWith('office-panels.js')) && bundles.some((b) => b.endsWith('server.js')), 'the bundles are not built');
  const found = bundles.flatMap((b) => hits(b).map((h) => `${relative(repoRoot, b)}@${h.at}: …${h.before.slice(-80)}${h.text}`));
  assert.deepEqual(found, []);
  // The EWS transport is in the panels' bundle, with its branch turned into the refusal.
  assert.match(readFileSync(join(repoRoot, 'dist', 'office-panels.js'), 'utf8'), /Office Farm never turns off certificate checks/);
});

test('an EWS session leaves the library option off, and our sources never name it', () => {
  const session = new EwsSession({ url: 'https://mail.contoso.com/EWS/Exchange.asmx', auth: { kind: 'basic', user: 'a', password: 'b' } });
  assert.equal((session.service.XHRApi as unknown as Record<string, unknown>)[UNTRUSTED], false);
  const naming = files(join(repoRoot, 'src'), ['.ts']).filter((f) => readFileSync(f, 'utf8').includes(UNTRUSTED));
  assert.deepEqual(naming.map((f) => relative(repoRoot, f)), []);
});
