// The diagram export's replace (src/extension/replace-file.ts) on real
// files through node:fs: the destination is replaced whole, or, when the
// write or the rename fails, left as it was with no temporary file beside it.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { test } from 'node:test';
import { replaceFile, type ReplaceFs } from '../../src/extension/replace-file';

const nodeFs = (overrides: Partial<ReplaceFs<string>> = {}): ReplaceFs<string> => ({
  writeFile: async (t, b) => fs.writeFileSync(t, b),
  rename: async (a, b) => fs.renameSync(a, b),
  remove: async (t) => fs.rmSync(t, { force: true }),
  sibling: (t, name) => join(dirname(t), name),
  nameOf: (t) => basename(t),
  ...overrides,
});
const scratch = (): string => fs.mkdtempSync(join(tmpdir(), 'office-farm-replace-'));

test('an export replaces the file whole and leaves nothing beside it', async () => {
  const dir = scratch();
  const file = join(dir, 'contoso-diagram.svg');
  fs.writeFileSync(file, '<svg>old</svg>');
  await replaceFile(nodeFs(), file, Buffer.from('<svg>new</svg>'));
  assert.equal(fs.readFileSync(file, 'utf8'), '<svg>new</svg>');
  assert.deepEqual(fs.readdirSync(dir), ['contoso-diagram.svg']);
});

test('a write that fails part way leaves the old export and no temporary file', async () => {
  const dir = scratch();
  const file = join(dir, 'contoso-diagram.png');
  fs.writeFileSync(file, 'old png');
  const failing = nodeFs({
    writeFile: async (t, b) => {
      fs.writeFileSync(t, b.subarray(0, 3));
      throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    },
  });
  await assert.rejects(replaceFile(failing, file, Buffer.from('new png bytes')), /no space/);
  assert.equal(fs.readFileSync(file, 'utf8'), 'old png');
  assert.deepEqual(fs.readdirSync(dir), ['contoso-diagram.png']);
});

test('a rename that fails leaves the old export and no temporary file', async () => {
  const dir = scratch();
  const file = join(dir, 'taken');
  fs.mkdirSync(file);
  await assert.rejects(replaceFile(nodeFs(), file, Buffer.from('<svg/>')));
  assert.ok(fs.statSync(file).isDirectory());
  assert.deepEqual(fs.readdirSync(dir), ['taken']);
});
