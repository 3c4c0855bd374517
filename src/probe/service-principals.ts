// The well-known S2S service principals (farm-language.md section 6). A
// metadata document names its server's principal in `serviceName` and
// before the `@` of `issuer`.

export type ProbedKind = 'exchange' | 'sharepoint' | 'lync';

export const servicePrincipal: Readonly<Record<ProbedKind, string>> = {
  exchange: '00000002-0000-0ff1-ce00-000000000000',
  sharepoint: '00000003-0000-0ff1-ce00-000000000000',
  lync: '00000004-0000-0ff1-ce00-000000000000',
};

export const productName: Readonly<Record<ProbedKind, string>> = {
  exchange: 'Exchange',
  sharepoint: 'SharePoint',
  lync: 'Lync',
};

export function isProbedKind(kind: string): kind is ProbedKind {
  return kind === 'exchange' || kind === 'sharepoint' || kind === 'lync';
}

/** The kind whose principal this is, if it is one of the well-known ones. */
export function kindOfPrincipal(principal: string): ProbedKind | undefined {
  const p = principal.trim().toLowerCase();
  return (Object.keys(servicePrincipal) as ProbedKind[]).find((k) => servicePrincipal[k] === p);
}
