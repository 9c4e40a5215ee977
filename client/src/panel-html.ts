import { randomBytes } from 'node:crypto';

/** What the routing preview page needs from its host: resource URLs and the webview's CSP source. */
export interface PanelPage {
  cspSource: string;
  scriptUri: string;
  styleUri: string;
  nonce?: string;
}

/** A fresh CSP nonce: 128 random bits, base64. */
export function createNonce(): string {
  return randomBytes(16).toString('base64');
}

function attribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The routing preview's HTML shell. Its Content-Security-Policy loads nothing but the bundled script (by
 * nonce) and stylesheet from the extension; no inline script, no inline style, no network.
 */
export function panelHtml(page: PanelPage): string {
  const nonce = page.nonce ?? createNonce();
  const csp = [
    "default-src 'none'",
    `style-src ${page.cspSource}`,
    `script-src 'nonce-${nonce}'`,
    `img-src ${page.cspSource} data:`,
    `font-src ${page.cspSource}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attribute(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${attribute(page.styleUri)}">
<title>Routing preview</title>
</head>
<body>
<main id="app" aria-live="off"></main>
<script nonce="${attribute(nonce)}" src="${attribute(page.scriptUri)}"></script>
</body>
</html>`;
}
