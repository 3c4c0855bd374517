// Folding: blocks and lists that span lines, and runs of comment lines.
// Each fold ends on the line before its closing bracket, which stays visible.
import { FoldingRange, FoldingRangeKind, FoldingRangeParams } from 'vscode-languageserver';
import type { DocumentCache } from './document-cache';

export function foldingRanges(cache: DocumentCache, params: FoldingRangeParams): FoldingRange[] {
  const document = cache.get(params.textDocument.uri);
  if (!document) return [];
  const { analysis } = document;
  const line = (offset: number): number => analysis.lines.lineOf(offset);
  const ranges: FoldingRange[] = [];
  const add = (startLine: number, closeLine: number): void => {
    if (closeLine - 1 > startLine) ranges.push({ startLine, endLine: closeLine - 1 });
  };
  for (const block of analysis.syntax.file.blocks) {
    if (block.open === undefined) continue;
    add(line(block.start), block.close !== undefined ? line(block.close) : line(block.end) + 1);
    for (const { value } of block.properties) {
      if (value?.type === 'list' && value.closed) add(line(value.start), line(value.end - 1));
    }
  }
  let run: { first: number; last: number } | undefined;
  const flush = (): void => {
    if (run && run.last > run.first) ranges.push({ startLine: run.first, endLine: run.last, kind: FoldingRangeKind.Comment });
    run = undefined;
  };
  for (const comment of analysis.syntax.comments) {
    const l = line(comment.start);
    const ownLine = /^[ \t]*$/.test(analysis.text.slice(analysis.lines.starts[l], comment.start));
    if (!ownLine) continue;
    if (run && l === run.last + 1) run.last = l;
    else {
      flush();
      run = { first: l, last: l };
    }
  }
  flush();
  ranges.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
  return ranges;
}
