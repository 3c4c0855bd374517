// Renaming a server, user or site mailbox: its declaration and every
// reference to it change together, or nothing does.
import { ErrorCodes, PrepareRenameParams, Range, RenameParams, ResponseError, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import type { DocumentCache } from './document-cache';
import { toRange } from './positions';
import { symbolAt, referencesTo } from './symbol-at';
import type { Analysis } from '../core';
import type { Declaration } from '../core/model/types';

const identifier = /^[A-Za-z_][A-Za-z0-9_-]*$/;
/** Read as booleans by the scanner, so never a name. */
const reserved = new Set(['true', 'false']);

function renameTarget(analysis: Analysis, offset: number): { declaration: Declaration; range: Range } {
  const at = symbolAt(analysis, offset);
  if (at?.type === 'declaration' && at.declaration.kind !== 'farm') return { declaration: at.declaration, range: toRange(analysis, at.node) };
  if (at?.type === 'reference') {
    if (!at.reference.target) throw new ResponseError(ErrorCodes.InvalidRequest, `'${at.node.name}' is not declared in this file, so there is nothing to rename.`);
    return { declaration: at.reference.target, range: toRange(analysis, at.node) };
  }
  if (at?.type === 'feature') throw new ResponseError(ErrorCodes.InvalidRequest, 'A feature id is fixed by the language and cannot be renamed.');
  throw new ResponseError(ErrorCodes.InvalidRequest, 'Only the name of a server, user or site mailbox can be renamed.');
}

export function prepareRename(cache: DocumentCache, params: PrepareRenameParams): { range: Range; placeholder: string } | null {
  const document = cache.get(params.textDocument.uri);
  if (!document) return null;
  const { analysis } = document;
  const { declaration, range } = renameTarget(analysis, analysis.lines.offset(params.position));
  return { range, placeholder: declaration.name };
}

export function rename(cache: DocumentCache, params: RenameParams): WorkspaceEdit | null {
  const document = cache.get(params.textDocument.uri);
  if (!document) return null;
  const { analysis } = document;
  const { declaration } = renameTarget(analysis, analysis.lines.offset(params.position));
  const newName = params.newName;
  if (!identifier.test(newName) || reserved.has(newName)) {
    throw new ResponseError(
      ErrorCodes.InvalidParams,
      `'${newName}' is not a valid name: a name starts with a letter or _ and holds letters, digits, _ and -${reserved.has(newName) ? ', and is not true or false' : ''}.`,
    );
  }
  if (newName === declaration.name) return { changes: { [document.uri]: [] } };
  const taken = analysis.model.byName.get(newName);
  if (taken) throw new ResponseError(ErrorCodes.InvalidParams, `'${newName}' is already the name of the ${taken.kind} block on line ${analysis.lines.position(taken.nameNode.start).line + 1}: servers, users and site mailboxes share one namespace.`);
  const spans = [declaration.nameNode, ...referencesTo(analysis, declaration).map((r) => r.node)];
  const edits: TextEdit[] = spans.sort((a, b) => a.start - b.start).map((s) => ({ range: toRange(analysis, s), newText: newName }));
  return { changes: { [document.uri]: edits } };
}
