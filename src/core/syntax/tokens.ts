export const enum TokenKind {
  Identifier,
  String,
  Number,
  OpenBrace,
  CloseBrace,
  OpenBracket,
  CloseBracket,
  Equals,
  Comma,
  Semicolon,
  Newline,
  EndOfFile,
}

export interface Token {
  kind: TokenKind;
  start: number;
  end: number;
  /** Identifier and number: the source text; string: the decoded value. */
  value: string;
  /** String only: no closing quote before the end of the line. */
  unterminated: boolean;
}

export function newToken(): Token {
  return { kind: TokenKind.EndOfFile, start: 0, end: 0, value: '', unterminated: false };
}

export interface Comment {
  start: number;
  end: number;
  /** Text after the `#`. */
  text: string;
}

export function describeToken(token: Token, source: string): string {
  switch (token.kind) {
    case TokenKind.EndOfFile:
      return 'end of file';
    case TokenKind.Newline:
      return 'end of line';
    case TokenKind.String:
      return 'a string';
    case TokenKind.Number:
      return `the number ${token.value}`;
    case TokenKind.Identifier:
      return `'${token.value}'`;
    default:
      return `'${source.slice(token.start, token.end)}'`;
  }
}
