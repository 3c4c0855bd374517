// The inbox drawn from its model: a header (mailbox, site link, search,
// refresh), a status line for every state that is not data, a virtualised
// message list, and the reader. Server text only ever reaches the page as
// textContent, except the mail body, which goes through mail-body.ts.
import { button, progressRing, searchField } from '../components';
import type { InboxFolderInfo, InboxNotice, InboxTarget, InboxToHost, MessageDetail, MessageSummary, OfficeFailure } from '../protocol';
import { sanitiseBody } from './mail-body';
import { PAGE_SIZE, ROW_HEIGHT, pagesFor, rowWindow } from './virtual-window';

export interface InboxModel {
  target?: InboxTarget;
  account?: string;
  notice?: InboxNotice;
  failure?: { failure: OfficeFailure; retryAt?: number };
  generation: number;
  folder?: InboxFolderInfo;
  total: number;
  search: string;
  pages: Map<number, MessageSummary[]>;
  requested: Set<number>;
  activeIndex: number;
  selectedId?: string;
  message?: { detail: MessageDetail; remoteImages: boolean };
  /** The reader waits for this message. */
  opening?: string;
}

export function emptyModel(): InboxModel {
  return { generation: -1, total: 0, search: '', pages: new Map(), requested: new Set(), activeIndex: 0 };
}

type Post = (m: InboxToHost) => void;

/** A spinner only when loading lasts: a quick answer should not flash one. */
const RING_DELAY_MS = 200;

export class InboxView {
  private readonly title = el('h1', 'title');
  private readonly siteLink = el('a', 'site-link');
  private readonly status = el('div', 'status');
  private readonly list = el('div', 'list');
  private readonly spacer = el('div', 'spacer');
  private readonly reader = el('section', 'reader');
  private ringTimer: ReturnType<typeof setTimeout> | undefined;
  private countdown: ReturnType<typeof setInterval> | undefined;

  constructor(
    root: HTMLElement,
    private readonly model: InboxModel,
    private readonly post: Post,
    private readonly saveState: () => void,
  ) {
    const header = el('header', 'header');
    this.siteLink.textContent = 'SharePoint site';
    this.siteLink.setAttribute('href', '#');
    this.siteLink.addEventListener('click', (e) => {
      e.preventDefault();
      post({ type: 'openSite' });
    });
    const search = searchField('Search subject or sender', model.search, (text) => post({ type: 'search', text }));
    search.classList.add('search');
    header.append(this.title, this.siteLink, search, button('Refresh', { action: () => post({ type: 'refresh' }), title: 'Refresh the inbox' }));
    this.status.setAttribute('role', 'status');
    this.status.setAttribute('aria-live', 'polite');
    this.list.setAttribute('role', 'listbox');
    this.list.setAttribute('aria-label', 'Messages');
    this.list.tabIndex = 0;
    this.list.append(this.spacer);
    this.list.addEventListener('scroll', () => {
      this.renderRows();
      this.saveState();
    });
    this.list.addEventListener('keydown', (e) => this.onListKey(e));
    this.reader.setAttribute('aria-label', 'Message');
    this.reader.addEventListener('click', (e) => {
      const a = (e.target as Element).closest?.('a');
      if (!a || !this.reader.querySelector('.body')?.contains(a)) return;
      e.preventDefault();
      const href = a.getAttribute('href');
      if (href) post({ type: 'openLink', url: href });
    });
    const split = el('main', 'split');
    split.append(this.list, this.reader);
    root.append(header, this.status, split);
    new ResizeObserver(() => this.renderRows()).observe(this.list);
  }

  get scrollTop(): number {
    return this.list.scrollTop;
  }

  set scrollTop(value: number) {
    this.list.scrollTop = value;
  }

  render(): void {
    this.renderList();
    this.renderReader();
  }

  /** Everything but the reader: a page arriving must not redraw (and rescroll) the message being read. */
  renderList(): void {
    const m = this.model;
    this.title.textContent = m.target ? `${m.target.name} — ${m.target.address}` : 'Site mailbox';
    this.siteLink.hidden = !m.target;
    if (m.target) this.siteLink.title = m.target.site;
    this.renderStatus();
    this.spacer.style.height = `${m.total * ROW_HEIGHT}px`;
    this.list.setAttribute('aria-rowcount', String(m.total));
    this.renderRows();
  }

  private renderStatus(): void {
    const m = this.model;
    clearTimeout(this.ringTimer);
    clearInterval(this.countdown);
    this.status.replaceChildren();
    this.status.className = 'status';
    const showData = !m.failure && m.notice?.state !== 'disabled';
    this.list.hidden = !showData;
    this.reader.hidden = !showData;
    if (m.failure) {
      this.status.classList.add('failure');
      this.status.dataset.state = m.failure.failure.state;
      this.renderFailure(m.failure.failure, m.failure.retryAt);
      return;
    }
    if (m.notice?.state === 'disabled') {
      this.status.dataset.state = 'disabled';
      this.status.append(text('p', `The inbox is off: ${m.notice.reason}.`));
      return;
    }
    if (m.notice?.state === 'loading' || m.generation < 0) {
      this.status.dataset.state = 'loading';
      const words = text('span', 'Loading…');
      this.status.append(words);
      this.ringTimer = setTimeout(() => this.status.prepend(progressRing('Loading')), RING_DELAY_MS);
      return;
    }
    if (m.total === 0) {
      this.status.dataset.state = 'empty';
      this.status.append(text('p', m.search ? `No message matches “${m.search}”.` : 'The inbox is empty.'));
      return;
    }
    this.status.dataset.state = 'data';
    const f = m.folder;
    this.status.append(text('span', m.search ? `${m.total} messages match “${m.search}”` : `${m.total} messages${f ? `, ${f.unread} unread` : ''}`));
  }

  private renderFailure(f: OfficeFailure, retryAt: number | undefined): void {
    const post = this.post;
    const heading = (s: string) => this.status.append(text('p', s));
    const retry = () => this.status.append(button('Retry', { action: () => post({ type: 'retry' }) }));
    switch (f.state) {
      case 'signed-out':
        heading(`Sign in to ${f.server} to read this inbox${f.account ? ` (as ${f.account})` : ''}.`);
        this.status.append(button('Sign in', { appearance: 'primary', action: () => post({ type: 'signIn' }) }));
        return;
      case 'wrong-credentials':
        heading(`The server refused the credentials${f.httpStatus ? ` (HTTP ${f.httpStatus})` : ''}.`);
        this.status.append(button('Re-enter credentials', { appearance: 'primary', action: () => post({ type: 'signIn' }) }));
        return;
      case 'no-such-mailbox':
        heading(`There is no mailbox ${f.mailbox} on this server. Check the site-mailbox block's address.`);
        retry();
        return;
      case 'access-denied':
        heading(`This account may not open ${f.mailbox}: only the site's owners and members may.`);
        this.status.append(button('Sign in as someone else', { action: () => post({ type: 'signIn' }) }));
        return;
      case 'throttled': {
        const line = text('p', '');
        this.status.append(line);
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

  /** Draws only the rows in the window; asks for the pages it lacks. */
  renderRows(): void {
    const m = this.model;
    if (this.list.hidden) return;
    const win = rowWindow(this.list.scrollTop, this.list.clientHeight, m.total);
    for (const page of pagesFor(win, m.total)) {
      if (m.pages.has(page) || m.requested.has(page)) continue;
      m.requested.add(page);
      this.post({ type: 'needPage', generation: m.generation, offset: page * PAGE_SIZE, size: PAGE_SIZE });
    }
    const rows: HTMLElement[] = [];
    for (let i = win.first; i < win.end; i++) rows.push(this.row(i));
    this.spacer.replaceChildren(...rows);
    const active = m.activeIndex >= win.first && m.activeIndex < win.end ? `row-${m.activeIndex}` : '';
    if (active) this.list.setAttribute('aria-activedescendant', active);
    else this.list.removeAttribute('aria-activedescendant');
  }

  private summaryAt(index: number): MessageSummary | undefined {
    return this.model.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];
  }

  private row(index: number): HTMLElement {
    const m = this.model;
    const s = this.summaryAt(index);
    const r = el('div', 'row');
    r.id = `row-${index}`;
    r.setAttribute('role', 'option');
    r.setAttribute('aria-posinset', String(index + 1));
    r.setAttribute('aria-setsize', String(m.total));
    r.style.top = `${index * ROW_HEIGHT}px`;
    if (index === m.activeIndex) r.classList.add('active');
    if (!s) {
      r.classList.add('pending');
      r.append(text('span', '…'));
      return r;
    }
    r.dataset.id = s.id;
    r.setAttribute('aria-selected', String(s.id === m.selectedId));
    if (!s.isRead) r.classList.add('unread');
    const received = new Date(s.received);
    r.append(
      text('span', s.from.name || s.from.address, 'from'),
      text('span', s.subject || '(no subject)', 'subject'),
      attachmentMark(s.hasAttachments),
      text('time', received.toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'short' }), 'received'),
    );
    r.setAttribute('aria-label', `${s.isRead ? '' : 'Unread. '}${s.from.name || s.from.address}: ${s.subject}${s.hasAttachments ? ', with attachments' : ''}`);
    r.addEventListener('click', () => {
      m.activeIndex = index;
      this.open(s.id);
    });
    return r;
  }

  private onListKey(e: KeyboardEvent): void {
    const m = this.model;
    if (m.total === 0) return;
    const perPage = Math.max(1, Math.floor(this.list.clientHeight / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: perPage, PageUp: -perPage, Home: -m.total, End: m.total };
    if (e.key in moves) {
      e.preventDefault();
      m.activeIndex = Math.max(0, Math.min(m.total - 1, m.activeIndex + moves[e.key]));
      const top = m.activeIndex * ROW_HEIGHT;
      if (top < this.list.scrollTop) this.list.scrollTop = top;
      else if (top + ROW_HEIGHT > this.list.scrollTop + this.list.clientHeight) this.list.scrollTop = top + ROW_HEIGHT - this.list.clientHeight;
      this.renderRows();
      return;
    }
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      const s = this.summaryAt(m.activeIndex);
      if (s) this.open(s.id);
    }
  }

  private open(id: string): void {
    const m = this.model;
    m.selectedId = id;
    m.opening = id;
    this.post({ type: 'open', id });
    this.saveState();
    this.renderRows();
    this.renderReader();
  }

  renderReader(): void {
    const m = this.model;
    const r = this.reader;
    r.replaceChildren();
    if (m.opening && m.message?.detail.id !== m.opening) {
      r.append(text('p', 'Opening the message…', 'placeholder'));
      return;
    }
    if (!m.message) {
      r.append(text('p', m.total ? 'Select a message to read it.' : '', 'placeholder'));
      return;
    }
    const { detail, remoteImages } = m.message;
    const body = sanitiseBody(detail.html, remoteImages);
    const actions = el('div', 'actions');
    actions.append(button(detail.isRead ? 'Mark as unread' : 'Mark as read', { action: () => this.post({ type: 'setRead', id: detail.id, isRead: !detail.isRead }) }));
    if (body.blockedImages > 0) {
      actions.append(
        button(`Show remote images (${body.blockedOrigins.join(', ')})`, {
          title: `Load the ${body.blockedImages} image(s) this message takes from ${body.blockedOrigins.join(', ')}`,
          action: () => this.post({ type: 'allowImages', id: detail.id }),
        }),
      );
    }
    const names = (people: { name: string; address: string }[]) => people.map((p) => (p.name ? `${p.name} <${p.address}>` : p.address)).join(', ');
    const meta = el('dl', 'meta');
    const row = (k: string, v: string) => meta.append(text('dt', k), text('dd', v));
    row('From', names([detail.from]));
    row('To', names(detail.to));
    if (detail.cc.length) row('Cc', names(detail.cc));
    row('Received', new Date(detail.received).toLocaleString());
    r.append(text('h2', detail.subject || '(no subject)', 'subject'), meta, actions);
    if (detail.attachments.length) {
      const list = el('ul', 'attachments');
      list.setAttribute('aria-label', 'Attachments');
      for (const a of detail.attachments) list.append(text('li', `${a.name} (${Math.max(1, Math.round(a.size / 1024))} KiB)`));
      r.append(list);
    }
    const container = el('div', 'body');
    container.append(body.fragment);
    r.append(container);
  }
}

const SVG = 'http://www.w3.org/2000/svg';

/** A paperclip drawn in the text colour: no icon font to load, no emoji a system may lack. */
function attachmentMark(has: boolean): HTMLElement {
  const span = el('span', 'attachment');
  if (!has) return span;
  span.setAttribute('role', 'img');
  span.setAttribute('aria-label', 'has attachments');
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('width', '14');
  svg.setAttribute('height', '14');
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('d', 'M10.5 3.5v7a2.5 2.5 0 0 1-5 0V3a1.5 1.5 0 0 1 3 0v7a.5.5 0 0 1-1 0V4');
  path.setAttribute('fill', 'none');
  path.setAttribute('stroke', 'currentColor');
  path.setAttribute('stroke-width', '1.2');
  path.setAttribute('stroke-linecap', 'round');
  svg.append(path);
  span.append(svg);
  return span;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  e.className = className;
  return e;
}

function text(tag: string, content: string, className?: string): HTMLElement {
  const e = document.createElement(tag);
  e.textContent = content;
  if (className) e.className = className;
  return e;
}
