// What every panel's webview gets: scripts and styles only from
// dist/webview, a CSP of default-src 'none' with a nonce made for each
// load, and messages validated before anything reads them.
import * as vscode from 'vscode';
import { contentSecurityPolicy, newNonce } from './content-security';

export function webviewRoot(extensionUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'dist', 'webview');
}

export function panelOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    // Local resources from the bundle folder only: the workspace, the
    // extension's sources and the rest of the disk are out of reach.
    localResourceRoots: [webviewRoot(extensionUri)],
    enableFindWidget: true,
  };
}

/**
 * The page of a panel whose bundle is dist/webview/<panel>.js (and .css).
 * The toolkit (FAST) probes :focus-visible with a <style> element that it
 * gives the nonce from meta[property=csp-nonce]; without it the CSP blocks
 * that element and the toolkit falls back to plain :focus.
 */
export function panelHtml(webview: vscode.Webview, extensionUri: vscode.Uri, panel: string, title: string, imageOrigins: readonly string[] = []): string {
  const nonce = newNonce();
  const root = webviewRoot(extensionUri);
  const script = webview.asWebviewUri(vscode.Uri.joinPath(root, `${panel}.js`));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(root, `${panel}.css`));
  const escape = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escape(contentSecurityPolicy(webview.cspSource, nonce, imageOrigins))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta property="csp-nonce" content="${nonce}">
<link rel="stylesheet" href="${style.toString()}">
<title>${escape(title)}</title>
</head>
<body>
<div id="root"></div>
<script nonce="${nonce}" src="${script.toString()}"></script>
</body>
</html>`;
}

/** Calls `handle` with each message `read` accepts; logs and drops the rest. */
export function onValidMessage<T>(webview: vscode.Webview, read: (m: unknown) => T | undefined, handle: (m: T) => void, log: vscode.LogOutputChannel, panel: string): vscode.Disposable {
  return webview.onDidReceiveMessage((raw: unknown) => {
    const m = read(raw);
    if (m === undefined) {
      const type = typeof raw === 'object' && raw !== null && typeof (raw as { type?: unknown }).type === 'string' ? (raw as { type: string }).type.slice(0, 40) : typeof raw;
      log.warn(`${panel} panel: dropped an invalid message (${type}) from the webview`);
      return;
    }
    handle(m);
  });
}
