// Installs the .vsix into one code-server (a real VS Code served to a
// browser) for the editor tests, then starts and stops it. It runs on the
// Node 24 that install-tools.sh put in the tool cache, in its own process
// group so that stopping it also stops the extension host and language
// server processes it started.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

/**
 * The editor as the tests want it: no chat side bar or AI actions mixed into
 * code actions and screenshots, no welcome page, and no marketplace or
 * update lookups (this network has none to answer).
 */
const USER_SETTINGS = {
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
};

export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * code-server's own folders under `home`, shared by the install and the
 * server so that the server finds what was installed. A test run starts
 * with clean user settings; a kept profile (npm start, `keepSettings`)
 * keeps what its user changed. `settings` are laid over either.
 */
function codeServerHome(tools, home, { settings = {}, keepSettings = false } = {}) {
  for (const dir of ['xdg/config', 'xdg/data', 'xdg/cache', 'extensions', 'user-data/User']) mkdirSync(join(home, dir), { recursive: true });
  writeFileSync(join(home, 'config.yaml'), 'auth: none\n');
  const settingsPath = join(home, 'user-data/User/settings.json');
  const kept = keepSettings && existsSync(settingsPath) ? readJsonObject(settingsPath) : {};
  writeFileSync(settingsPath, JSON.stringify({ ...USER_SETTINGS, ...kept, ...settings }, null, 2));
  const { node, entry } = codeServerCommand(tools);
  return {
    home,
    node,
    entry,
    extensionsDir: join(home, 'extensions'),
    // The folder arguments and the environment both code-server commands take.
    args: ['--config', join(home, 'config.yaml'), '--extensions-dir', join(home, 'extensions'), '--user-data-dir', join(home, 'user-data')],
    // Keep code-server's and the extension host's own state out of $HOME.
    env: { XDG_CONFIG_HOME: join(home, 'xdg/config'), XDG_DATA_HOME: join(home, 'xdg/data'), XDG_CACHE_HOME: join(home, 'xdg/cache') },
  };
}

/** The node and entry script that run code-server from the tool cache. */
export function codeServerCommand(tools) {
  return { node: join(tools, 'node24/node_modules/node/bin/node'), entry: join(tools, 'code-server/node_modules/code-server/out/node/entry.js') };
}

function readJsonObject(path) {
  try {
    const value = JSON.parse(readFileSync(path, 'utf8'));
    return value && typeof value === 'object' && !Array.isArray(value) ? value : {};
  } catch {
    // VS Code writes JSON with comments when a person edits it; unreadable here, so it starts over
    return {};
  }
}

/**
 * Installs a .vsix as a person would (`code-server --install-extension`)
 * into the extensions folder startCodeServer then uses (`home`, default
 * `scratch`/code-server).
 * @returns {string} the folder code-server unpacked the extension into
 */
export function installExtension({ tools, scratch, home = join(scratch, 'code-server'), vsix, id }) {
  const cs = codeServerHome(tools, home, { keepSettings: true });
  const r = spawnSync(cs.node, [cs.entry, ...cs.args, '--force', '--install-extension', vsix], {
    encoding: 'utf8',
    env: { ...process.env, ...cs.env },
    timeout: 120_000,
  });
  if (r.status !== 0) throw new Error(`code-server --install-extension ${vsix} failed (exit ${r.status ?? r.signal}):\n${r.stdout}${r.stderr}`);
  // Where it went is code-server's to say: its extensions.json records each install.
  const recorded = JSON.parse(readFileSync(join(cs.extensionsDir, 'extensions.json'), 'utf8'));
  const entry = recorded.find((e) => e.identifier.id === id);
  if (!entry) throw new Error(`code-server installed ${vsix} but lists no ${id} in ${cs.extensionsDir}/extensions.json`);
  return entry.location.fsPath ?? entry.location.path;
}

/**
 * `home` holds code-server's own state (default: `scratch`/code-server);
 * `settings` are added to the user settings; `testing` (default true)
 * turns on the smoke-test driver that runs extension tests from the
 * workbench URL and starts from clean settings; `trustWorkspaces`
 * (default true) opens folders trusted.
 * @param {{ tools: string, scratch?: string, home?: string, workspace: string, port?: number, settings?: Record<string, unknown>, testing?: boolean, trustWorkspaces?: boolean, env?: Record<string, string> }} options
 * @returns {Promise<{ url: string, logPath: string, pid: number, stop: () => Promise<void> }>}
 */
export async function startCodeServer({ tools, scratch, home = join(scratch, 'code-server'), workspace, port, settings = {}, testing = true, trustWorkspaces = true, env = {} }) {
  const cs = codeServerHome(tools, home, { settings, keepSettings: !testing });
  port ??= await freePort();
  const logPath = join(cs.home, 'code-server.log');
  const log = openSync(logPath, 'a');
  const args = [
    cs.entry,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    // Without this a closed window keeps its extension host for minutes.
    '--reconnection-grace-time', '5',
    // Tests: the trust prompt would block the window before any test runs
    // (the untrusted case is declared in package.json, and tested through
    // office-farm.network.enabled). npm start: the folder is the user's clone.
    ...(trustWorkspaces ? ['--disable-workspace-trust'] : []),
    // code-server honours the workbench URL's extensionDevelopmentPath /
    // extensionTestsPath payload only with the smoke-test driver enabled.
    ...(testing ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
    ...cs.args,
    workspace,
  ];
  const child = spawn(cs.node, args, {
    detached: true,
    stdio: ['ignore', log, log],
    env: { ...process.env, ...cs.env, ...env },
  });
  let exited = false;
  child.once('exit', () => (exited = true));

  const stop = async () => {
    if (exited) return;
    const group = -child.pid;
    try {
      process.kill(group, 'SIGTERM');
    } catch {
      return;
    }
    const deadline = Date.now() + 5000;
    while (!exited && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    try {
      process.kill(group, 'SIGKILL');
    } catch {
      // already gone
    }
  };

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new Error(`code-server exited during start-up; see ${logPath}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not answer on ${url} within 60 s; see ${logPath}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { url, logPath, pid: child.pid, stop };
}

/** The workbench URL that opens `folder` with `payload` entries (extension development, tests). */
export function workbenchUrl(base, folder, payload) {
  const host = new URL(base).host;
  const entries = Object.entries(payload).map(([key, path]) => [key, `vscode-remote://${host}${path}`]);
  return `${base}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(entries))}`;
}
