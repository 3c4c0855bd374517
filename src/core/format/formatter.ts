// The canonical layout: two-space indent, `=` aligned within a block, lists
// on one line when they fit in 100 columns, one blank line between
// top-level blocks, comments kept where they were. A block written on one
// line stays on one line while it fits and holds no comment.
import type { Block, FarmFile, Property, Value } from '../syntax/ast';
import { parse } from '../syntax/parser';
import type { Comment } from '../syntax/tokens';
import { LineMap } from '../line-map';

const maxWidth = 100;

export type FormatResult = { ok: true; text: string } | { ok: false; reason: string };

export function format(text: string): FormatResult {
  const parsed = parse(text);
  if (parsed.diagnostics.length > 0) {
    return { ok: false, reason: `it has ${parsed.diagnostics.length} syntax error${parsed.diagnostics.length > 1 ? 's' : ''}; fix ${parsed.diagnostics.length > 1 ? 'them' : 'it'} first` };
  }
  return { ok: true, text: new Printer(text, parsed.file, parsed.comments).print() };
}

class Printer {
  private readonly lines: LineMap;
  private readonly out: string[] = [];
  private readonly eol: string;

  constructor(
    private readonly text: string,
    private readonly file: FarmFile,
    private readonly comments: Comment[],
  ) {
    this.lines = new LineMap(text);
    const firstBreak = /\r\n|\r|\n/.exec(text);
    this.eol = firstBreak ? firstBreak[0] : '\n';
  }

  private line(offset: number): number {
    return this.lines.lineOf(offset);
  }

  private commentsIn(start: number, end: number): Comment[] {
    return this.comments.filter((c) => c.start >= start && c.start < end);
  }

  private commentText(c: Comment): string {
    return ('#' + c.text).replace(/\s+$/, '');
  }

  /** Whether a blank line separates two offsets in the source. */
  private blankBetween(endOfFirst: number, startOfSecond: number): boolean {
    return this.line(startOfSecond) - this.line(endOfFirst) > 1;
  }

  print(): string {
    type Item = { start: number; end: number; block?: Block; comment?: Comment };
    const items: Item[] = this.file.blocks.map((b) => ({ start: b.start, end: b.end, block: b }));
    for (const c of this.comments) {
      if (!this.file.blocks.some((b) => c.start > b.start && c.start < b.end)) items.push({ start: c.start, end: c.end, comment: c });
    }
    items.sort((a, b) => a.start - b.start);
    let previous: Item | undefined;
    for (const item of items) {
      if (item.comment && previous && this.line(item.start) === this.line(previous.end)) {
        // A comment after a block's closing brace stays on that line.
        this.out[this.out.length - 1] += '  ' + this.commentText(item.comment);
        previous = { ...previous, end: item.end };
        continue;
      }
      if (previous) {
        const tight = previous.comment && !this.blankBetween(previous.end, item.start);
        if (!tight) this.out.push('');
      }
      if (item.comment) this.out.push(this.commentText(item.comment));
      else this.printBlock(item.block!);
      previous = item;
    }
    return this.out.join(this.eol) + (this.out.length ? this.eol : '');
  }

  private header(block: Block): string {
    return block.name ? `${block.kind} ${block.name.text}` : block.kind;
  }

  private printBlock(block: Block): void {
    const open = block.open!;
    const close = block.close!;
    const inner = this.commentsIn(open, close);
    const properties = block.properties;
    if (this.line(open) === this.line(close) && inner.length === 0) {
      const body = properties.map((p) => `${p.key} = ${this.inlineValue(p.value!)}`).join('; ');
      const oneLine = body ? `${this.header(block)} { ${body} }` : `${this.header(block)} {}`;
      if (oneLine.length <= maxWidth) {
        this.out.push(oneLine);
        return;
      }
    }
    const width = Math.max(0, ...properties.map((p) => p.key.length));
    const firstProperty = properties[0];
    const headerComment = inner.find((c) => this.line(c.start) === this.line(open) && (!firstProperty || c.start < firstProperty.start));
    this.out.push(this.header(block) + ' {' + (headerComment ? '  ' + this.commentText(headerComment) : ''));

    let lastEnd = open;
    const used = new Set<Comment>(headerComment ? [headerComment] : []);
    properties.forEach((p, i) => {
      const next = properties[i + 1];
      // Own-line comments before this property.
      for (const c of inner) {
        if (used.has(c) || c.start >= p.start || c.start < lastEnd) continue;
        used.add(c);
        if (this.out.length > 1 && this.blankBetween(lastEnd, c.start) && lastEnd !== open) this.out.push('');
        this.out.push('  ' + this.commentText(c));
        lastEnd = c.end;
      }
      if (lastEnd !== open && this.blankBetween(lastEnd, p.start) && this.out[this.out.length - 1] !== '') this.out.push('');
      // The trailing comment: on this property's last line, before the next property.
      const limit = next ? next.start : close;
      const trailing = inner.find((c) => !used.has(c) && c.start >= p.end && c.start < limit && this.line(c.start) === this.line(p.end) && !(next && this.line(next.start) === this.line(p.end)));
      if (trailing) used.add(trailing);
      const list = p.value?.type === 'list' ? p.value : undefined;
      const listComments = list ? inner.filter((c) => c.start > list.start && c.start < list.end) : [];
      listComments.forEach((c) => used.add(c));
      this.printProperty(p, width, trailing, listComments);
      lastEnd = trailing ? trailing.end : p.end;
    });
    for (const c of inner) {
      if (used.has(c)) continue;
      if (lastEnd !== open && this.blankBetween(lastEnd, c.start)) this.out.push('');
      this.out.push('  ' + this.commentText(c));
      lastEnd = c.end;
    }
    this.out.push('}');
  }

  private printProperty(p: Property, width: number, trailing: Comment | undefined, listComments: Comment[]): void {
    const lead = `  ${p.key.padEnd(width)} = `;
    const tail = trailing ? '  ' + this.commentText(trailing) : '';
    const value = p.value!;
    if (value.type === 'list' && listComments.length === 0) {
      const inline = lead + this.inlineValue(value) + tail;
      if (inline.length <= maxWidth || value.elements.length === 0) {
        this.out.push(inline);
        return;
      }
    }
    if (value.type !== 'list') {
      this.out.push(lead + this.inlineValue(value) + tail);
      return;
    }
    // The property's trailing comment goes after the closing bracket: after `[` it would be read back as the list's own.
    this.out.push(lead + '[');
    let lastEnd = value.start;
    value.elements.forEach((e, i) => {
      const next = value.elements[i + 1];
      for (const c of listComments) {
        if (c.start > lastEnd && c.start < e.start && this.line(c.start) !== this.line(lastEnd)) this.out.push('    ' + this.commentText(c));
      }
      const after = listComments.find((c) => c.start >= e.end && (!next || c.start < next.start) && this.line(c.start) === this.line(e.end));
      this.out.push(`    ${this.inlineValue(e)},` + (after ? '  ' + this.commentText(after) : ''));
      lastEnd = after ? after.end : e.end;
    });
    for (const c of listComments) {
      if (c.start > lastEnd && this.line(c.start) !== this.line(lastEnd)) this.out.push('    ' + this.commentText(c));
    }
    this.out.push('  ]' + tail);
  }

  private inlineValue(v: Value): string {
    switch (v.type) {
      case 'string':
        return this.text.slice(v.start, v.end);
      case 'number':
        return v.text;
      case 'boolean':
        return String(v.value);
      case 'identifier':
        return v.name;
      case 'list':
        return '[' + v.elements.map((e) => this.inlineValue(e)).join(', ') + ']';
    }
  }
}
