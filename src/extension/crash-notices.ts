// What the user is told when the language server process ends without
// being asked to: vscode-languageclient restarts it and, by default, shows
// its generic "Connection to server got closed" notification every time.
// We say it once per window, in our own words, and log every crash.
export class CrashNotices {
  private crashes = 0;

  /** Called for each unexpected end of the server; the notification to show, the first time only. */
  crashed(): { log: string; notify?: string } {
    this.crashes++;
    const log = `the language server stopped unexpectedly (${this.crashes === 1 ? 'first time' : `${this.crashes} times`} in this window); restarting it`;
    if (this.crashes > 1) return { log };
    return { log, notify: 'Office Farm: the language server stopped unexpectedly and was restarted. Diagnostics are back; the output has the details.' };
  }

  get count(): number {
    return this.crashes;
  }
}
