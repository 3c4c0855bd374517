// What a person sees: the workbench in chromium, first-steps.farm open,
// its errors squiggled, listed in the Problems panel and counted in the
// status bar (a screenshot of that view, 1400x900, for the README); the
// commands from the palette; and what the status bar says when the
// language server cannot start.
import { openBrowser } from './browser.mjs';
import { workbenchUrl } from './code-server.mjs';

/**
 * One browser window on the workbench, with the check bookkeeping shared by
 * the phases below. A check that fails leaves a screenshot beside `shots`.
 * Without `extensionPath` the window runs the extension installed from the
 * .vsix; with it, that folder as the extension under development.
 */
export async function workbench({ tools, server, workspace, extensionPath, shots, loads = 'the workbench loads with first-steps.farm' }) {
  const browser = await openBrowser(tools, { width: 1400, height: 900 });
  const { page } = browser;
  page.setDefaultTimeout(60_000);
  const results = [];
  const check = async (name, body) => {
    const started = Date.now();
    try {
      await body();
      results.push({ name, passed: true });
      console.log(`  ok   ${name} (${Date.now() - started} ms)`);
      return true;
    } catch (error) {
      const shot = shots.replace(/\.png$/, `-failure-${results.length + 1}.png`);
      await page.screenshot({ path: shot }).catch(() => undefined);
      results.push({ name, passed: false, error: `${error.message}\n(screenshot: ${shot})` });
      console.log(`  FAIL ${name} (${Date.now() - started} ms)\n       ${error.message.split('\n')[0]}\n       screenshot: ${shot}`);
      return false;
    }
  };
  const runCommand = async (opener, text) => {
    await page.keyboard.press(opener);
    await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
    await page.keyboard.type(text);
    // Enter before the list has filtered would pick whatever row was first.
    await page.locator('.quick-input-list .monaco-list-row', { hasText: text }).first().waitFor();
    await page.keyboard.press('Enter');
  };
  const notification = async (text) => {
    // Read from the notification centre: code-server run by this harness
    // does not pop toasts up, but keeps every notification there.
    await runCommand('F1', 'Notifications: Show Notifications');
    await page.locator('.notifications-center .monaco-list-row', { hasText: text }).first().waitFor();
    await page.keyboard.press('Escape');
  };
  const loaded = await check(loads, async () => {
    await page.goto(workbenchUrl(server.url, workspace, extensionPath ? { extensionDevelopmentPath: extensionPath } : {}));
    await page.waitForSelector('.explorer-folders-view .monaco-list-row');
    await runCommand('Control+P', 'first-steps.farm');
    await page.locator('.tabs-container .tab', { hasText: 'first-steps.farm' }).first().waitFor();
  });
  return { page, check, runCommand, notification, loaded, results, close: () => browser.close() };
}

/**
 * @returns {Promise<{ name: string, passed: boolean, error?: string }[]>}
 */
export async function runEditorChecks({ tools, server, workspace, screenshotPath }) {
  const w = await workbench({ tools, server, workspace, shots: screenshotPath });
  const { page, check, runCommand } = w;
  try {
    if (!w.loaded) return w.results;
    await check('an error squiggle appears in the editor', async () => {
      await page.waitForSelector('.monaco-editor .squiggly-error');
    });
    await check('the Problems panel lists the farm diagnostics', async () => {
      await runCommand('F1', 'Problems: Focus on Problems View');
      await page.locator('.markers-panel .monaco-list-row', { hasText: 'FARM201' }).first().waitFor();
    });
    await check('the status bar counts the errors', async () => {
      const item = page.locator('.statusbar-item', { hasText: /Farm: \d+/ }).first();
      await item.waitFor();
      const ours = Number(/Farm: (\d+)/.exec((await item.textContent()) ?? '')?.[1]);
      // The workbench's own problems item counts every error; this
      // workspace holds farm files only, so the two must agree.
      const label = (await page.locator('[id="status.problems"]').first().getAttribute('aria-label')) ?? '';
      const theirs = Number(/Errors?: (\d+)/i.exec(label)?.[1]);
      if (!(ours > 0) || ours !== theirs) throw new Error(`status bar says ${ours} errors, the workbench "${label}"`);
    });
    // Let the editor settle (hover widgets, the quick input closing) so
    // the picture shows the file and its problems, not a transition.
    await page.mouse.move(1300, 120);
    await page.waitForTimeout(500);
    await page.screenshot({ path: screenshotPath });
    console.log(`  screenshot: ${screenshotPath}`);

    await check('"Office Farm: Check All Farm Files in the Workspace" reports from the palette', async () => {
      await runCommand('F1', 'Office Farm: Check All Farm Files in the Workspace');
      await w.notification(/Office Farm: checked 2 farm files: [1-9]\d* errors?, \d+ warnings?/);
    });
    // The run's workspace settings turn office-farm.trace.server on.
    await check('"Office Farm: Show Output" shows the server log with its protocol trace', async () => {
      await runCommand('F1', 'Office Farm: Show Output');
      // Monaco renders spaces as no-break spaces, which \s matches.
      await page
        .locator('.panel .view-line', { hasText: /(Sending|Received)\s(request|notification|response)\s'(textDocument|workspace|window)\// })
        .first()
        .waitFor();
    });
    // This window names no extension under development: the Office Farm
    // that answered the checks above is the one installed from the .vsix.
    await check('the Extensions view lists Office Farm as installed', async () => {
      await runCommand('F1', 'Extensions: Show Installed Extensions');
      await page.locator('.extensions-viewlet .monaco-list-row', { hasText: 'Office Farm' }).first().waitFor();
    });
  } finally {
    await w.close();
  }
  return w.results;
}

/**
 * The extension without dist/server.js (`extensionPath` is a copy of the
 * installed one that lacks it): it must say so, not hang or fail silently.
 * @returns {Promise<{ name: string, passed: boolean, error?: string }[]>}
 */
export async function runMissingServerChecks({ tools, server, workspace, extensionPath, screenshotPath }) {
  const w = await workbench({ tools, server, workspace, extensionPath, shots: screenshotPath, loads: 'the workbench loads the extension without its server' });
  const { page, check } = w;
  try {
    if (!w.loaded) return w.results;
    await check('without dist/server.js the status bar says the server failed, and a message says why', async () => {
      await page.locator('.statusbar-item', { hasText: 'Farm: server failed' }).first().waitFor();
      await w.notification(/Office Farm: the language server is missing .*dist\/server\.js/);
    });
  } finally {
    await w.close();
  }
  return w.results;
}
