// The layout is stable (an unrelated edit moves no node), reuses the
// previous positions when nothing drawn changed, and collapses kinds into
// groups above the threshold.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { generateFarm } from './big-farm';
import { analyze } from '../../src/core';
import { buildFarmGraph, defaultCollapseAbove, layoutFarm, type DiagramLayout } from '../../src/core/diagram';
import { farmFiles } from '../support/paths';

const contoso = readFileSync(farmFiles('examples').find((f) => f.endsWith('contoso.farm'))!, 'utf8');
const laid = (text: string, previous?: DiagramLayout): DiagramLayout => layoutFarm(buildFarmGraph(analyze(text)), previous ? { previous } : {});
const positions = (l: DiagramLayout) => ({ nodes: l.nodes.map((n) => [n.id, n.x, n.y]), groups: l.groups.map((g) => [g.id, g.x, g.y, g.width, g.height]) });

const unrelatedEdits: Array<[string, (t: string) => string]> = [
  ['a comment', (t) => t.replace('# Contoso', '# Contoso (edited)')],
  ['a new comment line', (t) => t.replace('exchange ex01 {', '# the mail server\nexchange ex01 {')],
  ['a host', (t) => t.replace('"mail.contoso.com"', '"mail2.contoso.com"')],
  ['a version', (t) => t.replace('version             = 2013', 'version             = 2016')],
  ['an unrelated property', (t) => t.replace('max-upload-mb = 2047', 'max-upload-mb = 100')],
  ['a feature option', (t) => t.replace('prefix = "SMO-"', 'prefix = "SM-"')],
];

for (const [what, edit] of unrelatedEdits) {
  test(`stability: editing ${what} moves no node`, () => {
    const before = laid(contoso);
    const edited = edit(contoso);
    assert.notEqual(edited, contoso);
    const after = laid(edited, before);
    assert.equal(after.key, before.key);
    assert.deepEqual(positions(after), positions(before));
    // Not only because the previous layout was handed back: a fresh layout agrees.
    assert.deepEqual(positions(laid(edited)), positions(before));
  });
}

test('stability at 200 servers: changing one host moves no node', () => {
  const farm = generateFarm(200).farm;
  const before = laid(farm);
  const host = /host\s*=\s*"([^"]+)"/.exec(farm)![1];
  const after = laid(farm.replace(host, `x${host}`), before);
  assert.deepEqual(positions(after), positions(before));
});

test('a new trust changes the key, so the previous positions are not reused blindly', () => {
  const text = 'exchange ex01 { host = "a.example.com" }\nsharepoint sp01 { url = "https://b.example.com" }\n';
  const before = laid(text);
  const after = laid(text.replace('host = "a.example.com"', 'host = "a.example.com"; trusts = [sp01]'), before);
  assert.notEqual(after.key, before.key);
  assert.deepEqual(after.edges.map((e) => e.id), ['sp01->ex01']);
});

test('nodes never overlap, and every node lies inside its group', () => {
  const graph = buildFarmGraph(analyze(generateFarm(200).farm));
  const layout = layoutFarm(graph);
  assert.equal(layout.nodes.length, 200);
  const kindOf = new Map(graph.nodes.map((n) => [n.id, n.kind]));
  for (const n of layout.nodes) {
    const g = layout.groups.find((x) => x.kind === kindOf.get(n.id))!;
    assert.ok(n.x >= g.x && n.y >= g.y && n.x + n.width <= g.x + g.width && n.y + n.height <= g.y + g.height, `${n.id} outside its group`);
  }
  const boxes = [...layout.groups];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i];
      const b = boxes[j];
      assert.ok(a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y, `${a.id} overlaps ${b.id}`);
    }
});

test(`collapse: up to ${defaultCollapseAbove} servers every server is drawn; above, each kind is one group node`, () => {
  const open = layoutFarm(buildFarmGraph(analyze(generateFarm(defaultCollapseAbove).farm)));
  assert.equal(open.nodes.length, defaultCollapseAbove);
  assert.ok(open.groups.every((g) => !g.collapsed));

  const big = buildFarmGraph(analyze(generateFarm(defaultCollapseAbove + 5).farm));
  const closed = layoutFarm(big);
  assert.equal(closed.nodes.length, 0);
  assert.deepEqual(closed.groups.map((g) => [g.kind, g.count, g.collapsed]), [
    ['exchange', 51, true],
    ['sharepoint', 51, true],
    ['lync', 51, true],
    ['office-web-apps', 51, true],
    ['project', 51, true],
  ]);
  // Trusts between closed groups are one edge each, counting what they stand for.
  assert.ok(closed.edges.length > 0 && closed.edges.every((e) => e.from.startsWith('group:') && e.to.startsWith('group:')));
  assert.equal(closed.edges.reduce((n, e) => n + e.count, 0), big.edges.filter((e) => big.nodes.find((n) => n.id === e.from)!.kind !== big.nodes.find((n) => n.id === e.to)!.kind).length);

  const expanded = layoutFarm(big, { expanded: ['group:exchange'] });
  assert.equal(expanded.nodes.length, 51);
  assert.ok(expanded.edges.some((e) => !e.from.startsWith('group:') || !e.to.startsWith('group:')));
  assert.notEqual(expanded.key, closed.key);
});

test('collapseAbove is an option', () => {
  const layout = layoutFarm(buildFarmGraph(analyze(contoso)), { collapseAbove: 2 });
  assert.equal(layout.nodes.length, 0);
  assert.equal(layout.groups.filter((g) => g.collapsed).length, 5);
});
