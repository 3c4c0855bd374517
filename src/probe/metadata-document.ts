// Reads an S2S metadata document the way real servers write it: keys and
// enumeration values in any letter case, most fields optional. Only a
// signing key with an X.509 certificate is required (farm-language.md §6).

import type { X509Certificate } from 'node:crypto';
import { ProbeError } from './probe-error';
import { readKeyCertificate } from './signing-certificate';

export interface SigningKey {
  /** As written, when the document gives one. */
  x5t?: string;
  certificate: X509Certificate;
}

export interface MetadataEndpoint {
  location: string;
  protocol?: string;
  usage?: string;
}

export interface MetadataDocument {
  id?: string;
  version?: string;
  name?: string;
  serviceName?: string;
  issuer?: string;
  /** From `realm`, else from the part of `issuer` after `@`. */
  realm?: string;
  realmSource?: 'realm' | 'issuer';
  allowedAudiences: string[];
  signingKeys: SigningKey[];
  endpoints: MetadataEndpoint[];
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const NOT_METADATA_FIX = 'Check that the URL is the S2S metadata endpoint (…/metadata/json/1) and that nothing in front of the server (a login page, an error page, a proxy) answers in its place.';

export function readMetadataDocument(body: Buffer, contentType: string | undefined, url: string): MetadataDocument {
  const text = decodeText(body);
  let parsed: Json;
  try {
    parsed = JSON.parse(text) as Json;
  } catch {
    throw new ProbeError('FARM504', `${url} did not return JSON but ${describeNonJson(text, contentType)}`, NOT_METADATA_FIX);
  }
  if (!isObject(parsed)) {
    throw new ProbeError('FARM504', `${url} returned JSON that is not an object, so not a metadata document`, NOT_METADATA_FIX);
  }
  const doc = lowerKeys(parsed);
  const keys = doc.keys;
  if (!Array.isArray(keys)) {
    throw new ProbeError('FARM504', `the document at ${url} has no \`keys\`: it is not an S2S metadata document`, NOT_METADATA_FIX);
  }
  const signingKeys: SigningKey[] = [];
  let unreadable = 0;
  for (const key of keys) {
    if (!isObject(key) || !sameText(str(key.usage), 'signing')) continue;
    const keyValue = isObject(key.keyvalue) ? key.keyvalue : undefined;
    const type = str(keyValue?.type);
    if (type !== undefined && !sameText(type, 'x509Certificate')) continue;
    const value = str(keyValue?.value);
    const certificate = value === undefined ? undefined : readKeyCertificate(value);
    if (!certificate) {
      unreadable++;
      continue;
    }
    const keyInfo = isObject(key.keyinfo) ? key.keyinfo : undefined;
    signingKeys.push({ certificate, x5t: str(keyInfo?.x5t) });
  }
  if (signingKeys.length === 0) {
    const what =
      unreadable > 0
        ? `the signing key in the document at ${url} holds no readable X.509 certificate`
        : `the document at ${url} has no signing key with an X.509 certificate`;
    throw new ProbeError('FARM504', what, 'The server publishes no usable token-signing certificate: check its S2S/OAuth configuration (Exchange: the Auth configuration certificate; SharePoint: the Security Token Service certificate).');
  }
  const issuer = str(doc.issuer);
  const at = issuer?.indexOf('@') ?? -1;
  const realmField = str(doc.realm);
  const issuerRealm = issuer && at >= 0 && at < issuer.length - 1 ? issuer.slice(at + 1) : undefined;
  return {
    id: str(doc.id),
    version: str(doc.version),
    name: str(doc.name),
    serviceName: str(doc.servicename),
    issuer,
    realm: realmField ?? issuerRealm,
    realmSource: realmField !== undefined ? 'realm' : issuerRealm !== undefined ? 'issuer' : undefined,
    allowedAudiences: Array.isArray(doc.allowedaudiences) ? doc.allowedaudiences.flatMap((a) => (typeof a === 'string' ? [a] : [])) : [],
    signingKeys,
    endpoints: Array.isArray(doc.endpoints)
      ? doc.endpoints.flatMap((e) => {
          const location = isObject(e) ? str(e.location) : undefined;
          return isObject(e) && location ? [{ location, protocol: str(e.protocol), usage: str(e.usage) }] : [];
        })
      : [],
  };
}

function decodeText(body: Buffer): string {
  // .NET writes a byte order mark more often than not.
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return body.subarray(3).toString('utf8');
  if (body[0] === 0xff && body[1] === 0xfe) return body.subarray(2).toString('utf16le');
  // An odd last byte is half a code unit: dropped, as the little-endian decoder above drops it (swap16 would throw).
  if (body[0] === 0xfe && body[1] === 0xff) return Buffer.from(body.subarray(2, body.length - (body.length % 2))).swap16().toString('utf16le');
  return body.toString('utf8');
}

function describeNonJson(text: string, contentType: string | undefined): string {
  const start = text.trimStart();
  const type = contentType ? ` (Content-Type ${contentType.split(';')[0]!.trim()})` : '';
  if (start === '') return `an empty body${type}`;
  if (/^<(!doctype html|html)/i.test(start) || /text\/html/i.test(contentType ?? '')) {
    const title = /<title[^>]*>([^<]{1,120})<\/title>/i.exec(start)?.[1]?.trim();
    return `an HTML page${title ? ` titled "${title}"` : ''}${type}`;
  }
  if (start.startsWith('<')) return `XML or markup${type}`;
  return `text starting "${start.slice(0, 40).replace(/\s+/g, ' ')}"${type}`;
}

function isObject(v: Json | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: Json | undefined): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function sameText(a: string | undefined, b: string): boolean {
  return a !== undefined && a.toLowerCase() === b.toLowerCase();
}

/** The first of keys that differ only in case wins, as a case-insensitive reader would see it. */
function lowerKeys(obj: JsonObject): JsonObject {
  // No prototype, so that a "__proto__" key is plain data.
  const out: JsonObject = Object.create(null) as JsonObject;
  for (const [k, v] of Object.entries(obj)) {
    const key = k.toLowerCase();
    if (Object.hasOwn(out, key)) continue;
    out[key] = isObject(v) ? lowerKeys(v) : Array.isArray(v) ? v.map((e) => (isObject(e) ? lowerKeys(e) : e)) : v;
  }
  return out;
}
