// Presence as a person sees it, in the real workbench: contoso.farm whose
// settings reach the harness's simulator, "Sign In to Lync Pool for
// Presence" answered through its prompts, and the Office Farm view's user
// rows, which show the pool's presence and change when the simulator's
// schedule turns (once a minute there). A screenshot of it for the README.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { workbench } from './editor-checks.mjs';

const LABEL = /alice@contoso\.com · (Available|Busy|Do not disturb|Be right back|Away|Offline)[^\n]*/;

/**
 * @returns {Promise<{ name: string, passed: boolean, error?: string }[]>}
 */
export async function runPresenceChecks({ root, tools, server, scratch, connectionFile, screenshotPath }) {
  const connection = JSON.parse(readFileSync(connectionFile, 'utf8'));
  const alice = connection.accounts.find((a) => a.user === 'alice');
  const workspace = join(scratch, 'presence/farms');
  mkdirSync(join(workspace, '.vscode'), { recursive: true });
  // The workbench helper's load check opens first-steps.farm.
  copyFileSync(join(root, 'examples/first-steps.farm'), join(workspace, 'first-steps.farm'));
  copyFileSync(join(root, 'examples/contoso.farm'), join(workspace, 'contoso.farm'));
  writeFileSync(
    join(workspace, '.vscode/settings.json'),
    JSON.stringify({ 'office-farm.network.ca': [connection.ca.path], 'office-farm.network.connectTo': connection.connectTo, 'office-farm.presence.intervalSeconds': 5, 'files.exclude': { '**/.vscode': true } }, null, 2),
  );
  const w = await workbench({ tools, server, workspace, shots: screenshotPath, loads: 'the workbench loads a folder that reaches the simulator (presence)' });
  const { page, check, runCommand } = w;
  const answer = async (text) => {
    await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
  };
  const aliceRow = () => page.locator('.pane-body .monaco-list-row', { hasText: 'alice@contoso.com' }).first();
  try {
    if (!w.loaded) return w.results;
    await runCommand('Control+P', 'contoso.farm');
    await page.locator('.tabs-container .tab', { hasText: 'contoso.farm' }).first().waitFor();
    await check('the Office Farm view marks alice as signed out of her pool before any sign-in', async () => {
      await runCommand('F1', 'Office Farm: Focus on Farm View');
      await page.locator('.pane-body .monaco-list-row', { hasText: 'signed out of lync01' }).first().waitFor({ timeout: 30_000 });
    });
    let first = '';
    await check('"Sign In to Lync Pool for Presence": the view then shows the pool\'s presence for alice and bob', async () => {
      await runCommand('F1', 'Office Farm: Sign In to Lync Pool for Presence');
      await page.locator('.quick-input-widget', { hasText: 'sign in to lync01 (pool01.contoso.com)' }).first().waitFor();
      await page.keyboard.press('Control+A');
      await answer(alice.signInName);
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'NTLM' }).first().waitFor();
      await page.keyboard.press('Enter');
      await page.locator('.quick-input-widget', { hasText: `as ${alice.signInName}` }).first().waitFor();
      await answer(alice.password);
      await page.locator('.pane-body .monaco-list-row', { hasText: LABEL }).first().waitFor({ timeout: 30_000 });
      await page.locator('.pane-body .monaco-list-row', { hasText: /bob@contoso\.com · (Available|Busy|Do not disturb|Be right back|Away|Offline)/ }).first().waitFor({ timeout: 30_000 });
      first = (await aliceRow().innerText()).match(LABEL)?.[0] ?? '';
    });
    await page.mouse.move(1300, 880);
    await page.waitForTimeout(300);
    await page.screenshot({ path: screenshotPath });
    console.log(`  screenshot: ${screenshotPath}`);
    await check("the marks follow the simulator's schedule: a user's row changes within two of its minutes", async () => {
      const deadline = Date.now() + 130_000;
      const rows = async () => (await page.locator('.pane-body .monaco-list-row', { hasText: /@contoso\.com · / }).allInnerTexts()).join('\n');
      const before = await rows();
      for (;;) {
        const now = await rows();
        if (now !== before && LABEL.test(now)) return;
        if (Date.now() > deadline) throw new Error(`no change in the marks (alice first showed "${first}"):\n${now}`);
        await page.waitForTimeout(1000);
      }
    });
  } finally {
    await w.close();
  }
  return w.results;
}
