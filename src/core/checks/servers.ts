// Rules on single servers that no feature owns: FARM315.
import type { Diagnostic } from '../diagnostics';
import { isHttps, valueNode, valueOf } from '../model/effective';
import type { Declaration } from '../model/types';

export function serverDiagnostics(decl: Declaration, out: Diagnostic[]): void {
  {
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
