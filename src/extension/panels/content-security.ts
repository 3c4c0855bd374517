// The Content-Security-Policy of a panel's page, apart from the vscode API
// so the webview tests serve their pages under the very same policy.
import { randomBytes } from 'node:crypto';

/** A new one for every load of a page. */
export function newNonce(): string {
  return randomBytes(18).toString('base64');
}

/**
 * `default-src 'none'`, scripts by nonce only, styles and fonts from the
 * bundle folder. `imageOrigins` are the https origins the user let one
 * message load images from, for that render only.
 */
export function contentSecurityPolicy(cspSource: string, nonce: string, imageOrigins: readonly string[] = []): string {
  const images = imageOrigins.filter((o) => /^https:\/\/[a-z0-9.-]+(:\d+)?$/i.test(o));
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `img-src ${cspSource} data:${images.length ? ` ${images.join(' ')}` : ''}`,
    `font-src ${cspSource}`,
    // Neither falls back to default-src: without them a form or a <base> that got past the sanitiser could send or redirect.
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ');
}

/** The https origins a body's images come from (http images stay blocked: the CSP allows https origins only). */
export function remoteImageOrigins(html: string): string[] {
  const origins = new Set<string>();
  for (const m of html.matchAll(/<img\b[^>]*?\bsrc\s*=\s*["']?(https:\/\/[^"'\s>]+)/gi)) {
    try {
      origins.add(new URL(m[1]).origin);
    } catch {
      // Not a URL: nothing to allow.
    }
  }
  return [...origins];
}
