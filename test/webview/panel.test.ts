import { strict as assert } from 'node:assert';
import type { Browser } from 'playwright-core';
import type { PanelView } from '../../client/src/panel-messages';
import { chromiumMissing, launchChromium, openPanel, senexView, viewFor, type PanelPage } from './harness';
import { theme } from './themes';

describe('routing preview webview in headless Chromium', function () {
  // Each test starts a fresh browser context; on a loaded 2-core machine that alone can take seconds.
  this.timeout(180_000);
  let browser: Browser;
  let senex: PanelView;

  before(async function () {
    if (chromiumMissing) {
      console.warn(`      skipped: ${chromiumMissing}`);
      this.skip();
    }
    browser = await launchChromium();
    senex = senexView();
    assert.ok(senex.result?.results, `the engine routed the Senex example: ${senex.error ?? senex.stale?.message}`);
  });
  after(async () => {
    await browser?.close();
  });

  async function senexPanel(): Promise<PanelPage> {
    const panel = await openPanel(browser);
    await panel.show(senex);
    return panel;
  }

  const lastPosted = async (panel: PanelPage) => (await panel.posted()).at(-1);

  it('renders one card per request with its outcome, and a result with the rule trace', async () => {
    const panel = await senexPanel();
    const { page } = panel;
    const results = senex.result!.results!;
    assert.equal(await page.locator('.cards > .card').count(), senex.requests.length);

    const acme = senex.requests.findIndex((r) => r.url.includes('acme-challenge'));
    const card = page.locator('.cards > .card').nth(acme);
    assert.equal(await card.locator('.outcome').textContent(), `${results[acme].backend} / ${results[acme].server}`);
    assert.equal(await card.locator('.url').textContent(), senex.requests[acme].url);

    const redirected = results.findIndex((r) => r.status === 301);
    assert.match((await page.locator('.cards > .card').nth(redirected).locator('.outcome').textContent()) ?? '', new RegExp(`^301 → ${results[redirected].location!.replace(/[.?]/g, '\\$&')}`));

    const sticky = results.findIndex((r) => r.reason === 'cookie' && r.backend === 'be_websocket');
    const stickyCard = page.locator('.cards > .card').nth(sticky);
    await stickyCard.locator('.card-toggle').click();
    assert.equal(await stickyCard.locator('.card-toggle').getAttribute('aria-expanded'), 'true');
    const facts = await stickyCard.locator('.facts').innerText();
    assert.match(facts, /Frontend\s+fe_https/);
    assert.match(facts, /Backend\s+be_websocket/);
    assert.match(facts, new RegExp(`Server\\s+${results[sticky].server}\\s+\\(cookie\\)`));

    const steps = stickyCard.locator('.steps > li');
    assert.equal(await steps.count(), results[sticky].trace.length);
    const matchedIndex = results[sticky].trace.findIndex((s) => s.kind === 'use_backend' && s.matched);
    const matched = steps.nth(matchedIndex).locator('.step');
    assert.equal(await matched.locator('.mark').textContent(), '✓');
    const step = results[sticky].trace[matchedIndex];
    assert.equal(await matched.getAttribute('aria-label'), `Line ${step.line}, ${step.text}, matched, ${step.detail}`);
    const notMatched = results[sticky].trace.findIndex((s) => s.matched === false);
    assert.equal(await steps.nth(notMatched).locator('.mark').textContent(), '✗');
    assert.ok((await steps.nth(notMatched).innerText()).includes(results[sticky].trace[notMatched].detail!), 'the ACL values are shown');

    await matched.click();
    assert.deepEqual(await lastPosted(panel), { type: 'reveal', line: step.line });
    assert.deepEqual(await panel.violations(), [], 'nothing the panel does is blocked by its CSP');
    assert.deepEqual(panel.outside, [], 'no request leaves the panel');
    await page.context().close();
  });

  it('draws the distribution chart: one row per backend, each server a segment in proportion to its share of the batch', async () => {
    const panel = await senexPanel();
    const { page } = panel;
    const distribution = senex.result!.distribution;
    assert.equal(await page.locator('.chart-row[data-backend]').count(), distribution.backends.length);
    for (const share of distribution.backends) {
      const row = page.locator(`.chart-row[data-backend="${share.backend}"]`);
      assert.match((await row.locator('.chart-label .count').textContent()) ?? '', new RegExp(`^${share.count} · `));
      const bar = await row.locator('.bar').boundingBox();
      const segments = row.locator('.bar-segment');
      assert.equal(await segments.count(), share.servers.length + (share.noServer ? 1 : 0));
      for (let i = 0; i < share.servers.length; i++) {
        const width = (await segments.nth(i).boundingBox())!.width;
        const expected = (bar!.width - 2) * (share.servers[i].count / distribution.total);
        assert.ok(Math.abs(width - expected) <= 2.5, `${share.backend}/${share.servers[i].server}: ${width}px, expected about ${expected}px`);
      }
      assert.match((await row.locator('.bar').getAttribute('aria-label')) ?? '', new RegExp(`^${share.backend}: ${share.count} requests? of ${distribution.total}`));
    }
    if (distribution.answered > 0) assert.match(await page.locator('.chart').innerText(), new RegExp(`Answered by HAProxy\\s+${distribution.answered} · `));
    const answered = senex.result!.results!.filter((r) => r.frontend && !r.backend && !r.error);
    const shown = await page.locator('.chart-extra .legend li').evaluateAll((items) => items.map((li) => `${li.firstElementChild?.textContent} ${li.lastElementChild?.textContent}`));
    const statuses = [...new Set(answered.map((r) => r.status))];
    assert.deepEqual(shown.sort(), statuses.map((status) => `${status} × ${answered.filter((r) => r.status === status).length}`).sort(), 'the statuses HAProxy answered with, counted');

    await page.locator('.chart-row[data-backend="be_app"] .chart-label button.link.strong').click();
    assert.deepEqual(await lastPosted(panel), { type: 'reveal', line: distribution.backends.find((b) => b.backend === 'be_app')!.line });
    await page.locator('.chart-row[data-backend="be_app"] .chart-label button.count').click();
    assert.deepEqual(await lastPosted(panel), { type: 'focus', section: 'be_app' });

    await panel.show({ ...senex, focus: 'be_app' });
    const highlighted = await page.locator('.cards > .card.is-focus').count();
    assert.equal(highlighted, senex.result!.results!.filter((r) => r.backend === 'be_app' || r.frontend === 'be_app').length);
    assert.ok(highlighted > 0);
    await page.context().close();
  });

  it('posts the edited request when the user changes the URL, the headers or the source address', async () => {
    const panel = await senexPanel();
    const { page } = panel;
    const card = page.locator('.cards > .card').nth(1);
    await card.locator('.card-toggle').click();
    const url = 'https://127.0.0.1:443/api/v2/orders?id=7';
    await card.locator('.url-input').fill(url);
    await card.locator('.url-input').press('Enter');
    const original = senex.requests[1];
    assert.deepEqual(await lastPosted(panel), { type: 'editRequest', index: 1, request: { ...original, url } });

    await card.locator('.headers-input').fill('Upgrade: websocket\nCookie: a=1\nCookie: b=2');
    await card.locator('.src-input').focus();
    const posted = await lastPosted(panel);
    assert.deepEqual(posted, { type: 'editRequest', index: 1, request: { ...original, url, headers: { Upgrade: 'websocket', Cookie: ['a=1', 'b=2'] } } });

    await card.locator('.src-input').fill('198.51.100.9');
    await card.locator('.src-input').press('Tab');
    assert.deepEqual(await lastPosted(panel), { type: 'editRequest', index: 1, request: { ...original, url, headers: { Upgrade: 'websocket', Cookie: ['a=1', 'b=2'] }, src: '198.51.100.9' } });

    const before = (await panel.posted()).length;
    await card.locator('.url-input').press('Enter');
    assert.equal((await panel.posted()).length, before, 'no message when nothing changed');

    await page.locator('details.servers > summary').click();
    await page.getByLabel('State of server web02 in be_app').selectOption('maint');
    assert.deepEqual(await lastPosted(panel), { type: 'setServerState', backend: 'be_app', server: 'web02', state: 'maint' });

    await card.getByRole('button', { name: 'Remove this request' }).click();
    assert.deepEqual(await lastPosted(panel), { type: 'removeRequest', index: 1 });
    await page.getByRole('button', { name: 'Add request' }).click();
    assert.deepEqual(await lastPosted(panel), { type: 'addRequest' });
    for (const [name, type] of [['Import…', 'import'], ['Export…', 'export'], ['Presets from config', 'loadPresets']] as const) {
      await page.getByRole('button', { name }).click();
      assert.deepEqual(await lastPosted(panel), { type });
    }
    await page.context().close();
  });

  it('keeps what the user is typing when a new result arrives', async () => {
    const panel = await senexPanel();
    const { page } = panel;
    const card = page.locator('.cards > .card').nth(0);
    await card.locator('.card-toggle').click();
    await card.locator('.url-input').fill('http://127.0.0.1:80/typing');
    await panel.show(senex);
    assert.equal(await card.locator('.url-input').inputValue(), 'http://127.0.0.1:80/typing');
    assert.ok(await card.locator('.url-input').evaluate((input) => input === document.activeElement), 'focus stays in the input');
    await page.context().close();
  });

  it('is keyboard navigable: Tab reaches the requests, arrows move between them, Enter opens one', async () => {
    const panel = await senexPanel();
    const { page } = panel;
    await page.locator('.cards > .card').nth(0).locator('.card-toggle').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const focused = await page.evaluate(() => document.activeElement?.closest('.card') === document.querySelectorAll('.cards > .card')[2]);
    assert.ok(focused, 'ArrowDown moves to the next request');
    await page.keyboard.press('Enter');
    assert.equal(await page.locator('.cards > .card').nth(2).locator('.card-toggle').getAttribute('aria-expanded'), 'true');
    await page.keyboard.press('End');
    assert.ok(await page.evaluate(() => document.activeElement?.closest('.card') === document.querySelector('.cards > .card:last-child')));
    const unnamed = await page.evaluate(() =>
      Array.from(document.querySelectorAll('button, input, select, textarea'))
        .filter((e) => !(e.getAttribute('aria-label') || e.textContent?.trim() || (e.id && document.querySelector(`label[for="${e.id}"]`))))
        .map((e) => e.outerHTML.slice(0, 80)),
    );
    assert.deepEqual(unnamed, [], 'every control has an accessible name');
    await page.context().close();
  });

  it('shows a parse-error banner naming the line, keeps the last result and marks it stale', async () => {
    const panel = await senexPanel();
    const { page } = panel;
    const outcomes = await page.locator('.cards .outcome').allTextContents();
    await panel.show({ ...senex, stale: { line: 61, message: 'missing closing quote' } });
    const banner = page.locator('.banner');
    assert.ok(await banner.isVisible());
    assert.equal(await banner.getAttribute('role'), 'alert');
    assert.match(await banner.innerText(), /Line 61: missing closing quote/);
    assert.match(await banner.innerText(), /last version without errors/);
    assert.deepEqual(await page.locator('.cards .outcome').allTextContents(), outcomes, 'the last good results stay');
    assert.ok(await page.locator('.results').evaluate((e) => e.classList.contains('is-stale')));
    await banner.getByRole('button', { name: 'Go to line 61' }).click();
    assert.deepEqual(await lastPosted(panel), { type: 'reveal', line: 61 });

    await panel.show(senex);
    assert.equal(await banner.isVisible(), false, 'the banner goes once the config parses again');
    assert.equal(await page.locator('.results').evaluate((e) => e.classList.contains('is-stale')), false);
    await page.context().close();
  });

  it('takes its colours from the VS Code theme: dark, light and high contrast', async () => {
    const rgb = (hex: string) => {
      const n = parseInt(hex.slice(1, 7), 16);
      return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
    };
    for (const name of ['dark', 'light', 'high-contrast'] as const) {
      const { variables } = theme(name);
      const panel = await openPanel(browser, { themeName: name });
      await panel.show(senex);
      const colours = await panel.page.evaluate(() => ({
        background: getComputedStyle(document.body).backgroundColor,
        foreground: getComputedStyle(document.body).color,
        link: getComputedStyle(document.querySelector('.chart-label button.link')!).color,
        cardBorder: getComputedStyle(document.querySelector('.card')!).borderBottomColor,
      }));
      assert.equal(colours.background, rgb(variables['--vscode-editor-background']), `${name}: background`);
      assert.equal(colours.foreground, rgb(variables['--vscode-foreground']), `${name}: text`);
      assert.equal(colours.link, rgb(variables['--vscode-textLink-foreground']), `${name}: links`);
      if (name === 'high-contrast') assert.equal(colours.cardBorder, rgb(variables['--vscode-contrastBorder']), 'high contrast: separators');
      await panel.page.context().close();
    }
  });

  for (const csp of [true, false]) {
    it(`executes nothing from script-bearing names in the config or the requests (${csp ? 'with' : 'even without'} the CSP)`, async () => {
      const payloads = ['<img src=x onerror=alert(1)>', '<img/src=x/onerror=window.__pwned=1>', '<script>window.__pwned=2</script>', '"><svg/onload=window.__pwned=3>'];
      const config = [
        'defaults',
        '    mode http',
        'frontend "<img src=x onerror=alert(1)>"',
        '    bind :80',
        '    acl "<script>window.__pwned=2</script>" path_beg /x',
        '    use_backend "<img/src=x/onerror=window.__pwned=1>" if { path_beg /a }',
        '    http-request redirect location "/<svg/onload=window.__pwned=3>" if { path_beg /r }',
        '    default_backend "<img src=x onerror=alert(1)>"',
        'backend "<img src=x onerror=alert(1)>"',
        '    cookie "<script>window.__pwned=2</script>" insert',
        '    server "<script>window.__pwned=2</script>" 127.0.0.1:8080 cookie "<img/src=x/onerror=window.__pwned=1>"',
        'backend "<img/src=x/onerror=window.__pwned=1>"',
        '    server "\\"><svg/onload=window.__pwned=3>" 127.0.0.1:8081',
        '',
      ].join('\n');
      const requests = [
        { method: 'GET', url: 'http://127.0.0.1:80/', headers: { 'X-Evil': '<img src=x onerror=alert(1)>' }, src: '<script>window.__pwned=2</script>' },
        { method: 'GET', url: 'http://127.0.0.1:80/a' },
        { method: 'GET', url: 'http://127.0.0.1:80/r' },
        { method: '<img/src=x/onerror=window.__pwned=1>', url: 'http://127.0.0.1:80/<svg/onload=window.__pwned=3>' },
      ];
      const view = viewFor(config, requests, '<img src=x onerror=alert(1)>.cfg');
      assert.ok(view.result?.results, `the engine routed the hostile config: ${view.error ?? view.stale?.message}`);
      const names = view.result!.results!.flatMap((r) => [r.frontend, r.backend, r.server, r.setCookie, r.location]);
      assert.ok(names.some((n) => n?.includes('<img')), 'the engine kept the hostile names');
      view.stale = { line: 3, message: '<img src=x onerror=alert(1)>' };
      view.error = '<script>window.__pwned=2</script>';

      const panel = await openPanel(browser, { csp });
      const { page } = panel;
      await panel.show(view);
      for (const toggle of await page.locator('.card-toggle').all()) await toggle.click();
      await page.locator('details.servers > summary').click();
      await page.waitForTimeout(300);

      assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined, 'no payload ran');
      assert.deepEqual(panel.dialogs, [], 'no dialog opened');
      assert.equal(await page.locator('#app img, #app script, #app svg').count(), 0, 'no element came from the data');
      const text = await page.locator('#app').innerText();
      for (const payload of payloads) assert.ok(text.includes(payload.replace(/^"/, '')) || text.includes(payload), `${payload} is shown as text`);
      assert.deepEqual(panel.outside, [], 'no request for x or anything else left the page');
      await page.context().close();
    });
  }
});
