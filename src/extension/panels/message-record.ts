// For the editor tests' credential-leak check (issue 22): the whole messages
// a panel and its webview exchanged, kept only after a test switched the
// recording on (the test API's recordPanelMessages), only in memory, and
// bounded, so that a user's panels never hold a copy of their mail.

/** One message as it crossed the webview boundary, as JSON text. */
export interface RecordedMessage {
  to: 'webview' | 'host';
  json: string;
}

/** Per panel: the oldest messages go first once the text passes this. */
const MAX_CHARS = 4 * 1024 * 1024;

let recording = false;

/** Switched on by the editor tests only; off again drops nothing already kept. */
export function recordPanelMessages(on: boolean): void {
  recording = on;
}

export class MessageRecord {
  readonly messages: RecordedMessage[] = [];
  /** Messages pushed out by the bound: a test that must see every one checks this is 0. */
  dropped = 0;
  private chars = 0;

  add(to: RecordedMessage['to'], message: unknown): void {
    if (!recording) return;
    const json = JSON.stringify(message) ?? String(message);
    this.messages.push({ to, json });
    this.chars += json.length;
    while (this.chars > MAX_CHARS && this.messages.length > 1) {
      this.chars -= this.messages.shift()!.json.length;
      this.dropped++;
    }
  }
}
