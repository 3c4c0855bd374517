// What the server writes to the client's log (VS Code's "Office Farm"
// output): its start, each probe, each failure with its cause. Everything
// goes through redact(): a farm file, a proxy setting or an error message
// may carry a URL with a user and password, or a token in a query string,
// and a log is copied into bug reports.
import type { RemoteConsole } from 'vscode-languageserver';
import type { ProbeResult } from '../probe';
import type { NetworkSettings } from './network-settings';

const userInfo = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/@]+@/gi;
const secretParameter = /\b(password|passwd|pwd|secret|token|access_token|id_token|refresh_token|client_secret|api[-_]?key|sig|signature)=[^&\s"';,]+/gi;
const authorization = /\b(authorization|proxy-authorization)(["']?\s*[:=]\s*["']?)(basic|bearer|negotiate|ntlm|digest)?\s*[^\s"',]+/gi;

/** The text with credentials in URLs, secret query parameters and authorization headers masked. */
export function redact(text: string): string {
  return text
    .replace(userInfo, '$1***@')
    .replace(secretParameter, '$1=***')
    .replace(authorization, (_m, name: string, separator: string, scheme: string | undefined) => `${name}${separator}${scheme ? `${scheme} ` : ''}***`);
}

/** An error's message and its causes (Node's network errors keep the reason in `cause`), on one line. */
export function causeOf(error: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = error, depth = 0; e !== undefined && e !== null && depth < 4; depth++) {
    if (e instanceof Error) {
      const code = (e as { code?: unknown }).code;
      parts.push(typeof code === 'string' && !e.message.includes(code) ? `${e.message} (${code})` : e.message);
      e = e.cause;
    } else {
      parts.push(String(e));
      break;
    }
  }
  return parts.filter((p, i) => p && parts.indexOf(p) === i).join(': ') || 'no reason given';
}

/** The network settings in words, without the CA certificates' text or any proxy credentials. */
export function describeSettings(s: NetworkSettings): string {
  if (s.enabled === false) return `probes off (${s.disabledReason ?? 'network access is turned off'})`;
  const parts = ['probes on'];
  parts.push(s.proxy === false ? 'direct connections' : s.proxy ? `proxy ${s.proxy}` : 'proxy from the environment');
  if (s.noProxy) parts.push(`no proxy for ${s.noProxy}`);
  if (s.ca?.length) parts.push(`${s.ca.length} extra CA certificate${s.ca.length === 1 ? '' : 's'}`);
  if (s.connectTo?.length) parts.push(`connect-to ${s.connectTo.join(', ')}`);
  if (typeof s.timeoutMs === 'number') parts.push(`time limit ${s.timeoutMs} ms`);
  return redact(parts.join(', '));
}

export class ServerLog {
  constructor(private readonly console: RemoteConsole) {}

  info(message: string): void {
    this.console.info(redact(message));
  }

  warn(message: string): void {
    this.console.warn(redact(message));
  }

  /** What failed, and why. */
  error(what: string, cause: unknown): void {
    this.console.error(redact(`${what}: ${causeOf(cause)}`));
  }

  /** One line per probe: server, URL, HTTP status and outcome, time taken; the findings are the causes of a failure. */
  probe(r: ProbeResult): void {
    const url = r.finalUrl && r.finalUrl !== r.url ? `${r.url} → ${r.finalUrl}` : r.url;
    const status = r.httpStatus !== undefined ? `HTTP ${r.httpStatus}` : 'no HTTP response';
    const via = r.connection?.proxy ? ` via ${r.connection.proxy}` : '';
    const line = `probe ${r.server} ${url}${via}: ${status}, ${r.outcome}, ${r.durationMs} ms`;
    const causes = r.findings.map((f) => `${f.code} ${f.message}`).join('; ');
    if (r.outcome === 'error') this.console.error(redact(`${line}: ${causes}`));
    else if (r.outcome === 'warning') this.console.warn(redact(`${line}: ${causes}`));
    else this.console.info(redact(line));
  }
}
