// Small DOM helpers for the panels: server text only ever goes in as textContent.

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  e.className = className;
  return e;
}

export function text(tag: string, content: string, className?: string): HTMLElement {
  const e = document.createElement(tag);
  e.textContent = content;
  if (className) e.className = className;
  return e;
}
