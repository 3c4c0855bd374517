// Where each node of the diagram goes. One group per server kind, ranked by
// a layered layout (@dagrejs/dagre, chosen over elkjs by measurement:
// bench/README.md, "Topology diagram") so that token issuers come before the
// servers that trust them; inside a group its servers in source order. Above `collapseAbove` servers each kind is one group node
// until the user expands it, so 2,000 servers stay a drawing of a few boxes.
//
// Stable: the layout depends only on what is drawn (the nodes, their kinds,
// the edges between them and which groups are open), summed up in `key`.
// When the caller passes the previous layout and its key is the same, the
// previous positions are returned as they were: an edit of a comment, a host
// or a version moves nothing. Pure: no DOM, no I/O; the language server runs it.
import dagre from '@dagrejs/dagre';
import type { ServerKind } from '../topology';
import type { WorkCounter } from '../work-counter';
import { serverKinds, type FarmGraph } from './farm-graph';

export const nodeWidth = 200;
export const nodeHeight = 64;
export const groupHeader = 28;
export const defaultCollapseAbove = 250;
const gap = 16;
const padding = 12;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LaidNode extends Box {
  id: string;
}

export interface LaidGroup extends Box {
  /** `group:<kind>`. */
  id: string;
  kind: ServerKind;
  /** How many servers of the kind the farm has. */
  count: number;
  collapsed: boolean;
}

/** An edge between what is drawn: servers, or a collapsed group standing for its servers. */
export interface LaidEdge {
  id: string;
  from: string;
  to: string;
  twoWay: boolean;
  /** A trust a feature needs that no `trusts` list gives. */
  missing: boolean;
  /** How many trusts it stands for (more than one between collapsed groups). */
  count: number;
}

export interface DiagramLayout {
  key: string;
  width: number;
  height: number;
  nodes: LaidNode[];
  groups: LaidGroup[];
  edges: LaidEdge[];
}

export interface LayoutOptions {
  /** The layout the caller drew last: reused as it is when nothing drawn changed. */
  previous?: Pick<DiagramLayout, 'key' | 'nodes' | 'groups' | 'width' | 'height'>;
  /** Kinds the user opened while collapsed (`group:<kind>` or the kind). */
  expanded?: readonly string[];
  collapseAbove?: number;
  /** Counts what the layout visits, by kind (test/fuzz/linear-cost.test.ts). */
  counter?: WorkCounter;
}

export const groupId = (kind: string): string => `group:${kind}`;

export function layoutFarm(graph: FarmGraph, options: LayoutOptions = {}): DiagramLayout {
  const collapseAbove = options.collapseAbove ?? defaultCollapseAbove;
  const expanded = new Set((options.expanded ?? []).map((e) => (e.startsWith('group:') ? e.slice(6) : e)));
  const collapsing = graph.nodes.length > collapseAbove;
  const counts = new Map<ServerKind, number>();
  for (const n of graph.nodes) counts.set(n.kind, (counts.get(n.kind) ?? 0) + 1);
  const kinds = serverKinds.filter((k) => counts.has(k));
  const collapsed = new Set(collapsing ? kinds.filter((k) => !expanded.has(k)) : []);

  const kindOf = new Map(graph.nodes.map((n) => [n.id, n.kind]));
  const shown = (id: string): string => (collapsed.has(kindOf.get(id)!) ? groupId(kindOf.get(id)!) : id);
  const edges = new Map<string, LaidEdge>();
  const add = (from: string, to: string, twoWay: boolean, missing: boolean, id: string): void => {
    const a = shown(from);
    const b = shown(to);
    if (a === b && a.startsWith('group:')) return; // trusts inside a closed group are not drawn
    const key = `${missing ? 'missing:' : ''}${a}->${b}`;
    const existing = edges.get(key) ?? (!missing && twoWay ? edges.get(`${b}->${a}`) : undefined);
    if (existing) {
      existing.count++;
      existing.twoWay ||= twoWay;
      return;
    }
    edges.set(key, { id: a === from && b === to ? id : key, from: a, to: b, twoWay, missing, count: 1 });
  };
  const counter = options.counter;
  counter?.add('layout nodes', graph.nodes.length);
  counter?.add('layout trusts', graph.edges.length + graph.missing.length);
  for (const e of graph.edges) add(e.from, e.to, e.twoWay, false, e.id);
  for (const m of graph.missing) add(m.from, m.to, false, true, m.id);
  const laidEdges = [...edges.values()];

  const visible = graph.nodes.filter((n) => !collapsed.has(n.kind));
  const key = layoutKey(kinds, collapsed, visible.map((n) => `${n.kind}/${n.id}`), laidEdges);
  counter?.add('layout key entries', visible.length + laidEdges.length);
  const prev = options.previous;
  if (prev && prev.key === key) {
    return { key, width: prev.width, height: prev.height, nodes: prev.nodes, groups: prev.groups, edges: laidEdges };
  }

  // Each open group is a grid of its servers in source order; dagre then
  // ranks the groups (open or closed) by the trusts between them. A full
  // compound layout of every server cost 554 ms (dagre) and 732 ms (elkjs)
  // at 200 servers, over the 300 ms budget (bench/README.md).
  const members = new Map<ServerKind, string[]>();
  for (const n of visible) {
    const list = members.get(n.kind);
    if (list) list.push(n.id);
    else members.set(n.kind, [n.id]);
  }
  counter?.add('layout grid cells', visible.length);
  const grids = new Map<ServerKind, { columns: number; width: number; height: number }>();
  for (const [k, ids] of members) {
    const columns = Math.max(1, Math.min(ids.length, Math.round(Math.sqrt(ids.length / 2))));
    const rows = Math.ceil(ids.length / columns);
    grids.set(k, { columns, width: columns * nodeWidth + (columns - 1) * gap + 2 * padding, height: groupHeader + rows * nodeHeight + (rows - 1) * gap + padding });
  }
  const g = new dagre.graphlib.Graph({ multigraph: false });
  g.setGraph({ rankdir: 'LR', nodesep: 32, ranksep: 96, marginx: 16, marginy: 16 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const k of kinds) {
    const grid = grids.get(k);
    g.setNode(groupId(k), grid ? { width: grid.width, height: grid.height } : { width: nodeWidth, height: nodeHeight });
  }
  const kindEdges = new Set<string>();
  for (const e of laidEdges) {
    const a = groupId(kindOf.get(e.from) ?? e.from.slice(6));
    const b = groupId(kindOf.get(e.to) ?? e.to.slice(6));
    if (a === b) continue;
    const [x, y] = e.twoWay && a > b ? [b, a] : [a, b];
    if (kindEdges.has(`${x}>${y}`) || kindEdges.has(`${y}>${x}`)) continue;
    kindEdges.add(`${x}>${y}`);
    g.setEdge(x, y);
  }
  counter?.add('layout dagre nodes and edges', g.nodeCount() + g.edgeCount());
  dagre.layout(g);

  const groups: LaidGroup[] = kinds.map((k) => ({ ...box(groupId(k), g.node(groupId(k))), kind: k, count: counts.get(k)!, collapsed: collapsed.has(k) }));
  const nodes: LaidNode[] = [];
  for (const group of groups) {
    const ids = members.get(group.kind);
    if (!ids) continue;
    const { columns } = grids.get(group.kind)!;
    ids.forEach((id, i) => {
      const col = i % columns;
      const row = Math.floor(i / columns);
      nodes.push({ id, x: group.x + padding + col * (nodeWidth + gap), y: group.y + groupHeader + row * (nodeHeight + gap), width: nodeWidth, height: nodeHeight });
    });
  }
  const graphLabel = g.graph() as { width?: number; height?: number };
  return { key, width: Math.ceil(graphLabel.width ?? 0), height: Math.ceil(graphLabel.height ?? 0), nodes, groups, edges: laidEdges };
}

function box(id: string, label: { x: number; y: number; width: number; height: number }): LaidNode {
  // dagre gives centres; the diagram draws from the top-left corner.
  return { id, x: Math.round(label.x - label.width / 2), y: Math.round(label.y - label.height / 2), width: Math.round(label.width), height: Math.round(label.height) };
}

/** What the layout depends on, as one string (FNV-1a of it: the webview sends it back). */
function layoutKey(kinds: ServerKind[], collapsed: Set<ServerKind>, nodes: string[], edges: LaidEdge[]): string {
  const parts = [kinds.map((k) => (collapsed.has(k) ? `${k}-` : k)).join(','), nodes.join(','), edges.map((e) => `${e.from}>${e.to}`).sort().join(',')];
  let h = 0x811c9dc5;
  const s = parts.join('|');
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${nodes.length}-${edges.length}-${h.toString(16)}`;
}
