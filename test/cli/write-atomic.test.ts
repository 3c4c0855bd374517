// Nothing lost when the CLI writes a user's file (src/cli/write-atomic.ts):
// the new text replaces the old in one rename; a write that fails part way
// leaves the old file as it was and no temporary file beside it.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { writeFileAtomic, WriteFailed, type WriteOps } from '../../src/cli/write-atomic';
import { runCli } from '../support/run-cli';

const scratch = (): string => fs.mkdtempSync(join(tmpdir(), 'office-farm-write-'));
const real: WriteOps = { openSync: fs.openSync, writeSync: (fd, d) => fs.writeSync(fd, d), fsyncSync: fs.fsyncSync, closeSync: fs.closeSync, renameSync: fs.renameSync };

test('a write that fails part way (disk full) leaves the old file and no temporary file', () => {
  const dir = scratch();
  const file = join(dir, 'farm.farm');
  fs.writeFileSync(file, 'exchange ex01 { host = "old.contoso.com" }\n');
  let calls = 0;
  const diskFull: WriteOps = {
    ...real,
    writeSync: (fd, data) => {
      if (calls++ === 0) return fs.writeSync(fd, data.subarray(0, 5)); // a short write first, then the disk is full
      throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    },
  };
  assert.throws(() => writeFileAtomic(file, 'exchange ex01 { host = "new.contoso.com" }\n'.repeat(100), diskFull), (e: unknown) => e instanceof WriteFailed && /ENOSPC.*unchanged/.test(e.message));
  assert.equal(fs.readFileSync(file, 'utf8'), 'exchange ex01 { host = "old.contoso.com" }\n');
  assert.deepEqual(fs.readdirSync(dir), ['farm.farm']);
});

test('a rename that fails leaves the old file and no temporary file', () => {
  const dir = scratch();
  const file = join(dir, 'a.svg');
  fs.writeFileSync(file, '<svg/>');
  const failing: WriteOps = { ...real, renameSync: () => { throw Object.assign(new Error('busy'), { code: 'EBUSY' }); } };
  assert.throws(() => writeFileAtomic(file, '<svg>new</svg>', failing), /EBUSY/);
  assert.equal(fs.readFileSync(file, 'utf8'), '<svg/>');
  assert.deepEqual(fs.readdirSync(dir), ['a.svg']);
});

test('a write keeps the file mode and replaces the file a link points to, not the link', () => {
  const dir = scratch();
  const file = join(dir, 'real.farm');
  fs.writeFileSync(file, 'old\n', { mode: 0o640 });
  fs.chmodSync(file, 0o640);
  fs.symlinkSync(file, join(dir, 'link.farm'));
  writeFileAtomic(join(dir, 'link.farm'), 'new\n');
  assert.equal(fs.readFileSync(file, 'utf8'), 'new\n');
  assert.ok(fs.lstatSync(join(dir, 'link.farm')).isSymbolicLink());
  assert.equal(fs.statSync(file).mode & 0o777, 0o640);
  assert.deepEqual(fs.readdirSync(dir).sort(), ['link.farm', 'real.farm']);
});

test('format --write and check --fix write through a rename and leave no temporary file', () => {
  const dir = scratch();
  const file = join(dir, 'f.farm');
  fs.writeFileSync(file, 'exchange   ex01 {host="a.example.com"}\n');
  const r = runCli(['format', '--write', file]);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(fs.readFileSync(file, 'utf8'), 'exchange ex01 { host = "a.example.com" }\n');
  assert.deepEqual(fs.readdirSync(dir), ['f.farm']);
});

test('diagram --out onto something it cannot replace says so in one line, exits 1, and leaves it', () => {
  const dir = scratch();
  const farm = join(dir, 'f.farm');
  fs.writeFileSync(farm, 'exchange ex01 { host = "a.example.com" }\n');
  const out = join(dir, 'taken.svg');
  fs.mkdirSync(out);
  fs.writeFileSync(join(out, 'keep'), 'x');
  const r = runCli(['diagram', farm, '--out', out]);
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stderr, /^office-farm diagram: could not write .*taken\.svg \(E[A-Z]+\); it is unchanged\n$/);
  assert.deepEqual(fs.readdirSync(out), ['keep']);
  assert.deepEqual(fs.readdirSync(dir).sort(), ['f.farm', 'taken.svg']);
});
