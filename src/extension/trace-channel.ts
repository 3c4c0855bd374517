import * as vscode from 'vscode';

const SETTING = 'office-farm.trace.server';

/**
 * vscode-languageclient 11 traces only when its trace channel's log level is
 * Trace, a level the user sets per channel in the UI; our documented switch
 * is the `office-farm.trace.server` setting. This channel bridges the two:
 * its level follows the setting, and trace lines go into the server log so
 * requests and the server's own messages read in one place.
 */
export function createTraceChannel(log: vscode.LogOutputChannel): vscode.LogOutputChannel & vscode.Disposable {
  const levelChanged = new vscode.EventEmitter<vscode.LogLevel>();
  const levelFromSetting = () =>
    vscode.workspace.getConfiguration().get<string>(SETTING, 'off') === 'off' ? vscode.LogLevel.Info : vscode.LogLevel.Trace;
  let level = levelFromSetting();
  const watcher = vscode.workspace.onDidChangeConfiguration((e) => {
    if (!e.affectsConfiguration(SETTING)) return;
    const next = levelFromSetting();
    if (next !== level) {
      level = next;
      levelChanged.fire(level);
    }
  });
  return {
    name: log.name,
    get logLevel() {
      return level;
    },
    onDidChangeLogLevel: levelChanged.event,
    trace: (message: string) => {
      if (level === vscode.LogLevel.Trace) log.appendLine(message);
    },
    debug: (message: string, ...args: unknown[]) => log.debug(message, ...args),
    info: (message: string, ...args: unknown[]) => log.info(message, ...args),
    warn: (message: string, ...args: unknown[]) => log.warn(message, ...args),
    error: (error: string | Error, ...args: unknown[]) => log.error(error, ...args),
    append: (value: string) => log.append(value),
    appendLine: (value: string) => log.appendLine(value),
    replace: (value: string) => log.replace(value),
    clear: () => log.clear(),
    show: (...args: unknown[]) => (log.show as (...a: unknown[]) => void)(...args),
    hide: () => log.hide(),
    dispose: () => {
      watcher.dispose();
      levelChanged.dispose();
    },
  };
}
