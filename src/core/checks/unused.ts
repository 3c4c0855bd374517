// FARM901: servers nothing references.
import type { Diagnostic } from '../diagnostics';
import type { Declaration, FarmModel } from '../model/types';

const reportable = new Set(['exchange', 'sharepoint', 'lync', 'project']);

export function checkUnused(model: FarmModel, out: Diagnostic[]): void {
  const used = new Set<Declaration>();
  for (const ref of model.references) if (ref.target) used.add(ref.target);
  for (const feature of model.features) for (const binding of feature.roles.values()) if (binding.target) used.add(binding.target);
  for (const decl of model.declarations) {
    if (!decl.first || !reportable.has(decl.kind) || used.has(decl)) continue;
    out.push({
      code: 'FARM901',
      start: decl.nameNode.start,
      end: decl.nameNode.end,
      message: `Nothing references ${decl.kind} ${decl.name}: no trust, feature, user, project or Office Web Apps host names it.`,
    });
  }
}
