import * as vscode from 'vscode';

export const FARM_LANGUAGE_ID = 'farm';

/**
 * A diagnostic belongs to a farm file when the file is open as `farm` or,
 * for files the server reported on but the editor has since closed, when
 * its name ends in `.farm` (the only extension the language contributes).
 */
export function isFarmUri(uri: vscode.Uri): boolean {
  if (uri.path.toLowerCase().endsWith('.farm')) return true;
  const key = uri.toString();
  return vscode.workspace.textDocuments.some((d) => d.languageId === FARM_LANGUAGE_ID && d.uri.toString() === key);
}

export interface ProblemCounts {
  errors: number;
  warnings: number;
  files: number;
}

export function countFarmProblems(only?: ReadonlySet<string>): ProblemCounts {
  const counts: ProblemCounts = { errors: 0, warnings: 0, files: 0 };
  for (const [uri, diagnostics] of vscode.languages.getDiagnostics()) {
    if (only ? !only.has(uri.toString()) : !isFarmUri(uri)) continue;
    let any = false;
    for (const d of diagnostics) {
      if (d.severity === vscode.DiagnosticSeverity.Error) counts.errors++;
      else if (d.severity === vscode.DiagnosticSeverity.Warning) counts.warnings++;
      else continue;
      any = true;
    }
    if (any) counts.files++;
  }
  return counts;
}
