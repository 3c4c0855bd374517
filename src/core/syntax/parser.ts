import type { Diagnostic } from '../diagnostics';
import { blockKindNames, isBlockKind } from '../language/blocks';
import { exact } from '../exact';
import { nearest } from '../nearest';
import type { Block, FarmFile, ListValue, Name, Property, Value } from './ast';
import { Scanner } from './scanner';
import { Comment, describeToken, Token, TokenKind } from './tokens';
import type { WorkCounter } from '../work-counter';

export interface ParseResult {
  file: FarmFile;
  comments: Comment[];
  /** Syntax diagnostics (FARM001–FARM004), in source order. */
  diagnostics: Diagnostic[];
}

/**
 * Recursive descent with recovery in the manner of TypeScript's parser:
 * every list loop knows its terminators and always makes progress, and each
 * error is reported once before the parser resynchronises at the next line,
 * `;`, `}` or block start.
 */
export function parse(text: string, counter?: WorkCounter): ParseResult {
  return parseRange(text, 0, text.length, counter);
}

export interface RangeParseResult extends ParseResult {
  /**
   * Whether the parse ran into the end of the range inside a construct (a
   * block, a list, a skipped body): the text after the range would have
   * been read as part of it, so the range cannot stand alone.
   */
  truncated: boolean;
}

/** Parses `text[start, end)` as if it were a whole file, with offsets into `text`. */
export function parseRange(text: string, start: number, end: number, counter?: WorkCounter): RangeParseResult {
  const scanner = new Scanner(text, start, end);
  const parser = new Parser(text, new TokenBuffer(scanner, counter), counter);
  const file = parser.parseFile();
  const diagnostics = [...scanner.diagnostics, ...parser.diagnostics].sort((a, b) => a.start - b.start);
  return { file, comments: scanner.comments, diagnostics, truncated: parser.truncated };
}

/**
 * The tokens the parser may still look at: scanned on demand, released after
 * each top-level block, so a large file never holds all its tokens at once.
 */
class TokenBuffer {
  private readonly tokens: Token[] = [];
  /** Index (in the whole stream) of tokens[0]. */
  private base = 0;
  private eof: Token | undefined;

  constructor(
    private readonly scanner: Scanner,
    private readonly counter: WorkCounter | undefined,
  ) {}

  get(index: number): Token {
    while (index - this.base >= this.tokens.length) {
      if (this.eof) return this.eof;
      const t = this.scanner.next();
      this.counter?.add('tokens');
      if (t.kind === TokenKind.EndOfFile) this.eof = t;
      this.tokens.push(t);
    }
    return this.tokens[index - this.base];
  }

  /** Forgets the tokens before `index` (they are never looked at again). */
  release(index: number): void {
    const k = Math.min(index - this.base, this.tokens.length);
    if (k <= 0) return;
    this.tokens.splice(0, k);
    this.base += k;
  }
}

/** Deeper than any farm value (lists of names, at most one level), shallow enough for any stack. */
const MAX_LIST_DEPTH = 64;

class Parser {
  readonly diagnostics: Diagnostic[] = [];
  truncated = false;
  private i = 0;
  private lastErrorAt = -1;
  /** Lists open around the current token: the recursion depth of parseList. */
  private listDepth = 0;

  constructor(
    private readonly text: string,
    private readonly tokens: TokenBuffer,
    private readonly counter?: WorkCounter,
  ) {}

  private get tok(): Token {
    return this.tokens.get(this.i);
  }
  private at(offset: number): Token {
    return this.tokens.get(Math.max(0, this.i + offset));
  }
  private is(kind: TokenKind): boolean {
    return this.tokens.get(this.i).kind === kind;
  }

  private error(token: Token, message: string): void {
    // One position, one diagnostic: a recovery path never reports twice where it stands.
    if (token.kind === TokenKind.EndOfFile) this.truncated = true;
    if (token.start === this.lastErrorAt) return;
    this.lastErrorAt = token.start;
    this.diagnostics.push({ code: 'FARM003', start: token.start, end: token.end, message });
  }

  private found(token: Token = this.tok): string {
    return describeToken(token, this.text);
  }

  parseFile(): FarmFile {
    const file: FarmFile = { blocks: [], unknownBlocks: [] };
    while (!this.is(TokenKind.EndOfFile)) {
      const before = this.i;
      const t = this.tok;
      if (t.kind === TokenKind.Newline || t.kind === TokenKind.Semicolon) {
        this.i++;
      } else if (t.kind === TokenKind.Identifier && isBlockKind(t.value)) {
        file.blocks.push(this.parseBlock());
      } else if (t.kind === TokenKind.Identifier) {
        file.unknownBlocks.push(this.skipUnknownBlock());
      } else {
        this.error(t, `Expected a block kind (${blockKindNames.join(', ')}), found ${this.found()}.`);
        this.skipTopLevelJunk();
      }
      if (this.i === before) this.i++;
      // Nothing before the previous token is looked at again.
      this.tokens.release(this.i - 1);
    }
    return file;
  }

  private name(t: Token): Name {
    return { text: t.value, start: t.start, end: t.end };
  }

  private skipUnknownBlock(): { kind: Name; span: { start: number; end: number } } {
    const word = this.tok;
    const suggestion = nearest(word.value, blockKindNames);
    const fixes = suggestion
      ? [{ title: `Change to '${suggestion}'`, edits: [{ start: word.start, end: word.end, newText: suggestion }], unambiguous: true }]
      : undefined;
    this.diagnostics.push({
      code: 'FARM004',
      start: word.start,
      end: word.end,
      message: `Unknown block kind '${word.value}'${suggestion ? `: did you mean '${suggestion}'?` : '.'} A block starts with one of ${blockKindNames.join(', ')}.`,
      fixes,
    });
    this.i++;
    // Its body is skipped whole: the brace on the same line opens it.
    while (!this.is(TokenKind.Newline) && !this.is(TokenKind.EndOfFile) && !this.is(TokenKind.OpenBrace)) this.i++;
    if (this.is(TokenKind.OpenBrace)) this.skipBalanced(TokenKind.OpenBrace, TokenKind.CloseBrace);
    else if (this.is(TokenKind.EndOfFile)) this.truncated = true;
    return { kind: this.name(word), span: { start: word.start, end: this.at(-1).end } };
  }

  /** Skips the rest of a line at top level; a `{` on it takes its whole body along. */
  private skipTopLevelJunk(): void {
    if (this.is(TokenKind.CloseBrace)) {
      this.i++;
      return;
    }
    while (!this.is(TokenKind.Newline) && !this.is(TokenKind.EndOfFile) && !this.is(TokenKind.Semicolon)) {
      if (this.is(TokenKind.OpenBrace)) this.skipBalanced(TokenKind.OpenBrace, TokenKind.CloseBrace);
      else this.i++;
    }
    if (this.is(TokenKind.EndOfFile)) this.truncated = true;
  }

  /** At an opening token: moves past its matching closer (or to the end of the file). */
  private skipBalanced(open: TokenKind, close: TokenKind): void {
    let depth = 0;
    while (!this.is(TokenKind.EndOfFile)) {
      const k = this.tok.kind;
      this.i++;
      if (k === open) depth++;
      else if (k === close && --depth === 0) return;
    }
    this.truncated = true;
  }

  private parseBlock(): Block {
    const kindTok = this.tok;
    this.i++;
    this.counter?.add('nodes');
    const block: Block = { kind: kindTok.value, start: kindTok.start, end: kindTok.end, name: undefined, open: undefined, close: undefined, properties: [] };
    let reported = false;
    if (this.is(TokenKind.Identifier)) {
      block.name = this.name(this.tok);
      this.i++;
    } else {
      this.error(this.tok, `Expected a name after '${kindTok.value}', found ${this.found()}.`);
      reported = true;
      if (this.is(TokenKind.String) || this.is(TokenKind.Number)) this.i++;
    }
    if (this.is(TokenKind.OpenBrace)) {
      block.open = this.tok.start;
      this.i++;
    } else {
      if (!reported) {
        const what = block.name ? `'${kindTok.value} ${block.name.text}'` : `'${kindTok.value}'`;
        this.error(this.tok, `Expected '{' after ${what}, found ${this.found()}.`);
      }
      // When the next line reads like a property, the brace was forgotten:
      // read the body anyway rather than turn every property into an error.
      if (!this.bodyFollows()) {
        this.skipTopLevelJunk();
        block.end = this.at(-1).end;
        return block;
      }
    }
    this.parseBody(block);
    block.properties = exact(block.properties);
    return block;
  }

  private bodyFollows(): boolean {
    let j = this.i;
    while (this.tokens.get(j).kind === TokenKind.Newline) j++;
    // A decision taken by looking at the end of a range would change with what follows it.
    if (this.tokens.get(j).kind === TokenKind.EndOfFile || this.tokens.get(j + 1).kind === TokenKind.EndOfFile) this.truncated = true;
    return this.tokens.get(j).kind === TokenKind.Identifier && this.tokens.get(j + 1).kind === TokenKind.Equals;
  }

  private parseBody(block: Block): void {
    // The index only grows, so standing where the last round stood means no progress was made.
    let last = -1;
    for (;;) {
      if (this.i === last) this.i++; // guarantees progress whatever the input
      last = this.i;
      const t = this.tok;
      if (t.kind === TokenKind.Newline || t.kind === TokenKind.Semicolon) {
        this.i++;
        continue;
      }
      if (t.kind === TokenKind.CloseBrace) {
        block.close = t.start;
        this.i++;
        block.end = t.end;
        return;
      }
      if (t.kind === TokenKind.EndOfFile) {
        this.truncated = true;
        this.error(t, `Expected '}' to close block ${blockLabel(block)}, found end of file.`);
        block.end = t.start;
        return;
      }
      if (t.kind === TokenKind.Identifier) {
        const next = this.at(1);
        if (next.kind === TokenKind.Equals) {
          this.parseProperty(block);
          continue;
        }
        if (isBlockKind(t.value) && this.startsLine() && (next.kind === TokenKind.Identifier || next.kind === TokenKind.OpenBrace)) {
          this.error(t, `Expected '}' to close block ${blockLabel(block)} before the next block, found ${this.found()}.`);
          block.end = this.at(-1).end;
          return;
        }
        this.error(next, `Expected '=' after '${t.value}', found ${this.found(next)}.`);
        this.i++;
        this.skipToPropertyEnd();
        continue;
      }
      this.error(t, `Expected a property name or '}', found ${this.found()}.`);
      if (t.kind === TokenKind.OpenBrace) this.skipBalanced(TokenKind.OpenBrace, TokenKind.CloseBrace);
      else this.skipToPropertyEnd();
    }
  }

  /** Whether the current token is the first on its line. */
  private startsLine(): boolean {
    if (this.i === 0) return true;
    const prev = this.tokens.get(this.i - 1);
    return prev.kind === TokenKind.Newline || prev.kind === TokenKind.CloseBrace;
  }

  /** Skips to the end of the property: newline, `;`, `}` or end of file (not consumed). */
  private skipToPropertyEnd(): void {
    for (;;) {
      const k = this.tok.kind;
      if (k === TokenKind.Newline || k === TokenKind.Semicolon || k === TokenKind.CloseBrace || k === TokenKind.EndOfFile) return;
      if (k === TokenKind.OpenBrace) this.skipBalanced(TokenKind.OpenBrace, TokenKind.CloseBrace);
      else this.i++;
    }
  }

  private parseProperty(block: Block): void {
    this.counter?.add('nodes');
    const keyTok = this.tok;
    this.i += 2; // key and '='
    const property: Property = { key: keyTok.value, start: keyTok.start, end: this.at(-1).end, value: undefined };
    block.properties.push(property);
    const value = this.parseValue(keyTok.value);
    if (!value) {
      this.skipToPropertyEnd();
      return;
    }
    property.value = value;
    property.end = value.end;
    const k = this.tok.kind;
    if (k !== TokenKind.Newline && k !== TokenKind.Semicolon && k !== TokenKind.CloseBrace && k !== TokenKind.EndOfFile) {
      this.error(this.tok, `Expected the end of the line or ';' after the value of '${keyTok.value}', found ${this.found()}.`);
      this.skipToPropertyEnd();
    }
  }

  /** `key`: the property's key, for the message when no value is there; none inside a list. */
  private parseValue(key?: string): Value | undefined {
    this.counter?.add('nodes');
    const t = this.tok;
    switch (t.kind) {
      case TokenKind.String:
        this.i++;
        return { type: 'string', value: t.value, start: t.start, end: t.end };
      case TokenKind.Number:
        this.i++;
        return { type: 'number', value: Number(t.value), text: t.value, start: t.start, end: t.end };
      case TokenKind.Identifier:
        this.i++;
        if (t.value === 'true' || t.value === 'false') return { type: 'boolean', value: t.value === 'true', start: t.start, end: t.end };
        return { type: 'identifier', name: t.value, start: t.start, end: t.end };
      case TokenKind.OpenBracket:
        return this.parseList();
      default:
        this.error(t, `Expected a value ${key === undefined ? 'in the list' : `after '${key} ='`} (a string, number, true/false, name or [list]), found ${this.found()}.`);
        return undefined;
    }
  }

  private parseList(): ListValue {
    if (this.listDepth >= MAX_LIST_DEPTH) return this.skipDeepList();
    this.listDepth++;
    try {
      return this.parseListElements();
    } finally {
      this.listDepth--;
    }
  }

  /**
   * A list nested past MAX_LIST_DEPTH is read without recursion (the stack
   * is the limit otherwise): one error, then everything up to its matching
   * `]`, or the end of the block or file, stands as an empty list.
   */
  private skipDeepList(): ListValue {
    const open = this.tok;
    this.error(open, `Lists nest more than ${MAX_LIST_DEPTH} deep here; no farm property takes such a value.`);
    const list: ListValue = { type: 'list', elements: [], closed: false, start: open.start, end: open.end };
    let depth = 0;
    for (;;) {
      const t = this.tok;
      if (t.kind === TokenKind.EndOfFile || t.kind === TokenKind.CloseBrace) {
        if (t.kind === TokenKind.EndOfFile) this.truncated = true;
        return list;
      }
      this.i++;
      list.end = t.end;
      if (t.kind === TokenKind.OpenBracket) depth++;
      else if (t.kind === TokenKind.CloseBracket && --depth === 0) {
        list.closed = true;
        return list;
      }
    }
  }

  private parseListElements(): ListValue {
    const open = this.tok;
    this.i++;
    const list: ListValue = { type: 'list', elements: [], closed: false, start: open.start, end: open.end };
    let crossedLine = false;
    for (;;) {
      while (this.is(TokenKind.Newline)) {
        crossedLine = true;
        this.i++;
      }
      const t = this.tok;
      if (t.kind === TokenKind.CloseBracket) {
        this.i++;
        list.closed = true;
        list.end = t.end;
        list.elements = exact(list.elements);
        return list;
      }
      const nextIsProperty = t.kind === TokenKind.Identifier && this.at(1).kind === TokenKind.Equals && crossedLine;
      if (t.kind === TokenKind.EndOfFile) this.truncated = true;
      if (t.kind === TokenKind.EndOfFile || t.kind === TokenKind.CloseBrace || t.kind === TokenKind.Semicolon || nextIsProperty) {
        this.error(t, `Expected ']' to close the list, found ${this.found()}.`);
        list.elements = exact(list.elements);
        return list;
      }
      const value = this.parseValue();
      if (!value) {
        this.i++; // the error is reported; step over the token that could not start a value
        continue;
      }
      list.elements.push(value);
      list.end = value.end;
      crossedLine = false;
      while (this.is(TokenKind.Newline)) {
        crossedLine = true;
        this.i++;
      }
      const after = this.tok;
      if (after.kind === TokenKind.Comma) {
        this.i++;
        continue;
      }
      if (after.kind === TokenKind.String || after.kind === TokenKind.Number || after.kind === TokenKind.OpenBracket ||
          (after.kind === TokenKind.Identifier && !(crossedLine && this.at(1).kind === TokenKind.Equals))) {
        this.error(after, `Expected ',' or ']' after a list element, found ${this.found(after)}.`);
      }
    }
  }
}

/** How messages name a block: made only when one is reported. */
function blockLabel(block: Block): string {
  return block.name ? `'${block.name.text}'` : `'${block.kind}'`;
}
