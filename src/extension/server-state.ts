// What the language server is doing, as the status bar shows it. A module
// of its own so that the language client, which reports it, and the
// handle that loads the client do not import each other.
export type ServerState =
  | { kind: 'starting' }
  | { kind: 'running' }
  | { kind: 'stopped' }
  | { kind: 'failed'; reason: string };
