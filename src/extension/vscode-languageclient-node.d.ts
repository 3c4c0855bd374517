// tsconfig's `moduleResolution: node` ignores package.json "exports", through
// which vscode-languageclient 11 publishes its `/node` entry; esbuild (which
// builds the bundle) honours them. This maps the entry to its typings for
// the type-check only. Remove when tsconfig moves to node16 resolution.
declare module 'vscode-languageclient/node' {
  export * from 'vscode-languageclient/lib/node/main';
}
