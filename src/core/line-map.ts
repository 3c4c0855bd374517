// Offsets ⇄ LSP positions (0-based lines, UTF-16 columns: JavaScript string
// indices are UTF-16 already). A line ends at LF, CRLF or a lone CR.

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

function lineStartsIn(text: string, from: number, to: number, starts: number[]): void {
  // indexOf runs natively; most files have no CR at all, and then LF is the only break.
  const cr = text.indexOf('\r', from);
  if (cr === -1 || cr >= to) {
    for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return;
  }
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10) {
      starts.push(i + 1);
    }
  }
}

export class LineMap {
  /** Made on first use: diagnostics of a valid file need no positions, and a large file has a hundred thousand lines. */
  private made: number[] | undefined;

  constructor(
    private readonly text: string,
    starts?: number[],
  ) {
    this.made = starts;
  }

  /** The offset where each line starts. */
  get starts(): number[] {
    if (!this.made) {
      this.made = [0];
      lineStartsIn(this.text, 0, this.text.length, this.made);
    }
    return this.made;
  }

  /**
   * The map of `text`, which is this map's text with `change` applied: the
   * lines before the change are kept, those after it are moved.
   */
  edited(text: string, change: { start: number; oldEnd: number; newEnd: number }): LineMap {
    // Never used, so nothing to carry over.
    if (!this.made) return new LineMap(text);
    const delta = change.newEnd - change.oldEnd;
    const old = this.made;
    // Re-read from the line before the change: a CR before it may now pair with an LF.
    const keep = Math.max(0, this.lineOf(change.start) - 1);
    // Past the change, old line starts hold again once a line break is crossed.
    let resume = old.length;
    for (let k = this.lineOf(change.oldEnd) + 1; k < old.length; k++) {
      if (old[k] > change.oldEnd + 1) {
        resume = k;
        break;
      }
    }
    const scanTo = resume < old.length ? old[resume] + delta : text.length;
    const fresh: number[] = [];
    lineStartsIn(text, old[keep], scanTo, fresh);
    if (fresh.length && fresh[fresh.length - 1] === scanTo && resume < old.length) fresh.pop();
    // In place: this map belongs to the consumed analysis, and a new array
    // of every line start on each keystroke would only feed the collector.
    for (let k = resume; k < old.length; k++) old[k] += delta;
    if (fresh.length < 4096) old.splice(keep + 1, resume - keep - 1, ...fresh);
    else return new LineMap(text, old.slice(0, keep + 1).concat(fresh, old.slice(resume)));
    return new LineMap(text, old);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  lineOf(offset: number): number {
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  position(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineOf(clamped);
    return { line, character: clamped - this.starts[line] };
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(end) };
  }

  /** The offset of a position; a character past the line's end stops at it. */
  offset(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.starts.length) return this.text.length;
    const start = this.starts[position.line];
    const next = position.line + 1 < this.starts.length ? this.starts[position.line + 1] : this.text.length;
    let lineEnd = next;
    while (lineEnd > start && (this.text.charCodeAt(lineEnd - 1) === 10 || this.text.charCodeAt(lineEnd - 1) === 13)) lineEnd--;
    return Math.min(start + Math.max(0, position.character), lineEnd);
  }
}
