// curl's --connect-to: connections for HOST:PORT go to ADDR:PORT, while the
// TLS name check, SNI and the Host header keep HOST. It lets a probe reach a
// server whose DNS name does not (yet) resolve from this computer, e.g. the
// simulator on loopback or a farm before its DNS records are published.

export interface ConnectToRule {
  /** '' matches every host. Lower case. */
  host: string;
  /** undefined matches every port. */
  port?: number;
  /** '' keeps the host. IPv6 without brackets. */
  toHost: string;
  /** undefined keeps the port. */
  toPort?: number;
}

export class ConnectToSyntaxError extends Error {}

/** Parses `HOST:PORT:ADDR:PORT` (any part may be empty; IPv6 in brackets). */
export function parseConnectTo(text: string): ConnectToRule {
  const parts: string[] = [];
  let rest = text;
  for (let i = 0; i < 4; i++) {
    if (rest.startsWith('[')) {
      const close = rest.indexOf(']');
      if (close < 0) throw new ConnectToSyntaxError(`'${text}': unclosed '[' in an IPv6 address`);
      parts.push(rest.slice(1, close));
      rest = rest.slice(close + 1);
      if (i < 3) {
        if (!rest.startsWith(':')) throw new ConnectToSyntaxError(`'${text}': expected ':' after ']'`);
        rest = rest.slice(1);
      }
    } else if (i < 3) {
      const colon = rest.indexOf(':');
      if (colon < 0) throw new ConnectToSyntaxError(`'${text}': expected HOST:PORT:ADDR:PORT`);
      parts.push(rest.slice(0, colon));
      rest = rest.slice(colon + 1);
    } else {
      parts.push(rest);
      rest = '';
    }
  }
  if (rest !== '') throw new ConnectToSyntaxError(`'${text}': unexpected '${rest}' after the fourth part`);
  const [host, port, toHost, toPort] = parts as [string, string, string, string];
  return { host: host.toLowerCase(), port: readPort(text, port), toHost, toPort: readPort(text, toPort) };
}

function readPort(text: string, port: string): number | undefined {
  if (port === '') return undefined;
  const n = /^[0-9]{1,5}$/.test(port) ? Number(port) : NaN;
  if (!(n >= 1 && n <= 65535)) throw new ConnectToSyntaxError(`'${text}': '${port}' is not a port number`);
  return n;
}

/** Where to open the TCP connection for host:port; the first matching rule wins, as in curl. */
export function connectAddress(host: string, port: number, rules: readonly ConnectToRule[]): { host: string; port: number } {
  const h = host.toLowerCase();
  for (const rule of rules) {
    if ((rule.host === '' || rule.host === h) && (rule.port === undefined || rule.port === port)) {
      return { host: rule.toHost || host, port: rule.toPort ?? port };
    }
  }
  return { host, port };
}
