import { readFileSync } from 'node:fs';
import { analyze, readTopology, type Analysis, type Diagnostic } from '../../core';
import { applyRuleConfig } from '../../core/rules/config';
import { configFor } from '../../config/farmrc';
import { readConnectionFile, ConnectionFileError } from '../../simulator/connection-file';
import {
  CaBundleError,
  ConnectToSyntaxError,
  farmProbeTargets,
  parseConnectTo,
  probeDiagnostics,
  probeFarm,
  readCaBundle,
  summarizeProbe,
  type ConnectToRule,
  type ProbeResult,
  type ProbeTarget,
} from '../../probe';
import { parseCommandArgs } from '../parse-args';
import { readInputs } from '../read-inputs';
import { UsageError } from '../usage-error';

const formats = ['text', 'json'] as const;

interface ProbeSettings {
  ca: string[];
  connectTo: ConnectToRule[];
  timeoutMs?: number;
}

/**
 * Probes the metadata endpoint of every exchange, sharepoint and lync server
 * of each FILE and reports FARM5xx. The diagnostics are the probe's alone:
 * `office-farm check` reports the file's own.
 */
export async function run(args: string[]): Promise<number> {
  const parsed = parseCommandArgs(args, {
    format: { type: 'string', default: 'text' },
    ca: { type: 'string', multiple: true, default: [] },
    'connect-to': { type: 'string', multiple: true, default: [] },
    connection: { type: 'string' },
    timeout: { type: 'string' },
  });
  const { values } = parsed;
  const format = values.format as (typeof formats)[number];
  if (!formats.includes(format)) throw new UsageError(`--format takes text or json, not '${format}'`);
  const settings = readSettings(values);
  const inputs = readInputs(parsed.positionals);

  const files = inputs.map(({ file, text }) => {
    const { config, problems } = configFor(file);
    if (problems.length) throw new UsageError(problems.join('; '));
    const analysis = analyze(text, config);
    return { file, analysis, config, targets: farmProbeTargets(readTopology(analysis)) };
  });

  // Ctrl-C stops the probes in flight; what finished is still printed.
  const controller = new AbortController();
  const interrupt = () => controller.abort();
  process.once('SIGINT', interrupt);
  let results: ProbeResult[];
  try {
    results = await probeFarm(
      files.flatMap((f) => f.targets),
      { ca: settings.ca, connectTo: settings.connectTo, timeoutMs: settings.timeoutMs, signal: controller.signal },
    );
  } finally {
    process.off('SIGINT', interrupt);
  }

  let offset = 0;
  const reports = files.map(({ file, analysis, config, targets }) => {
    const probes = results.slice(offset, (offset += targets.length));
    const diagnostics = applyRuleConfig(probeDiagnostics(analysis, probes), analysis.syntax.comments, analysis.lines, config);
    return { file, analysis, targets, probes, diagnostics };
  });

  if (format === 'json') {
    const body = reports.map(({ file, analysis, diagnostics, probes }) => ({
      file,
      diagnostics: diagnostics.map((d) => ({ code: d.code, severity: d.severity ?? 'error', message: d.message, range: analysis.lines.range(d.start, d.end) })),
      probes,
    }));
    process.stdout.write(JSON.stringify(body, null, 2) + '\n');
  } else {
    process.stdout.write(reports.map((r) => textReport(r.file, r.analysis, r.targets, r.probes, r.diagnostics)).join('\n'));
  }
  if (controller.signal.aborted) return 130;
  return reports.some((r) => r.diagnostics.some((d) => d.severity === 'error')) ? 1 : 0;
}

function readSettings(values: { ca?: string[]; 'connect-to'?: string[]; connection?: string; timeout?: string }): ProbeSettings {
  const ca: string[] = [];
  for (const path of values.ca ?? []) {
    let pem: string;
    try {
      pem = readFileSync(path, 'utf8');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      throw new UsageError(`--ca ${path}: ${code === 'ENOENT' ? 'no such file' : code ?? String(err)}`);
    }
    try {
      ca.push(...readCaBundle(pem, `--ca ${path}`));
    } catch (err) {
      if (err instanceof CaBundleError) throw new UsageError(err.message);
      throw err;
    }
  }
  const connectTo: ConnectToRule[] = [];
  for (const text of values['connect-to'] ?? []) {
    try {
      connectTo.push(parseConnectTo(text));
    } catch (err) {
      if (err instanceof ConnectToSyntaxError) throw new UsageError(`--connect-to ${err.message}`);
      throw err;
    }
  }
  if (values.connection) {
    // The same as giving the simulator's CA with --ca and its map with
    // --connect-to; rules given on the command line come first and so win.
    try {
      const connection = readConnectionFile(values.connection);
      ca.push(...readCaBundle(connection.ca.pem, `${values.connection}: ca.pem`));
      for (const [from, to] of Object.entries(connection.connectTo)) connectTo.push(parseConnectTo(`${from}:${to}`));
    } catch (err) {
      if (err instanceof ConnectionFileError || err instanceof CaBundleError || err instanceof ConnectToSyntaxError) {
        throw new UsageError(`--connection ${err.message}`);
      }
      throw err;
    }
  }
  let timeoutMs: number | undefined;
  if (values.timeout !== undefined) {
    timeoutMs = /^[0-9]+$/.test(values.timeout) ? Number(values.timeout) : NaN;
    if (!(timeoutMs >= 1 && timeoutMs <= 600_000)) throw new UsageError(`--timeout takes milliseconds from 1 to 600000, not '${values.timeout}'`);
  }
  return { ca, connectTo, timeoutMs };
}

/**
 * A table of the servers and their results, then each finding once, on the
 * server's declaration, as `FILE:LINE:COL: SEVERITY CODE message` (the JSON
 * also places it on every `trusts` reference).
 */
function textReport(file: string, analysis: Analysis, targets: ProbeTarget[], probes: ProbeResult[], diagnostics: Diagnostic[]): string {
  if (targets.length === 0) return `${file}: no exchange, sharepoint or lync server with a metadata URL to probe\n`;
  const rows = [['SERVER', 'KIND', 'METADATA URL', 'RESULT'], ...probes.map((p) => [p.server, p.kind, p.url, summarizeProbe(p)])];
  const widths = [0, 1, 2].map((c) => Math.max(...rows.map((r) => r[c]!.length)));
  const table = rows.map((r) => r.map((cell, c) => (c < 3 ? cell.padEnd(widths[c]!) : cell)).join('  ').trimEnd());
  const names = new Set(probes.map((p) => analysis.model.byName.get(p.server)?.nameNode.start));
  const lines = diagnostics
    .filter((d) => names.has(d.start))
    .map((d) => {
      const at = analysis.lines.position(d.start);
      return `${file}:${at.line + 1}:${at.character + 1}: ${d.severity ?? 'error'} ${d.code} ${d.message}`;
    });
  return [`${file}`, ...table.map((l) => `  ${l}`), ...(lines.length ? ['', ...lines] : []), ''].join('\n');
}
