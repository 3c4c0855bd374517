// The diagram as SVG text: one renderer for the webview (which styles it
// with the editor's theme colours through classes, diagram.css) and for the
// CLI and the editor's export (a standalone file with a fixed light palette
// in its own <style>). Pure string building: every text from the file is
// escaped, nothing here runs in the page, and ids are kept in data-*
// attributes so the webview can wire clicks without parsing names from text.
// Imports types only, so the webview bundle carries no layout engine.
import type { ServerKind } from '../topology';
import type { FarmGraph, GraphNode } from './farm-graph';
import type { Box, DiagramLayout, LaidEdge, LaidGroup } from './layout';

export const kindTitles: Record<ServerKind, string> = {
  exchange: 'Exchange',
  sharepoint: 'SharePoint',
  lync: 'Lync',
  'office-web-apps': 'Office Web Apps',
  project: 'Project Server',
};

/** The letters in each kind's icon. */
const kindGlyphs: Record<ServerKind, string> = { exchange: 'Ex', sharepoint: 'SP', lync: 'Ly', 'office-web-apps': 'W', project: 'P' };

export interface RenderOptions {
  /** `standalone`: a file of its own, light palette inside. `webview`: classes only, the page's stylesheet colours it. */
  mode: 'standalone' | 'webview';
  /** A feature id of `graph.features`: its participants and required trusts lit, the rest dimmed. */
  highlight?: string;
  /** A node (or group) id drawn as selected. */
  selected?: string;
}

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** What a feature lights: its participants (or their closed groups) and the drawn edges of its required trusts. */
export function featureHighlight(graph: FarmGraph, layout: DiagramLayout, featureId: string): { nodes: Set<string>; edges: Set<string> } {
  const nodes = new Set<string>();
  const edges = new Set<string>();
  const feature = graph.features.find((f) => f.id === featureId);
  if (!feature) return { nodes, edges };
  const drawn = new Set(layout.nodes.map((n) => n.id));
  const kindOf = new Map(graph.nodes.map((n) => [n.id, n.kind]));
  const shown = (id: string): string => (drawn.has(id) ? id : `group:${kindOf.get(id)}`);
  for (const p of feature.participants) nodes.add(shown(p));
  for (const t of feature.trusts) {
    const a = shown(t.from);
    const b = shown(t.to);
    for (const e of layout.edges) {
      if (e.missing !== !t.present) continue;
      if ((e.from === a && e.to === b) || (e.twoWay && e.from === b && e.to === a)) edges.add(e.id);
    }
  }
  return { nodes, edges };
}

const lightPalette = `
  svg.farm-diagram { font-family: 'Segoe UI', Arial, sans-serif; background: #ffffff; }
  .background { fill: #ffffff; }
  .group-frame { fill: #f3f6fa; stroke: #c8d1dc; }
  .group-title { fill: #44546a; font-size: 12px; font-weight: 600; }
  .node-box { fill: #ffffff; stroke: #7a8696; }
  .node-name { fill: #1f2328; font-size: 13px; font-weight: 600; }
  .node-detail { fill: #57606a; font-size: 11px; }
  .kind-icon { fill: #1e3a5f; } .kind-icon-text { fill: #ffffff; font-size: 11px; font-weight: 700; }
  .kind-exchange .kind-icon { fill: #0f6cbd; } .kind-sharepoint .kind-icon { fill: #03787c; }
  .kind-lync .kind-icon { fill: #4f52b2; } .kind-office-web-apps .kind-icon { fill: #c43e1c; } .kind-project .kind-icon { fill: #31752f; }
  .edge-line { stroke: #57606a; stroke-width: 1.5; fill: none; }
  .arrowhead { fill: #57606a; }
  .missing .edge-line { stroke: #cf222e; } .arrowhead-missing { fill: #cf222e; }
  .badge-error { fill: #cf222e; } .badge-warning { fill: #9a6700; } .badge-information { fill: #0969da; } .badge-hint { fill: #6e7781; }
  .badge-text { fill: #ffffff; font-size: 10px; font-weight: 700; }
  .probe-ok { fill: #1a7f37; } .probe-failed { fill: #cf222e; } .probe-other { fill: #9a6700; }
  .dim { opacity: 0.25; } .lit .node-box, .lit .group-frame { stroke: #0969da; stroke-width: 2.5; } .lit .edge-line { stroke-width: 3; }
  .selected .node-box { stroke: #0969da; stroke-width: 2.5; }
`;

export function renderSvg(graph: FarmGraph, layout: DiagramLayout, options: RenderOptions): string {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const boxes = new Map<string, Box>();
  for (const n of layout.nodes) boxes.set(n.id, n);
  for (const g of layout.groups) if (g.collapsed) boxes.set(g.id, g);
  const lit = options.highlight ? featureHighlight(graph, layout, options.highlight) : undefined;
  const state = (id: string, isEdge: boolean): string => {
    const classes: string[] = [];
    if (lit) classes.push((isEdge ? lit.edges : lit.nodes).has(id) ? 'lit' : 'dim');
    if (options.selected === id) classes.push('selected');
    return classes.length ? ' ' + classes.join(' ') : '';
  };
  const width = Math.max(layout.width, 1);
  const height = Math.max(layout.height, 1);
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="farm-diagram" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(`Topology of ${graph.realm ?? 'the farm'}: ${graph.nodes.length} server${graph.nodes.length === 1 ? '' : 's'}`)}">`,
  );
  out.push('<defs>');
  for (const [id, cls] of [['arrow', 'arrowhead'], ['arrow-missing', 'arrowhead-missing']] as const) {
    out.push(`<marker id="${id}-end" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto"><path class="${cls}" d="M0,0 L10,5 L0,10 z"/></marker>`);
    out.push(`<marker id="${id}-start" viewBox="0 0 10 10" refX="0" refY="5" markerWidth="8" markerHeight="8" orient="auto"><path class="${cls}" d="M10,0 L0,5 L10,10 z"/></marker>`);
  }
  out.push('</defs>');
  if (options.mode === 'standalone') out.push(`<style>${lightPalette}</style><rect class="background" x="0" y="0" width="${width}" height="${height}"/>`);
  out.push('<g class="viewport">');
  for (const g of layout.groups) if (!g.collapsed) out.push(openGroup(g, state(g.id, false)));
  const pairs = new Set(layout.edges.map((e) => `${e.from}>${e.to}`));
  for (const e of layout.edges) {
    const a = boxes.get(e.from);
    const b = boxes.get(e.to);
    if (!a || !b || e.from === e.to) continue;
    // An edge with a reverse twin (a trust one way, the other way missing) is moved aside so both show.
    const offset = pairs.has(`${e.to}>${e.from}`) ? 5 : 0;
    out.push(edgeSvg(e, a, b, offset, state(e.id, true)));
  }
  for (const g of layout.groups) if (g.collapsed) out.push(closedGroup(g, graph, state(g.id, false)));
  for (const laid of layout.nodes) {
    const n = byId.get(laid.id);
    if (n) out.push(nodeSvg(n, laid, state(n.id, false)));
  }
  out.push('</g></svg>');
  return out.join('\n');
}

function openGroup(g: LaidGroup, state: string): string {
  const title = `${kindTitles[g.kind]} (${g.count})`;
  return `<g class="group open kind-${g.kind}${state}" data-id="${g.id}" data-kind="${g.kind}"><rect class="group-frame" x="${g.x}" y="${g.y}" width="${g.width}" height="${g.height}" rx="8"/><text class="group-title" x="${g.x + 12}" y="${g.y + 18}">${escapeXml(title)}</text></g>`;
}

function closedGroup(g: LaidGroup, graph: FarmGraph, state: string): string {
  let errors = 0;
  let warnings = 0;
  for (const n of graph.nodes) if (n.kind === g.kind) (errors += n.problems.error), (warnings += n.problems.warning);
  const label = `${kindTitles[g.kind]}: ${g.count} servers`;
  return [
    `<g class="node group collapsed kind-${g.kind}${state}" data-id="${g.id}" data-kind="${g.kind}" tabindex="0" role="button" aria-label="${escapeXml(`${label}, collapsed; press Enter to expand`)}">`,
    `<rect class="node-box" x="${g.x}" y="${g.y}" width="${g.width}" height="${g.height}" rx="6"/>`,
    icon(g.kind, g.x + 10, g.y + 10),
    `<text class="node-name" x="${g.x + 48}" y="${g.y + 24}">${escapeXml(kindTitles[g.kind])}</text>`,
    `<text class="node-detail" x="${g.x + 48}" y="${g.y + 42}">${g.count} servers (expand)</text>`,
    badges({ error: errors, warning: warnings, information: 0, hint: 0 }, g),
    '</g>',
  ].join('');
}

function nodeSvg(n: GraphNode, b: Box, state: string): string {
  const detail = `${kindTitles[n.kind]} ${n.version}`;
  const label = `${n.name}, ${detail}${n.host ? `, ${n.host}` : ''}${problemWords(n.problems)}${n.probe ? `, last probe ${n.probe}` : ''}`;
  return [
    `<g class="node server kind-${n.kind}${state}" data-id="${escapeXml(n.id)}" data-kind="${n.kind}" tabindex="0" role="button" aria-label="${escapeXml(label)}">`,
    `<title>${escapeXml(label)}</title>`,
    `<rect class="node-box" x="${b.x}" y="${b.y}" width="${b.width}" height="${b.height}" rx="6"/>`,
    icon(n.kind, b.x + 10, b.y + 10),
    `<text class="node-name" x="${b.x + 48}" y="${b.y + 20}">${escapeXml(clip(n.name, 20))}</text>`,
    `<text class="node-detail" x="${b.x + 48}" y="${b.y + 37}">${escapeXml(clip(n.host ?? '(no host)', 24))}</text>`,
    `<text class="node-detail" x="${b.x + 48}" y="${b.y + 53}">${escapeXml(detail)}</text>`,
    badges(n.problems, b),
    n.probe ? probeMark(n.probe, b) : '',
    '</g>',
  ].join('');
}

function icon(kind: ServerKind, x: number, y: number): string {
  return `<g class="kind-glyph" aria-hidden="true"><rect class="kind-icon" x="${x}" y="${y}" width="28" height="28" rx="5"/><text class="kind-icon-text" x="${x + 14}" y="${y + 18}" text-anchor="middle">${kindGlyphs[kind]}</text></g>`;
}

function badges(p: GraphNode['problems'], b: Box): string {
  const parts: string[] = [];
  let x = b.x + b.width - 12;
  for (const severity of ['error', 'warning', 'information'] as const) {
    if (!p[severity]) continue;
    const text = p[severity] > 99 ? '99+' : String(p[severity]);
    const w = 8 + text.length * 6;
    x -= w;
    parts.push(`<g class="badge badge-${severity}-group" data-severity="${severity}" data-count="${p[severity]}"><rect class="badge-${severity}" x="${x}" y="${b.y + b.height - 20}" width="${w}" height="14" rx="7"/><text class="badge-text" x="${x + w / 2}" y="${b.y + b.height - 9}" text-anchor="middle">${text}</text></g>`);
    x -= 4;
  }
  return parts.join('');
}

function probeMark(outcome: string, b: Box): string {
  const cls = outcome === 'ok' ? 'probe-ok' : outcome === 'failed' || outcome === 'error' ? 'probe-failed' : 'probe-other';
  return `<circle class="probe-mark ${cls}" data-probe="${escapeXml(outcome)}" cx="${b.x + b.width - 10}" cy="${b.y + 10}" r="5"><title>${escapeXml(`Last probe: ${outcome}`)}</title></circle>`;
}

function edgeSvg(e: LaidEdge, a: Box, b: Box, offset: number, state: string): string {
  const ax = a.x + a.width / 2;
  const ay = a.y + a.height / 2;
  const bx = b.x + b.width / 2;
  const by = b.y + b.height / 2;
  const len = Math.hypot(bx - ax, by - ay) || 1;
  // Perpendicular shift for twin edges, the same side for either direction's own frame.
  const nx = (-(by - ay) / len) * offset;
  const ny = ((bx - ax) / len) * offset;
  const [x1, y1] = clipToBox(ax + nx, ay + ny, bx + nx, by + ny, a);
  const [x2, y2] = clipToBox(bx + nx, by + ny, ax + nx, ay + ny, b);
  const marker = e.missing ? 'arrow-missing' : 'arrow';
  const classes = `edge${e.missing ? ' missing' : ' trust'}${e.twoWay ? ' two-way' : ''}${state}`;
  const what = e.missing ? `missing trust: ${e.to} should trust ${e.from}` : e.twoWay ? `${e.from} and ${e.to} trust each other` : `${e.to} trusts ${e.from}`;
  const label = e.count > 1 ? `${e.count} trusts between ${e.from} and ${e.to}` : what;
  return `<g class="${classes}" data-id="${escapeXml(e.id)}" data-from="${escapeXml(e.from)}" data-to="${escapeXml(e.to)}"><title>${escapeXml(label)}</title><line class="edge-line" x1="${r(x1)}" y1="${r(y1)}" x2="${r(x2)}" y2="${r(y2)}"${e.missing ? ' stroke-dasharray="6 4"' : ''} marker-end="url(#${marker}-end)"${e.twoWay ? ` marker-start="url(#${marker}-start)"` : ''}/><line class="edge-hit" x1="${r(x1)}" y1="${r(y1)}" x2="${r(x2)}" y2="${r(y2)}" stroke="transparent" stroke-width="10"/></g>`;
}

/** Where the segment from (x, y) inside `box` towards (tx, ty) leaves the box. */
function clipToBox(x: number, y: number, tx: number, ty: number, box: Box): [number, number] {
  const dx = tx - x;
  const dy = ty - y;
  let t = 1;
  if (dx > 0) t = Math.min(t, (box.x + box.width - x) / dx);
  if (dx < 0) t = Math.min(t, (box.x - x) / dx);
  if (dy > 0) t = Math.min(t, (box.y + box.height - y) / dy);
  if (dy < 0) t = Math.min(t, (box.y - y) / dy);
  return [x + dx * t, y + dy * t];
}

const r = (v: number): string => String(Math.round(v * 10) / 10);
const clip = (s: string, n: number): string => (s.length > n ? s.slice(0, n - 1) + '…' : s);

function problemWords(p: GraphNode['problems']): string {
  const words: string[] = [];
  if (p.error) words.push(`${p.error} error${p.error === 1 ? '' : 's'}`);
  if (p.warning) words.push(`${p.warning} warning${p.warning === 1 ? '' : 's'}`);
  if (p.information) words.push(`${p.information} note${p.information === 1 ? '' : 's'}`);
  return words.length ? `, ${words.join(', ')}` : '';
}
