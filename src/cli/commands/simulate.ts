// office-farm simulate [--connection SIMULATOR.json] [--fault SERVER=FAULT]...
//                      [--scenario FILE] [--seed N] [--state-dir DIR] FILE
// Runs the farm described by FILE on 127.0.0.1 until SIGINT or SIGTERM.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readTopology } from '../../core';
import { FAULTS, GRAPH_SERVICE, parseFault, parseFaultAssignment, readScenarioFile, startSimulator } from '../../simulator';
import { type FaultInfo, faultMismatch } from '../../simulator/faults';
import { parseCommandArgs } from '../parse-args';
import { readInputs } from '../read-inputs';
import { UsageError } from '../usage-error';

export async function run(args: string[]): Promise<number> {
  const parsed = parseCommandArgs(args, {
    connection: { type: 'string' },
    fault: { type: 'string', multiple: true, default: [] },
    scenario: { type: 'string' },
    seed: { type: 'string' },
    'state-dir': { type: 'string' },
    'list-faults': { type: 'boolean', default: false },
  });
  const v = parsed.values;
  if (v['list-faults']) {
    for (const [name, info] of Object.entries(FAULTS) as Array<[string, FaultInfo]>) {
      const label = info.argument ? `${name}[:N]` : name;
      const tail = info.argument ? ` (N: ${info.argument.meaning}, default ${info.argument.default})` : '';
      process.stdout.write(`${label.padEnd(24)} ${info.kinds.join('/').padEnd(24)} ${info.summary}${tail}\n`);
    }
    return 0;
  }
  if (parsed.positionals.length !== 1) throw new UsageError(parsed.positionals.length ? 'give exactly one FILE' : 'no FILE given');
  const [{ file, text }] = readInputs(parsed.positionals);

  let seed: number | undefined;
  const faults: Record<string, string[]> = {};
  if (v.scenario) {
    try {
      const scenario = readScenarioFile(v.scenario);
      seed = scenario.seed;
      for (const [server, list] of Object.entries(scenario.faults)) faults[server] = [...list];
    } catch (err) {
      throw new UsageError(`--scenario ${(err as Error).message}`);
    }
  }
  for (const assignment of v.fault as string[]) {
    let server: string, fault: string;
    try {
      ({ server, fault } = parseFaultAssignment(assignment));
    } catch (err) {
      throw new UsageError(`--fault ${(err as Error).message}`);
    }
    (faults[server] ??= []).push(fault);
  }
  if (v.seed !== undefined) {
    if (!/^-?\d+$/.test(v.seed)) throw new UsageError(`--seed takes an integer, not '${v.seed}'`);
    seed = Number(v.seed);
  }

  const topology = readTopology(text);
  for (const [name, list] of Object.entries(faults)) {
    // graph.microsoft.com is no server of the file, yet takes the presence faults.
    const server = name === GRAPH_SERVICE ? { kind: 'graph' as const } : topology.servers.find((s) => s.name === name);
    if (!server) {
      throw new UsageError(`--fault: ${file} declares no server '${name}' (servers: ${[...topology.servers.map((s) => s.name), GRAPH_SERVICE].join(', ')})`);
    }
    for (const text of list) {
      const mismatch = faultMismatch(parseFault(text), name, server.kind);
      if (mismatch) throw new UsageError(`--fault: ${mismatch}`);
    }
  }
  if (!topology.servers.some((s) => s.kind === 'exchange' || s.kind === 'sharepoint' || s.kind === 'lync')) {
    throw new UsageError(`${file} declares no exchange, sharepoint or lync server to simulate`);
  }
  const connectionFile = v.connection ?? join(process.cwd(), '.office-farm', 'simulator.json');
  refuseIfRunning(connectionFile);

  const sim = await startSimulator(topology, {
    seed,
    faults,
    stateDir: v['state-dir'],
    connectionFile,
    log: (line) => process.stdout.write(line + '\n'),
  });
  process.stderr.write(
    `office-farm simulate: ${file} is up; connection file ${connectionFile}\n` +
      `  CA: ${sim.connection.ca.path}\n` +
      Object.entries(sim.connection.connectTo)
        .map(([from, to]) => `  ${from} → ${to}\n`)
        .join('') +
      `  stop with Ctrl+C\n`,
  );

  await new Promise<void>((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.removeListener('SIGINT', stop);
      process.removeListener('SIGTERM', stop);
      process.stderr.write(`office-farm simulate: ${signal}, shutting down\n`);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await sim.close();
  return 0;
}

/** Two simulators writing one connection file would leave clients with the wrong ports. */
function refuseIfRunning(connectionFile: string): void {
  let pid: unknown;
  try {
    pid = JSON.parse(readFileSync(connectionFile, 'utf8')).pid;
  } catch {
    return;
  }
  if (typeof pid !== 'number' || pid === process.pid) return;
  try {
    process.kill(pid, 0);
  } catch {
    return; // a file left behind by a simulator that was killed: overwrite it
  }
  throw new UsageError(`a simulator (pid ${pid}) is already running with ${connectionFile}; stop it or give --connection another path`);
}
