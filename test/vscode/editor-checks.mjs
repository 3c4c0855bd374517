// What a person sees: the workbench in chromium, first-steps.farm open,
// its errors squiggled, listed in the Problems panel and counted in the
// status bar. Saves a screenshot of that view (1400x900) for the README.
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
      results.push({ name, passed: false, error: error.message });
      console.log(`  FAIL ${name} (${Date.now() - started} ms)\n       ${error.message.split('\n')[0]}`);
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
        const text = (await item.textContent()) ?? '';
        if (!/Farm: [1-9]\d*/.test(text)) throw new Error(`status bar says "${text}"`);
      });
      // Let the editor settle (hover widgets, the quick input closing) so
      // the picture shows the file and its problems, not a transition.
      await page.mouse.move(1300, 120);
      await page.waitForTimeout(500);
      await page.screenshot({ path: screenshotPath });
      console.log(`  screenshot: ${screenshotPath}`);
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
