// The inbox panel against a site mailbox of 10,000 messages (issue 18):
// the simulator over HTTPS, the real EWS client (src/office), and the
// webview bundle (dist/webview/inbox.js) in chromium under the panel's
// CSP. The host's part is played here with the same calls the inbox
// panel's host makes: GetFolder on 'ready', FindItem with an indexed page
// view on each 'needPage'. Measured:
//   open → first page drawn: from loading the page until row 0 shows its subject;
//   next page while scrolling: a jump to a page not loaded yet, until its first row shows;
//   the most rows the DOM held.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { readTopology } from '../src/core';
import { contentSecurityPolicy, newNonce } from '../src/extension/panels/content-security';
import { EwsSession } from '../src/office/ews-session';
import { SiteMailboxInbox } from '../src/office/site-mailbox-inbox';
import { startSimulator } from '../src/simulator';

export const BENCH_MESSAGES = 10_000;
const ORIGIN = 'https://panel.bench';

export interface PanelBench {
  messages: number;
  /** Panel open to first page drawn, per run, ms. */
  firstPageMs: number[];
  /** A page not loaded yet, from the scroll to its first row drawn, ms. */
  nextPageMs: number[];
  maxDomRows: number;
  pagesServed: number;
  /** os.loadavg() before and after: the machine is shared, and the figures move with it. */
  loadAverage: { before: number[]; after: number[] };
}

interface Page {
  goto(url: string): Promise<unknown>;
  evaluate<T>(fn: string | ((arg: any) => T), arg?: unknown): Promise<T>;
  waitForFunction(fn: string | ((arg: any) => unknown), arg?: unknown, options?: { timeout?: number; polling?: string | number }): Promise<unknown>;
  route(url: string, handler: (route: any) => unknown): Promise<void>;
  exposeFunction(name: string, fn: (arg: any) => unknown): Promise<void>;
}

/** Skipped (said in the output, not a failure) where the editor tools are not installed; an error when it cannot run otherwise. */
export async function benchPanels(root: string, runs: number, jumps: number, log: (line: string) => void): Promise<PanelBench | { error: string } | { skipped: string }> {
  const tools = process.env.OFFICE_FARM_E2E_TOOLS ?? join(root, '.e2e-tools');
  if (!existsSync(join(tools, 'code-server/package.json'))) return { skipped: `no chromium and playwright-core in ${tools} (run test/vscode/install-tools.sh or set OFFICE_FARM_E2E_TOOLS)` };
  const bundle = join(root, 'dist/webview/inbox.js');
  if (!existsSync(bundle)) return { error: 'dist/webview/inbox.js is missing' };

  const before = loadavg();
  const stateDir = mkdtempSync(join(tmpdir(), 'office-farm-bench-panels-'));
  const topology = readTopology(readFileSync(join(root, 'examples/contoso.farm'), 'utf8'));
  const sim = await startSimulator(topology, { stateDir, siteMailboxMessages: BENCH_MESSAGES });
  const browser = await import(pathToFileURL(join(root, 'test/vscode/browser.mjs')).href);
  const { page, close } = (await browser.openBrowser(tools, { width: 1200, height: 800 })) as { page: Page; close: () => Promise<void> };
  try {
    const site = topology.siteMailboxes[0];
    const owner = topology.users.find((u) => u.name === site.owners[0])!;
    const account = sim.connection.accounts.find((a) => a.signInName.toLowerCase() === owner.address.toLowerCase())!;
    const ewsUrl = sim.connection.servers.find((s) => s.ewsUrl)!.ewsUrl!;
    let inbox: SiteMailboxInbox | undefined;
    let pagesServed = 0;
    let deliver: (m: unknown) => Promise<void> = async () => undefined;

    // The host's answers, as the inbox panel's host gives them.
    await page.exposeFunction('__toHost', (m: { type: string; generation?: number; offset?: number; size?: number }) => {
      void (async () => {
        if (m.type === 'ready') {
          const folder = await inbox!.folder();
          await deliver({ type: 'folder', generation: 1, folder, search: '', total: folder.total });
        } else if (m.type === 'needPage') {
          const p = await inbox!.page(m.offset!, m.size!);
          pagesServed++;
          await deliver({ type: 'page', generation: m.generation, offset: p.offset, total: p.total, items: p.items });
        }
      })().catch((e) => log(`panel bench host: ${String(e)}`));
    });
    deliver = (m) => page.evaluate((x: unknown) => window.postMessage(x, '*'), m);
    await page.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      if (url.origin !== ORIGIN) return route.abort();
      if (url.pathname === '/') {
        const nonce = newNonce();
        const html = `<!DOCTYPE html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(ORIGIN, nonce)}">
<meta property="csp-nonce" content="${nonce}"><link rel="stylesheet" href="${ORIGIN}/inbox.css"></head><body><div id="root"></div>
<script nonce="${nonce}">window.acquireVsCodeApi = () => ({ postMessage: (m) => window.__toHost(m), getState: () => null, setState: () => {} });</script>
<script nonce="${nonce}" src="${ORIGIN}/inbox.js"></script></body></html>`;
        return route.fulfill({ status: 200, contentType: 'text/html', body: html });
      }
      const file = join(root, 'dist/webview', url.pathname.slice(1));
      return existsSync(file) ? route.fulfill({ status: 200, contentType: file.endsWith('.css') ? 'text/css' : 'text/javascript', body: readFileSync(file) }) : route.fulfill({ status: 404, body: '' });
    });

    // A real Exchange has the mail already; the simulator makes it on first use, so that is done before any timing.
    await new SiteMailboxInbox(new EwsSession({ url: ewsUrl, auth: { kind: 'ntlm', user: account.signInName, password: account.password }, ca: [sim.connection.ca.pem], connectTo: sim.connection.connectTo }), site.address).folder();

    const rows = () => page.evaluate(() => document.querySelectorAll('.row').length);
    const firstPageMs: number[] = [];
    const nextPageMs: number[] = [];
    let maxDomRows = 0;
    for (let run = 0; run < runs; run++) {
      // A new session each time: the first page pays for the TLS handshake and the folder, as a panel opening does.
      inbox = new SiteMailboxInbox(new EwsSession({ url: ewsUrl, auth: { kind: 'ntlm', user: account.signInName, password: account.password }, ca: [sim.connection.ca.pem], connectTo: sim.connection.connectTo }), site.address);
      const t0 = performance.now();
      await page.goto(`${ORIGIN}/`);
      await page.waitForFunction(() => document.querySelector('#row-0 .subject') !== null, undefined, { timeout: 30_000, polling: 'raf' });
      firstPageMs.push(performance.now() - t0);
      maxDomRows = Math.max(maxDomRows, await rows());
      if (run > 0) continue;
      for (let k = 1; k <= jumps; k++) {
        // Spread over the folder, each a page nobody asked for yet.
        const index = Math.floor((k * (BENCH_MESSAGES - 200)) / jumps / 100) * 100 + 50;
        const t = performance.now();
        await page.evaluate((top: number) => {
          document.querySelector('.list')!.scrollTop = top;
        }, index * 30);
        await page.waitForFunction((i: number) => document.querySelector(`#row-${i} .subject`) !== null, index, { timeout: 30_000, polling: 'raf' });
        nextPageMs.push(performance.now() - t);
        maxDomRows = Math.max(maxDomRows, await rows());
      }
    }
    return { messages: BENCH_MESSAGES, firstPageMs, nextPageMs, maxDomRows, pagesServed, loadAverage: { before, after: loadavg() } };
  } finally {
    await close();
    await sim.close();
    rmSync(stateDir, { recursive: true, force: true });
  }
}
