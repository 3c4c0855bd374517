// Which proxy, if any, carries a probe: an explicit proxy (VS Code's
// `http.proxy`) or HTTPS_PROXY/https_proxy, minus the hosts NO_PROXY
// exempts. Only CONNECT tunnels are used, so the proxy never sees the
// request or the document, and TLS is checked end to end against the server.

import { isIP } from 'node:net';

export interface ProxySettings {
  /**
   * `http://` or `https://` proxy URL. undefined: read HTTPS_PROXY /
   * https_proxy from `env`. false: connect directly whatever the environment says.
   */
  proxy?: string | false;
  /** Hosts to reach directly, NO_PROXY syntax. undefined: NO_PROXY / no_proxy from `env`. */
  noProxy?: string | readonly string[];
  /** Environment to read; process.env when absent. */
  env?: Readonly<Record<string, string | undefined>>;
}

export class ProxySettingError extends Error {}

/** The proxy URL for a connection to host:port, or undefined for a direct connection. */
export function proxyFor(host: string, port: number, settings: ProxySettings): URL | undefined {
  const env = settings.env ?? process.env;
  const configured = settings.proxy === undefined ? env.https_proxy || env.HTTPS_PROXY : settings.proxy;
  if (!configured) return undefined;
  const noProxy = settings.noProxy ?? env.no_proxy ?? env.NO_PROXY ?? '';
  const entries = (typeof noProxy === 'string' ? noProxy.split(',') : [...noProxy]).map((e) => e.trim()).filter(Boolean);
  if (entries.some((e) => exempts(e, host, port))) return undefined;
  return parseProxyUrl(configured);
}

export function parseProxyUrl(text: string): URL {
  // curl and most tools accept a bare host:port and mean http://.
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new ProxySettingError(`proxy '${text}' is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ProxySettingError(`proxy '${text}': only http:// and https:// proxies are supported`);
  }
  return url;
}

function exempts(entry: string, host: string, port: number): boolean {
  if (entry === '*') return true;
  const h = unbracket(host).toLowerCase();
  let pattern = entry.toLowerCase();
  let patternPort: number | undefined;
  const portMatch = /^(.*[^:]):([0-9]+)$/.exec(pattern);
  if (portMatch && !(isIP(pattern) === 6)) {
    pattern = portMatch[1]!;
    patternPort = Number(portMatch[2]);
  }
  pattern = unbracket(pattern);
  if (patternPort !== undefined && patternPort !== port) return false;
  const slash = pattern.indexOf('/');
  if (slash > 0 && isIP(pattern.slice(0, slash)) === 4) return isIP(h) === 4 && inCidr(h, pattern.slice(0, slash), Number(pattern.slice(slash + 1)));
  if (pattern.startsWith('*.')) pattern = pattern.slice(1);
  if (pattern.startsWith('.')) return h.endsWith(pattern) || h === pattern.slice(1);
  return h === pattern || h.endsWith(`.${pattern}`);
}

function unbracket(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

function inCidr(ip: string, base: string, bits: number): boolean {
  if (!(Number.isInteger(bits) && bits >= 0 && bits <= 32)) return false;
  const toInt = (a: string) => a.split('.').reduce((n, o) => n * 256 + Number(o), 0);
  const block = 2 ** (32 - bits);
  return Math.floor(toInt(ip) / block) === Math.floor(toInt(base) / block);
}
