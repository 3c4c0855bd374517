// Messages between the diagram webview and the extension through the
// validators both ends run (webview/diagram/messages.ts), and the view state
// a reload reads back. Samples are a real diagram message: contoso's graph,
// layout and ranges as the server computes them.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { analyze } from '../../../src/core';
import { buildFarmGraph, layoutFarm } from '../../../src/core/diagram';
import { toRange } from '../../../src/server/positions';
import { readDiagramToHost, readDiagramToView, readDiagramViewState } from '../../../webview/diagram/messages';
import { farmFiles } from '../../support/paths';
import { hostileValue, mutateJson, mutateText } from '../framework/mutations';
import type { FuzzTarget } from '../framework/target';

let samples: unknown[] | undefined;
function diagramSamples(): unknown[] {
  if (samples) return samples;
  const analysis = analyze(readFileSync(farmFiles('examples').find((f) => f.endsWith('contoso.farm'))!, 'utf8'));
  const core = buildFarmGraph(analysis);
  const layout = layoutFarm(core);
  const graph = {
    ...core,
    nodes: core.nodes.map((n) => ({ ...n, range: toRange(analysis, n.declared), blockRange: toRange(analysis, n.block) })),
    edges: core.edges.map((e) => ({ ...e, range: toRange(analysis, e.declared) })),
    features: core.features.map((f) => ({ ...f, range: toRange(analysis, f.declared) })),
  };
  samples = [
    { type: 'diagram', uri: 'file:///w/contoso.farm', version: 3, title: 'contoso.farm', graph, layout, expanded: ['group:exchange'] },
    { type: 'cursor', id: core.nodes[0]?.id },
    { type: 'notice', text: 'Open a .farm file' },
    { type: 'rasterise', id: 1, svg: '<svg xmlns="http://www.w3.org/2000/svg"/>', width: 100, height: 50, scale: 2 },
    { type: 'ready' },
    { type: 'reveal', kind: 'node', id: core.nodes[0]?.id ?? 'ex01' },
    { type: 'reveal', kind: 'feature', id: core.features[0]?.id ?? 'site-mailboxes' },
    { type: 'toggleGroup', id: 'group:sharepoint' },
    { type: 'png', id: 1, data: 'iVBORw0KGgo=' },
    { type: 'rasteriseFailed', id: 1, reason: 'no canvas' },
    { uri: 'file:///w/contoso.farm', expanded: ['group:lync'], feature: 'site-mailboxes', view: { x: 10, y: -4, scale: 1.5 }, layout },
  ];
  return samples;
}
const fragments = ['"', '{', '}', '[', ']', ',', ':', 'null', '"type"', '"group:"', '"group:../x"', '0', '-1', '1e999', '"__proto__"', '\\u0000', '"data:,"', '"javascript:1"'];

export const diagramMessages: FuzzTarget<string> = {
  name: 'diagram-messages',
  count: 4_000,
  seed: 2225,
  deadlineMs: 2000,
  kind: 'text',
  generate(rng) {
    const r = rng.int(10);
    if (r < 6) return JSON.stringify(mutateJson(rng, rng.pick(diagramSamples()) as never));
    if (r < 8) return mutateText(rng, JSON.stringify(rng.pick(diagramSamples())), fragments);
    return JSON.stringify(hostileValue(rng));
  },
  run(text) {
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch {
      message = text;
    }
    const toHost = readDiagramToHost(message);
    if (toHost?.type === 'reveal') assert.ok(toHost.id.length < 500 && ['node', 'edge', 'missing', 'feature'].includes(toHost.kind), 'a reveal the host cannot look up');
    if (toHost?.type === 'toggleGroup') assert.match(toHost.id, /^group:[a-z-]+$/);
    if (toHost?.type === 'png') assert.match(toHost.data, /^[A-Za-z0-9+/=]*$/, 'PNG data that is not base64');
    if (toHost?.type === 'rasteriseFailed') assert.ok(toHost.reason.length <= 500, 'a failure reason the host would log unbounded');
    const toView = readDiagramToView(message);
    if (toView?.type === 'diagram') {
      assert.ok(Array.isArray(toView.graph.nodes) && Array.isArray(toView.layout.nodes));
      for (const n of toView.layout.nodes) assert.ok(Number.isFinite(n.x) && Number.isFinite(n.width), 'a node drawn at no finite place');
    }
    const state = readDiagramViewState(message);
    assert.ok(Array.isArray(state.expanded) && state.expanded.every((e) => /^group:[a-z-]+$/.test(e)), 'an expanded group that is not one');
    if (state.view) assert.ok(Number.isFinite(state.view.x) && Number.isFinite(state.view.y) && state.view.scale > 0 && Number.isFinite(state.view.scale), 'a pan or zoom that cannot be drawn');
  },
};
