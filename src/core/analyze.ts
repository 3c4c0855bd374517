import { checkFeatures } from './checks/features';
import { checkServers } from './checks/servers';
import { checkTrusts } from './checks/trusts';
import { checkUnused } from './checks/unused';
import type { Diagnostic } from './diagnostics';
import { LineMap } from './line-map';
import { bind } from './model/bind';
import type { FarmModel } from './model/types';
import { applyRuleConfig, RuleConfig } from './rules/config';
import { parse, ParseResult } from './syntax/parser';

export interface Analysis {
  text: string;
  syntax: ParseResult;
  model: FarmModel;
  lines: LineMap;
  /** Every diagnostic, with its severity, in source order. */
  diagnostics: Diagnostic[];
}

/** Parses, binds and checks one farm file. Pure: no I/O, never throws on any input. */
export function analyze(text: string, config?: RuleConfig): Analysis {
  const syntax = parse(text);
  const found: Diagnostic[] = [...syntax.diagnostics];
  const model = bind(syntax.file, text, found);
  checkTrusts(model, text, found);
  checkFeatures(model, text, found);
  checkServers(model, found);
  checkUnused(model, found);
  const lines = new LineMap(text);
  const diagnostics = applyRuleConfig(found, syntax.comments, lines, config);
  diagnostics.sort((a, b) => a.start - b.start || a.end - b.end || a.code.localeCompare(b.code));
  return { text, syntax, model, lines, diagnostics };
}
