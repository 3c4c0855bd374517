// Trust rules on the servers themselves: FARM111, FARM202, FARM204, FARM205, FARM206.
import type { Diagnostic } from '../diagnostics';
import { appendToListEdit, removeFromListEdit, setPropertyEdit } from '../fixes/edits';
import type { TextEdit } from '../diagnostics';
import { boundList, conventionalMetadataPath, insecureMetadataEndpoint, trusts, trustsListNode, valueNode, valueOf, versionOf, isWritten } from '../model/effective';
import type { Declaration } from '../model/types';
import { versionName } from '../language/versions';

const issuers = new Set(['exchange', 'sharepoint', 'lync']);

/** The trust diagnostics of one server: on its metadata override and on each reference in its trusts. */
export function trustDiagnostics(decl: Declaration, text: string, out: Diagnostic[]): void {
  {
    if (!issuers.has(decl.kind)) return;
    checkMetadataPath(decl, out);
    const list = trustsListNode(decl);
    // Only a valid list was converted, element by element.
    const targets = boundList(decl, 'trusts');
    if (!list || !targets) return;
    for (let j = 0; j < list.elements.length; j++) {
      const element = list.elements[j];
      const target = targets[j] as Declaration | undefined;
      if (target === undefined) continue;
      if (target === decl) {
        out.push({
          code: 'FARM111',
          start: element.start,
          end: element.end,
          message: `${decl.name} lists itself in its own trusts, which configures nothing: remove it.`,
          fixes: [{ title: `Remove ${decl.name} from its own trusts`, edits: [removeFromListEdit(text, list, j)], unambiguous: true }],
        });
        continue;
      }
      if (!trusts(target, decl)) {
        const edit = addTrustEdit(text, target, decl);
        out.push({
          code: 'FARM202',
          start: element.start,
          end: element.end,
          message: `${decl.name} trusts ${target.name}, but ${target.name} does not trust ${decl.name}: two-way trust is recommended. Add ${decl.name} to ${target.name}'s trusts.`,
          fixes: edit ? [{ title: `Add ${decl.name} to ${target.name}'s trusts`, edits: [edit], unambiguous: true }] : undefined,
        });
      }
      const endpoint = insecureMetadataEndpoint(target);
      if (endpoint) {
        const key = endpoint.source === 'metadata' ? 'metadata' : endpoint.source;
        const current = valueOf(target, key) as string;
        const edit = setPropertyEdit(text, target.block, key, JSON.stringify(current.replace(/^http:/i, 'https:')));
        out.push({
          code: 'FARM204',
          start: element.start,
          end: element.end,
          message: `${decl.name} trusts ${target.name} through its metadata endpoint ${endpoint.url}, which is not https: the signing certificate could be replaced in transit. Serve ${target.name} over https.`,
          fixes: edit ? [{ title: `Switch ${target.name}'s ${key} to https`, edits: [edit], unambiguous: true }] : undefined,
        });
      }
      if (versionOf(decl) < 2013 || versionOf(target) < 2013) {
        const old = [decl, target].filter((d) => versionOf(d) < 2013);
        out.push({
          code: 'FARM206',
          start: element.start,
          end: element.end,
          message: `${old.map((d) => `${d.name} is ${versionName(d.kind, versionOf(d))}`).join(' and ')}: server-to-server trusts exist from the 2013 products on. Upgrade ${old.length > 1 ? 'them' : old[0].name} or remove this trust.`,
        });
      }
    }
  }
}

function checkMetadataPath(decl: Declaration, out: Diagnostic[]): void {
  const bound = valueOf(decl, 'metadata');
  if (typeof bound !== 'string') return;
  const path = (/^[a-z]+:\/\/[^/?#]*([^?#]*)/i.exec(bound)?.[1] ?? '').replace(/\/+$/, '').toLowerCase();
  const expected = conventionalMetadataPath[decl.kind];
  const ok = decl.kind === 'sharepoint' ? path.endsWith(expected) : path === expected;
  if (!ok) {
    const node = valueNode(decl, 'metadata');
    out.push({
      code: 'FARM205',
      start: node.start,
      end: node.end,
      message: `${decl.name}'s metadata path is not the one ${productName[decl.kind]} serves (${decl.kind === 'sharepoint' ? `…${expected}` : expected}): check it; most often the default is right and this override can go.`,
    });
  }
}

const productName: Record<string, string> = { exchange: 'Exchange', sharepoint: 'SharePoint', lync: 'Lync' };

/** Adds `trusted` to `truster`'s trusts; none when trusts is written but is no list. */
export function addTrustEdit(text: string, truster: Declaration, trusted: Declaration): TextEdit | undefined {
  const list = trustsListNode(truster);
  if (!list && isWritten(truster, 'trusts')) return undefined;
  return appendToListEdit(text, truster.block, 'trusts', list, trusted.name);
}
