import type { Analysis } from '../analyze';
import type { TextEdit } from '../diagnostics';

/** Applies edits (offsets into `text`), last first so earlier offsets stay valid. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

export interface AppliedFix {
  code: string;
  title: string;
  /** 0-based line in the text as it was when the fix applied. */
  line: number;
}

/**
 * Applies every unambiguous fix, one at a time, re-analysing in between: two
 * fixes may touch the same list or insert the same property, and only a
 * fresh analysis knows whether the second is still needed.
 */
export function applyUnambiguousFixes(text: string, reanalyze: (text: string) => Analysis, maxFixes = 500): { text: string; applied: AppliedFix[] } {
  const applied: AppliedFix[] = [];
  const tried = new Set<string>();
  let current = text;
  let analysis = reanalyze(current);
  while (applied.length < maxFixes) {
    const candidate = analysis.diagnostics
      .flatMap((d) => (d.fixes ?? []).filter((f) => f.unambiguous).map((f) => ({ d, f })))
      .find(({ d, f }) => !tried.has(key(current, d.code, f.title, f.edits)));
    if (!candidate) break;
    tried.add(key(current, candidate.d.code, candidate.f.title, candidate.f.edits));
    const next = applyEdits(current, candidate.f.edits);
    const nextAnalysis = reanalyze(next);
    // A fix must never introduce a syntax error; such a fix is skipped.
    const syntaxBefore = analysis.syntax.diagnostics.length;
    if (nextAnalysis.syntax.diagnostics.length > syntaxBefore) continue;
    applied.push({ code: candidate.d.code, title: candidate.f.title, line: analysis.lines.lineOf(candidate.d.start) });
    current = next;
    analysis = nextAnalysis;
  }
  return { text: current, applied };
}

function key(text: string, code: string, title: string, edits: TextEdit[]): string {
  return `${text.length}:${code}:${title}:${edits.map((e) => `${e.start}-${e.end}=${e.newText}`).join('|')}`;
}
