// Runs the compiled suite (out/test/vscode/suite/index.js) inside the real
// extension host of code-server, the way @vscode/test-electron runs it inside
// a downloaded VS Code: the workbench loads the extension under development
// and the tests module, calls its run(), and reports the outcome through
// window.codeAutomationExit, which the smoke-test driver calls. The
// workbench starts a tests module only in extension development mode, so
// the extension under development is the folder code-server installed the
// .vsix into (`extensionPath`): the installed files, not the source tree.
import { existsSync, readFileSync } from 'node:fs';
import { openBrowser } from './browser.mjs';
import { workbenchUrl } from './code-server.mjs';

// Workbench chatter that says nothing about this extension: connection
// set-up, and the marketplace and sign-in lookups this closed network refuses.
const NOISE = new RegExp(
  [
    'AgentHost', 'ChatModelSelection', 'No signed-in session', 'AccountPolicyGate', 'Service Worker',
    'Resolving connection token', 'Resolved connection token', 'Creating a socket', 'reconnection-grace-time',
    'Updating additional builtin extensions cache', 'Creation of workbench contribution',
    "authentication provider 'github'", 'open-vsx\\.org', 'ENOTFOUND',
  ].join('|'),
);

/**
 * @returns {Promise<{ name: string, passed: boolean, error?: string }[]>}
 */
export async function runExtensionHostTests({ tools, server, workspace, extensionPath, testsPath, resultsPath, timeoutMs }) {
  const browser = await openBrowser(tools);
  const { page } = browser;
  let finish;
  const exited = new Promise((resolve) => (finish = resolve));
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const text = args.join(' ');
    if (!NOISE.test(text)) console.log(type === 'error' ? `[extension host error] ${text}` : text);
  });
  await page.exposeFunction('codeAutomationExit', (code) => finish(code));
  let outcome;
  let timer;
  try {
    await page.goto(workbenchUrl(server.url, workspace, { extensionDevelopmentPath: extensionPath, extensionTestsPath: testsPath }));
    outcome = await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)))]);
  } finally {
    clearTimeout(timer);
    await browser.close();
  }
  const results = existsSync(resultsPath) ? JSON.parse(readFileSync(resultsPath, 'utf8')) : [];
  if (outcome === 'timeout') {
    results.push({ name: 'extension host tests finish', passed: false, error: `no exit within ${timeoutMs / 1000} s` });
  } else if (results.length === 0) {
    // The suite never reached its reporting line: it failed to load, or the
    // extension host did not start it.
    results.push({ name: 'extension host tests load and report', passed: false, error: `exit code ${outcome}, no results written` });
  } else if (outcome !== 0 && results.every((r) => r.passed)) {
    results.push({ name: 'extension host exits cleanly', passed: false, error: `exit code ${outcome}` });
  }
  return results;
}
