// The shapes the script generator and its readers share.
import type { RuleSource } from '../rules/sources';

/** The servers a script is made for: each runs in its own shell. */
export type ScriptServerKind = 'sharepoint' | 'exchange' | 'lync' | 'office-web-apps';

/** A value the topology does not give: declared at the top of the script, empty, with what to fill in. */
export interface Todo {
  /** The PowerShell variable, without `$`. */
  variable: string;
  /** What to fill in, for the `# TODO:` line. */
  what: string;
}

/** One step as it appears in a script: a commented block of lines. */
export interface StepInstance {
  /** The step's row in the table (steps.ts). */
  step: string;
  title: string;
  /** What it serves: "trust sp01 → ex01", "feature site-mailboxes". */
  serves: string[];
  /** The PowerShell, each line indented as it should be. */
  lines: string[];
  /** Values the step needs and the topology does not say; the step is skipped while any is empty. */
  todos: Todo[];
  /** `# TODO:` lines for what cannot be scripted at all. */
  notes: string[];
  /** `# Note:` lines: what the administrator should know, nothing to do. */
  remarks: string[];
}

/** One row of the step table. */
export interface StepSpec {
  id: string;
  kind: ScriptServerKind;
  /** As an administrator says it. */
  title: string;
  /** How the step avoids doing the same thing twice, for docs/scripts.md. */
  idempotence: string;
  sources: RuleSource[];
}

export interface GeneratedScript {
  /** The server's name in the topology. */
  server: string;
  kind: ScriptServerKind;
  /** `<server>.ps1`, or `<server>.inventory.ps1`. */
  fileName: string;
  text: string;
}
