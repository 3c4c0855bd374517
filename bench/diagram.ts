// The topology diagram's figures (issue 21): graph + layout in process at
// 200 and 2,000 servers (the server runs this code), the office-farm/diagram
// request over LSP against dist/server.js, the two layout engines side by
// side on a full compound layout (what picked @dagrejs/dagre), and the
// webview's redraw after an edit at 200 servers in chromium (when the editor
// tests' tools are installed). Speed is reported, never asserted.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import dagre from '@dagrejs/dagre';
import ELK from 'elkjs/lib/elk.bundled.js';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { analyze } from '../src/core';
import { buildFarmGraph, layoutFarm, type FarmGraph } from '../src/core/diagram';
import { generateFarm } from './farm-generator';

export interface DiagramBench {
  inProcess: Array<{ servers: number; collapsed: boolean; graphMs: number; layoutMs: number; totalMs: number; runs: number }>;
  request: Array<{ servers: number; medianMs: number; runs: number }> | { error: string };
  engines: Array<{ engine: string; servers: number; layoutMs: number | null; note?: string }>;
  webview: { servers: number; redrawMs: number; frameMs: number; runs: number } | { skipped: string };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.floor(s.length / 2)] * 10) / 10;
};

function timeInProcess(servers: number, runs: number): DiagramBench['inProcess'][number] {
  const analysis = analyze(generateFarm(servers).farm);
  const graphs: number[] = [];
  const layouts: number[] = [];
  let collapsed = false;
  for (let i = 0; i < runs + 2; i++) {
    const t0 = performance.now();
    const graph = buildFarmGraph(analysis);
    const t1 = performance.now();
    const layout = layoutFarm(graph);
    const t2 = performance.now();
    collapsed = layout.groups.some((g) => g.collapsed);
    if (i >= 2) graphs.push(t1 - t0), layouts.push(t2 - t1);
  }
  const graphMs = median(graphs);
  const layoutMs = median(layouts);
  return { servers, collapsed, graphMs, layoutMs, totalMs: Math.round((graphMs + layoutMs) * 10) / 10, runs };
}

/** The request as the editor makes it: open the farm in dist/server.js, ask for the diagram `runs` times. */
async function timeRequest(root: string, sizes: number[], runs: number): Promise<DiagramBench['request']> {
  const child = spawn(process.execPath, [join(root, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  connection.listen();
  try {
    await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
    connection.sendNotification('initialized', {});
    const out: Array<{ servers: number; medianMs: number; runs: number }> = [];
    for (const servers of sizes) {
      const uri = `untitled:bench-diagram-${servers}.farm`;
      connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'farm', version: 1, text: generateFarm(servers).farm } });
      const times: number[] = [];
      let previous: unknown;
      for (let i = 0; i < runs + 2; i++) {
        const t0 = performance.now();
        const answer = (await connection.sendRequest('office-farm/diagram', { uri, ...(previous && i % 2 === 1 ? { previous } : {}) })) as { layout: unknown };
        if (i >= 2) times.push(performance.now() - t0);
        previous = answer.layout;
      }
      out.push({ servers, medianMs: median(times), runs });
    }
    return out;
  } catch (error) {
    return { error: (error as Error).message };
  } finally {
    connection.dispose();
    child.kill();
  }
}

/** One full compound layout of every server (a node per server inside a node per kind), in each engine. */
async function timeEngines(sizes: number[], maxServers: number): Promise<DiagramBench['engines']> {
  const out: DiagramBench['engines'] = [];
  for (const servers of sizes) {
    const graph = buildFarmGraph(analyze(generateFarm(servers).farm));
    // Above 200 servers one run each, and only on request: a full compound
    // layout of 2,000 servers ran for minutes in both engines (bench/README.md).
    if (servers > maxServers) {
      for (const engine of ['@dagrejs/dagre (compound)', 'elkjs layered (compound)']) out.push({ engine, servers, layoutMs: null, note: 'not run (--full-layouts-2000 runs it; it takes minutes)' });
      continue;
    }
    out.push({ engine: '@dagrejs/dagre (compound)', servers, layoutMs: timeOnce(() => dagreCompound(graph), servers <= 200) });
    {
      const elk = new ELK();
      if (servers <= 200) await elkCompound(elk, graph); // the first run also warms the engine up
      const t0 = performance.now();
      await elkCompound(elk, graph);
      out.push({ engine: 'elkjs layered (compound)', servers, layoutMs: Math.round(performance.now() - t0) });
    }
  }
  return out;
}

function timeOnce(f: () => void, warmUp: boolean): number {
  if (warmUp) f();
  const t0 = performance.now();
  f();
  return Math.round(performance.now() - t0);
}

function dagreCompound(graph: FarmGraph): void {
  const g = new dagre.graphlib.Graph({ compound: true });
  g.setGraph({ rankdir: 'LR', nodesep: 24, ranksep: 72 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of graph.nodes) {
    g.setNode(`group:${n.kind}`, {});
    g.setNode(n.id, { width: 200, height: 64 });
    g.setParent(n.id, `group:${n.kind}`);
  }
  for (const e of graph.edges) g.setEdge(e.from, e.to);
  dagre.layout(g);
}

function elkCompound(elk: InstanceType<typeof ELK>, graph: FarmGraph): Promise<unknown> {
  const kinds = [...new Set(graph.nodes.map((n) => n.kind))];
  return elk.layout({
    id: 'root',
    layoutOptions: { 'elk.algorithm': 'layered', 'elk.direction': 'RIGHT', 'elk.hierarchyHandling': 'INCLUDE_CHILDREN' },
    children: kinds.map((k) => ({ id: `group:${k}`, children: graph.nodes.filter((n) => n.kind === k).map((n) => ({ id: n.id, width: 200, height: 64 })) })),
    edges: graph.edges.map((e) => ({ id: e.id, sources: [e.from], targets: [e.to] })),
  });
}

/** The webview's redraw after an edit: the diagram message handled, the SVG built and laid out by the browser. */
async function timeWebview(root: string, servers: number, runs: number): Promise<DiagramBench['webview']> {
  const tools = process.env.OFFICE_FARM_E2E_TOOLS ?? join(root, '.e2e-tools');
  if (!existsSync(join(tools, 'code-server/package.json'))) return { skipped: `no chromium: run test/vscode/install-tools.sh or set OFFICE_FARM_E2E_TOOLS (looked in ${tools})` };
  const request = answersAround(servers);
  const browser = (await import(pathToFileURL(join(root, 'test/vscode/browser.mjs')).href)) as { openBrowser(t: string, v: object): Promise<{ page: any; close(): Promise<void> }> };
  const { page, close } = await browser.openBrowser(tools, { width: 1400, height: 900 });
  try {
    const origin = 'https://panel.test';
    await page.route('**/*', async (route: any) => {
      const url = new URL(route.request().url());
      if (url.origin !== origin) return route.abort();
      if (url.pathname === '/')
        return route.fulfill({
          status: 200,
          contentType: 'text/html',
          body: `<!DOCTYPE html><html><head><link rel="stylesheet" href="/diagram.css"></head><body><div id="root"></div><script>window.acquireVsCodeApi = () => ({ postMessage() {}, getState() { return null; }, setState() {} });</script><script src="/diagram.js"></script></body></html>`,
        });
      return route.fulfill({ status: 200, contentType: url.pathname.endsWith('.css') ? 'text/css' : 'text/javascript', body: readFileSync(join(root, 'dist/webview', url.pathname.slice(1))) });
    });
    await page.goto(`${origin}/`);
    const redraws: number[] = [];
    const frames: number[] = [];
    for (let i = 0; i < runs + 2; i++) {
      const message = { type: 'diagram', uri: 'untitled:bench.farm', version: i + 1, title: 'bench', graph: request[i % 2].graph, layout: request[i % 2].layout, expanded: [] };
      // The page's own clock (window.performance): this function runs in the browser.
      const [redraw, frame] = (await page.evaluate((m: unknown) => {
        const clock = window.performance;
        const t0 = clock.now();
        window.dispatchEvent(new MessageEvent('message', { data: m }));
        document.body.getBoundingClientRect();
        const t1 = clock.now();
        return new Promise((resolve) => requestAnimationFrame(() => setTimeout(() => resolve([t1 - t0, clock.now() - t0]), 0)));
      }, message)) as [number, number];
      if (i >= 2) redraws.push(redraw), frames.push(frame);
    }
    const drawn = await page.evaluate(() => document.querySelectorAll('g.node.server').length);
    if (drawn !== servers) return { skipped: `the page drew ${drawn} servers, not ${servers}` };
    return { servers, redrawMs: median(redraws), frameMs: median(frames), runs };
  } finally {
    await close();
  }
}

/** What the server answers for the same farm before and after an edit of one host (what the webview gets while typing). */
function answersAround(servers: number): Array<{ graph: unknown; layout: unknown }> {
  const farm = generateFarm(servers).farm;
  const host = /host\s*=\s*"([^"]+)"/.exec(farm)![1];
  return [farm, farm.replace(host, `edited-${host}`)].map((text) => {
    const analysis = analyze(text);
    const graph = buildFarmGraph(analysis);
    const range = (s: { start: number; end: number }) => analysis.lines.range(s.start, s.end);
    return {
      graph: {
        ...graph,
        nodes: graph.nodes.map((n) => ({ ...n, range: range(n.declared), blockRange: range(n.block) })),
        edges: graph.edges.map((e) => ({ ...e, range: range(e.declared) })),
        features: graph.features.map((f) => ({ ...f, range: range(f.declared) })),
      },
      layout: layoutFarm(graph),
    };
  });
}

export async function runDiagramBench(o: { root: string; quick: boolean; fullLayouts2000?: boolean; log: (s: string) => void }): Promise<DiagramBench> {
  const runs = o.quick ? 3 : 15;
  o.log('diagram: graph + layout in process');
  const inProcess = [timeInProcess(200, runs), timeInProcess(2000, runs)];
  o.log('diagram: office-farm/diagram over LSP');
  const request = await timeRequest(o.root, [200, 2000], runs);
  o.log('diagram: layout engines, full compound layout');
  const engines = await timeEngines(o.quick ? [200] : [200, 2000], o.fullLayouts2000 ? 2000 : 200);
  o.log('diagram: webview redraw in chromium');
  let webview: DiagramBench['webview'];
  try {
    webview = await timeWebview(o.root, 200, runs);
  } catch (error) {
    webview = { skipped: `chromium failed: ${(error as Error).message.split('\n')[0]}` };
  }
  return { inProcess, request, engines, webview };
}

export function diagramTable(d: DiagramBench): string {
  const lines = ['Topology diagram (issue 21):'];
  for (const r of d.inProcess) lines.push(`  graph + layout, ${r.servers} servers${r.collapsed ? ' (collapsed)' : ''}: ${r.totalMs} ms (graph ${r.graphMs}, layout ${r.layoutMs}; median of ${r.runs})`);
  if ('error' in d.request) lines.push(`  office-farm/diagram request: ${d.request.error}`);
  else for (const r of d.request) lines.push(`  office-farm/diagram request over LSP, ${r.servers} servers: ${r.medianMs} ms (median of ${r.runs})`);
  for (const e of d.engines) lines.push(`  ${e.engine}, ${e.servers} servers: ${e.layoutMs === null ? e.note : `${e.layoutMs} ms`}`);
  if ('skipped' in d.webview) lines.push(`  webview redraw: skipped (${d.webview.skipped})`);
  else lines.push(`  webview redraw after an edit, ${d.webview.servers} servers: ${d.webview.redrawMs} ms (to the next frame ${d.webview.frameMs} ms; median of ${d.webview.runs})`);
  return lines.join('\n');
}
