// The diagram's graph of every example and conformance file as golden
// baselines (nodes, trusts, missing trusts, features, badges, layout).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { test } from 'node:test';
import { analyze } from '../../src/core';
import { buildFarmGraph, layoutFarm } from '../../src/core/diagram';
import { matchBaseline } from '../support/baseline';
import { farmFiles } from '../support/paths';
import { graphText } from './graph-text';

for (const folder of ['examples', 'conformance'] as const) {
  for (const file of farmFiles(folder)) {
    const name = basename(file, '.farm');
    test(`diagram baseline: ${folder}/${name}`, () => {
      const analysis = analyze(readFileSync(file, 'utf8'));
      const graph = buildFarmGraph(analysis);
      matchBaseline(`diagram/${folder}/${name}.graph.txt`, graphText(analysis, graph, layoutFarm(graph)));
    });
  }
}

test('contoso: every trust is two-way, no trust is missing, no badge', () => {
  const graph = buildFarmGraph(analyze(readFileSync(farmFiles('examples').find((f) => f.endsWith('contoso.farm'))!, 'utf8')));
  assert.deepEqual(graph.nodes.map((n) => n.id), ['ex01', 'sp01', 'lync01', 'wac01', 'pwa01']);
  assert.deepEqual(graph.edges.map((e) => [e.id, e.twoWay]), [['ex01->sp01', true], ['ex01->lync01', true], ['sp01->lync01', true]]);
  assert.deepEqual(graph.missing, []);
  assert.ok(graph.nodes.every((n) => n.problems.error + n.problems.warning === 0));
});

test('first-steps: sp01 issues tokens ex01 trusts; site mailboxes miss ex01 -> sp01; ex01 carries its problems', () => {
  const analysis = analyze(readFileSync(farmFiles('examples').find((f) => f.endsWith('first-steps.farm'))!, 'utf8'));
  const graph = buildFarmGraph(analysis);
  assert.deepEqual(graph.edges.map((e) => [e.from, e.to, e.twoWay]), [['sp01', 'ex01', false]]);
  assert.deepEqual(graph.missing.map((m) => [m.from, m.to, m.neededBy]), [['ex01', 'sp01', ['site-mailboxes']]]);
  const ex01 = graph.nodes.find((n) => n.id === 'ex01')!;
  const inEx01 = analysis.diagnostics.filter((d) => d.start >= ex01.block.start && d.start < ex01.block.end);
  assert.ok(inEx01.length > 0);
  assert.equal(ex01.problems.error + ex01.problems.warning + ex01.problems.information + ex01.problems.hint, inEx01.length);
});

test('probe outcomes passed in are marked on their servers only', () => {
  const graph = buildFarmGraph(analyze('exchange ex01 { host = "a.example.com" }\nsharepoint sp01 { url = "https://b.example.com" }\n'), { probes: new Map([['ex01', 'error']]) });
  assert.deepEqual(graph.nodes.map((n) => [n.id, n.probe, n.host]), [['ex01', 'error', 'a.example.com'], ['sp01', undefined, 'b.example.com']]);
});

test('a trust written twice, or a server trusting itself, makes no extra edge', () => {
  const graph = buildFarmGraph(analyze('exchange ex01 { host = "a.example.com"; trusts = [sp01, sp01, ex01] }\nsharepoint sp01 { url = "https://b.example.com" }\n'));
  assert.deepEqual(graph.edges.map((e) => e.id), ['sp01->ex01']);
});
