// Rules that compare servers the file does not link by a trust or a feature,
// so they are checked over the whole file at once: FARM327 (Office Web Apps
// Server on a machine with another server product) and the WOPI host rows of
// FARM326. They cost one pass over the declarations.
import type { Diagnostic } from '../diagnostics';
import { unsupportedWopiHosts } from '../language/version-pairings';
import { versionName } from '../language/versions';
import { boundList, stringOf, valueNode, versionOf } from '../model/effective';
import type { Declaration, FarmModel } from '../model/types';
import { urlHost } from '../model/value-checks';

const productNames: Record<string, string> = { exchange: 'Exchange Server', sharepoint: 'SharePoint Server', lync: 'Lync Server' };

/** The host name a server runs on, as the file says it. */
function machineOf(decl: Declaration): string | undefined {
  if (decl.kind === 'exchange' || decl.kind === 'lync') return stringOf(decl, 'host')?.toLowerCase();
  if (decl.kind === 'sharepoint') {
    const url = stringOf(decl, 'url');
    return url ? urlHost(url) : undefined;
  }
  return undefined;
}

/** Whether a change to a server of this kind can change what crossDiagnostics finds. */
export function affectsCross(kind: string): boolean {
  return kind === 'office-web-apps' || kind in productNames;
}

export function crossDiagnostics(model: FarmModel, out: Diagnostic[]): void {
  const farms = model.declarations.filter((d) => d.first && d.kind === 'office-web-apps');
  if (!farms.length) return;
  const byMachine = new Map<string, Declaration[]>();
  for (const d of model.declarations) {
    if (!d.first) continue;
    const machine = machineOf(d);
    if (machine) byMachine.set(machine, [...(byMachine.get(machine) ?? []), d]);
  }
  for (const wac of farms) {
    const url = stringOf(wac, 'url');
    const others = url ? byMachine.get(urlHost(url)) : undefined;
    if (others?.length) {
      const node = valueNode(wac, 'url');
      const list = others.map((d) => `${productNames[d.kind]} (${d.name})`).join(', ');
      out.push({
        code: 'FARM327',
        start: node.start,
        end: node.end,
        message: `Office Web Apps farm ${wac.name} is on ${urlHost(url!)}, which also runs ${list}: Office Web Apps Server is not supported on a server running another server application. Give it a machine of its own (a virtual machine will do).`,
      });
    }
    const hosts = boundList(wac, 'hosts') ?? [];
    if (!hosts.length) continue;
    const list = valueNode(wac, 'hosts');
    hosts.forEach((h, i) => {
      const host = h as Declaration | undefined;
      if (!host) return;
      for (const row of unsupportedWopiHosts) {
        const v = versionOf(host);
        if (row.host !== host.kind || (row.versions.from !== undefined && v < row.versions.from) || (row.versions.to !== undefined && v > row.versions.to)) continue;
        const element = list.type === 'list' ? list.elements[i] : list;
        out.push({ code: 'FARM326', start: element.start, end: element.end, message: `${host.name} is ${versionName(host.kind, v)}, which cannot be a WOPI host of Office Web Apps farm ${wac.name}: ${row.why}.` });
      }
    });
  }
}
