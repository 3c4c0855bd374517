// The graph and layout of a farm as lines of text, for golden baselines a
// reviewer can read: what is drawn, where it is written, and where it goes.
import type { Analysis } from '../../src/core';
import type { DiagramLayout, FarmGraph, ProblemCounts, SourceSpan } from '../../src/core/diagram';

export function graphText(analysis: Analysis, graph: FarmGraph, layout: DiagramLayout): string {
  const at = (s: SourceSpan): string => {
    const r = analysis.lines.range(s.start, s.end);
    return `${r.start.line + 1}:${r.start.character + 1}`;
  };
  const problems = (p: ProblemCounts): string => (p.error || p.warning || p.information || p.hint ? ` problems(e/w/i/h)=${p.error}/${p.warning}/${p.information}/${p.hint}` : '');
  const lines: string[] = [`realm ${graph.realm ?? '(none)'}`];
  for (const n of graph.nodes) lines.push(`node ${n.id} ${n.kind} ${n.version} host=${n.host ?? '-'} at ${at(n.declared)}${problems(n.problems)}`);
  for (const e of graph.edges) lines.push(`trust ${e.from} ${e.twoWay ? '<->' : '->'} ${e.to} at ${at(e.declared)}`);
  for (const m of graph.missing) lines.push(`missing ${m.from} -> ${m.to} needed by ${m.neededBy.join(', ')}`);
  for (const f of graph.features) {
    const trusts = f.trusts.map((t) => `${t.from}->${t.to}${t.present ? '' : ' MISSING'}`).join(', ') || 'none';
    lines.push(`feature ${f.id} at ${at(f.declared)}: participants ${f.participants.join(', ') || 'none'}; trusts ${trusts}${problems(f.problems)}`);
  }
  lines.push(`layout ${layout.width}x${layout.height}`);
  for (const g of layout.groups) lines.push(`  group ${g.kind} (${g.count})${g.collapsed ? ' collapsed' : ''} ${g.x},${g.y} ${g.width}x${g.height}`);
  for (const n of layout.nodes) lines.push(`  node ${n.id} ${n.x},${n.y}`);
  for (const e of layout.edges) lines.push(`  edge ${e.id}${e.missing ? ' dashed' : ''}${e.twoWay ? ' two-way' : ''}${e.count > 1 ? ` x${e.count}` : ''}`);
  return lines.join('\n') + '\n';
}
