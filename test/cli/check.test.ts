import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { rules } from '../../src/core';
import { matchBaseline } from '../support/baseline';
import { repoRoot } from '../support/paths';
import { runCli } from '../support/run-cli';

const example = (name: string): string => join(repoRoot, 'examples', name);
const scratch = (): string => mkdtempSync(join(tmpdir(), 'office-farm-cli-'));

test('check: text output of first-steps.farm, exit 1 for errors', () => {
  const r = runCli(['check', 'first-steps.farm'], { cwd: join(repoRoot, 'examples') });
  assert.equal(r.status, 1);
  assert.equal(r.stderr, '');
  matchBaseline('cli/first-steps.check.txt', r.stdout);
  for (const line of r.stdout.trim().split('\n')) assert.match(line, /^first-steps\.farm:\d+:\d+: (error|warning|information|hint) FARM\d{3} \S/);
});

test('check: a clean farm prints nothing and exits 0', () => {
  const r = runCli(['check', example('contoso.farm')]);
  assert.equal(r.status, 0);
  assert.equal(r.stdout, '');
});

test('check: warnings and hints alone exit 0', () => {
  const dir = scratch();
  writeFileSync(join(dir, 'w.farm'), 'exchange ex01 { host = "a.example.com" }\n');
  const r = runCli(['check', join(dir, 'w.farm')]);
  assert.match(r.stdout, /hint FARM901/);
  assert.equal(r.status, 0);
});

test('check --format json follows the contract', () => {
  const r = runCli(['check', '--format', 'json', example('first-steps.farm'), example('contoso.farm')]);
  assert.equal(r.status, 1);
  const out = JSON.parse(r.stdout);
  assert.equal(out.length, 2);
  assert.deepEqual(Object.keys(out[0]), ['file', 'diagnostics']);
  assert.deepEqual(out[1].diagnostics, []);
  const d = out[0].diagnostics.find((x: { code: string }) => x.code === 'FARM204');
  assert.deepEqual(Object.keys(d), ['code', 'severity', 'message', 'range']);
  assert.deepEqual(d.range, { start: { line: 6, character: 12 }, end: { line: 6, character: 16 } });
  assert.equal(d.severity, 'error');
});

test('check --format sarif is SARIF 2.1.0 with the rule catalogue', () => {
  const r = runCli(['check', '--format', 'sarif', example('first-steps.farm')]);
  assert.equal(r.status, 1);
  const sarif = JSON.parse(r.stdout);
  assert.equal(sarif.version, '2.1.0');
  const run = sarif.runs[0];
  assert.equal(run.tool.driver.name, 'office-farm');
  assert.deepEqual(run.tool.driver.rules.map((x: { id: string }) => x.id), rules.map((x) => x.code));
  const result = run.results.find((x: { ruleId: string }) => x.ruleId === 'FARM204');
  assert.equal(run.tool.driver.rules[result.ruleIndex].id, 'FARM204');
  assert.equal(result.level, 'error');
  assert.deepEqual(result.locations[0].physicalLocation.region, { startLine: 7, startColumn: 13, endLine: 7, endColumn: 17 });
  assert.match(result.locations[0].physicalLocation.artifactLocation.uri, /^file:\/\/.*first-steps\.farm$/);
  // An information (FARM202, a one-way trust) is a SARIF note.
  assert.ok(run.results.some((x: { ruleId: string; level: string }) => x.ruleId === 'FARM202' && x.level === 'note'));
});

test('check: usage errors and unreadable files exit 2 with one line, no stack trace', () => {
  for (const args of [['check'], ['check', '--format', 'xml', 'a.farm'], ['check', '--bogus', 'a.farm'], ['check', '/no/such/file.farm'], ['check', tmpdir()], ['nonsense']]) {
    const r = runCli(args);
    assert.equal(r.status, 2, args.join(' '));
    assert.ok(r.stderr.length > 0, args.join(' '));
    assert.doesNotMatch(r.stderr, /\n\s+at /, `stack trace for ${args.join(' ')}`);
  }
  assert.match(runCli(['check', '/no/such/file.farm']).stderr, /cannot read \/no\/such\/file\.farm: no such file/);
});

test('check --fix applies the unambiguous fixes in place and reports them', () => {
  const dir = scratch();
  const file = join(dir, 'first-steps.farm');
  copyFileSync(example('first-steps.farm'), file);
  const r = runCli(['check', '--fix', file]);
  const fixed = readFileSync(file, 'utf8');
  matchBaseline('cli/first-steps.fixed.farm', fixed);
  assert.match(r.stdout, /fixed FARM20[12]: Add ex01 to sp01's trusts/);
  // What is left needs a person: a provisioning policy name, the EWS API installed.
  const again = runCli(['check', '--format', 'json', file]);
  const codes = JSON.parse(again.stdout)[0].diagnostics.map((d: { code: string }) => d.code);
  assert.ok(!codes.includes('FARM201') && !codes.includes('FARM204') && !codes.includes('FARM302'), codes.join(' '));
  assert.ok(codes.includes('FARM306'));
});

test('.farmrc.json changes severities and turns rules off; a disable comment silences one line', () => {
  const dir = scratch();
  const file = join(dir, 'farm.farm');
  copyFileSync(example('first-steps.farm'), file);
  writeFileSync(join(dir, '.farmrc.json'), JSON.stringify({ rules: { FARM202: 'off', FARM204: 'warning' } }));
  const codes = (): Array<{ code: string; severity: string }> => JSON.parse(runCli(['check', '--format', 'json', file]).stdout)[0].diagnostics;
  let ds = codes();
  assert.ok(!ds.some((d) => d.code === 'FARM202'));
  assert.equal(ds.find((d) => d.code === 'FARM204')?.severity, 'warning');
  writeFileSync(file, readFileSync(file, 'utf8').replace('feature site-mailboxes', '# farm-disable-next-line FARM303 FARM304\nfeature site-mailboxes'));
  ds = codes();
  assert.ok(!ds.some((d) => d.code === 'FARM303' || d.code === 'FARM304'));
  assert.ok(ds.some((d) => d.code === 'FARM302'));
});

test('a broken .farmrc.json is a usage error naming the file and the problem', () => {
  const dir = scratch();
  writeFileSync(join(dir, 'a.farm'), 'user u { address = "u@example.com" }\n');
  writeFileSync(join(dir, '.farmrc.json'), '{ "rules": { "FARM202": "loud", "FARM999": "off" } }');
  const r = runCli(['check', join(dir, 'a.farm')]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /\.farmrc\.json: "FARM202": "loud" is not one of error, warning, information, hint, off/);
  assert.match(r.stderr, /"FARM999" is not a rule code/);
  writeFileSync(join(dir, '.farmrc.json'), '{ nope');
  assert.match(runCli(['check', join(dir, 'a.farm')]).stderr, /is not valid JSON/);
});

test('format: prints, checks and writes the canonical layout; refuses syntax errors', () => {
  const dir = scratch();
  const file = join(dir, 'messy.farm');
  writeFileSync(file, 'exchange ex01 {\nhost="mail.example.com"\n   trusts=[ ]   # none yet\n}\nuser u {address="u@example.com"}\n');
  const printed = runCli(['format', file]);
  assert.equal(printed.status, 0);
  assert.equal(printed.stdout, 'exchange ex01 {\n  host   = "mail.example.com"\n  trusts = []  # none yet\n}\n\nuser u { address = "u@example.com" }\n');
  assert.equal(runCli(['format', '--check', file]).status, 1);
  assert.equal(runCli(['format', '--write', file]).status, 0);
  assert.equal(readFileSync(file, 'utf8'), printed.stdout);
  assert.equal(runCli(['format', '--check', file]).status, 0);
  const broken = join(dir, 'broken.farm');
  writeFileSync(broken, 'user u { address = = "x" }\n');
  const r = runCli(['format', '--write', broken]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /broken\.farm is left as it is: it has 1 syntax error/);
  assert.equal(readFileSync(broken, 'utf8'), 'user u { address = = "x" }\n');
  assert.equal(runCli(['format', '--check', '--write', file]).status, 2);
});
