// FARM901: servers nothing references.
import type { Diagnostic } from '../diagnostics';
import type { Declaration } from '../model/types';

const reportable = new Set(['exchange', 'sharepoint', 'lync', 'project']);

/** `incoming`: how many references (by name, or an inferred feature role) reach the server. */
export function unusedDiagnostic(decl: Declaration, incoming: number): Diagnostic | undefined {
  if (!decl.first || !reportable.has(decl.kind) || incoming > 0) return undefined;
  return {
    code: 'FARM901',
    start: decl.nameNode.start,
    end: decl.nameNode.end,
    message: `Nothing references ${decl.kind} ${decl.name}: no trust, feature, user, project or Office Web Apps host names it.`,
  };
}
