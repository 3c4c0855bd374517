// ews-javascript-api reads the body of every HTTP 500 as a SOAP fault inside
// a promise's rejection handler: a body it cannot read (an IIS error page,
// a truncated envelope, nothing) throws there, the rejection is never
// handled, and the call never settles, so the panel waited for its deadline
// and the process logged an unhandled rejection. Found by the fuzz room
// (test/fuzz/corpus/ews-response).
import { EwsServiceXmlReader, SoapFaultDetails, type ExchangeService } from 'ews-javascript-api';

/** Whether the library can read `body` as the SOAP fault of an HTTP 500 without throwing. */
export function libraryReadsFault(body: unknown, service: ExchangeService): boolean {
  if (typeof body !== 'string') return false;
  try {
    const js = new EwsServiceXmlReader(body, service).JsObject as Record<string, unknown> | null;
    if (js === null || typeof js !== 'object') return false;
    const soapBody = js.Body as Record<string, unknown> | undefined;
    if (soapBody !== undefined && (soapBody === null || typeof soapBody !== 'object')) return false;
    // Parse is public in the library's code but left out of its typings.
    if (soapBody?.Fault) (SoapFaultDetails as unknown as { Parse(fault: unknown): unknown }).Parse(soapBody.Fault);
    return true;
  } catch {
    return false;
  }
}

/**
 * The answer as the library should see it: an HTTP 500 it cannot read keeps
 * its status for us (`HttpStatusCode`, which classifyEwsError reads first)
 * but not in `status`, which is what makes the library read the body.
 */
export function withoutUnreadableFault<T extends { status?: unknown; responseText?: unknown }>(answer: T, service: ExchangeService): T {
  if (answer.status !== 500 || libraryReadsFault(answer.responseText, service)) return answer;
  return Object.assign(answer, { status: 0, HttpStatusCode: 500 });
}
