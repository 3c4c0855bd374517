// Reads LSP messages (a Content-Length header, then a JSON body) from a
// stream. vscode-jsonrpc's own reader keeps a message's chunks until the
// last one arrives and then joins, decodes and parses them: for a didOpen
// of a 4 MB farm that is some 40 ms after the last byte. This one decodes
// each chunk as it arrives (while the client is still writing the rest),
// so only JSON.parse is left when the message is complete.
import { StringDecoder } from 'node:string_decoder';
import { AbstractMessageReader, DataCallback, Disposable, Message } from 'vscode-languageserver/node';

const headerEnd = Buffer.from('\r\n\r\n', 'latin1');

interface ReadableLike {
  on(event: 'data', listener: (chunk: Buffer) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'close' | 'end', listener: () => void): unknown;
  off(event: 'data', listener: (chunk: Buffer) => void): unknown;
}

export class StdioMessageReader extends AbstractMessageReader {
  /** Header bytes received so far (headers are short). */
  private header: Buffer = Buffer.alloc(0);
  /** Bytes of the current body still to come; -1 while reading a header. */
  private remaining = -1;
  private decoder = new StringDecoder('utf8');
  private parts: string[] = [];
  private callback: DataCallback | undefined;
  /** Whether a shutdown request came: leaving without one is an error (exit code 1). */
  shutdownSeen = false;

  constructor(private readonly readable: ReadableLike) {
    super();
  }

  listen(callback: DataCallback): Disposable {
    this.callback = callback;
    const onData = (chunk: Buffer): void => this.onData(chunk);
    this.readable.on('data', onData);
    this.readable.on('error', (error) => this.fireError(error));
    this.readable.on('close', () => this.fireClose());
    this.readable.on('end', () => this.fireClose());
    return { dispose: () => void this.readable.off('data', onData) };
  }

  private onData(chunk: Buffer): void {
    let at = 0;
    while (at < chunk.length) {
      if (this.remaining < 0) {
        at = this.readHeader(chunk, at);
        if (at < 0) return;
        continue;
      }
      const take = Math.min(this.remaining, chunk.length - at);
      this.parts.push(this.decoder.write(chunk.subarray(at, at + take)));
      this.remaining -= take;
      at += take;
      if (this.remaining === 0) this.finishBody();
    }
  }

  /** Consumes header bytes from `chunk` at `at`; the offset after the header, or -1 when it goes on in the next chunk (or was refused). */
  private readHeader(chunk: Buffer, at: number): number {
    const joined = this.header.length ? Buffer.concat([this.header, chunk.subarray(at)]) : chunk.subarray(at);
    const end = joined.indexOf(headerEnd);
    if (end < 0) {
      this.header = Buffer.from(joined);
      return -1;
    }
    const consumed = end + headerEnd.length - this.header.length;
    const text = joined.subarray(0, end).toString('latin1');
    this.header = Buffer.alloc(0);
    let length: number | undefined;
    for (const line of text.split('\r\n')) {
      const colon = line.indexOf(':');
      if (colon < 0) continue;
      const name = line.slice(0, colon).trim().toLowerCase();
      const value = line.slice(colon + 1).trim();
      if (name === 'content-length') length = Number(value);
      if (name === 'content-type' && /charset\s*=/i.test(value) && !/charset\s*=\s*"?utf-?8"?/i.test(value)) {
        this.fireError(new Error(`Unsupported charset in the header: ${value}. Messages are read as UTF-8.`));
        return -1;
      }
    }
    if (length === undefined || !Number.isInteger(length) || length < 0) {
      this.fireError(new Error(`The header must give a Content-Length (got: ${JSON.stringify(text)}).`));
      return -1;
    }
    this.remaining = length;
    if (length === 0) this.finishBody();
    return at + consumed;
  }

  private finishBody(): void {
    const text = this.parts.join('') + this.decoder.end();
    this.parts = [];
    this.decoder = new StringDecoder('utf8');
    this.remaining = -1;
    let message: Message;
    try {
      message = JSON.parse(text) as Message;
    } catch (error) {
      this.fireError(new Error(`A message is not valid JSON: ${(error as Error).message}`));
      return;
    }
    // `null`, a number or an array parses, but is no message (and has no method to read).
    if (typeof message !== 'object' || message === null || Array.isArray(message)) {
      this.fireError(new Error(`A message must be a JSON object, not ${text.length > 40 ? `${text.slice(0, 40)}…` : text}.`));
      return;
    }
    if ((message as { method?: unknown }).method === 'shutdown') this.shutdownSeen = true;
    this.callback?.(message);
  }
}
