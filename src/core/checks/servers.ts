// Rules on single servers that no feature owns: FARM315.
import type { Diagnostic } from '../diagnostics';
import { isHttps } from '../model/effective';
import type { Declaration } from '../model/types';

export function serverDiagnostics(decl: Declaration, out: Diagnostic[]): void {
  {
    if (decl.kind !== 'office-web-apps') return;
    const url = decl.values.get('url');
    if (url && typeof url.value === 'string' && !isHttps(url.value)) {
      out.push({
        code: 'FARM315',
        start: url.node.start,
        end: url.node.end,
        message: `Office Web Apps farm ${decl.name} is served over http: WOPI requests carry access tokens, so bind a certificate and switch its url to https.`,
        fixes: [{ title: `Switch ${decl.name}'s url to https`, edits: [{ start: url.node.start, end: url.node.end, newText: JSON.stringify(url.value.replace(/^http:/i, 'https:')) }], unambiguous: true }],
      });
    }
  }
}
