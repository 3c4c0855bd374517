export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** A text replacement in offsets of the analysed text. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** Safe to apply without a person choosing: `check --fix` applies only these. */
  unambiguous: boolean;
}

export interface Diagnostic {
  code: string;
  /** Filled from the rule catalogue (and the project's configuration) when absent. */
  severity?: Severity;
  message: string;
  start: number;
  end: number;
  fixes?: Fix[];
}
