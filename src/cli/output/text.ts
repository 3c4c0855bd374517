import type { Analysis } from '../../core';

/** `FILE:LINE:COL: SEVERITY CODE message`, 1-based. */
export function toText(file: string, analysis: Analysis): string[] {
  return analysis.diagnostics.map((d) => {
    const p = analysis.lines.position(d.start);
    return `${file}:${p.line + 1}:${p.character + 1}: ${d.severity ?? 'error'} ${d.code} ${d.message}`;
  });
}
