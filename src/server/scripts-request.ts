// office-farm/scripts and office-farm/drift: the configuration and inventory
// scripts of an open farm document, and the drift of inventories against
// it. The extension talks to the server, never to core: its commands ask
// here. Served from the document cache, with the document's rule settings.
import { ErrorCodes, ResponseError } from 'vscode-languageserver';
import { drift, generateInventoryScripts, generateScripts, readInventory, maxInventoryLength, type Inventory } from '../core/scripts';
import type { DocumentCache } from './document-cache';
import { DRIFT_REQUEST, SCRIPTS_REQUEST, type DriftParams, type DriftResult, type ScriptsParams, type ScriptsResult } from './scripts-protocol';

export const scriptsRequest = SCRIPTS_REQUEST;
export const driftRequest = DRIFT_REQUEST;

/** The document's file name as the scripts' headers name it. */
export function fileNameOf(uri: string): string {
  const last = uri.split(/[/\\]/).pop() ?? uri;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

function documentOf(cache: DocumentCache, uri: unknown, method: string) {
  if (typeof uri !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, `${method} takes { uri }.`);
  const document = cache.get(uri);
  if (!document) throw new ResponseError(ErrorCodes.InvalidParams, `${uri} is not open.`);
  return document;
}

export function scripts(cache: DocumentCache, params: ScriptsParams): ScriptsResult {
  const document = documentOf(cache, params?.uri, scriptsRequest);
  const options = { file: fileNameOf(document.uri) };
  const made = params.inventory === true ? generateInventoryScripts(document.analysis, options) : generateScripts(document.analysis, options);
  return { uri: document.uri, version: document.version, scripts: made.map((s) => ({ server: s.server, kind: s.kind, fileName: s.fileName, text: s.text })) };
}

export function driftOf(cache: DocumentCache, params: DriftParams): DriftResult {
  const document = documentOf(cache, params?.uri, driftRequest);
  if (!Array.isArray(params.inventories) || params.inventories.length === 0) throw new ResponseError(ErrorCodes.InvalidParams, `${driftRequest} takes { uri, inventories: [{ name, text }] }.`);
  const inventories: Inventory[] = [];
  const errors: string[] = [];
  for (const item of params.inventories) {
    if (!item || typeof item.name !== 'string' || typeof item.text !== 'string') {
      errors.push('an inventory without a name or text');
      continue;
    }
    if (item.text.length > maxInventoryLength) {
      errors.push(`${item.name}: larger than ${maxInventoryLength / 1024 / 1024} MB: not an inventory`);
      continue;
    }
    const read = readInventory(item.text, item.name);
    if (read.ok) inventories.push(read.inventory);
    else errors.push(...read.errors);
  }
  const { analysis } = document;
  const config = cache.configs.configFor(document.uri);
  const diagnostics = errors.length ? [] : drift(analysis, inventories, config);
  return {
    uri: document.uri,
    version: document.version,
    errors,
    diagnostics: diagnostics.map((d) => ({ code: d.code, severity: d.severity ?? 'error', message: d.message, range: analysis.lines.range(d.start, d.end) })),
  };
}
