// Runs `office-farm simulate` as a child process (the built CLI, as a user
// would) and waits for the connection file it writes once its listeners are
// up. Used by `npm start` and by the editor tests' harness.
import { spawn } from 'node:child_process';
import { existsSync, openSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/**
 * @param {{ root: string, farm: string, connectionFile: string, stateDir?: string, logPath?: string, cwd?: string, timeoutMs?: number }} options
 * @returns {Promise<{ pid: number, connection: any, stop: () => Promise<void>, exited: Promise<number | null> }>}
 */
export async function startSimulatorProcess({ root, farm, connectionFile, stateDir, logPath, cwd = root, timeoutMs = 60_000 }) {
  // A file left by a simulator that was killed would be read as this one's.
  rmSync(connectionFile, { force: true });
  const output = logPath ? openSync(logPath, 'a') : 'ignore';
  const args = [join(root, 'dist/cli.js'), 'simulate', '--connection', connectionFile, ...(stateDir ? ['--state-dir', stateDir] : []), farm];
  const child = spawn(process.execPath, args, { cwd, stdio: ['ignore', output, output] });
  let exitCode;
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve((exitCode = code ?? (signal ? null : 1)))));
  const gone = () => exitCode !== undefined;

  const stop = async () => {
    if (gone()) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (gone()) throw new Error(`office-farm simulate ${farm} exited (code ${exitCode}) before it was up${logPath ? `; see ${logPath}` : ''}`);
    if (existsSync(connectionFile)) {
      try {
        const connection = JSON.parse(readFileSync(connectionFile, 'utf8'));
        if (connection.pid === child.pid) return { pid: child.pid, connection, stop, exited };
      } catch {
        // written atomically, so this is another writer's half: wait
      }
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`office-farm simulate ${farm} wrote no connection file within ${timeoutMs / 1000} s${logPath ? `; see ${logPath}` : ''}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The editor settings that point probes and panels at a running simulator. */
export function simulatorSettings(connection) {
  return {
    'office-farm.network.ca': [connection.ca.path],
    'office-farm.network.connectTo': { ...connection.connectTo },
  };
}
