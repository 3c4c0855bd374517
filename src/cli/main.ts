import { commands } from './commands';
import { isUsageError } from './usage-error';

function help(): string {
  const width = Math.max(...Object.keys(commands).map((n) => n.length));
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return ['usage: office-farm <command> [options] FILE...', '', 'commands:', ...lines, '', 'office-farm <command> --help shows the options of one command.'].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(help() + '\n');
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v') {
    process.stdout.write(`${require('../../package.json').version}\n`);
    return 0;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`office-farm: unknown command '${name}'\n\n${help()}\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`usage: ${command.usage}\n`);
    return 0;
  }
  try {
    return await command.load().run(rest);
  } catch (err) {
    if (isUsageError(err)) {
      process.stderr.write(`office-farm ${name}: ${err.message}\nusage: ${command.usage}\n`);
      return 2;
    }
    // An unexpected failure is still reported in one line, never as a stack
    // trace; OFFICE_FARM_DEBUG=1 shows the trace for a bug report.
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`office-farm ${name}: internal error: ${message}\n`);
    if (process.env.OFFICE_FARM_DEBUG) process.stderr.write(`${(err as Error).stack ?? ''}\n`);
    return 70;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`office-farm: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 70;
  },
);
