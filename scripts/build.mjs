// Bundles every entry point with esbuild. Run by `npm run build` and by
// `prepare`, so `npx office-farm` works right after `npm ci`.
import * as esbuild from 'esbuild';
import { existsSync, readdirSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { certificateChecks } from './lib/certificate-checks.mjs';

const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  minify: production,
  logLevel: 'warning',
  // ews-javascript-api's branch for skipping certificate checks throws instead (scripts/lib/certificate-checks.mjs).
  plugins: [certificateChecks],
  // @resvg/resvg-js is a native module the diagram command requires only for PNG.
  external: ['vscode', '@resvg/resvg-js'],
};

const nodeEntries = [
  ['src/extension/main.ts', 'dist/extension.js'],
  ['src/extension/language-client.ts', 'dist/language-client.js'],
  ['src/extension/office-panels.ts', 'dist/office-panels.js'],
  ['src/extension/diagram-panels.ts', 'dist/diagram-panels.js'],
  ['src/server/main.ts', 'dist/server.js'],
  ['src/cli/main.ts', 'dist/cli.js'],
].filter(([src]) => existsSync(src));

// Each CLI command is a bundle of its own, loaded when it runs: `check`
// must not pay for loading the simulator, the probe or the server.
const commandEntries = readdirSync('src/cli/commands')
  .filter((f) => f.endsWith('.ts'))
  .map((f) => [join('src/cli/commands', f), join('dist/commands', f.replace(/\.ts$/, '.js'))]);

// Panels run in the webview (a browser): one folder per panel under webview/.
const webviewEntries = existsSync('webview')
  ? readdirSync('webview', { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(join('webview', d.name, 'main.ts')))
      .map((d) => [join('webview', d.name, 'main.ts'), join('dist', 'webview', `${d.name}.js`)])
  : [];

await Promise.all([
  ...nodeEntries.map(([entry, outfile]) =>
    esbuild.build({
      ...common,
      entryPoints: [entry],
      outfile,
      banner: outfile.endsWith('cli.js') ? { js: '#!/usr/bin/env node' } : undefined,
      // The CLI's commands, the extension's language client and its panels (with EWS) are bundles of their own, required on demand.
      external: outfile.endsWith('cli.js') ? [...common.external, './commands/*'] : outfile.endsWith('extension.js') ? [...common.external, './language-client', './office-panels', './diagram-panels'] : common.external,
    }),
  ),
  ...commandEntries.map(([entry, outfile]) => esbuild.build({ ...common, entryPoints: [entry], outfile })),
  ...webviewEntries.map(([entry, outfile]) =>
    esbuild.build({ ...common, platform: 'browser', format: 'iife', target: 'es2022', external: [], entryPoints: [entry], outfile }),
  ),
]);
if (existsSync('dist/cli.js')) chmodSync('dist/cli.js', 0o755);
