// One analysis per document version, shared by every feature: a keystroke
// costs one parse, however many requests follow it.
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, Analysis } from '../core';
import type { ChangeTracker } from './change-tracker';
import { boundHeapGrowth } from './gc-tuning';
import type { RuleConfigs } from './rule-config';

export interface AnalyzedDocument {
  uri: string;
  version: number;
  analysis: Analysis;
}

interface Entry extends AnalyzedDocument {
  generation: number;
}

export class DocumentCache {
  private readonly entries = new Map<string, Entry>();

  readonly documents: TextDocuments<TextDocument>;

  constructor(
    private readonly changes: ChangeTracker,
    readonly configs: RuleConfigs,
  ) {
    this.documents = changes.documents;
  }

  /** The analysis of the document's current version; undefined when it is not open. */
  get(uri: string): AnalyzedDocument | undefined {
    const document = this.documents.get(uri);
    if (!document) return undefined;
    const cached = this.entries.get(uri);
    if (cached && cached.version === document.version && cached.generation === this.configs.generation) return cached;
    if (!cached) this.changes.take(uri);
    else boundHeapGrowth();
    // The previous analysis is handed to core, which reparses only the
    // blocks the edit touched and consumes it: no feature keeps an analysis
    // across an await, so nothing reads it afterwards.
    const entry: Entry = {
      uri,
      version: document.version,
      generation: this.configs.generation,
      analysis: analyze(document.getText(), this.configs.configFor(uri), cached?.analysis, cached ? this.changes.take(uri) : undefined),
    };
    this.entries.set(uri, entry);
    return entry;
  }

  forget(uri: string): void {
    this.entries.delete(uri);
  }

  openUris(): string[] {
    return this.documents.keys();
  }
}
