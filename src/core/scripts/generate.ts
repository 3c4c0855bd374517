// One configuration script per server, from the analysis of a .farm file:
// the step table's rows for the server's kind, in table order, each with
// what it serves and what it rests on. Pure and deterministic: the same
// text always makes the same scripts (no dates, no paths but the name the
// caller gives). A file with errors still yields scripts; the header lists
// what is unresolved, and parts whose values are not valid are left out.
import type { Analysis } from '../analyze';
import type { Declaration } from '../model/types';
import type { WorkCounter } from '../work-counter';
import { scriptIndex } from './model-index';
import { commentText, psLiteral } from './powershell-literal';
import type { GeneratedScript, ScriptServerKind, StepInstance, Todo } from './script-types';
import { shells, steps } from './steps';

export const scriptKinds: readonly ScriptServerKind[] = ['sharepoint', 'exchange', 'lync', 'office-web-apps'];

const kindTitle: Record<ScriptServerKind, string> = { sharepoint: 'SharePoint', exchange: 'Exchange', lync: 'Lync', 'office-web-apps': 'Office Web Apps' };

export interface ScriptOptions {
  /** The .farm file as the header names it (a base name keeps scripts the same on every machine). */
  file: string;
  /** Counts the generator's work by kind, for the linear-cost test (test/fuzz/linear-cost.test.ts). */
  counter?: WorkCounter;
}

/** The servers scripts are made for: first declarations of the four kinds, in source order. */
export function scriptServers(analysis: Analysis): Declaration[] {
  return analysis.model.declarations.filter((d) => d.first && (scriptKinds as readonly string[]).includes(d.kind));
}

export function generateScripts(analysis: Analysis, options: ScriptOptions): GeneratedScript[] {
  scriptIndex(analysis.model, options.counter);
  return scriptServers(analysis).map((server) => generateScript(analysis, server, options));
}

export function generateScript(analysis: Analysis, server: Declaration, options: ScriptOptions): GeneratedScript {
  const kind = server.kind as ScriptServerKind;
  const instances: StepInstance[] = [];
  for (const row of steps) if (row.kind === kind) instances.push(...row.build(server, analysis.model));

  const todos = new Map<string, Todo>();
  for (const i of instances) for (const t of i.todos) if (!todos.has(t.variable)) todos.set(t.variable, t);

  const out: string[] = [
    `# Office Farm configuration script for ${kindTitle[kind]} ${server.name}`,
    `# Run it in: ${shells[kind].shell}`,
    `# Made by office-farm script from ${commentText(options.file)}. Read it before you run it.`,
    '# Running it again is safe: each step looks before it changes anything.',
    '#',
    ...diagnosticsHeader(analysis, options.file),
  ];
  if (todos.size > 0) {
    out.push('#', '# Values the topology does not give: fill them in. A step that needs one is', '# skipped, with a warning, while it is empty.');
    for (const t of todos.values()) out.push(`$${t.variable} = ''  # TODO: ${commentText(t.what)}`);
  }
  out.push('', "$ErrorActionPreference = 'Stop'", ...shells[kind].prologue);
  if (instances.length === 0) out.push('', `# Nothing to configure on ${server.name}: the topology asks nothing of it.`);
  instances.forEach((step, n) => out.push('', ...stepBlock(step, n + 1, instances.length)));
  options.counter?.add('script steps emitted', instances.length);
  options.counter?.add('script lines written', out.length);
  return { server: server.name, kind, fileName: `${server.name}.ps1`, text: out.join('\n') + '\n' };
}

function diagnosticsHeader(analysis: Analysis, file: string): string[] {
  const unresolved = analysis.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning');
  if (unresolved.length === 0) return [`# ${commentText(file)} has no unresolved errors or warnings.`];
  return [
    `# Unresolved in ${commentText(file)} (what they concern is left out, or marked TODO below):`,
    ...unresolved.map((d) => {
      const p = analysis.lines.position(d.start);
      return `#   ${p.line + 1}:${p.character + 1} ${d.severity} ${d.code} ${commentText(d.message)}`;
    }),
  ];
}

function stepBlock(step: StepInstance, n: number, total: number): string[] {
  const row = steps.find((s) => s.id === step.step)!;
  const lines = [
    '# ' + '-'.repeat(74),
    `# Step ${n} of ${total}: ${commentText(step.title)}`,
    `# Serves: ${commentText(step.serves.join('; '))}`,
    ...row.sources.map((s) => `# Source: ${commentText(s.url ?? s.readIn ?? s.quote)}`),
    ...step.notes.map((note) => `# TODO: ${commentText(note)}`),
    ...step.remarks.map((remark) => `# Note: ${commentText(remark)}`),
  ];
  if (step.lines.length === 0) return lines;
  if (step.todos.length === 0) return [...lines, ...step.lines];
  const missing = step.todos.map((t) => `-not $${t.variable}`).join(' -or ');
  const names = step.todos.map((t) => `$${t.variable}`).join(', ');
  return [
    ...lines,
    `if (${missing}) {`,
    `    Write-Warning ${psLiteral(`Step ${n} skipped: fill in ${names} at the top of the script.`)}`,
    '} else {',
    ...step.lines.map((l) => `    ${l}`),
    '}',
  ];
}
