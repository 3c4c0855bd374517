import type { Analysis } from '../../core';

export interface FileDiagnostics {
  file: string;
  diagnostics: Array<{ code: string; severity: string; message: string; range: ReturnType<Analysis['lines']['range']> }>;
}

/** The CLI contract's JSON shape: 0-based lines, UTF-16 columns, as LSP. */
export function toJson(file: string, analysis: Analysis): FileDiagnostics {
  return {
    file,
    diagnostics: analysis.diagnostics.map((d) => ({
      code: d.code,
      severity: d.severity ?? 'error',
      message: d.message,
      range: analysis.lines.range(d.start, d.end),
    })),
  };
}
