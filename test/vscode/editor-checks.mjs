// What a person sees: the workbench in chromium, first-steps.farm open,
// its errors squiggled, listed in the Problems panel and counted in the
// status bar (a screenshot of that view, 1400x900, for the README); then
// the commands from the palette.
import { openBrowser } from './browser.mjs';
import { workbenchUrl } from './code-server.mjs';

/**
 * @returns {Promise<{ name: string, passed: boolean, error?: string }[]>}
 */
export async function runEditorChecks({ tools, server, workspace, extensionPath, screenshotPath }) {
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
    } catch (error) {
      const shot = screenshotPath.replace(/\.png$/, `-failure-${results.length + 1}.png`);
      await page.screenshot({ path: shot }).catch(() => undefined);
      results.push({ name, passed: false, error: `${error.message}\n(screenshot: ${shot})` });
      console.log(`  FAIL ${name} (${Date.now() - started} ms)\n       ${error.message.split('\n')[0]}\n       screenshot: ${shot}`);
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

  try {
    await page.goto(workbenchUrl(server.url, workspace, { extensionDevelopmentPath: extensionPath }));
    await page.waitForSelector('.explorer-folders-view .monaco-list-row');
    let opened = false;
    await check('first-steps.farm opens from Quick Open', async () => {
      await runCommand('Control+P', 'first-steps.farm');
      await page.locator('.tabs-container .tab', { hasText: 'first-steps.farm' }).first().waitFor();
      opened = true;
    });
    if (opened) {
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
        // Read from the notification centre: code-server run by this
        // harness does not pop toasts up, but keeps every notification there.
        await runCommand('F1', 'Notifications: Show Notifications');
        await page.locator('.notifications-center .monaco-list-row', { hasText: /Office Farm: checked 2 farm files: [1-9]\d* errors?, \d+ warnings?/ }).first().waitFor();
        await page.keyboard.press('Escape');
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
    }
  } catch (error) {
    results.push({ name: 'workbench loads', passed: false, error: error.message });
    console.log(`  FAIL workbench loads\n       ${error.message.split('\n')[0]}`);
    await page.screenshot({ path: screenshotPath.replace(/\.png$/, '-failure.png') }).catch(() => undefined);
  } finally {
    await browser.close();
  }
  return results;
}
