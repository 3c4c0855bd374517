// Reading EWS SOAP requests and writing EWS SOAP responses in the exact
// envelope Exchange 2013 uses (captured samples: test/fixtures/ews-samples).
import { XMLParser } from 'fast-xml-parser';
import { esc } from './mailbox-store';

export type XmlNode = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
});

export interface SoapRequest {
  operation: string;
  body: XmlNode;
  requestedVersion?: string;
}

export class SoapReadError extends Error {}

export function readSoapRequest(text: string): SoapRequest {
  let doc: XmlNode;
  try {
    doc = parser.parse(text, true) as XmlNode;
  } catch (err) {
    throw new SoapReadError(`the request is not well-formed XML: ${(err as Error).message}`);
  }
  const envelope = one(doc.Envelope);
  const body = envelope && one(envelope.Body);
  if (!body) throw new SoapReadError('the request has no soap:Envelope/soap:Body');
  const operation = Object.keys(body).find((k) => !k.startsWith('@_'));
  if (!operation) throw new SoapReadError('the soap:Body is empty');
  const version = attr(one(one(envelope.Header)?.RequestServerVersion), 'Version');
  return { operation, body: one(body[operation]) ?? {}, requestedVersion: version };
}

/** The single child element (the first of a repeated one). */
export function one(value: unknown): XmlNode | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return { '#text': v };
  return v as XmlNode;
}

/** Every child element of that name. */
export function all(value: unknown): XmlNode[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]).map((v) => (typeof v === 'string' ? { '#text': v } : (v as XmlNode)));
}

export function attr(node: XmlNode | undefined, name: string): string | undefined {
  const v = node?.[`@_${name}`];
  return typeof v === 'string' ? v : undefined;
}

export function text(node: XmlNode | undefined): string | undefined {
  if (!node) return undefined;
  const t = node['#text'];
  return typeof t === 'string' ? t : typeof t === 'number' ? String(t) : '';
}

export { esc };

export function el(name: string, content: string | number | boolean | undefined, attrs = ''): string {
  if (content === undefined) return '';
  return `<t:${name}${attrs}>${typeof content === 'string' ? content : String(content)}</t:${name}>`;
}

export function serverVersionHeader(productVersion: number): string {
  // Exchange 2010 SP3, 2013 CU, 2016 and 2019 build numbers as they report them.
  const [major, minor, build, rev, v] =
    productVersion <= 2010
      ? [14, 3, 123, 4, 'Exchange2010_SP2']
      : productVersion === 2013
        ? [15, 0, 1497, 2, 'V2_23']
        : productVersion === 2016
          ? [15, 1, 2507, 6, 'V2017_07_11']
          : [15, 2, 1118, 7, 'V2017_07_11'];
  return `<h:ServerVersionInfo MajorVersion="${major}" MinorVersion="${minor}" MajorBuildNumber="${build}" MinorBuildNumber="${rev}" Version="${v}" xmlns:h="http://schemas.microsoft.com/exchange/services/2006/types" xmlns="http://schemas.microsoft.com/exchange/services/2006/types" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/>`;
}

export function envelope(productVersion: number, body: string): string {
  return (
    '<?xml version="1.0" encoding="utf-8"?>' +
    '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/">' +
    `<s:Header>${serverVersionHeader(productVersion)}</s:Header>` +
    `<s:Body xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">${body}</s:Body></s:Envelope>`
  );
}

/** `<m:{Op}Response><m:ResponseMessages>...` around one message per requested element. */
export function responseMessages(operation: string, messages: string[]): string {
  return (
    `<m:${operation}Response xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages" xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types">` +
    `<m:ResponseMessages>${messages.join('')}</m:ResponseMessages></m:${operation}Response>`
  );
}

export function success(operation: string, content: string, responseClass: 'Success' | 'Warning' = 'Success', code = 'NoError'): string {
  return `<m:${operation}ResponseMessage ResponseClass="${responseClass}"><m:ResponseCode>${code}</m:ResponseCode>${content}</m:${operation}ResponseMessage>`;
}

export function failure(operation: string, code: string, message: string, messageXml = ''): string {
  return (
    `<m:${operation}ResponseMessage ResponseClass="Error"><m:MessageText>${esc(message)}</m:MessageText>` +
    `<m:ResponseCode>${code}</m:ResponseCode><m:DescriptiveLinkKey>0</m:DescriptiveLinkKey>` +
    (messageXml ? `<m:MessageXml>${messageXml}</m:MessageXml>` : '') +
    `</m:${operation}ResponseMessage>`
  );
}

/** A SOAP fault as Exchange sends it with HTTP 500. */
export function soapFault(code: string, message: string, messageXml = ''): string {
  return (
    '<?xml version="1.0" encoding="utf-8"?>' +
    '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault>' +
    `<faultcode xmlns:a="http://schemas.microsoft.com/exchange/services/2006/types">a:${code}</faultcode>` +
    `<faultstring xml:lang="en-US">${esc(message)}</faultstring><detail>` +
    `<e:ResponseCode xmlns:e="http://schemas.microsoft.com/exchange/services/2006/errors">${code}</e:ResponseCode>` +
    `<e:Message xmlns:e="http://schemas.microsoft.com/exchange/services/2006/errors">${esc(message)}</e:Message>` +
    (messageXml ? `<t:MessageXml xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types">${messageXml}</t:MessageXml>` : '') +
    '</detail></s:Fault></s:Body></s:Envelope>'
  );
}
