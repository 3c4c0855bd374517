// What a server that takes part in server-to-server authentication needs of
// itself, whichever feature uses it: FARM207–FARM209 (SharePoint),
// FARM210–FARM211 (Lync). A server takes part when it trusts another or
// another trusts it; below 2013 FARM206 has already said it cannot.
import type { Diagnostic } from '../diagnostics';
import { appendToListEdit, setPropertyEdit } from '../fixes/edits';
import { flagOf, isHttps, membersOf, numberOf, stringOf, trustsOf, valueNode, valueOf, versionOf, writtenValue } from '../model/effective';
import type { Declaration } from '../model/types';
import { minimumFeatureVersion } from '../language/features';

/** The smallest OAuthTokenIssuer key Lync accepts. */
export const minimumOAuthKeyBits = 2048;

export function s2sDiagnostics(decl: Declaration, trustedByOthers: boolean, text: string, out: Diagnostic[]): void {
  if (decl.kind !== 'sharepoint' && decl.kind !== 'lync') return;
  if (!trustedByOthers && trustsOf(decl).length === 0) return;
  if (versionOf(decl) < minimumFeatureVersion) return;
  const name = decl.name;
  const at = (code: string, message: string, node = decl.nameNode as { start: number; end: number }, fixes?: Diagnostic['fixes']): void => {
    out.push({ code, start: node.start, end: node.end, message, fixes });
  };
  if (decl.kind === 'sharepoint') {
    const url = stringOf(decl, 'url');
    if (url && !isHttps(url) && !flagOf(decl, 'allow-oauth-over-http')) {
      const edit = setPropertyEdit(text, decl.block, 'url', JSON.stringify(url.replace(/^http:/i, 'https:')));
      at('FARM207', `${name} takes part in server-to-server authentication, and SharePoint's security token service refuses OAuth over http: serve the web application over https (or, in a test farm only, set allow-oauth-over-http = true after Set-SPSecurityTokenServiceConfig -AllowOAuthOverHttp).`, valueNode(decl, 'url'), edit ? [{ title: `Switch ${name}'s url to https`, edits: [edit], unambiguous: true }] : undefined);
    }
    if (valueOf(decl, 'authentication') === 'classic') {
      at('FARM208', `${name} takes part in server-to-server authentication, which needs a claims-based web application: ${name} uses classic mode. Migrate it to claims-based authentication (Convert-SPWebApplication).`, valueNode(decl, 'authentication'));
    }
    if (!membersOf(decl, 'services').includes('user-profile')) {
      const list = writtenValue(decl, 'services');
      const edit = list && list.type !== 'list' ? undefined : appendToListEdit(text, decl.block, 'services', list?.type === 'list' ? list : undefined, 'user-profile');
      at('FARM209', `${name} takes part in server-to-server authentication, and SharePoint finds the user an incoming token speaks for in the User Profile service application: provision it, with current profiles, and add user-profile to ${name}'s services.`, undefined, edit ? [{ title: `Add user-profile to ${name}'s services`, edits: [edit], unambiguous: true }] : undefined);
    }
    return;
  }
  if (stringOf(decl, 'oauth-certificate') === undefined) {
    at('FARM210', `${name} takes part in server-to-server authentication, which needs an OAuthTokenIssuer certificate, the same on every Front End of the pool (Set-CsCertificate -Type OAuthTokenIssuer): assign one and write its thumbprint in oauth-certificate.`);
  }
  const bits = numberOf(decl, 'oauth-key-bits');
  if (bits !== undefined && bits < minimumOAuthKeyBits) {
    at('FARM211', `${name}'s OAuthTokenIssuer certificate has a ${bits}-bit key; server-to-server authentication needs at least ${minimumOAuthKeyBits} bits: issue a new certificate.`, valueNode(decl, 'oauth-key-bits'));
  }
}
