// The editor reaches the servers the CLI reaches: "Connect to Simulator"
// fills office-farm.network.ca and .connectTo from the connection file of
// the simulator the harness runs (examples/contoso.farm), and a probe from
// the editor then gets through to it over TLS with the simulator's CA.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { readFileSync } from 'node:fs';
import { eventually, suite, test } from './framework';
import { codeOf, diagnosticsFor, EXTENSION_ID, openFarmFile } from './farm-workspace';
import { filesUnder, sessionLogFolder } from './log-files';

interface ProbeResultLike {
  server: string;
  outcome: string;
}

const connectionFile = (): string => {
  const path = process.env.OFFICE_FARM_SIMULATOR_CONNECTION;
  assert.ok(path, 'the harness runs a simulator and names its connection file');
  return path;
};

const probeCodes = (uri: vscode.Uri): string[] =>
  vscode.languages
    .getDiagnostics(uri)
    .map(codeOf)
    .filter((c) => /^FARM5\d\d$/.test(c));

async function probeAll(uri: vscode.Uri): Promise<ProbeResultLike[]> {
  return (await vscode.commands.executeCommand<ProbeResultLike[]>('office-farm.probe', uri.toString())) ?? [];
}

suite('simulator connection', () => {
  test('Connect to Simulator fills the CA and connect-to settings of the workspace', async () => {
    const result = await vscode.commands.executeCommand<{ servers: number; target: string }>('office-farm.connectToSimulator', connectionFile());
    assert.ok(result, 'the command connects');
    assert.equal(result.target, 'workspace');
    assert.equal(result.servers, 3, 'contoso.farm has an exchange, a sharepoint and a lync server');
    const network = vscode.workspace.getConfiguration('office-farm.network');
    const ca = network.inspect<string[]>('ca')?.workspaceValue ?? [];
    assert.equal(ca.length, 1);
    assert.match(ca[0], /ca\.crt$/);
    const connectTo = network.inspect<Record<string, string>>('connectTo')?.workspaceValue ?? {};
    assert.ok(Object.keys(connectTo).includes('mail.contoso.com:443'), Object.keys(connectTo).join(', '));
    for (const to of Object.values(connectTo)) assert.match(to, /^127\.0\.0\.1:\d+$/);
  });

  test("a probe from the editor reaches every server through the simulator's CA and connect-to rules", async () => {
    const doc = await openFarmFile('contoso.farm');
    await diagnosticsFor(doc.uri, () => true);
    const results = await probeAll(doc.uri);
    assert.deepEqual(
      results.map((r) => `${r.server}: ${r.outcome}`).sort(),
      ['ex01: ok', 'lync01: ok', 'sp01: ok'],
    );
    await diagnosticsFor(doc.uri, () => probeCodes(doc.uri).length === 0);
  });

  test('without the CA setting the same probe fails on TLS (FARM502): the setting is what lets it through', async () => {
    const doc = await openFarmFile('contoso.farm');
    const network = vscode.workspace.getConfiguration('office-farm.network');
    const ca = network.inspect<string[]>('ca')?.workspaceValue;
    await network.update('ca', undefined, vscode.ConfigurationTarget.Workspace);
    try {
      const results = await probeAll(doc.uri);
      assert.ok(results.length === 3 && results.every((r) => r.outcome !== 'ok'), JSON.stringify(results.map((r) => [r.server, r.outcome])));
      await diagnosticsFor(doc.uri, () => probeCodes(doc.uri).includes('FARM502'));
    } finally {
      await network.update('ca', ca, vscode.ConfigurationTarget.Workspace);
    }
    const again = await probeAll(doc.uri);
    assert.ok(again.every((r) => r.outcome === 'ok'), JSON.stringify(again.map((r) => [r.server, r.outcome])));
    await diagnosticsFor(doc.uri, () => probeCodes(doc.uri).length === 0);
  });

  test('the Office Farm log, as VS Code writes it, names the server and its version, each probe with URL, status and time, and the failures with their cause', async () => {
    const { version } = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { version: string };
    const logUri = (vscode.extensions.getExtension<{ folders: { logUri: string } }>(EXTENSION_ID)!.exports).folders.logUri;
    const folder = sessionLogFolder(logUri);
    const failed = /\[error\] probe ex01 https:\/\/mail\.contoso\.com\/autodiscover\/metadata\/json\/1: no HTTP response, error, \d+ ms: FARM502 \S/;
    // The failed probes of the test before are logged by now, but VS Code writes its log files a little later.
    const log = await eventually(
      () => filesUnder(folder).filter((f) => f.endsWith('.log')).map((f) => readFileSync(f, 'utf8')).find((text) => failed.test(text)),
      () => `a log file under ${folder} with the failed probe of ex01; files: ${filesUnder(folder).join(', ')}`,
      30_000,
    );
    assert.match(log, new RegExp(`\\[info\\] Office Farm Language Server ${version.replace(/\./g, '\\.')} started for [^(]+ \\(Node \\d+\\.\\d+\\.\\d+, pid \\d+\\)`));
    assert.match(log, /\[info\] probe ex01 https:\/\/mail\.contoso\.com\/autodiscover\/metadata\/json\/1: HTTP 200, ok, \d+ ms/);
    assert.match(log, /\[info\] probe sp01 https:\/\/intranet\.contoso\.com\/_layouts\/15\/metadata\/json\/1: HTTP 200, ok, \d+ ms/);
  }, { timeoutMs: 60_000 });

  test('a connection file that is not one is refused with its reason, and the settings stay', async () => {
    const bad = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'not-a-connection.json');
    await vscode.workspace.fs.writeFile(bad, Buffer.from('{"version": 1}'));
    const before = vscode.workspace.getConfiguration('office-farm.network').inspect('connectTo')?.workspaceValue;
    const result = await vscode.commands.executeCommand('office-farm.connectToSimulator', bad.fsPath);
    assert.equal(result, undefined);
    assert.deepEqual(vscode.workspace.getConfiguration('office-farm.network').inspect('connectTo')?.workspaceValue, before);
    await vscode.workspace.fs.delete(bad);
  });
});
