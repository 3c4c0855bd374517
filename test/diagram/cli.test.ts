// office-farm diagram, run as a user runs it.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { XMLValidator } from 'fast-xml-parser';
import { runCli } from '../support/run-cli';
import { repoRoot } from '../support/paths';
import { elements } from './svg-elements';

const contoso = join(repoRoot, 'examples', 'contoso.farm');

test('office-farm diagram examples/contoso.farm --format svg: a valid SVG whose node count equals the servers', () => {
  const r = runCli(['diagram', contoso, '--format', 'svg']);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(XMLValidator.validate(r.stdout), true);
  const servers = elements(r.stdout).filter((e) => e.name === 'g' && (e.attrs.class ?? '').split(' ').includes('server'));
  assert.deepEqual(servers.map((e) => e.attrs['data-id']), ['ex01', 'sp01', 'lync01', 'wac01', 'pwa01']);
});

test('office-farm diagram --format png --out F writes a PNG', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'farm-diagram-')), 'contoso.png');
  const r = runCli(['diagram', contoso, '--format', 'png', '--out', out]);
  assert.equal(r.status, 0, r.stderr);
  const png = readFileSync(out);
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  assert.ok(png.readUInt32BE(16) > 500, 'wider than 500 px');
  assert.match(r.stderr, /5 servers, 3 trusts, 0 missing/);
});

test('bad input is a one-line usage error, never a stack trace', () => {
  for (const [args, message] of [
    [['diagram', contoso, '--format', 'gif'], /--format takes svg or png, not gif/],
    [['diagram', contoso, '--format', 'png'], /--format png needs --out FILE/],
    [['diagram', join(repoRoot, 'no-such.farm')], /cannot read .*no such file/],
    [['diagram'], /exactly one FILE/],
  ] as const) {
    const r = runCli([...args]);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, message);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
  }
});

test('a file without servers says so (exit 1)', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'farm-diagram-')), 'empty.farm');
  writeFileSync(file, 'farm x { realm = "x.example.com" }\n');
  const r = runCli(['diagram', file]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /declares no server to draw/);
});
