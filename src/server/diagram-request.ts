// office-farm/diagram: the topology diagram of an open document — its graph
// (servers, trusts, missing trusts, features, problem badges, last probes)
// and the layout, computed here from the model the document cache already
// holds, so the webview never reads the .farm text. The client sends back
// the layout it drew last and the groups it opened: the layout reuses the
// positions when nothing drawn changed.
import { ErrorCodes, ResponseError } from 'vscode-languageserver';
import type { Analysis } from '../core';
import { buildFarmGraph, layoutFarm, renderSvg, type DiagramLayout as CoreLayout, type FarmGraph } from '../core/diagram';
import { DIAGRAM_REQUEST, type DiagramGraph, type DiagramLayout, type DiagramParams, type DiagramResult } from './diagram-protocol';
import type { DocumentCache } from './document-cache';
import { toRange } from './positions';
import type { Probes } from './probes';

export const diagramRequest = DIAGRAM_REQUEST;

// Core's shapes must still fit the protocol's: a change on either side fails the type-check here.
type Fits<A extends B, B> = A;
export type CoreLayoutFits = Fits<CoreLayout, DiagramLayout>;
export type CoreNodeFits = Fits<FarmGraph['nodes'][number] & Pick<DiagramGraph['nodes'][number], 'range' | 'blockRange'>, DiagramGraph['nodes'][number]>;

export function diagram(cache: DocumentCache, probes: Probes, params: DiagramParams): DiagramResult {
  if (!params || typeof params.uri !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, `${diagramRequest} takes { uri, expanded?, previous?, svg? }.`);
  const expanded = Array.isArray(params.expanded) ? params.expanded.filter((e): e is string => typeof e === 'string') : [];
  const document = cache.get(params.uri);
  if (!document) throw new ResponseError(ErrorCodes.InvalidParams, `${params.uri} is not open.`);
  const { analysis } = document;
  const graph = buildFarmGraph(analysis, { probes: probeOutcomes(probes, params.uri, analysis) });
  const previous = validPrevious(params.previous);
  const layout = layoutFarm(graph, { expanded, ...(previous ? { previous } : {}) });
  return {
    uri: params.uri,
    version: document.version,
    graph: withRanges(analysis, graph),
    layout,
    ...(params.svg === true ? { svg: renderSvg(graph, layout, { mode: 'standalone' }) } : {}),
  };
}

function probeOutcomes(probes: Probes, uri: string, analysis: Analysis): Map<string, string> {
  const out = new Map<string, string>();
  for (const d of analysis.model.declarations) {
    if (!d.first) continue;
    const result = probes.resultFor(uri, analysis, d);
    if (result) out.set(d.name, result.outcome);
  }
  return out;
}

function withRanges(analysis: Analysis, graph: FarmGraph): DiagramGraph {
  const featureRange = new Map(graph.features.map((f) => [f.id, toRange(analysis, f.declared)]));
  return {
    ...(graph.realm ? { realm: graph.realm } : {}),
    nodes: graph.nodes.map((n) => ({ ...n, range: toRange(analysis, n.declared), blockRange: toRange(analysis, n.block) })),
    edges: graph.edges.map((e) => ({ ...e, range: toRange(analysis, e.declared) })),
    missing: graph.missing.map((m) => {
      const range = featureRange.get(m.neededBy[0]);
      return { ...m, ...(range ? { range } : {}) };
    }),
    features: graph.features.map((f) => ({ ...f, range: featureRange.get(f.id)! })),
  };
}

/** The previous layout as the client sent it, when it has the shape one has; anything else starts afresh. */
function validPrevious(p: unknown): CoreLayout | undefined {
  if (!p || typeof p !== 'object') return undefined;
  const l = p as Partial<CoreLayout>;
  const isBox = (b: unknown): boolean => !!b && typeof b === 'object' && ['x', 'y', 'width', 'height'].every((k) => Number.isFinite((b as Record<string, unknown>)[k])) && typeof (b as { id?: unknown }).id === 'string';
  if (typeof l.key !== 'string' || !Number.isFinite(l.width) || !Number.isFinite(l.height) || !Array.isArray(l.nodes) || !Array.isArray(l.groups)) return undefined;
  if (!l.nodes.every(isBox) || !l.groups.every((g) => isBox(g) && typeof g.kind === 'string' && typeof g.collapsed === 'boolean' && Number.isFinite(g.count))) return undefined;
  return { key: l.key, width: l.width!, height: l.height!, nodes: l.nodes, groups: l.groups, edges: [] };
}
