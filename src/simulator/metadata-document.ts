// The S2S metadata document each product publishes, in that product's own
// style: Exchange and Lync write lower-case keys with x5t and endpoints;
// SharePoint writes `keyValue`, "Signing", "x509certificate" and leaves out
// x5t, realm and endpoints, so a reader must take the realm from `issuer`.
import { randomUUID } from 'node:crypto';
import { certificateDerBase64, x5tThumbprint } from './certificates';
import type { S2SKind } from './farm-endpoints';

export const SERVICE_PRINCIPALS: Record<S2SKind, string> = {
  exchange: '00000002-0000-0ff1-ce00-000000000000',
  sharepoint: '00000003-0000-0ff1-ce00-000000000000',
  lync: '00000004-0000-0ff1-ce00-000000000000',
};

export interface MetadataInput {
  kind: S2SKind;
  realm: string;
  /** The signing certificate PEM published in `keys`. */
  signingCert: string;
  metadataUrl: string;
  /** The x5t to publish; the certificate's own thumbprint when not given. */
  x5t?: string;
  /** Publish this principal instead of the kind's own. */
  servicePrincipal?: string;
  /** SharePoint leaves x5t out; a fault puts a (wrong) one in. */
  forceX5t?: boolean;
}

export function metadataDocument(input: MetadataInput): Record<string, unknown> {
  const principal = input.servicePrincipal ?? SERVICE_PRINCIPALS[input.kind];
  const issuer = `${principal}@${input.realm}`;
  const value = certificateDerBase64(input.signingCert);
  const x5t = input.x5t ?? x5tThumbprint(input.signingCert);
  if (input.kind === 'sharepoint') {
    const key: Record<string, unknown> = { usage: 'Signing', keyValue: { type: 'x509certificate', value } };
    if (input.forceX5t) key.keyInfo = { x5t };
    return { serviceName: principal, issuer, keys: [key] };
  }
  return {
    id: `_${randomUUID()}`,
    version: '1.0',
    name: input.kind === 'exchange' ? 'Exchange' : 'Lync',
    realm: input.realm,
    serviceName: principal,
    issuer,
    allowedAudiences: [issuer],
    keys: [{ usage: 'signing', keyinfo: { x5t }, keyvalue: { type: 'x509Certificate', value } }],
    endpoints: [{ location: input.metadataUrl, protocol: 'OAuth2', usage: 'metadata' }],
  };
}

/** A principal of another product, for the wrong-principal fault. */
export function otherPrincipal(kind: S2SKind): string {
  return kind === 'exchange' ? SERVICE_PRINCIPALS.sharepoint : SERVICE_PRINCIPALS.exchange;
}
