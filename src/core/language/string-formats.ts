// The string types with a format of their own: each is one row here, read
// by the value checks (model/value-checks.ts), the type's description and
// the placeholder of the "add the missing property" fix. A new one is a new
// row: ValueType takes its name from this table.

export interface StringFormat {
  /** As hover, completion and messages name the type. */
  describe: string;
  /** A value that passes the check, for the fix that adds a missing property. */
  placeholder: string;
  /** What is wrong with a value, if anything (FARM109 says it). */
  problem(value: string): string | undefined;
}

const hostLabel = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/** A well-formed host name, in one test: most values are, and then the reasons below need not be sought. */
const wellFormedHost = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

export function hostProblem(host: string): string | undefined {
  return wellFormedHost.test(host) ? undefined : hostProblemInDetail(host);
}

/** What is wrong with a host name, if anything (exported for the test that holds the quick test to it). */
export function hostProblemInDetail(host: string): string | undefined {
  if (host === '') return 'it is empty';
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(host)) return 'write the host name alone, without a scheme';
  if (/[/?#]/.test(host)) return 'write the host name alone, without a path';
  if (host.length > 253) return 'a host name has at most 253 characters';
  if (!host.split('.').every((label) => hostLabel.test(label))) return 'a host name is made of letters, digits and hyphens, in labels separated by dots';
  return undefined;
}

/**
 * A well-formed http(s) URL, in one test: a host of valid labels, at most a
 * four-digit port, no spaces. Every URL it accepts the reasons below accept
 * too; for the others they tell what is wrong.
 */
const wellFormedUrl = /^https?:\/\/((?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)*[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(?::\d{1,4})?(?:[/?#]\S*)?$/i;

export function urlProblem(url: string): string | undefined {
  const quick = wellFormedUrl.exec(url);
  return quick && quick[1].length <= 253 ? undefined : urlProblemInDetail(url);
}

/** What is wrong with a URL, if anything (exported for the test that holds the quick test to it). */
export function urlProblemInDetail(url: string): string | undefined {
  const m = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)(.*)$/i.exec(url);
  if (!m) return /^[a-z0-9.-]+(\/|$)/i.test(url) ? 'an absolute URL starts with https:// (or http://)' : 'an absolute URL looks like https://host/path';
  const scheme = m[1].toLowerCase();
  if (scheme !== 'http' && scheme !== 'https') return `the scheme must be https or http, not ${m[1]}`;
  if (/\s/.test(url)) return 'a URL holds no spaces';
  const authority = m[2];
  if (authority.includes('@')) return 'a URL here carries no user name or password';
  const hostPort = /^(.*?)(?::(\d{1,5}))?$/.exec(authority);
  const host = hostPort?.[1] ?? '';
  if (hostPort?.[2] !== undefined && Number(hostPort[2]) > 65535) return 'the port must be at most 65535';
  const problem = hostProblem(host);
  if (problem) return `its host ${problem === 'it is empty' ? 'is missing' : `is malformed (${problem})`}`;
  return undefined;
}

export function emailProblem(address: string): string | undefined {
  const at = address.lastIndexOf('@');
  if (at < 0) return 'an e-mail address looks like name@example.com';
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  if (local === '' || /[\s@]/.test(local)) return 'the part before @ must be a non-empty name without spaces';
  if (!domain.includes('.') || hostProblem(domain)) return 'the part after @ must be a domain name such as example.com';
  return undefined;
}

/** A certificate thumbprint as Get-ExchangeCertificate and Get-CsCertificate show it: the SHA-1 hash, 40 hexadecimal digits. */
export function thumbprintProblem(value: string): string | undefined {
  if (/^[0-9A-Fa-f]{40}$/.test(value)) return undefined;
  const digits = value.replace(/[\s:]/g, '');
  if (/^[0-9A-Fa-f]{40}$/.test(digits)) return 'write the 40 hexadecimal digits without spaces or colons';
  return `a thumbprint is 40 hexadecimal digits (the certificate's SHA-1 hash), not ${value.length} characters`;
}

export const stringFormats = {
  url: { describe: 'a URL (http:// or https://)', placeholder: '"https://server.example.com"', problem: urlProblem },
  host: { describe: 'a host name', placeholder: '"server.example.com"', problem: hostProblem },
  email: { describe: 'an e-mail address', placeholder: '"name@example.com"', problem: emailProblem },
  thumbprint: { describe: 'a certificate thumbprint (40 hexadecimal digits)', placeholder: '"0000000000000000000000000000000000000000"', problem: thumbprintProblem },
} satisfies Record<string, StringFormat>;

export type StringFormatName = keyof typeof stringFormats;
