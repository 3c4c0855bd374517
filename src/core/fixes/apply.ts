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
    if (bringsNewErrors(analysis, nextAnalysis, new Set([current.slice(candidate.d.start, candidate.d.end), ...candidate.f.edits.map((e) => e.newText)]))) continue;
    applied.push({ code: candidate.d.code, title: candidate.f.title, line: analysis.lines.lineOf(candidate.d.start) });
    current = next;
    analysis = nextAnalysis;
  }
  return { text: current, applied };
}

function key(text: string, code: string, title: string, edits: TextEdit[]): string {
  return `${text.length}:${code}:${title}:${edits.map((e) => `${e.start}-${e.end}=${e.newText}`).join('|')}`;
}

/**
 * Whether a fix brought a syntax error, or a name or value error anywhere but
 * on the text where it applied (a corrected feature id is then checked, and may say so
 * at the same place). Such a fix is left for a person.
 */
function bringsNewErrors(before: Analysis, after: Analysis, here: Set<string>): boolean {
  if (after.syntax.diagnostics.length > before.syntax.diagnostics.length) return true;
  const count = (a: Analysis): Map<string, number> => {
    const m = new Map<string, number>();
    for (const d of a.diagnostics) {
      // Keyed by the text it sits on: offsets move with the fix, and a message may change.
      const on = a.text.slice(d.start, d.end);
      if (d.severity !== 'error' || !/^FARM1/.test(d.code) || here.has(on)) continue;
      const k = `${d.code} ${on}`;
      m.set(k, (m.get(k) ?? 0) + 1);
    }
    return m;
  };
  const b = count(before);
  return [...count(after)].some(([k, n]) => n > (b.get(k) ?? 0));
}
