// dist/server.js: the transport comes from argv (--node-ipc, --stdio, --socket=N).
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './start';
import { createStdioConnection } from './stdio-connection';

startServer(process.argv.includes('--stdio') ? createStdioConnection() : createConnection(ProposedFeatures.all));
