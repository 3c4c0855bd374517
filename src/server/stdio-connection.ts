// The connection over this process's standard input and output, made as
// vscode-languageserver makes it for --stdio (leave when the input ends,
// with 1 unless a shutdown came first; console output goes to the client's
// log, never into the protocol stream), but read by StdioMessageReader.
import { format } from 'node:util';
import { Connection, createConnection, ProposedFeatures, StreamMessageWriter } from 'vscode-languageserver/node';
import { StdioMessageReader } from './stdio-reader';

export function createStdioConnection(): Connection {
  const reader = new StdioMessageReader(process.stdin);
  const connection = createConnection(ProposedFeatures.all, reader, new StreamMessageWriter(process.stdout));
  const leave = (): never => process.exit(reader.shutdownSeen ? 0 : 1);
  process.stdin.on('end', leave);
  process.stdin.on('close', leave);
  const log = (send: (message: string) => void) => (...args: unknown[]): void => send(format(...args));
  console.log = log((m) => connection.console.log(m));
  console.info = log((m) => connection.console.info(m));
  console.debug = log((m) => connection.console.log(m));
  console.warn = log((m) => connection.console.warn(m));
  console.error = log((m) => connection.console.error(m));
  return connection;
}
