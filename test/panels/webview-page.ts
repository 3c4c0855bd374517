// A panel's webview bundle in chromium (playwright-core from the editor
// tools' cache, Debian's chromium; see test/vscode/browser.mjs), served
// under the extension's own CSP from a made-up origin that the page's
// routes answer, so no request can leave the machine. A stub
// acquireVsCodeApi records what the panel posts and saves; the test plays
// the extension's part by delivering messages.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { contentSecurityPolicy, newNonce } from '../../src/extension/panels/content-security';
import { repoRoot } from '../support/paths';

export const ORIGIN = 'https://panel.test';

/** The few Playwright calls these tests use. */
export interface Page {
  goto(url: string): Promise<unknown>;
  evaluate<T>(fn: string | ((arg: any) => T), arg?: unknown): Promise<T>;
  waitForFunction(fn: string | ((arg: any) => unknown), arg?: unknown, options?: { timeout?: number }): Promise<unknown>;
  route(url: string, handler: (route: any) => unknown): Promise<void>;
  on(event: 'request' | 'console' | 'pageerror', handler: (x: any) => void): void;
  locator(selector: string, options?: { hasText?: string }): any;
  keyboard: { press(key: string): Promise<void>; type(text: string): Promise<void> };
  focus(selector: string): Promise<void>;
  setViewportSize(size: { width: number; height: number }): Promise<void>;
}

export function toolsDir(): string {
  const tools = process.env.OFFICE_FARM_E2E_TOOLS ?? join(repoRoot, '.e2e-tools');
  if (!existsSync(join(tools, 'code-server/package.json'))) {
    throw new Error(`the webview tests need chromium and playwright-core: run test/vscode/install-tools.sh (tools expected in ${tools}; set OFFICE_FARM_E2E_TOOLS)`);
  }
  return tools;
}

export interface PanelPage {
  page: Page;
  /** Every URL the page requested. */
  requests: string[];
  console: string[];
  errors: string[];
  /** What the panel posted so far. */
  posted(): Promise<Array<Record<string, unknown>>>;
  deliver(message: unknown): Promise<void>;
  /** Loads the panel anew with this saved state (as after a reload). */
  load(state?: unknown): Promise<void>;
  close(): Promise<void>;
}

export async function openPanel(panel: string): Promise<PanelPage> {
  const browser = await import(pathToFileURL(join(repoRoot, 'test/vscode/browser.mjs')).href);
  const { page, close } = (await browser.openBrowser(toolsDir(), { width: 1200, height: 800 })) as { page: Page; close: () => Promise<void> };
  const requests: string[] = [];
  const consoleLines: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => consoleLines.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  let state: unknown;
  await page.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== ORIGIN) return route.abort();
    if (url.pathname === '/') {
      const nonce = newNonce();
      const html = `<!DOCTYPE html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(ORIGIN, nonce)}">
<meta property="csp-nonce" content="${nonce}">
<link rel="stylesheet" href="${ORIGIN}/${panel}.css"></head><body><div id="root"></div>
<script nonce="${nonce}">
  window.__posted = [];
  window.__state = ${JSON.stringify(state ?? null)};
  window.acquireVsCodeApi = () => ({
    postMessage: (m) => window.__posted.push(JSON.parse(JSON.stringify(m))),
    getState: () => window.__state,
    setState: (s) => { window.__state = JSON.parse(JSON.stringify(s)); },
  });
</script>
<script nonce="${nonce}" src="${ORIGIN}/${panel}.js"></script></body></html>`;
      return route.fulfill({ status: 200, contentType: 'text/html', body: html });
    }
    const file = join(repoRoot, 'dist/webview', url.pathname.slice(1));
    if (!existsSync(file)) return route.fulfill({ status: 404, body: '' });
    return route.fulfill({ status: 200, contentType: file.endsWith('.css') ? 'text/css' : 'text/javascript', body: readFileSync(file) });
  });
  const result: PanelPage = {
    page,
    requests,
    console: consoleLines,
    errors,
    posted: () => page.evaluate('window.__posted'),
    deliver: async (message) => {
      await page.evaluate((m: unknown) => window.postMessage(m, '*'), message);
      // Messages are handled in the next task; wait for it.
      await page.evaluate('new Promise((r) => setTimeout(r, 0))');
    },
    load: async (saved) => {
      state = saved;
      requests.length = 0;
      await page.goto(`${ORIGIN}/`);
      await page.waitForFunction('window.__posted && window.__posted.some((m) => m.type === "ready")');
    },
    close,
  };
  return result;
}
