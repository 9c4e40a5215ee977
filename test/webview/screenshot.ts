/**
 * Renders the routing preview on the Senex example in headless Chromium with VS Code's dark theme variables
 * and saves images/screenshot-panel.png. Run: `npx tsx test/webview/screenshot.ts [--theme light|high-contrast] [--out file]`.
 */
import { join } from 'node:path';
import { repoRoot } from '../support/corpus';
import { chromiumMissing, launchChromium, openPanel, senexView } from './harness';
import type { ThemeName } from './themes';

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

if (chromiumMissing) {
  console.error(chromiumMissing);
  process.exit(1);
}

const themeName = (option('theme') ?? 'dark') as ThemeName;
const out = option('out') ?? join(repoRoot, 'images', 'screenshot-panel.png');
const browser = await launchChromium();
try {
  const view = senexView();
  const panel = await openPanel(browser, { themeName, width: 980, height: 1180 });
  await panel.show(view);
  const results = view.result?.results ?? [];
  const sticky = Math.max(0, results.findIndex((r) => r.backend === 'be_websocket' && r.reason === 'cookie'));
  const card = panel.page.locator('.cards > .card').nth(sticky);
  await card.locator('.card-toggle').click();
  await panel.page.evaluate(() => window.scrollTo(0, 0));
  await panel.page.mouse.move(0, 0);
  // Down to the end of the opened request, so its rule trace is in the picture.
  const box = await card.boundingBox();
  const height = Math.ceil(box ? box.y + box.height + 1 : 1180);
  await panel.page.setViewportSize({ width: 980, height });
  await panel.page.screenshot({ path: out });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
}
