// A mail body is hostile: it goes through DOMPurify with a strict profile
// before it touches the page. No forms, no styles (the CSP would drop
// inline styles anyway, and a style is where url() hides), no frames or
// embedded objects; remote images are held back (their address moved to
// data-blocked-src) unless the user allowed them for this message; links
// keep their address for the extension to open after confirmation.
import DOMPurify from 'dompurify';

export interface SanitisedBody {
  fragment: DocumentFragment;
  /** Remote images held back, by origin. */
  blockedOrigins: string[];
  blockedImages: number;
}

const FORBID_TAGS = ['form', 'input', 'button', 'select', 'textarea', 'option', 'style', 'link', 'meta', 'base', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'svg', 'math', 'video', 'audio', 'source', 'track', 'portal'];
const FORBID_ATTR = ['style', 'srcset', 'background', 'ping', 'formaction', 'action', 'poster', 'lowsrc', 'dynsrc', 'target'];

let remoteAllowed = false;
let blocked: string[] = [];
let hooked = false;

function installHooks(): void {
  if (hooked) return;
  hooked = true;
  DOMPurify.addHook('afterSanitizeAttributes', (node) => {
    const el = node as Element;
    if (el.tagName === 'IMG') {
      const src = el.getAttribute('src') ?? '';
      if (/^data:image\//i.test(src)) return;
      const origin = remoteOrigin(src);
      // Plain-http images stay blocked even when allowed: the CSP admits https origins only.
      const allowable = origin?.startsWith('https:') === true;
      if (allowable && remoteAllowed) return;
      el.removeAttribute('src');
      if (origin) el.setAttribute('data-blocked-src', src);
      if (allowable) blocked.push(origin!);
      el.setAttribute('alt', el.getAttribute('alt') || (origin ? `image from ${origin} (blocked)` : 'image'));
    }
    if (el.tagName === 'A') {
      const href = el.getAttribute('href') ?? '';
      if (!/^(https?:|mailto:)/i.test(href)) el.removeAttribute('href');
      el.setAttribute('rel', 'noopener noreferrer');
    }
  });
}

function remoteOrigin(src: string): string | undefined {
  if (!/^https?:\/\//i.test(src)) return undefined;
  try {
    return new URL(src).origin;
  } catch {
    return undefined;
  }
}

export function sanitiseBody(html: string, allowRemoteImages: boolean): SanitisedBody {
  installHooks();
  remoteAllowed = allowRemoteImages;
  blocked = [];
  try {
    const fragment = DOMPurify.sanitize(html, {
      RETURN_DOM_FRAGMENT: true,
      FORBID_TAGS,
      FORBID_ATTR,
      ALLOW_DATA_ATTR: false,
      ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|data:image\/|cid:|#)/i,
    });
    return { fragment, blockedOrigins: [...new Set(blocked)], blockedImages: blocked.length };
  } finally {
    remoteAllowed = false;
    blocked = [];
  }
}
