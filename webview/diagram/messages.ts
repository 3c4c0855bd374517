// Every message between the diagram panel's webview and the extension, both
// ways, with a validator for each direction (the inbox's are in
// webview/protocol.ts; the diagram's live beside its panel so the two
// panels do not edit one file). Both ends validate what they receive.
import type { DiagramGraph, DiagramLayout } from '../../src/server/diagram-protocol';

export type { DiagramGraph, DiagramLayout };

export type DiagramToView =
  | { type: 'diagram'; uri: string; version: number; title: string; graph: DiagramGraph; layout: DiagramLayout; expanded: string[] }
  /** The node (or closed group) whose block holds the editor's cursor; none when it is elsewhere. */
  | { type: 'cursor'; id?: string }
  /** Why there is nothing to draw, in words. */
  | { type: 'notice'; text: string }
  /** Draw this standalone SVG (the CLI's) into a PNG at `scale` and answer `png`. */
  | { type: 'rasterise'; id: number; svg: string; width: number; height: number; scale: number };

export type DiagramToHost =
  | { type: 'ready' }
  /** Show where a node, trust, missing trust or feature is written. */
  | { type: 'reveal'; kind: 'node' | 'edge' | 'missing' | 'feature'; id: string }
  /** Open or close a kind's group (`group:<kind>`). */
  | { type: 'toggleGroup'; id: string }
  | { type: 'png'; id: number; data: string }
  | { type: 'rasteriseFailed'; id: number; reason: string };

/** What the webview keeps with setState: enough to come back to the same view after a reload, nothing secret. */
export interface DiagramViewState {
  uri?: string;
  expanded: string[];
  feature?: string;
  /** Pan and zoom. */
  view?: { x: number; y: number; scale: number };
  /** The layout drawn last, so a reload keeps the positions. */
  layout?: DiagramLayout;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string';
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isBox = (b: unknown): boolean => isObj(b) && isStr(b.id) && isNum(b.x) && isNum(b.y) && isNum(b.width) && isNum(b.height);
const kinds = ['exchange', 'sharepoint', 'lync', 'office-web-apps', 'project'];
const isCounts = (c: unknown) => isObj(c) && ['error', 'warning', 'information', 'hint'].every((k) => isNum(c[k]));
const isPos = (p: unknown) => isObj(p) && Number.isInteger(p.line) && Number.isInteger(p.character);
const isRange = (r: unknown) => isObj(r) && isPos(r.start) && isPos(r.end);
const isSpan = (s: unknown) => isObj(s) && isNum(s.start) && isNum(s.end);
const isStrList = (v: unknown): v is string[] => Array.isArray(v) && v.every(isStr);

export function isDiagramLayout(l: unknown): l is DiagramLayout {
  return (
    isObj(l) &&
    isStr(l.key) &&
    isNum(l.width) &&
    isNum(l.height) &&
    Array.isArray(l.nodes) &&
    l.nodes.every(isBox) &&
    Array.isArray(l.groups) &&
    l.groups.every((g) => isBox(g) && kinds.includes((g as Obj).kind as string) && isNum((g as Obj).count) && typeof (g as Obj).collapsed === 'boolean') &&
    Array.isArray(l.edges) &&
    l.edges.every((e) => isObj(e) && isStr(e.id) && isStr(e.from) && isStr(e.to) && typeof e.twoWay === 'boolean' && typeof e.missing === 'boolean' && isNum(e.count))
  );
}

export function isDiagramGraph(g: unknown): g is DiagramGraph {
  if (!isObj(g) || !(g.realm === undefined || isStr(g.realm))) return false;
  const { nodes, edges, missing, features } = g;
  return (
    Array.isArray(nodes) &&
    nodes.every((n) => isObj(n) && isStr(n.id) && kinds.includes(n.kind as string) && isStr(n.name) && isNum(n.version) && (n.host === undefined || isStr(n.host)) && (n.probe === undefined || isStr(n.probe)) && isCounts(n.problems) && isSpan(n.declared) && isSpan(n.block) && isRange(n.range) && isRange(n.blockRange)) &&
    Array.isArray(edges) &&
    edges.every((e) => isObj(e) && isStr(e.id) && isStr(e.from) && isStr(e.to) && typeof e.twoWay === 'boolean' && isSpan(e.declared) && isRange(e.range)) &&
    Array.isArray(missing) &&
    missing.every((m) => isObj(m) && isStr(m.id) && isStr(m.from) && isStr(m.to) && isStrList(m.neededBy) && (m.range === undefined || isRange(m.range))) &&
    Array.isArray(features) &&
    features.every((f) => isObj(f) && isStr(f.id) && isStr(f.featureId) && isStr(f.title) && isStrList(f.participants) && Array.isArray(f.trusts) && f.trusts.every((t) => isObj(t) && isStr(t.from) && isStr(t.to) && typeof t.present === 'boolean') && isCounts(f.problems) && isSpan(f.declared) && isRange(f.range))
  );
}

export function readDiagramToView(m: unknown): DiagramToView | undefined {
  if (!isObj(m)) return undefined;
  switch (m.type) {
    case 'diagram':
      return isStr(m.uri) && Number.isInteger(m.version) && isStr(m.title) && isStrList(m.expanded) && isDiagramGraph(m.graph) && isDiagramLayout(m.layout) ? (m as DiagramToView) : undefined;
    case 'cursor':
      return m.id === undefined || isStr(m.id) ? (m as DiagramToView) : undefined;
    case 'notice':
      return isStr(m.text) ? (m as DiagramToView) : undefined;
    case 'rasterise':
      return Number.isInteger(m.id) && isStr(m.svg) && isNum(m.width) && isNum(m.height) && isNum(m.scale) ? (m as DiagramToView) : undefined;
    default:
      return undefined;
  }
}

export function readDiagramToHost(m: unknown): DiagramToHost | undefined {
  if (!isObj(m)) return undefined;
  switch (m.type) {
    case 'ready':
      return { type: 'ready' };
    case 'reveal':
      return ['node', 'edge', 'missing', 'feature'].includes(m.kind as string) && isStr(m.id) && m.id.length < 500 ? { type: 'reveal', kind: m.kind as 'node', id: m.id } : undefined;
    case 'toggleGroup':
      return isStr(m.id) && /^group:[a-z-]+$/.test(m.id) ? { type: 'toggleGroup', id: m.id } : undefined;
    case 'png':
      return Number.isInteger(m.id) && isStr(m.data) && /^[A-Za-z0-9+/=]*$/.test(m.data) ? { type: 'png', id: m.id as number, data: m.data } : undefined;
    case 'rasteriseFailed':
      return Number.isInteger(m.id) && isStr(m.reason) ? { type: 'rasteriseFailed', id: m.id as number, reason: m.reason.slice(0, 500) } : undefined;
    default:
      return undefined;
  }
}

export function readDiagramViewState(s: unknown): DiagramViewState {
  if (!isObj(s)) return { expanded: [] };
  const view = isObj(s.view) && isNum(s.view.x) && isNum(s.view.y) && isNum(s.view.scale) && s.view.scale > 0 ? { x: s.view.x, y: s.view.y, scale: s.view.scale } : undefined;
  return {
    ...(isStr(s.uri) ? { uri: s.uri } : {}),
    expanded: isStrList(s.expanded) ? s.expanded.filter((e) => /^group:[a-z-]+$/.test(e)) : [],
    ...(isStr(s.feature) ? { feature: s.feature } : {}),
    ...(view ? { view } : {}),
    ...(isDiagramLayout(s.layout) ? { layout: s.layout } : {}),
  };
}
