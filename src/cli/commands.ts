// The CLI's subcommands. Each lives in its own file under commands/ and
// exports `run(args): Promise<number>` returning the exit status.

export interface Command {
  summary: string;
  usage: string;
  load: () => Promise<{ run: (args: string[]) => Promise<number> }>;
}

export const commands: Record<string, Command> = {
  check: {
    summary: 'check .farm files and print their diagnostics',
    usage: 'office-farm check [--format text|json|sarif] [--fix] FILE...',
    load: () => import('./commands/check'),
  },
  format: {
    summary: 'print, check or rewrite .farm files in the canonical layout',
    usage: 'office-farm format [--check | --write] FILE...',
    load: () => import('./commands/format'),
  },
};
