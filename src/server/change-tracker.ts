// Remembers, per document, the text range that changed since its last
// analysis, from the editor's own incremental changes: the core then
// reparses just there without comparing two whole texts.
import { TextDocuments } from 'vscode-languageserver';
import { TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { TextChange } from '../core';

export class ChangeTracker {
  /** Changes since the last analysis, composed into one; null when unknown (a full-text change). */
  private readonly pending = new Map<string, TextChange | null>();

  readonly documents = new TextDocuments<TextDocument>({
    create: (uri, languageId, version, content) => {
      this.pending.delete(uri);
      return TextDocument.create(uri, languageId, version, content);
    },
    update: (document, changes, version) => {
      for (const change of changes) {
        this.record(document, change);
        TextDocument.update(document, [change], version);
      }
      return document;
    },
  });

  private record(document: TextDocument, change: TextDocumentContentChangeEvent): void {
    const uri = document.uri;
    if (!('range' in change)) {
      this.pending.set(uri, null);
      return;
    }
    const start = document.offsetAt(change.range.start);
    const end = document.offsetAt(change.range.end);
    const growth = change.text.length - (end - start);
    const before = this.pending.get(uri);
    if (before === null) return;
    if (before === undefined) {
      this.pending.set(uri, { start, oldEnd: end, newEnd: end + growth });
      return;
    }
    // Compose with the earlier change: `before` is in the text as it is now.
    const shift = before.newEnd - before.oldEnd;
    this.pending.set(uri, {
      start: Math.min(before.start, start),
      oldEnd: Math.max(before.oldEnd, end - shift),
      newEnd: Math.max(before.newEnd, end) + growth,
    });
  }

  /** The change since the last call for this document; undefined when unknown. */
  take(uri: string): TextChange | undefined {
    const change = this.pending.get(uri);
    this.pending.delete(uri);
    return change ?? undefined;
  }
}
