// Configuration scripts, inventory scripts and drift: what the CLI and the
// language server use of this folder.
export { generateScripts, generateScript, scriptServers, scriptKinds } from './generate';
export { generateInventoryScripts } from './inventory-script';
export { readInventory, maxInventoryLength } from './inventory';
export type { Inventory, InventoryResult } from './inventory';
export { drift } from './drift';
export { psLiteral } from './powershell-literal';
export { steps } from './steps';
export type { GeneratedScript, ScriptServerKind } from './script-types';
