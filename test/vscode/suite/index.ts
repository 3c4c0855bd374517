// Entry point of the editor tests: the `run()` module contract of
// @vscode/test-electron (VS Code loads this file in the extension host when
// started with extensionTestsPath, and exits with 1 if the promise rejects).
// The harness under test/vscode passes a results path in the environment
// so it can count tests without parsing console output.
import { writeFileSync } from 'node:fs';
import { runRegistered } from './framework';
import './activation.spec';
import './diagnostics.spec';
import './quick-fix.spec';
import './completion-and-hover.spec';
import './network-access.spec';
import './commands.spec';
import './simulator.spec';
import './farm-view.spec';
import './inbox-panel.spec';
import './user-panels.spec';
import './diagram.spec';
import './scripts.spec';
import './server-crash.spec';
import './presence.spec';
import './credential-leak.spec';

export async function run(): Promise<void> {
  const log = (line: string) => console.log(line);
  log('office-farm editor tests');
  const results = await runRegistered(log);
  const failed = results.filter((r) => !r.passed).length;
  const resultsPath = process.env.OFFICE_FARM_VSCODE_RESULTS;
  if (resultsPath) writeFileSync(resultsPath, JSON.stringify(results, null, 2));
  log(`extension host: ${results.length - failed} passed, ${failed} failed`);
  if (failed > 0) throw new Error(`${failed} of ${results.length} editor tests failed`);
}
