// Rules on single servers that no feature owns: FARM315, and FARM325 for
// Unified Messaging on an Exchange version without it.
import type { Diagnostic } from '../diagnostics';
import { versionName } from '../language/versions';
import { isHttps, valueNode, valueOf, versionOf } from '../model/effective';
import type { Declaration } from '../model/types';

/** The first Exchange Server without Unified Messaging. */
export const exchangeWithoutUm = 2019;

export function serverDiagnostics(decl: Declaration, out: Diagnostic[]): void {
  {
    if (decl.kind === 'exchange' && valueOf(decl, 'um') === true && versionOf(decl) >= exchangeWithoutUm) {
      const node = valueNode(decl, 'um');
      out.push({
        code: 'FARM325',
        start: node.start,
        end: node.end,
        message: `${decl.name} is ${versionName('exchange', versionOf(decl))}, which has no Unified Messaging: voicemail for its mailboxes is Cloud Voicemail. Set um = false.`,
        fixes: [{ title: `Set um = false on ${decl.name}`, edits: [{ start: node.start, end: node.end, newText: 'false' }], unambiguous: true }],
      });
    }
    if (decl.kind !== 'office-web-apps') return;
    const url = valueOf(decl, 'url');
    if (typeof url === 'string' && !isHttps(url)) {
      const node = valueNode(decl, 'url');
      out.push({
        code: 'FARM315',
        start: node.start,
        end: node.end,
        message: `Office Web Apps farm ${decl.name} is served over http: WOPI requests carry access tokens, so bind a certificate and switch its url to https.`,
        fixes: [{ title: `Switch ${decl.name}'s url to https`, edits: [{ start: node.start, end: node.end, newText: JSON.stringify(url.replace(/^http:/i, 'https:')) }], unambiguous: true }],
      });
    }
  }
}
