// office-farm script and office-farm drift, run as a user runs them.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { runCli } from '../support/run-cli';
import { repoRoot } from '../support/paths';

const contoso = join(repoRoot, 'examples', 'contoso.farm');
const inventories = join(repoRoot, 'test', 'fixtures', 'inventories');
const matching = readdirSync(join(inventories, 'contoso')).sort().map((f) => join(inventories, 'contoso', f));
const baseline = (farm: string, file: string) => readFileSync(join(repoRoot, 'test', 'baselines', 'scripts', farm, file), 'utf8');

test('script prints every server\'s script', () => {
  const r = runCli(['script', contoso]);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, ['ex01.ps1', 'sp01.ps1', 'lync01.ps1', 'wac01.ps1'].map((f) => baseline('contoso', f)).join('\n'));
});

test('script --out writes one file per server, with a byte order mark for Windows PowerShell', () => {
  const dir = mkdtempSync(join(tmpdir(), 'office-farm-scripts-'));
  try {
    const r = runCli(['script', '--out', join(dir, 'out'), contoso]);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(readdirSync(join(dir, 'out')).sort(), ['ex01.ps1', 'lync01.ps1', 'sp01.ps1', 'wac01.ps1']);
    const written = readFileSync(join(dir, 'out', 'sp01.ps1'), 'utf8');
    assert.equal(written, '\uFEFF' + baseline('contoso', 'sp01.ps1'));
    assert.match(r.stdout, /wrote .*sp01\.ps1/);
    const inv = runCli(['script', '--inventory', '--server', 'lync01', '--out', join(dir, 'inv'), contoso]);
    assert.equal(inv.status, 0, inv.stderr);
    assert.deepEqual(readdirSync(join(dir, 'inv')), ['lync01.inventory.ps1']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('script: clear errors for a wrong server, a missing file, a farm without servers', () => {
  const wrong = runCli(['script', '--server', 'nope', contoso]);
  assert.equal(wrong.status, 2);
  assert.match(wrong.stderr, /has no server 'nope' to script; it has ex01, sp01, lync01, wac01/);
  const missing = runCli(['script', join(repoRoot, 'no-such.farm')]);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /cannot read .*no such file/);
  const dir = mkdtempSync(join(tmpdir(), 'office-farm-scripts-'));
  try {
    writeFileSync(join(dir, 'users.farm'), 'user alice { address = "alice@contoso.com" }\n');
    const none = runCli(['script', join(dir, 'users.farm')]);
    assert.equal(none.status, 1);
    assert.match(none.stderr, /declares no SharePoint, Exchange, Lync or Office Web Apps server/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('drift: the matching inventories are silent; a drifted one is reported as check reports', () => {
  const quiet = runCli(['drift', contoso, ...matching]);
  assert.equal(quiet.status, 0, quiet.stderr);
  assert.equal(quiet.stdout, '');
  const drifted = [...matching.filter((f) => !f.endsWith('sp01.inventory.json')), join(inventories, 'contoso-drift', 'sp01-without-exchange-trust.json')];
  const text = runCli(['drift', contoso, ...drifted]);
  assert.equal(text.status, 1);
  assert.match(text.stdout, /^.*contoso\.farm:30:20: error FARM601 sp01 trusts ex01 in the topology/);
  const json = runCli(['drift', '--format', 'json', contoso, ...drifted]);
  const body = JSON.parse(json.stdout);
  assert.equal(body[0].diagnostics[0].code, 'FARM601');
  assert.deepEqual(body[0].diagnostics[0].range.start, { line: 29, character: 19 });
  const sarif = JSON.parse(runCli(['drift', '--format', 'sarif', contoso, ...drifted]).stdout);
  const result = sarif.runs[0].results[0];
  assert.equal(result.ruleId, 'FARM601');
  assert.ok(sarif.runs[0].tool.driver.rules.some((r: { id: string }) => r.id === 'FARM601'));
});

test('drift: a malformed inventory is a clear error, with no stack trace', () => {
  const dir = mkdtempSync(join(tmpdir(), 'office-farm-drift-'));
  try {
    writeFileSync(join(dir, 'bad.json'), '{"officeFarmInventory": 1, "server": 3');
    const r = runCli(['drift', contoso, join(dir, 'bad.json')]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /office-farm drift: .*bad\.json: not JSON/);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
    const none = runCli(['drift', contoso]);
    assert.equal(none.status, 2);
    assert.match(none.stderr, /no INVENTORY\.json given/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
