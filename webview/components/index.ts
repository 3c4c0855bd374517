// The one module that knows the component toolkit. @vscode/webview-ui-toolkit
// was archived upstream in January 2025 (its FAST base is deprecated); the
// panels ask this module for buttons, fields and rings by role, so moving to
// @vscode-elements/elements is a change to this folder only.
import { provideVSCodeDesignSystem, vsCodeButton, vsCodeProgressRing, vsCodeTextField } from '@vscode/webview-ui-toolkit';

let registered = false;

/** Defines the custom elements once per page. */
export function registerComponents(): void {
  if (registered) return;
  registered = true;
  provideVSCodeDesignSystem().register(vsCodeButton(), vsCodeTextField(), vsCodeProgressRing());
}

export function button(label: string, options: { appearance?: 'primary' | 'secondary' | 'icon'; title?: string; action: () => void }): HTMLElement {
  const b = document.createElement('vscode-button');
  b.textContent = label;
  b.setAttribute('appearance', options.appearance ?? 'secondary');
  if (options.title) {
    b.title = options.title;
    b.setAttribute('aria-label', options.title);
  }
  b.addEventListener('click', () => options.action());
  return b;
}

/** A search field that reports its text on Enter. */
export function searchField(placeholder: string, value: string, submit: (text: string) => void): HTMLElement {
  const f = document.createElement('vscode-text-field') as HTMLElement & { value: string };
  f.setAttribute('placeholder', placeholder);
  f.setAttribute('aria-label', placeholder);
  f.setAttribute('value', value);
  f.addEventListener('keydown', (e) => {
    if ((e as KeyboardEvent).key === 'Enter') submit(f.value ?? '');
  });
  return f;
}

export function progressRing(label: string): HTMLElement {
  const r = document.createElement('vscode-progress-ring');
  r.setAttribute('aria-label', label);
  return r;
}
