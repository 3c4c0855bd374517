// The office-farm/scripts and office-farm/drift requests' shapes, shared by
// the server that answers them (scripts-request.ts) and the extension's
// commands (src/extension/script-commands.ts), which check every answer.
// Types and names only, importing nothing, so the extension may use it
// without reaching into the server or the core.

export const SCRIPTS_REQUEST = 'office-farm/scripts';
export const DRIFT_REQUEST = 'office-farm/drift';

export interface ScriptsParams {
  uri: string;
  /** The read-only inventory scripts instead of the configuration scripts. */
  inventory?: boolean;
}

export interface ScriptFile {
  /** The server's name in the topology. */
  server: string;
  kind: 'sharepoint' | 'exchange' | 'lync' | 'office-web-apps';
  /** `<server>.ps1` or `<server>.inventory.ps1`: a plain name, no folder. */
  fileName: string;
  text: string;
}

export interface ScriptsResult {
  uri: string;
  version: number;
  scripts: ScriptFile[];
}

export interface DriftParams {
  uri: string;
  /** Each inventory file: a name for messages and its text. */
  inventories: Array<{ name: string; text: string }>;
}

export interface DriftRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

export interface DriftResult {
  uri: string;
  version: number;
  /** Why an inventory could not be read; when any is, `diagnostics` is empty. */
  errors: string[];
  diagnostics: Array<{ code: string; severity: 'error' | 'warning' | 'information' | 'hint'; message: string; range: DriftRange }>;
}
