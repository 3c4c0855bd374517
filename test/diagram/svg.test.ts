// The SVG is well-formed XML with one node per server, dashed missing
// trusts, escaped text, and a feature highlight that lights its parts.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { XMLValidator } from 'fast-xml-parser';
import { analyze } from '../../src/core';
import { buildFarmGraph, layoutFarm, renderSvg } from '../../src/core/diagram';
import { farmFiles } from '../support/paths';
import { elements, hasClass } from './svg-elements';

for (const file of [...farmFiles('examples'), ...farmFiles('conformance')]) {
  test(`svg of ${file.split('/').pop()}: valid XML, one node per server, one edge per trust`, () => {
    const graph = buildFarmGraph(analyze(readFileSync(file, 'utf8')));
    for (const mode of ['standalone', 'webview'] as const) {
      const svg = renderSvg(graph, layoutFarm(graph), { mode });
      assert.equal(XMLValidator.validate(svg), true);
      const all = elements(svg);
      assert.equal(all.filter((e) => e.name === 'g' && hasClass(e, 'server')).length, graph.nodes.length);
      assert.equal(all.filter((e) => e.name === 'g' && hasClass(e, 'trust')).length, graph.edges.length);
      const missing = all.filter((e) => e.name === 'g' && hasClass(e, 'missing'));
      assert.equal(missing.length, graph.missing.length);
      assert.equal(all.filter((e) => e.name === 'line' && e.attrs['stroke-dasharray']).length, graph.missing.length);
      assert.equal(all.some((e) => e.name === 'style'), mode === 'standalone');
    }
  });
}

test('text from the file is escaped', () => {
  // A host of that spelling is invalid (and not drawn); the realm is any string.
  const graph = buildFarmGraph(analyze('farm x { realm = "a<b>&\\"c\'" }\nexchange ex01 { host = "a.example.com" }\n'));
  const svg = renderSvg(graph, layoutFarm(graph), { mode: 'standalone' });
  assert.equal(XMLValidator.validate(svg), true);
  assert.ok(!svg.includes('a<b>'));
  assert.ok(svg.includes('a&lt;b&gt;&amp;&quot;c&apos;'));
});

test('a feature highlight lights its participants and trusts and dims the rest', () => {
  const graph = buildFarmGraph(analyze(readFileSync(farmFiles('examples').find((f) => f.endsWith('contoso.farm'))!, 'utf8')));
  const svg = renderSvg(graph, layoutFarm(graph), { mode: 'webview', highlight: 'unified-contact-store' });
  const all = elements(svg);
  const lit = all.filter((e) => hasClass(e, 'lit')).map((e) => e.attrs['data-id']);
  assert.deepEqual(lit.sort(), ['ex01', 'ex01->lync01', 'lync01'].sort());
  assert.ok(all.filter((e) => hasClass(e, 'server') && hasClass(e, 'dim')).map((e) => e.attrs['data-id']).includes('sp01'));
});

test('a two-way trust is one edge with arrowheads at both ends', () => {
  const graph = buildFarmGraph(analyze('exchange ex01 { host = "a.example.com"; trusts = [sp01] }\nsharepoint sp01 { url = "https://b.example.com"; trusts = [ex01] }\n'));
  const lines = elements(renderSvg(graph, layoutFarm(graph), { mode: 'standalone' })).filter((e) => e.name === 'line' && hasClass(e, 'edge-line'));
  assert.equal(lines.length, 1);
  assert.ok(lines[0].attrs['marker-start'] && lines[0].attrs['marker-end']);
});
