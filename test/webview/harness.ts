import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { panelHtml } from '../../client/src/panel-html';
import type { PanelToHost, PanelView } from '../../client/src/panel-messages';
import { ConfigDocument } from '../../server/src/analysis/config-document';
import { simulateDocument } from '../../server/src/lsp/simulate';
import type { SimRequest } from '../../server/src/protocol';
import { ensureBuilt } from '../support/build';
import { repoRoot } from '../support/corpus';
import { theme, type ThemeName } from './themes';

export const CHROMIUM = '/usr/bin/chromium';
export const chromiumMissing = existsSync(CHROMIUM) ? undefined : `${CHROMIUM} is not installed (apt-get install chromium); webview tests skipped`;

/** The origin the page is served from; it plays the part of the webview's `cspSource`. */
const ORIGIN = 'https://panel.test';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

export interface PanelPage {
  page: Page;
  /** Messages the webview posted to its host, in order. */
  posted(): Promise<PanelToHost[]>;
  /** Sends a view to the webview as the host would, and waits until it is rendered. */
  show(view: PanelView): Promise<void>;
  /** Content-Security-Policy violations the page reported. */
  violations(): Promise<string[]>;
  dialogs: string[];
  /** Requests the page tried to make outside the panel's own files. */
  outside: string[];
}

/**
 * Opens the bundled webview (dist/webview) in a page with the same HTML and CSP the extension serves, a stub
 * `acquireVsCodeApi` that records what the panel posts, and a VS Code theme's variables.
 */
export async function openPanel(browser: Browser, options: { themeName?: ThemeName; csp?: boolean; width?: number; height?: number } = {}): Promise<PanelPage> {
  ensureBuilt('dist/webview/panel.js');
  const dist = join(repoRoot, 'dist', 'webview');
  const context = await browser.newContext({ viewport: { width: options.width ?? 900, height: options.height ?? 900 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const dialogs: string[] = [];
  const outside: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  let html = panelHtml({ cspSource: ORIGIN, scriptUri: `${ORIGIN}/panel.js`, styleUri: `${ORIGIN}/panel.css` });
  if (options.csp === false) html = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    const files: Record<string, [string, string]> = { '/panel.js': ['panel.js', 'text/javascript'], '/panel.css': ['panel.css', 'text/css'] };
    if (url.origin === ORIGIN && url.pathname === '/') return route.fulfill({ status: 200, contentType: 'text/html', body: html });
    const file = url.origin === ORIGIN ? files[url.pathname] : undefined;
    if (file) return route.fulfill({ status: 200, contentType: file[1], body: readFileSync(join(dist, file[0])) });
    outside.push(route.request().url());
    return route.abort();
  });
  const { variables, bodyClass } = theme(options.themeName ?? 'dark');
  // A string, not a function: tsx would otherwise wrap its functions in a `__name` helper the page lacks.
  await page.addInitScript(`
    window.__name = (f) => f;
    const posted = [];
    const violations = [];
    let state;
    window.__posted = posted;
    window.__violations = violations;
    window.acquireVsCodeApi = () => ({
      postMessage: (message) => posted.push(JSON.parse(JSON.stringify(message))),
      getState: () => state,
      setState: (next) => { state = next; },
    });
    document.addEventListener('securitypolicyviolation', (event) => violations.push(event.violatedDirective + ': ' + event.blockedURI));
    document.addEventListener('DOMContentLoaded', () => {
      for (const [key, value] of Object.entries(${JSON.stringify(variables)})) document.documentElement.style.setProperty(key, value);
      document.body.classList.add(${JSON.stringify(bodyClass)});
    });
  `);
  await page.goto(`${ORIGIN}/`);
  await page.waitForFunction(() => ((window as unknown as { __posted: { type: string }[] }).__posted ?? []).some((m) => m.type === 'ready'));
  return {
    page,
    dialogs,
    outside,
    posted: () => page.evaluate(() => (window as unknown as { __posted: PanelToHost[] }).__posted),
    violations: () => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations),
    show: (view) =>
      // Messages are dispatched in order: once the sentinel arrives, the panel has handled the view.
      page.evaluate(
        (v) =>
          new Promise<void>((resolve) => {
            const done = (event: MessageEvent) => {
              if (event.data !== '__shown') return;
              window.removeEventListener('message', done);
              resolve();
            };
            window.addEventListener('message', done);
            window.postMessage({ type: 'view', view: v }, '*');
            window.postMessage('__shown', '*');
          }),
        view,
      ),
  };
}

export function readRequests(relative: string): SimRequest[] {
  return readFileSync(join(repoRoot, relative), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as SimRequest);
}

/** A panel view computed by the real language-server code path (parser, engine, distribution) for a config text. */
export function viewFor(text: string, requests: SimRequest[], fileName = 'haproxy.cfg'): PanelView {
  const uri = `file:///work/${fileName}`;
  const document = new ConfigDocument(uri, text, 1);
  const result = simulateDocument(document, { uri, requests });
  return { fileName, documentUri: uri, requests, serverStates: [], focus: null, result: result.results ? result : null, stale: result.parseErrors[0] ?? null, error: result.error ?? null };
}

export function senexView(): PanelView {
  const text = readFileSync(join(repoRoot, 'examples/senex/haproxy.cfg'), 'utf8');
  return viewFor(text, readRequests('examples/senex/requests.jsonl'));
}
