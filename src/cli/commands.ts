// The CLI's subcommands. Each lives in its own file under commands/ and
// exports `run(args): Promise<number>` returning the exit status. The build
// bundles each command apart (dist/commands/), and `require` loads only the
// one that runs.

type CommandModule = { run: (args: string[]) => Promise<number> };

export interface Command {
  summary: string;
  usage: string;
  load: () => CommandModule;
}

export const commands: Record<string, Command> = {
  check: {
    summary: 'check .farm files and print their diagnostics',
    usage: 'office-farm check [--format text|json|sarif] [--fix] FILE...',
    load: () => require('./commands/check'),
  },
  format: {
    summary: 'print, check or rewrite .farm files in the canonical layout',
    usage: 'office-farm format [--check | --write] FILE...',
    load: () => require('./commands/format'),
  },
  simulate: {
    summary: 'run the farm on 127.0.0.1 (metadata, EWS, Graph presence) with faults on demand',
    usage: 'office-farm simulate [--connection SIMULATOR.json] [--fault SERVER=FAULT]... [--scenario FILE] [--seed N] [--state-dir DIR] [--list-faults] FILE',
    load: () => require('./commands/simulate'),
  },
  probe: {
    summary: 'probe the S2S metadata endpoint of every exchange, sharepoint and lync server (FARM5xx)',
    usage: 'office-farm probe [--format text|json] [--ca PEM]... [--connect-to HOST:PORT:ADDR:PORT]... [--connection SIMULATOR.json] [--timeout MS] FILE',
    load: () => require('./commands/probe'),
  },
  script: {
    summary: 'write the PowerShell that configures each server as the topology says (--inventory: read-only scripts that collect what it has)',
    usage: 'office-farm script [--out DIR] [--server NAME] [--inventory] FILE',
    load: () => require('./commands/script'),
  },
  drift: {
    summary: 'compare inventories from office-farm script --inventory with the topology (FARM6xx)',
    usage: 'office-farm drift [--format text|json|sarif] FILE INVENTORY.json...',
    load: () => require('./commands/drift'),
  },
  diagram: {
    summary: 'draw the farm\'s topology (servers, trusts, missing trusts) as SVG or PNG',
    usage: 'office-farm diagram [--format svg|png] [--out FILE] [--expand KIND]... [--collapse-above N] FILE',
    load: () => require('./commands/diagram'),
  },
  lsp: {
    summary: 'run the language server over standard input and output, for any LSP client',
    usage: 'office-farm lsp --stdio',
    load: () => require('./commands/lsp'),
  },
};
