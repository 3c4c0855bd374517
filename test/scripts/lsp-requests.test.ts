// office-farm/scripts and office-farm/drift over a real language server
// (dist/server.js over stdio): what the editor's commands ask.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { DriftResult, ScriptsResult } from '../../src/server/scripts-protocol';
import { LspSession } from '../server/lsp-session';
import { repoRoot } from '../support/paths';

const uri = 'file:///farms/contoso.farm';
const text = readFileSync(join(repoRoot, 'examples', 'contoso.farm'), 'utf8');
const inventoryDir = join(repoRoot, 'test', 'fixtures', 'inventories');
const inventory = (folder: string, file: string) => ({ name: file, text: readFileSync(join(inventoryDir, folder, file), 'utf8') });
const matching = readdirSync(join(inventoryDir, 'contoso')).sort().map((f) => inventory('contoso', f));

let session: LspSession;
before(async () => {
  session = await LspSession.start();
  await session.open(uri, text);
});
after(async () => session?.stop());

test('office-farm/scripts answers the scripts of the open document, as the CLI makes them', async () => {
  const r = (await session.connection.sendRequest('office-farm/scripts', { uri })) as ScriptsResult;
  assert.equal(r.uri, uri);
  assert.deepEqual(r.scripts.map((s) => s.fileName), ['ex01.ps1', 'sp01.ps1', 'lync01.ps1', 'wac01.ps1']);
  assert.equal(r.scripts[1].text, readFileSync(join(repoRoot, 'test', 'baselines', 'scripts', 'contoso', 'sp01.ps1'), 'utf8'));
  const inv = (await session.connection.sendRequest('office-farm/scripts', { uri, inventory: true })) as ScriptsResult;
  assert.deepEqual(inv.scripts.map((s) => s.fileName), ['ex01.inventory.ps1', 'sp01.inventory.ps1', 'lync01.inventory.ps1', 'wac01.inventory.ps1']);
});

test('office-farm/drift answers the differences as LSP ranges, and follows edits', async () => {
  const quiet = (await session.connection.sendRequest('office-farm/drift', { uri, inventories: matching })) as DriftResult;
  assert.deepEqual(quiet.errors, []);
  assert.deepEqual(quiet.diagnostics, []);
  const drifted = [...matching.filter((i) => i.name !== 'sp01.inventory.json'), inventory('contoso-drift', 'sp01-without-exchange-trust.json')];
  const r = (await session.connection.sendRequest('office-farm/drift', { uri, inventories: drifted })) as DriftResult;
  assert.deepEqual(r.diagnostics.map((d) => [d.code, d.severity, d.range.start]), [['FARM601', 'error', { line: 29, character: 19 }]]);
  // Two lines more above sp01: the difference moves with the text.
  await session.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# a\n# b\n' }]);
  const moved = (await session.connection.sendRequest('office-farm/drift', { uri, inventories: drifted })) as DriftResult;
  assert.deepEqual(moved.diagnostics[0].range.start, { line: 31, character: 19 });
});

test('office-farm/drift: an unreadable inventory is an error in the answer; a bad request is refused', async () => {
  const r = (await session.connection.sendRequest('office-farm/drift', { uri, inventories: [{ name: 'bad.json', text: '{' }] })) as DriftResult;
  assert.equal(r.diagnostics.length, 0);
  assert.match(r.errors[0], /bad\.json: not JSON/);
  await assert.rejects(session.connection.sendRequest('office-farm/drift', { uri, inventories: [] }), /takes \{ uri, inventories/);
  await assert.rejects(session.connection.sendRequest('office-farm/scripts', { uri: 'file:///not-open.farm' }), /is not open/);
});
