// The status line of the contacts and tasks panels: every state that is not
// data — off, loading, and each OfficeFailure with the action it implies
// (sign in, re-enter, wait for the countdown, retry).
import { button, progressRing } from '../components';
import type { InboxNotice, OfficeFailure } from '../protocol';
import { text } from './dom';

export type StatusAction = 'signIn' | 'retry';

/** A spinner only when loading lasts: a quick answer should not flash one. */
const RING_DELAY_MS = 200;

export class StatusLine {
  private ringTimer: ReturnType<typeof setTimeout> | undefined;
  private countdown: ReturnType<typeof setInterval> | undefined;

  constructor(
    readonly element: HTMLElement,
    /** What the panel shows, for sentences: "contacts", "tasks". */
    private readonly what: string,
    private readonly act: (action: StatusAction) => void,
  ) {
    element.className = 'status';
    element.setAttribute('role', 'status');
    element.setAttribute('aria-live', 'polite');
  }

  private reset(state: string): void {
    clearTimeout(this.ringTimer);
    clearInterval(this.countdown);
    this.element.replaceChildren();
    this.element.className = 'status';
    this.element.dataset.state = state;
  }

  notice(notice: InboxNotice): void {
    this.reset(notice.state);
    if (notice.state === 'disabled') {
      this.element.append(text('p', `The ${this.what} panel is off: ${notice.reason}.`));
      return;
    }
    this.element.append(text('span', 'Loading…'));
    this.ringTimer = setTimeout(() => this.element.prepend(progressRing('Loading')), RING_DELAY_MS);
  }

  message(state: string, sentence: string): void {
    this.reset(state);
    this.element.append(text('span', sentence));
  }

  failure(f: OfficeFailure, retryAt: number | undefined): void {
    this.reset(f.state);
    this.element.classList.add('failure');
    const el = this.element;
    const heading = (s: string) => el.append(text('p', s));
    const retry = () => el.append(button('Retry', { action: () => this.act('retry') }));
    switch (f.state) {
      case 'signed-out':
        heading(`Sign in to ${f.server} to see these ${this.what}${f.account ? ` (as ${f.account})` : ''}.`);
        el.append(button('Sign in', { appearance: 'primary', action: () => this.act('signIn') }));
        return;
      case 'wrong-credentials':
        heading(`The server refused the credentials${f.httpStatus ? ` (HTTP ${f.httpStatus})` : ''}.`);
        el.append(button('Re-enter credentials', { appearance: 'primary', action: () => this.act('signIn') }));
        return;
      case 'no-such-mailbox':
        heading(`There is no mailbox ${f.mailbox} on this server. Check the user block's address.`);
        retry();
        return;
      case 'access-denied':
        heading(`This account may not open ${f.mailbox}: sign in as that user.`);
        el.append(button('Sign in as someone else', { action: () => this.act('signIn') }));
        return;
      case 'throttled': {
        const line = text('p', '');
        el.append(line);
        const tick = () => {
          const left = retryAt ? Math.max(0, Math.ceil((retryAt - Date.now()) / 1000)) : undefined;
          line.textContent = left !== undefined ? `The server is busy. Retrying in ${left} s, as it asked.` : 'The server is busy.';
        };
        tick();
        if (retryAt) this.countdown = setInterval(tick, 1000);
        else retry();
        return;
      }
      case 'timeout':
        heading(`${f.host} did not answer within ${Math.round(f.timeoutMs / 1000)} s (office-farm.network.timeoutMs).`);
        retry();
        return;
      case 'unreachable':
        heading(`${f.host} cannot be reached (${f.code}). Check the host name and office-farm.network.connectTo.`);
        retry();
        return;
      case 'tls': {
        const what = {
          untrusted: 'is issued by a certificate authority this computer does not trust: add its CA to office-farm.network.ca',
          'wrong-host': `is not issued for ${f.host}`,
          expired: 'has expired',
          'not-yet-valid': 'is not valid yet',
          handshake: 'could not be negotiated',
        }[f.problem];
        heading(`The TLS certificate of ${f.host} ${what} (${f.code}).`);
        retry();
        return;
      }
      case 'too-large':
        heading(`The server's answer was larger than ${Math.round(f.maxBytes / 1024)} KiB and was not read.`);
        retry();
        return;
      case 'malformed':
        heading(`The server's answer is not EWS: ${f.detail}`);
        retry();
        return;
      case 'server-fault':
        heading(`The server failed the request${f.responseCode ? ` (${f.responseCode})` : ''}: ${f.detail}`);
        retry();
        return;
      case 'insecure':
        heading(`Credentials are not sent to ${f.url}: ${f.detail}.`);
        return;
    }
  }
}
