// Values from a .farm file reach a generated script only through these
// functions. A single-quoted (verbatim) string is the one PowerShell form in
// which nothing expands: no `$(...)`, no variables, no backtick escapes. Its
// only special character is the single quote, written twice to stand for
// itself; PowerShell's tokenizer takes the typographic single quotes
// U+2018..U+201B for a single quote as well, so each of those is doubled
// too (docs/scripts.md cites the pages). A newline inside a verbatim string
// is part of the value, so a multi-line value stays one literal.

/** The characters PowerShell reads as a single quote. */
export const singleQuoteCharacters = ["'", '\u2018', '\u2019', '\u201A', '\u201B'] as const;

const quoteClass = /['\u2018\u2019\u201A\u201B]/g;

/** `value` as a PowerShell single-quoted literal that reads back as exactly `value`. */
export function psLiteral(value: string): string {
  return `'${value.replace(quoteClass, (q) => q + q)}'`;
}

/** A list of values as a PowerShell array expression of literals: `@('a', 'b')`. */
export function psArray(values: readonly string[]): string {
  return `@(${values.map(psLiteral).join(', ')})`;
}

/**
 * Text for a `#` comment line: a comment ends at the line's end, so every
 * line terminator PowerShell or an editor may honour, and every other
 * control character, is shown as `\uXXXX` instead. Nothing in a comment
 * runs, but a value that broke the line would turn its remainder into code.
 */
export function commentText(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u0085]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
