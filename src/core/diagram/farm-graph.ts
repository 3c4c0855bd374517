// The farm as a graph for the topology diagram: servers as nodes grouped by
// kind, trusts as edges from the token issuer (the trusted server) to the
// server that trusts it, and per feature its participants and the trusts the
// feature table asks for, present or missing. Read from the model the
// analysis already made (never by parsing again), so it costs one pass over
// the declarations and features.
import type { Analysis } from '../analyze';
import type { Severity } from '../diagnostics';
import { roleTargetAt, stringOf, trusts, trustsOf, versionOf } from '../model/effective';
import type { Declaration } from '../model/types';
import type { ServerKind } from '../topology';
import type { WorkCounter } from '../work-counter';

export const serverKinds: readonly ServerKind[] = ['exchange', 'sharepoint', 'lync', 'office-web-apps', 'project'];

/** Offsets in the analysed text: where a node, an edge or a feature is written. */
export interface SourceSpan {
  start: number;
  end: number;
}

export type ProblemCounts = Record<Severity, number>;

export interface GraphNode {
  /** The server's name: names are unique among first declarations. */
  id: string;
  kind: ServerKind;
  name: string;
  version: number;
  /** exchange and lync: `host`; the others: the host of `url` or `pwa`. */
  host?: string;
  problems: ProblemCounts;
  /** The last probe's outcome, when the caller has one that still applies. */
  probe?: string;
  /** The declaration's name. */
  declared: SourceSpan;
  /** The whole block, to tell which node the cursor is in. */
  block: SourceSpan;
}

export interface GraphEdge {
  /** `from->to`, with `from` before `to` in source order when `twoWay`. */
  id: string;
  /** The token issuer (the trusted server). */
  from: string;
  /** The server that trusts it. */
  to: string;
  /** Each trusts the other: drawn as one double-headed edge. */
  twoWay: boolean;
  /** The trust's element in the trusting server's `trusts` list (the first, when two-way). */
  declared: SourceSpan;
}

export interface FeatureTrust {
  from: string;
  to: string;
  present: boolean;
}

export interface GraphFeature {
  /** `feature-id` or `feature-id#n` for the n-th (1-based) repeat of an id. */
  id: string;
  featureId: string;
  title: string;
  participants: string[];
  trusts: FeatureTrust[];
  problems: ProblemCounts;
  declared: SourceSpan;
}

/** A trust some feature needs and no `trusts` list gives: drawn dashed in the error colour. */
export interface MissingTrust {
  id: string;
  from: string;
  to: string;
  /** The ids of the features that need it. */
  neededBy: string[];
}

export interface FarmGraph {
  realm?: string;
  nodes: GraphNode[];
  edges: GraphEdge[];
  missing: MissingTrust[];
  features: GraphFeature[];
}

export interface GraphOptions {
  /** The last probe outcome per server name. */
  probes?: ReadonlyMap<string, string>;
  /** Counts what the graph visits, by kind (test/fuzz/linear-cost.test.ts). */
  counter?: WorkCounter;
}

const noProblems = (): ProblemCounts => ({ error: 0, warning: 0, information: 0, hint: 0 });

export function buildFarmGraph(analysis: Analysis, options: GraphOptions = {}): FarmGraph {
  const { model } = analysis;
  const servers: Declaration[] = [];
  const counter = options.counter;
  counter?.add('graph declarations', model.declarations.length);
  for (const d of model.declarations) if (d.first && (serverKinds as readonly string[]).includes(d.kind)) servers.push(d);

  const nodes = servers.map((d): GraphNode => {
    const host = hostOf(d);
    const probe = options.probes?.get(d.name);
    return {
      id: d.name,
      kind: d.kind as ServerKind,
      name: d.name,
      version: versionOf(d),
      ...(host ? { host } : {}),
      problems: noProblems(),
      ...(probe ? { probe } : {}),
      declared: { start: d.nameNode.start, end: d.nameNode.end },
      block: { start: d.block.start, end: d.block.end },
    };
  });

  const edges: GraphEdge[] = [];
  const byPair = new Map<string, GraphEdge>();
  const isServer = new Set(servers);
  for (const truster of servers) {
    const written = trustsListElements(truster);
    counter?.add('graph trust list elements', written.size);
    for (const trusted of trustsOf(truster)) {
      counter?.add('graph trusts');
      if (!isServer.has(trusted) || trusted === truster) continue;
      const reverse = byPair.get(`${truster.name}->${trusted.name}`);
      if (reverse) {
        reverse.twoWay = true;
        continue;
      }
      const key = `${trusted.name}->${truster.name}`;
      if (byPair.has(key)) continue; // the same name twice in one list
      const element = written.get(trusted.name) ?? { start: truster.nameNode.start, end: truster.nameNode.end };
      const edge: GraphEdge = { id: key, from: trusted.name, to: truster.name, twoWay: false, declared: element };
      byPair.set(key, edge);
      edges.push(edge);
    }
  }
  // A two-way edge is named by the order its ends are declared in, whichever list came first.
  const order = new Map(servers.map((d, i) => [d.name, i]));
  for (const e of edges) {
    if (e.twoWay && order.get(e.from)! > order.get(e.to)!) [e.from, e.to] = [e.to, e.from];
    e.id = `${e.from}->${e.to}`;
  }

  const features: GraphFeature[] = [];
  const missingByPair = new Map<string, MissingTrust>();
  const seen = new Map<string, number>();
  for (const f of model.features) {
    const spec = f.spec;
    if (!spec) continue;
    const n = (seen.get(spec.id) ?? 0) + 1;
    seen.set(spec.id, n);
    const id = n === 1 ? spec.id : `${spec.id}#${n}`;
    const byRole = new Map<string, Declaration>();
    spec.roles.forEach((r, i) => {
      const target = roleTargetAt(f, i);
      if (target && isServer.has(target) && target.kind === r.role) byRole.set(r.role, target);
    });
    const featureTrusts: FeatureTrust[] = [];
    counter?.add('graph feature roles and trusts', spec.roles.length + spec.trusts.length);
    for (const t of spec.trusts) {
      const truster = byRole.get(t.truster);
      const trusted = byRole.get(t.trusted);
      if (!truster || !trusted) continue;
      const present = trusts(truster, trusted);
      featureTrusts.push({ from: trusted.name, to: truster.name, present });
      if (!present) {
        const key = `${trusted.name}->${truster.name}`;
        const m = missingByPair.get(key) ?? { id: `missing:${key}`, from: trusted.name, to: truster.name, neededBy: [] };
        counter?.add('graph missing needed-by scanned', m.neededBy.length);
        if (!m.neededBy.includes(id)) m.neededBy.push(id);
        missingByPair.set(key, m);
      }
    }
    features.push({
      id,
      featureId: spec.id,
      title: spec.title,
      participants: [...new Set([...byRole.values()].map((d) => d.name))],
      trusts: featureTrusts,
      problems: noProblems(),
      declared: { start: f.id.start, end: f.id.end },
    });
  }

  counter?.add('graph problems placed', analysis.diagnostics.length);
  countProblems(analysis, nodes, features, model.features.filter((f) => f.spec));
  return {
    ...(model.farm && stringOf(model.farm, 'realm') ? { realm: stringOf(model.farm, 'realm') } : {}),
    nodes,
    edges,
    missing: [...missingByPair.values()],
    features,
  };
}

function hostOf(d: Declaration): string | undefined {
  const host = stringOf(d, 'host');
  if (host) return host;
  const url = stringOf(d, d.kind === 'project' ? 'pwa' : 'url');
  if (!url) return undefined;
  const m = /^[a-z][a-z0-9+.-]*:\/\/([^/:?#]+)/i.exec(url);
  return m ? m[1] : url;
}

/** Where each name of a server's `trusts` list is written (first occurrence). */
function trustsListElements(d: Declaration): Map<string, SourceSpan> {
  const out = new Map<string, SourceSpan>();
  const i = d.block.properties.findIndex((p) => p.key === 'trusts');
  const v = i < 0 ? undefined : d.block.properties[i].value;
  if (v?.type !== 'list') return out;
  for (const e of v.elements) if (e.type === 'identifier' && !out.has(e.name)) out.set(e.name, { start: e.start, end: e.end });
  return out;
}

/** Diagnostics inside a server's block count on its node; inside a feature's block, on the feature. */
function countProblems(analysis: Analysis, nodes: GraphNode[], features: GraphFeature[], instances: Analysis['model']['features']): void {
  const owners: Array<{ start: number; end: number; problems: ProblemCounts }> = [
    ...nodes.map((n) => ({ ...n.block, problems: n.problems })),
    ...instances.map((f, i) => ({ start: f.block.start, end: f.block.end, problems: features[i].problems })),
  ].sort((a, b) => a.start - b.start);
  for (const d of analysis.diagnostics) {
    const owner = ownerAt(owners, d.start);
    if (owner) owner.problems[d.severity ?? 'error']++;
  }
}

function ownerAt<T extends { start: number; end: number }>(sorted: T[], offset: number): T | undefined {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid].start <= offset) lo = mid + 1;
    else hi = mid - 1;
  }
  const candidate = sorted[hi];
  return candidate && offset < candidate.end ? candidate : undefined;
}
