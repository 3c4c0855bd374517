// office-farm/diagram (src/server/diagram-request.ts) over a real LSP
// session with the built server: the graph with ranges for the editor, the
// layout, positions kept across an unrelated edit, groups, and bad input.
import assert from 'node:assert/strict';
import { XMLValidator } from 'fast-xml-parser';
import { after, before, test } from 'node:test';
import type { DiagramParams, DiagramResult } from '../../src/server/diagram-protocol';
import { LspSession } from '../server/lsp-session';

const FARM = [
  'farm contoso { realm = "contoso.com" }',
  'exchange ex01 { host = "mail.contoso.com"; trusts = [sp01] }',
  'sharepoint sp01 { url = "https://intranet.contoso.com" }',
  'feature site-mailboxes { exchange = ex01; sharepoint = sp01 }',
  '',
].join('\n');
const uri = 'untitled:diagram.farm';
let session: LspSession;

before(async () => {
  session = await LspSession.start();
  await session.open(uri, FARM);
});
after(async () => {
  await session?.stop();
});

const ask = (params: Partial<DiagramParams> = {}) => session.connection.sendRequest('office-farm/diagram', { uri, ...params }) as Promise<DiagramResult>;

test('nodes with the range of their name and block, trusts with the range of the list element, the missing trust', async () => {
  const d = await ask();
  assert.equal(d.graph.realm, 'contoso.com');
  assert.deepEqual(d.graph.nodes.map((n) => [n.id, n.kind, n.host, n.range.start.line, n.range.start.character, n.blockRange.start.line]), [
    ['ex01', 'exchange', 'mail.contoso.com', 1, 9, 1],
    ['sp01', 'sharepoint', 'intranet.contoso.com', 2, 11, 2],
  ]);
  assert.deepEqual(d.graph.edges.map((e) => [e.id, e.range.start]), [['sp01->ex01', { line: 1, character: 53 }]]);
  assert.deepEqual(d.graph.missing.map((m) => [m.id, m.range?.start.line]), [['missing:ex01->sp01', 3]]);
  assert.equal(d.layout.nodes.length, 2);
  assert.equal(d.svg, undefined);
});

test('with the previous layout, an edit of a host keeps every position', async () => {
  const first = await ask();
  await session.change(uri, [{ range: { start: { line: 1, character: 24 }, end: { line: 1, character: 28 } }, text: 'post' }]);
  const second = await ask({ previous: first.layout });
  assert.equal(second.graph.nodes[0].host, 'post.contoso.com');
  assert.equal(second.layout.key, first.layout.key);
  assert.deepEqual(second.layout.nodes, first.layout.nodes);
  assert.ok(second.version > first.version);
});

test('svg: true answers the standalone SVG too', async () => {
  const d = await ask({ svg: true });
  assert.equal(XMLValidator.validate(d.svg!), true);
  assert.match(d.svg!, /stroke-dasharray/);
});

test('a malformed previous layout is ignored, not trusted', async () => {
  const d = await ask({ previous: { key: 'x', width: 1, height: 1, nodes: [{ id: 'ex01' }], groups: [] } as never, expanded: [42] as never });
  assert.equal(d.layout.nodes.length, 2);
  assert.ok(d.layout.nodes.every((n) => Number.isFinite(n.x)));
});

test('a document that is not open is an InvalidParams error', async () => {
  await assert.rejects(session.connection.sendRequest('office-farm/diagram', { uri: 'untitled:nope.farm' }), /is not open/);
  await assert.rejects(session.connection.sendRequest('office-farm/diagram', {}), /takes \{ uri/);
});
