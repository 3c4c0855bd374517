import { CheckCache, checkDiagnostics, fullChecks, incrementalChecks } from './checks/check-cache';
import type { Diagnostic } from './diagnostics';
import { reparse } from './incremental/reparse';
import { findChange, TextChange } from './incremental/text-edit';
import { LineMap } from './line-map';
import { bind, bindingDiagnostics, rebind } from './model/bind';
import type { FarmModel } from './model/types';
import { applyRuleConfig, RuleConfig } from './rules/config';
import { parse, ParseResult } from './syntax/parser';
import type { WorkCounter } from './work-counter';

export interface Analysis {
  text: string;
  syntax: ParseResult;
  model: FarmModel;
  lines: LineMap;
  /** Every diagnostic, with its severity, in source order. */
  diagnostics: Diagnostic[];
  /** The rule checks' results, kept for the next incremental analysis. */
  checks: CheckCache;
}

/**
 * Parses, binds and checks one farm file. Pure: no I/O, never throws on any
 * input.
 *
 * With `previous` (the analysis of an earlier text of the same document),
 * only the top-level blocks the edit touched are parsed and bound again.
 * `previous` is consumed: its nodes are moved and reused, so it must not be
 * read afterwards. The result equals a fresh analysis of `text`. `change`,
 * when the caller knows it (an editor does), saves comparing the texts.
 * `counter`, when given, counts the work of a fresh analysis by kind.
 */
export function analyze(text: string, config?: RuleConfig, previous?: Analysis, change?: TextChange, counter?: WorkCounter): Analysis {
  let syntax: ParseResult | undefined;
  let model: FarmModel | undefined;
  let lines: LineMap | undefined;
  let checks: CheckCache | undefined;
  if (previous && previous.text !== text) {
    change ??= findChange(previous.text, text);
    const re = reparse(previous.syntax, previous.text, text, change);
    if (re) {
      syntax = re.result;
      const rebound = rebind(previous.model, re.result.file, text, re.removed, re.added, re.removedAt, re.movedFrom, re.delta);
      model = rebound.model;
      lines = previous.lines.edited(text, change);
      if (rebound.replaced) {
        checks = incrementalChecks(previous.checks, model, text, rebound.replaced.removed, rebound.replaced.added, re.movedFrom - re.delta, re.delta);
      }
    }
  } else if (previous) {
    ({ syntax, model, lines, checks } = previous);
  }
  if (!syntax || !model || !lines) {
    syntax = parse(text, counter);
    model = bind(syntax.file, text, counter);
    lines = new LineMap(text);
  }
  checks ??= fullChecks(model, text, counter);
  const found: Diagnostic[] = [...syntax.diagnostics, ...bindingDiagnostics(model)];
  checkDiagnostics(checks, found);
  const diagnostics = applyRuleConfig(found, syntax.comments, lines, config);
  diagnostics.sort((a, b) => a.start - b.start || a.end - b.end || a.code.localeCompare(b.code));
  counter?.add('diagnostics', diagnostics.length);
  return { text, syntax, model, lines, diagnostics, checks };
}
