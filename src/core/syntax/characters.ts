// The character codes the scanner tests, and the
// character classes of the language's words (letters, digits, `_`, `-`).

export const enum Ch {
  Tab = 9,
  LF = 10,
  CR = 13,
  Space = 32,
  Quote = 34,
  Hash = 35,
  Comma = 44,
  Minus = 45,
  Zero = 48,
  Nine = 57,
  Semicolon = 59,
  Equals = 61,
  A = 65,
  Z = 90,
  OpenBracket = 91,
  Backslash = 92,
  CloseBracket = 93,
  Underscore = 95,
  a = 97,
  n = 110,
  t = 116,
  z = 122,
  OpenBrace = 123,
  CloseBrace = 125,
}

export function isIdentStart(c: number): boolean {
  return (c >= Ch.a && c <= Ch.z) || (c >= Ch.A && c <= Ch.Z) || c === Ch.Underscore;
}

export function isDigit(c: number): boolean {
  return c >= Ch.Zero && c <= Ch.Nine;
}

export function isIdentPart(c: number): boolean {
  return isIdentStart(c) || isDigit(c) || c === Ch.Minus;
}
