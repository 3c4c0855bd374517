// Code actions: the rule engine's quick fixes (computed in core) as
// `quickfix` actions, "Disable FARMxxx for this line", and source.fixAll
// applying every unambiguous fix the way `office-farm check --fix` does.
import { CodeAction, CodeActionKind, CodeActionParams, TextEdit } from 'vscode-languageserver';
import { analyze, type Analysis, type Diagnostic as CoreDiagnostic, type TextEdit as CoreEdit } from '../core';
import { applyUnambiguousFixes } from '../core/fixes/apply';
import type { AnalyzedDocument, DocumentCache } from './document-cache';
import { toLspDiagnostic } from './diagnostics';
import { intersects, toRange, toSpan } from './positions';

export const codeActionKinds = [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll];

function wants(only: string[] | undefined, kind: string): boolean {
  if (!only) return kind !== CodeActionKind.SourceFixAll;
  return only.some((o) => kind === o || kind.startsWith(o + '.'));
}

export function codeActions(cache: DocumentCache, params: CodeActionParams): CodeAction[] {
  const document = cache.get(params.textDocument.uri);
  if (!document) return [];
  const { analysis } = document;
  const only = params.context.only;
  const actions: CodeAction[] = [];
  if (wants(only, CodeActionKind.QuickFix)) {
    const span = toSpan(analysis, params.range);
    for (const d of analysis.diagnostics) {
      if (!intersects(d, span)) continue;
      const diagnostic = toLspDiagnostic(analysis, d);
      for (const fix of d.fixes ?? []) {
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: fix.unambiguous || undefined,
          edit: { changes: { [document.uri]: fix.edits.map((e) => toLspEdit(analysis, e)) } },
        });
      }
    }
    const disabled = new Set<string>();
    for (const d of analysis.diagnostics) {
      // Syntax errors are never silenced: the file is not read as written.
      if (!intersects(d, span) || d.code.startsWith('FARM0')) continue;
      const line = analysis.lines.lineOf(d.start);
      if (disabled.has(`${line} ${d.code}`)) continue;
      disabled.add(`${line} ${d.code}`);
      actions.push({
        title: `Disable ${d.code} for this line`,
        kind: CodeActionKind.QuickFix,
        diagnostics: analysis.diagnostics.filter((o) => o.code === d.code && analysis.lines.lineOf(o.start) === line).map((o) => toLspDiagnostic(analysis, o)),
        edit: { changes: { [document.uri]: [toLspEdit(analysis, disableEdit(analysis, line, d.code))] } },
      });
    }
  }
  if (wants(only, CodeActionKind.SourceFixAll)) {
    const fixAll = fixAllAction(cache, document);
    if (fixAll) actions.push(fixAll);
  }
  return actions;
}

function toLspEdit(analysis: Analysis, e: CoreEdit): TextEdit {
  return { range: toRange(analysis, e), newText: e.newText };
}

const directive = /^([ \t]*)#\s*farm-disable-next-line\b(.*?)[ \t]*$/;

/**
 * Inserts `# farm-disable-next-line CODE` above the line with its
 * indentation, or adds the code to such a comment already there (only one
 * directive per line is read).
 */
export function disableEdit(analysis: Analysis, line: number, code: string): CoreEdit {
  const { text, lines } = analysis;
  const start = lines.starts[line];
  const indent = /^[ \t]*/.exec(text.slice(start))![0];
  if (line > 0) {
    const previousStart = lines.starts[line - 1];
    const previous = text.slice(previousStart, start).replace(/\r?\n$|\r$/, '');
    const m = directive.exec(previous);
    if (m) {
      const end = previousStart + previous.replace(/[ \t]*$/, '').length;
      const codes = m[2].trim();
      // A bare directive silences every code already.
      if (codes) return { start: end, end, newText: ` ${code}` };
    }
  }
  const eol = /\r\n|\r|\n/.exec(text)?.[0] ?? '\n';
  return { start, end: start, newText: `${indent}# farm-disable-next-line ${code}${eol}` };
}

function fixAllAction(cache: DocumentCache, document: AnalyzedDocument): CodeAction | undefined {
  const config = cache.configs.configFor(document.uri);
  const { analysis } = document;
  const fixed = applyUnambiguousFixes(analysis.text, (t) => (t === analysis.text ? analysis : analyze(t, config)));
  if (fixed.applied.length === 0) return undefined;
  const edit = minimalEdit(analysis.text, fixed.text);
  const fixedCodes = new Set(fixed.applied.map((a) => a.code));
  return {
    title: `Fix all auto-fixable problems (${fixed.applied.length})`,
    kind: CodeActionKind.SourceFixAll,
    diagnostics: analysis.diagnostics.filter((d: CoreDiagnostic) => fixedCodes.has(d.code) && d.fixes?.some((f) => f.unambiguous)).map((d) => toLspDiagnostic(analysis, d)),
    edit: { changes: { [document.uri]: [toLspEdit(analysis, edit)] } },
  };
}

/** One replacement covering only what differs, so the editor keeps the cursor and folding elsewhere. */
export function minimalEdit(before: string, after: string): CoreEdit {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
    endBefore--;
    endAfter--;
  }
  // An edge between CR and LF has no LSP position of its own: widen to the whole line break.
  const splits = (s: string, i: number): boolean => s[i - 1] === '\r' && s[i] === '\n';
  while (start > 0 && (splits(before, start) || splits(after, start))) start--;
  while (splits(before, endBefore) || splits(after, endAfter)) {
    endBefore++;
    endAfter++;
  }
  return { start, end: endBefore, newText: after.slice(start, endAfter) };
}
