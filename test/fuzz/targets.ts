// The table of fuzz targets: one row per reader of outside input. A new
// reader (the diagram graph, the script generator, an inventory, UCWA or
// Graph JSON) is one file in targets/ and one row here.
import type { FuzzTarget } from './framework/target';

const table: Record<string, () => FuzzTarget> = {
  'farm-check': () => require('./targets/farm-check').farmCheck,
  'farm-format': () => require('./targets/farm-format').farmFormat,
  'farm-lsp': () => require('./targets/farm-lsp').farmLsp,
  'ews-response': () => require('./targets/ews-response').ewsResponse,
  'metadata-document': () => require('./targets/metadata-document').metadataDocument,
  farmrc: () => require('./targets/farmrc').farmrc,
  'connection-file': () => require('./targets/connection-file').connectionFile,
  'farm-diagram': () => require('./targets/farm-diagram').farmDiagram,
  'ews-contacts': () => require('./targets/ews-contacts').ewsContacts,
  'ews-tasks': () => require('./targets/ews-tasks').ewsTasks,
  'webview-protocol': () => require('./targets/webview-protocol').webviewProtocol,
  'webview-user-panels': () => require('./targets/webview-user-panels').webviewUserPanels,
  'diagram-messages': () => require('./targets/diagram-messages').diagramMessages,
  'farm-scripts': () => require('./targets/farm-scripts').farmScripts,
  'inventory-drift': () => require('./targets/inventory-drift').inventoryDrift,
  'graph-presence': () => require('./targets/graph-presence').graphPresence,
  'ucwa-presence': () => require('./targets/ucwa-presence').ucwaPresence,
  // The framework's own test (framework.test.ts): inputs that throw, stall and hang.
  'self-test': () => require('./targets/self-test').selfTest,
};

export const targetNames = Object.keys(table).filter((name) => name !== 'self-test');

/** Loaded on demand, so a worker loads only its own target's readers (the server, the EWS library). */
export function loadTarget(name: string): FuzzTarget {
  const load = table[name];
  if (!load) throw new Error(`no fuzz target ${name}; the targets are ${targetNames.join(', ')}`);
  return load();
}
