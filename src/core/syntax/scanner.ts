import type { Diagnostic } from '../diagnostics';
import { hashStep, knownWordAt } from '../language/known-words';
import { Comment, newToken, Token, TokenKind } from './tokens';
import { Ch, isDigit, isIdentPart, isIdentStart } from './characters';

const punctuation: Partial<Record<number, TokenKind>> = {
  [Ch.OpenBrace]: TokenKind.OpenBrace,
  [Ch.CloseBrace]: TokenKind.CloseBrace,
  [Ch.OpenBracket]: TokenKind.OpenBracket,
  [Ch.CloseBracket]: TokenKind.CloseBracket,
  [Ch.Equals]: TokenKind.Equals,
  [Ch.Comma]: TokenKind.Comma,
  [Ch.Semicolon]: TokenKind.Semicolon,
};

/**
 * Reads tokens on demand, one pass over `text[base, end)`. Characters that
 * start no token are reported (FARM001) and skipped here, so the parser
 * never sees them and a stray character costs exactly one diagnostic.
 */
export class Scanner {
  readonly comments: Comment[] = [];
  readonly diagnostics: Diagnostic[] = [];
  private pos: number;

  constructor(
    private readonly text: string,
    base: number,
    private readonly end: number,
  ) {
    this.pos = base;
  }

  /** The next token; after the last one, EndOfFile again and again. */
  next(): Token {
    const into = newToken();
    const { text, end } = this;
    let pos = this.pos;
    while (pos < end) {
      const c = text.charCodeAt(pos);
      if (c === Ch.Space || c === Ch.Tab) {
        pos++;
        continue;
      }
      if (c === Ch.LF || c === Ch.CR) {
        const start = pos;
        pos += c === Ch.CR && text.charCodeAt(pos + 1) === Ch.LF ? 2 : 1;
        this.pos = pos;
        return fill(into, TokenKind.Newline, start, pos, '');
      }
      if (c === Ch.Hash) {
        const start = pos;
        while (pos < end && !isLineBreak(text.charCodeAt(pos))) pos++;
        this.comments.push({ start, end: pos, text: ownCopy(text.slice(start + 1, pos)) });
        continue;
      }
      if (isIdentStart(c)) {
        const start = pos++;
        let h = hashStep(0, c);
        for (; pos < end; pos++) {
          const d = text.charCodeAt(pos);
          if (!isIdentPart(d)) break;
          h = hashStep(h, d);
        }
        this.pos = pos;
        return fill(into, TokenKind.Identifier, start, pos, knownWordAt(text, start, pos, h) ?? ownCopy(text.slice(start, pos)));
      }
      if (isDigit(c)) {
        const start = pos++;
        while (pos < end && isDigit(text.charCodeAt(pos))) pos++;
        this.pos = pos;
        return fill(into, TokenKind.Number, start, pos, ownCopy(text.slice(start, pos)));
      }
      if (c === Ch.Quote) {
        scanString(text, pos, end, this.diagnostics, into);
        this.pos = into.end;
        return into;
      }
      const kind = punctuation[c];
      if (kind !== undefined) {
        this.pos = pos + 1;
        return fill(into, kind, pos, pos + 1, '');
      }
      // A surrogate pair is one character to the user: report and skip both halves.
      const width = c >= 0xd800 && c <= 0xdbff && pos + 1 < end ? 2 : 1;
      const shown = text.slice(pos, pos + width);
      this.diagnostics.push({
        code: 'FARM001',
        start: pos,
        end: pos + width,
        message: `Unexpected character '${printable(shown)}': it starts no token of the farm language.`,
      });
      pos += width;
    }
    this.pos = pos;
    return fill(into, TokenKind.EndOfFile, end, end, '');
  }

}

function fill(t: Token, kind: TokenKind, start: number, end: number, value: string, unterminated = false): Token {
  t.kind = kind;
  t.start = start;
  t.end = end;
  t.value = value;
  t.unterminated = unterminated;
  return t;
}

/**
 * The string as one of its own. V8 makes a substring of 13 characters or
 * more a view into the string it was cut from, and the view keeps all of
 * that string alive. The tree outlives its text: an edit reparses only the
 * blocks it touched, so every untouched node would keep the text of the
 * version it was read from, a whole copy of the file per block edited
 * (4.7 MB each at 10,000 servers; test/core/text-retention.test.ts).
 * Slicing a concatenation makes V8 copy it flat first.
 */
function ownCopy(s: string): string {
  return (' ' + s).slice(1);
}

function isLineBreak(c: number): boolean {
  return c === Ch.LF || c === Ch.CR;
}

function printable(s: string): string {
  const c = s.charCodeAt(0);
  if (c < 32 || c === 127) return `\\u${c.toString(16).padStart(4, '0')}`;
  return s;
}

function scanString(text: string, start: number, end: number, diagnostics: Diagnostic[], into: Token): Token {
  let pos = start + 1;
  let value = '';
  let chunk = pos;
  while (pos < end) {
    const c = text.charCodeAt(pos);
    if (c === Ch.Quote) {
      value += text.slice(chunk, pos);
      pos++;
      return fill(into, TokenKind.String, start, pos, ownCopy(value));
    }
    if (isLineBreak(c)) break;
    if (c === Ch.Backslash && pos + 1 < end) {
      const next = text.charCodeAt(pos + 1);
      const decoded = next === Ch.Quote ? '"' : next === Ch.Backslash ? '\\' : next === Ch.n ? '\n' : next === Ch.t ? '\t' : undefined;
      if (decoded !== undefined) {
        value += text.slice(chunk, pos) + decoded;
        pos += 2;
        chunk = pos;
        continue;
      }
      // Any other escape keeps its backslash: Windows paths stay readable.
    }
    pos++;
  }
  value += text.slice(chunk, pos);
  diagnostics.push({
    code: 'FARM002',
    start,
    end: pos,
    message: 'This string is not closed before the end of the line: add the closing quote (").',
  });
  return fill(into, TokenKind.String, start, pos, ownCopy(value), true);
}
