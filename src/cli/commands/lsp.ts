// `office-farm lsp --stdio`: the language server in this process, for any
// LSP client (Neovim, Emacs, Helix...). It is the same server as
// dist/server.js; importing src/server here is the one place the CLI does.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from '../../server/start';
import { UsageError } from '../usage-error';

export async function run(args: string[]): Promise<number> {
  const unknown = args.filter((a) => a !== '--stdio');
  if (unknown.length) throw new UsageError(`unexpected argument '${unknown[0]}'`);
  if (!args.includes('--stdio')) throw new UsageError('the server talks over standard input and output: pass --stdio');
  // The library reads --stdio from process.argv, as for dist/server.js.
  const connection = createConnection(ProposedFeatures.all);
  // Ends when the client sends `exit` (the library then exits the process) or closes the pipe.
  const closed = new Promise<number>((resolve) => connection.onExit(() => resolve(0)));
  startServer(connection);
  return closed;
}
