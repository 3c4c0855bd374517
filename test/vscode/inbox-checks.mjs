// The inbox panel as a person opens it, in the real workbench: a folder
// with contoso.farm whose settings reach the harness's simulator, "Sign In
// to Exchange" answered through its prompts (account, method, password),
// "Open Site Mailbox Inbox" from the palette, and the webview's own DOM
// (iframe.webview → #active-frame): rows of the site mailbox, a message
// opened with its sanitised body. A screenshot of it for the README; then
// the tasks and contacts panels from the palette, with a screenshot each.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { workbench } from './editor-checks.mjs';

/**
 * @returns {Promise<{ name: string, passed: boolean, error?: string }[]>}
 */
export async function runInboxChecks({ root, tools, server, scratch, extensionPath, connectionFile, screenshotPath }) {
  const connection = JSON.parse(readFileSync(connectionFile, 'utf8'));
  const alice = connection.accounts.find((a) => a.user === 'alice');
  const workspace = join(scratch, 'inbox/farms');
  mkdirSync(join(workspace, '.vscode'), { recursive: true });
  copyFileSync(join(root, 'examples/first-steps.farm'), join(workspace, 'first-steps.farm'));
  copyFileSync(join(root, 'examples/contoso.farm'), join(workspace, 'contoso.farm'));
  writeFileSync(
    join(workspace, '.vscode/settings.json'),
    JSON.stringify({ 'office-farm.network.ca': [connection.ca.path], 'office-farm.network.connectTo': connection.connectTo, 'files.exclude': { '**/.vscode': true } }, null, 2),
  );
  const w = await workbench({ tools, server, workspace, extensionPath, shots: screenshotPath, loads: 'the workbench loads a folder that reaches the simulator' });
  const { page, check, runCommand } = w;
  const answer = async (text) => {
    await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
  };
  try {
    if (!w.loaded) return w.results;
    await runCommand('Control+P', 'contoso.farm');
    await page.locator('.tabs-container .tab', { hasText: 'contoso.farm' }).first().waitFor();
    await check('"Office Farm: Sign In to Exchange" asks for the account, the method and the password, naming the server', async () => {
      await runCommand('F1', 'Office Farm: Sign In to Exchange');
      await page.locator('.quick-input-widget', { hasText: 'sign in to ex01 (mail.contoso.com)' }).first().waitFor();
      await answer(alice.signInName);
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'NTLM' }).first().waitFor();
      await page.keyboard.press('Enter');
      await page.locator('.quick-input-widget', { hasText: `as ${alice.signInName}` }).first().waitFor();
      await answer(alice.password);
    });
    const frame = page.frameLocator('iframe.webview').frameLocator('#active-frame');
    await check("the palette opens projectx's inbox, whose webview lists the site mailbox's messages", async () => {
      await runCommand('F1', 'Office Farm: Open Site Mailbox Inbox');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'SMO-ProjectX@contoso.com' }).first().waitFor();
      await page.keyboard.press('Enter');
      await frame.locator('.status', { hasText: /5000 messages, \d+ unread/ }).waitFor();
      await frame.locator('#row-0 .subject').waitFor();
      const rows = await frame.locator('.row').count();
      if (!(rows > 5 && rows < 300)) throw new Error(`${rows} rows in the DOM`);
    });
    await check('a message opens in the reader from the keyboard, its body sanitised', async () => {
      await frame.locator('.list').focus();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await frame.locator('.reader .body').waitFor();
      const html = await frame.locator('.reader .body').innerHTML();
      if (/<script|onerror=|javascript:/i.test(html)) throw new Error('the body kept active content');
    });
    await check('the Office Farm view lists the servers by kind, the site mailbox and the users', async () => {
      await runCommand('F1', 'Office Farm: Focus on Farm View');
      for (const name of ['ex01', 'projectx', 'alice']) await page.locator('.pane-body .monaco-list-row', { hasText: name }).first().waitFor();
    });
    await page.mouse.move(1300, 880);
    await page.waitForTimeout(300);
    await page.screenshot({ path: screenshotPath });
    console.log(`  screenshot: ${screenshotPath}`);

    // The user panels, each from the palette with alice picked, drawn alone (the inbox closed first).
    const userPanel = async (command, shot, drawn) => {
      await runCommand('F1', 'View: Close Editor');
      // The previous panel took the farm file's preview tab: open it again, as the view shows the farm in the editor.
      await runCommand('Control+P', 'contoso.farm');
      await page.locator('.tabs-container .tab.active', { hasText: 'contoso.farm' }).first().waitFor();
      // F1 while the file picker is still closing would type the command into the farm file.
      await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
      await runCommand('F1', command);
      await page.locator('.quick-input-list .monaco-list-row', { hasText: alice.signInName }).first().waitFor();
      await page.keyboard.press('Enter');
      await drawn();
      await page.mouse.move(1300, 880);
      await page.waitForTimeout(300);
      await page.screenshot({ path: shot });
      console.log(`  screenshot: ${shot}`);
    };
    await check("the palette opens alice's tasks, whose webview lists her own and her project's tasks from the simulator", () =>
      userPanel('Office Farm: Open Tasks', screenshotPath.replace(/inbox\.png$/, 'tasks.png'), async () => {
        await frame.locator('.status', { hasText: /\d+ of \d+ tasks/ }).waitFor();
        await frame.locator('tr[data-id] .col-source', { hasText: 'Project' }).first().waitFor();
        const rows = await frame.locator('tr[data-id]').count();
        if (rows <= 120) throw new Error(`${rows} task rows`);
      }),
    );
    await check("the palette opens alice's Lync contacts, grouped, each with its presence slot", () =>
      userPanel('Office Farm: Open Lync Contacts', screenshotPath.replace(/inbox\.png$/, 'contacts.png'), async () => {
        await frame.locator('.status', { hasText: /\d+ contacts in \d+ groups/ }).waitFor();
        await frame.locator('.group-head', { hasText: 'Favorites' }).first().waitFor();
        await frame.locator('.contact .presence[aria-label="presence unknown"]').first().waitFor();
      }),
    );
    await check('after a reload the contacts panel comes back by itself (its WebviewPanelSerializer) and reads the contacts again', async () => {
      // VS Code's own reload, which saves the open editors first (a bare page reload may not).
      await runCommand('F1', 'Developer: Reload Window');
      await page.locator('.tabs-container .tab', { hasText: 'Contacts: alice' }).first().waitFor({ timeout: 60_000 });
      await frame.locator('.status', { hasText: /\d+ contacts in \d+ groups/ }).waitFor({ timeout: 60_000 });
    });
  } finally {
    await w.close();
  }
  return w.results;
}
