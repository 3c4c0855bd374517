// Per-project rule configuration (`.farmrc.json`) and the
// `# farm-disable-next-line CODE...` comment. Reading the file is the
// caller's business: core touches no file system.
import type { Diagnostic, Severity } from '../diagnostics';
import { LineMap } from '../line-map';
import type { Comment } from '../syntax/tokens';
import { ruleByCode } from './catalogue';

export type RuleSetting = Severity | 'off';

export interface RuleConfig {
  rules?: Record<string, RuleSetting>;
}

const settings = new Set<RuleSetting>(['error', 'warning', 'information', 'hint', 'off']);

/** Validates a parsed `.farmrc.json`; returns the problems in words. */
export function validateRuleConfig(json: unknown): { config: RuleConfig; problems: string[] } {
  const problems: string[] = [];
  const config: RuleConfig = { rules: {} };
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { config, problems: ['the file must hold a JSON object such as { "rules": { "FARM202": "off" } }'] };
  }
  for (const key of Object.keys(json)) if (key !== 'rules' && key !== '$schema') problems.push(`unknown key "${key}" (only "rules" is read)`);
  const rules = (json as { rules?: unknown }).rules;
  if (rules === undefined) return { config, problems };
  if (typeof rules !== 'object' || rules === null || Array.isArray(rules)) {
    problems.push('"rules" must be an object mapping codes to error, warning, information, hint or off');
    return { config, problems };
  }
  for (const [code, setting] of Object.entries(rules)) {
    if (!ruleByCode.has(code)) problems.push(`"${code}" is not a rule code`);
    else if (typeof setting !== 'string' || !settings.has(setting as RuleSetting)) problems.push(`"${code}": "${String(setting)}" is not one of error, warning, information, hint, off`);
    else config.rules![code] = setting as RuleSetting;
  }
  return { config, problems };
}

const directive = /^\s*farm-disable-next-line\b(.*)$/;

/**
 * Applies severities (catalogue defaults, then the configuration) and the
 * disable comments. Syntax errors (FARM0xx) are never silenced: they mean
 * the file is not read as written.
 */
export function applyRuleConfig(diagnostics: Diagnostic[], comments: Comment[], lines: LineMap, config: RuleConfig | undefined): Diagnostic[] {
  const disabled = new Map<number, Set<string> | 'all'>();
  for (const comment of comments) {
    const m = directive.exec(comment.text);
    if (!m) continue;
    const codes = m[1].split(/[\s,]+/).filter((c) => /^FARM\d{3}$/.test(c));
    disabled.set(lines.lineOf(comment.start) + 1, codes.length ? new Set(codes) : 'all');
  }
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const syntax = d.code.startsWith('FARM0');
    const setting = syntax ? undefined : config?.rules?.[d.code];
    if (setting === 'off') continue;
    if (!syntax && disabled.size > 0) {
      const rule = disabled.get(lines.lineOf(d.start));
      if (rule === 'all' || rule?.has(d.code)) continue;
    }
    out.push({ ...d, severity: setting ?? d.severity ?? ruleByCode.get(d.code)?.severity ?? 'error' });
  }
  return out;
}
