// The one handle a panel's webview has on VS Code. acquireVsCodeApi may be
// called once per page, so each panel's entry takes it here, at load.
export interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

export function vscodeApi(): VsCodeApi {
  return acquireVsCodeApi();
}
