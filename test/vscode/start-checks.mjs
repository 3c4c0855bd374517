// `npm start` as a new user runs it: scripts/start.mjs in its own process
// group (a terminal's foreground job), the editor it prints opened in
// chromium, contoso.farm checked clean, a probe lens answered by the
// simulator through the CA and connect-to settings; then Ctrl+C (SIGINT to
// the whole group, as a terminal sends it) and no process left behind.
import { spawn } from 'node:child_process';
import { cpSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openBrowser } from './browser.mjs';
import { freePort } from './code-server.mjs';

/** Every process whose command line or environment mentions `marker`. */
export function processesMentioning(marker) {
  const found = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    for (const file of ['cmdline', 'environ']) {
      let text;
      try {
        text = readFileSync(join('/proc', entry, file), 'latin1');
      } catch {
        continue; // gone, or not ours to read
      }
      if (text.includes(marker)) {
        found.push(`${entry}: ${readFileSync(join('/proc', entry, 'cmdline'), 'latin1').replace(/\0/g, ' ').slice(0, 160)}`);
        break;
      }
    }
  }
  return found;
}

function startNpmStart({ root, scratch, port }) {
  const workspace = join(scratch, 'start/examples');
  cpSync(join(root, 'examples'), workspace, { recursive: true });
  const child = spawn(process.execPath, [join(root, 'scripts/start.mjs'), '--no-build', '--editor', 'code-server', '--port', String(port), '--workspace', workspace], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, OFFICE_FARM_START_HOME: join(scratch, 'start/home') },
  });
  let output = '';
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  const url = new Promise((resolve, reject) => {
    const onData = (chunk) => {
      output += chunk;
      const m = /ready: open (http:\/\/\S+)/.exec(output);
      if (m) resolve(m[1]);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((code) => reject(new Error(`npm start exited (${code}) before it was ready:\n${output.slice(-2000)}`)));
    setTimeout(() => reject(new Error(`npm start printed no address within 4 minutes:\n${output.slice(-2000)}`)), 240_000).unref();
  });
  return { child, url, exited, output: () => output, workspace };
}

/**
 * @returns {Promise<{ name: string, passed: boolean, error?: string }[]>}
 */
export async function runStartChecks({ root, tools, scratch, screenshotPath }) {
  const results = [];
  const record = (name, error) => {
    results.push(error ? { name, passed: false, error } : { name, passed: true });
    console.log(error ? `  FAIL ${name}\n       ${error.split('\n')[0]}` : `  ok   ${name}`);
  };
  const port = await freePort();
  const start = startNpmStart({ root, scratch, port });
  let url;
  try {
    url = await start.url;
    record('npm start starts the simulator and code-server and prints the address');
  } catch (error) {
    record('npm start prints the editor address', error.message);
  }
  if (url) {
    const browser = await openBrowser(tools);
    const { page } = browser;
    page.setDefaultTimeout(60_000);
    const check = async (name, body) => {
      try {
        await body();
        record(name);
      } catch (error) {
        const shot = screenshotPath.replace(/\.png$/, `-failure-${results.length + 1}.png`);
        await page.screenshot({ path: shot }).catch(() => undefined);
        record(name, `${error.message}\n(screenshot: ${shot})`);
      }
    };
    try {
      await check('the editor opens the examples folder, trusted, with the Office Farm walkthrough on its Welcome page', async () => {
        await page.goto(url);
        await page.waitForSelector('.explorer-folders-view .monaco-list-row');
        await page.locator('.getting-started', { hasText: 'First steps with Office Farm' }).first().waitFor();
        if (await page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).count()) throw new Error('the folder opened in Restricted Mode');
      });
      await check('examples/contoso.farm has no problems, and the status bar names the simulated farm', async () => {
        await page.keyboard.press('Control+P');
        await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
        await page.keyboard.type('contoso.farm');
        await page.locator('.quick-input-list .monaco-list-row', { hasText: 'contoso.farm' }).first().waitFor();
        await page.keyboard.press('Enter');
        await page.locator('.statusbar-item', { hasText: /^\s*Farm\s*$/ }).first().waitFor();
        await page.locator('.statusbar-item', { hasText: 'contoso.com' }).first().waitFor();
        const label = (await page.locator('[id="status.problems"]').first().getAttribute('aria-label')) ?? '';
        if (!/No Problems|Errors?: 0\b.*Warnings?: 0\b/i.test(label)) throw new Error(`the workbench counts problems: "${label}"`);
      });
      await check('the "Probe all" lens reaches every server of the simulator', async () => {
        await page.locator('.codelens-decoration a', { hasText: 'Probe all' }).first().click();
        // One result lens per server, each "✓ metadata OK …".
        await page.waitForFunction(() => [...document.querySelectorAll('.codelens-decoration')].filter((e) => /metadata OK/.test(e.textContent ?? '')).length >= 3);
        await page.mouse.move(1300, 120);
        await page.waitForTimeout(300);
        await page.screenshot({ path: screenshotPath });
      });
    } finally {
      await browser.close();
    }
  }
  // Ctrl+C in a terminal: SIGINT to every process of the foreground group.
  try {
    process.kill(-start.child.pid, 'SIGINT');
  } catch {
    // already gone
  }
  const code = await Promise.race([start.exited, new Promise((r) => setTimeout(() => r('still running after 20 s'), 20_000))]);
  record('Ctrl+C stops npm start, which exits 0', code === 0 ? undefined : `exit: ${code}\n${start.output().slice(-1500)}`);
  // Give the kernel a moment to reap what was just killed before looking.
  await new Promise((r) => setTimeout(r, 500));
  const left = processesMentioning(join(scratch, 'start'));
  record('Ctrl+C leaves no process behind (simulator, code-server, extension host, language server)', left.length ? `still running:\n${left.join('\n')}` : undefined);
  for (const line of left) {
    try {
      process.kill(Number(line.split(':')[0]), 'SIGKILL');
    } catch {
      // gone meanwhile
    }
  }
  return results;
}
