#!/usr/bin/env node
// Runs the e2e suite in a real VS Code without downloading one: the VS Code server inside the npm package
// code-server, on loopback, with its workbench in headless Chromium driven by playwright-core. Two
// sessions, one after the other:
//   suite  the extension under development + out/e2e/index.js (the same suite run-electron.ts runs)
//   vsix   the packaged .vsix installed into an extensions folder of its own, used as a person would: open
//          a haproxy.cfg, see its diagnostics and the Problems panel, open the routing panel once it exists,
//          and take the screenshot (out/e2e/screenshot-workbench.png; images/ with --update-screenshot)
// Usage: node test/e2e/run-offline.mjs [--only suite,vsix] [--no-build] [--update-screenshot]
//                                      [--timeout SECONDS] [--keep-runs]
// Exit code: 0 when every session passed; the extension host's code (or 124 on a timeout) otherwise.
// Missing prerequisites (Chromium, Node 20, the tools code-server's install needs) skip the run with a
// message and exit 0, except under CI=true or HAPROXY_E2E_REQUIRED=1, where they fail it.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 && at + 1 < args.length ? args[at + 1] : fallback;
};

const CODE_SERVER_VERSION = '4.100.3';
const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const codeServerDir = resolve(process.env.HAPROXY_E2E_CODE_SERVER_DIR ?? join(root, '.cache', 'code-server'));
const codeServerPackage = join(codeServerDir, 'node_modules', 'code-server');
const vscodeServerMain = join(codeServerPackage, 'lib', 'vscode', 'out', 'server-main.js');
const sessionTimeoutS = Number(option('timeout', '300'));
const phases = option('only', 'suite,vsix').split(',');
const required = process.env.CI === 'true' || process.env.HAPROXY_E2E_REQUIRED === '1';
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;
const log = (...parts) => console.log(`[e2e ${elapsed()}]`, ...parts);

function skip(reason) {
  if (required) {
    console.error(`e2e: cannot run the e2e suite: ${reason} (required here because ${process.env.CI === 'true' ? 'CI=true' : 'HAPROXY_E2E_REQUIRED=1'})`);
    process.exit(1);
  }
  console.log(`e2e: SKIPPED, the real-VS Code suite did not run: ${reason}`);
  process.exit(0);
}

function checkPrerequisites() {
  const major = Number(process.versions.node.split('.')[0]);
  if (major !== 20) skip(`code-server ${CODE_SERVER_VERSION} needs Node 20, this is Node ${process.versions.node}`);
  if (!existsSync(chromiumPath)) skip(`no Chromium at ${chromiumPath} (apt: chromium, or set CHROMIUM)`);
  if (!existsSync(join(root, 'node_modules', 'playwright-core'))) skip('playwright-core is not installed (npm ci)');
}

/** Runs a build step, printing its output only when it fails (and its last line when it passes). */
function run(command, commandArgs, what) {
  const result = spawnSync(command, commandArgs, { cwd: root, encoding: 'utf8' });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim();
  if (result.status !== 0) {
    console.error(output);
    throw new Error(`${what} failed (exit ${result.status ?? result.signal})`);
  }
  const last = output.split('\n').filter((line) => line.trim() && !/Unknown user config/.test(line)).pop();
  if (last) log(`${what}: ${last.trim()}`);
}

function ensureCodeServer() {
  if (existsSync(join(codeServerDir, `.installed-${CODE_SERVER_VERSION}`)) && existsSync(vscodeServerMain)) return;
  log(`installing code-server ${CODE_SERVER_VERSION} into ${codeServerDir} (first run only, about two minutes)`);
  const result = spawnSync('bash', [join(here, 'install-code-server.sh'), codeServerDir], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, CODE_SERVER_VERSION },
  });
  if (result.status === 2) skip('a tool code-server needs to install is missing (apt: ripgrep libkrb5-dev build-essential python3)');
  if (result.status !== 0) throw new Error(`installing code-server failed (exit ${result.status ?? result.signal})`);
}

function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/**
 * A fresh folder for one session: VS Code's and Chromium's state, sockets and temp files all stay in it. Its
 * workspace/ sits inside this repository's git tree, so the settings keep the git extension from asking about it.
 */
function sessionDir(runDir, name) {
  const dir = join(runDir, name);
  for (const sub of ['xdg-config', 'xdg-data', 'xdg-cache', 'tmp', 'workspace/.vscode', 'server-data', 'user-data']) mkdirSync(join(dir, sub), { recursive: true });
  writeFileSync(join(dir, 'workspace', '.vscode', 'settings.json'), JSON.stringify({
    'git.enabled': false,
    'git.openRepositoryInParentFolders': 'never',
    'editor.stickyScroll.enabled': false,
    'editor.minimap.enabled': false,
    'editor.wordWrap': 'on',
    'workbench.startupEditor': 'none',
    'files.exclude': { '.vscode': true },
  }, null, 2));
  return dir;
}

function sessionEnv(dir, extra = {}) {
  return {
    ...process.env,
    XDG_CONFIG_HOME: join(dir, 'xdg-config'),
    XDG_DATA_HOME: join(dir, 'xdg-data'),
    XDG_CACHE_HOME: join(dir, 'xdg-cache'),
    TMPDIR: join(dir, 'tmp'),
    ...extra,
  };
}

/**
 * Starts the VS Code server and opens its workbench in Chromium. With `testsPath`, resolves to the exit code
 * the extension host reports when its tests end; without, runs `drive(page)` and resolves to 0.
 */
async function session({ name, dir, extensionsDir, devPath, testsPath, env = {}, drive }) {
  const { chromium } = await import('playwright-core');
  const port = await freePort();
  const authority = `127.0.0.1:${port}`;
  const serverArgs = [
    vscodeServerMain, '--host', '127.0.0.1', '--port', String(port), '--without-connection-token',
    '--accept-server-license-terms', '--enable-smoke-test-driver', '--disable-telemetry', '--disable-workspace-trust',
    '--skip-welcome', '--skip-release-notes', '--server-data-dir', join(dir, 'server-data'),
    '--user-data-dir', join(dir, 'user-data'), '--extensions-dir', extensionsDir,
  ];
  const serverLogFile = join(dir, 'server.log');
  const server = spawn(process.execPath, serverArgs, { env: sessionEnv(dir, env), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const serverOutput = [];
  let browser;
  let timer;
  const stopServer = () => {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  try {
    await new Promise((ready, fail) => {
      const onData = (chunk) => {
        serverOutput.push(chunk);
        if (/HTTP server listening on|Extension host agent listening on/.test(Buffer.concat(serverOutput).toString())) ready();
      };
      server.stdout.on('data', onData);
      server.stderr.on('data', onData);
      server.once('exit', (code) => fail(new Error(`VS Code server exited early (${code}):\n${Buffer.concat(serverOutput).toString()}`)));
      setTimeout(() => fail(new Error('VS Code server did not start within 60 s')), 60000).unref();
    });
    log(`${name}: VS Code server ${CODE_SERVER_VERSION} listening on ${authority}`);

    browser = await chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      env: sessionEnv(dir),
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    });
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    page.on('pageerror', (error) => { if (process.env.VERBOSE) console.error(`[${name} page error]`, error.message); });
    page.on('console', (message) => { if (process.env.VERBOSE) console.log(`[${name} browser ${message.type()}]`, message.text().slice(0, 400)); });

    let exited;
    const exitCode = new Promise((resolveExit) => { exited = resolveExit; });
    await context.exposeFunction('codeAutomationLog', (type, logArgs) => {
      const text = format(...(Array.isArray(logArgs) ? logArgs : [logArgs]));
      for (const line of text.split('\n')) (type === 'error' ? console.error : console.log)(`  [${name}] ${line}`);
    });
    await context.exposeFunction('codeAutomationExit', (code) => {
      log(`${name}: extension host exited with code ${code}`);
      exited(Number(code));
    });

    const remote = (path) => `vscode-remote://${authority}${path}`;
    const payload = [['skipWelcome', 'true'], ['skipReleaseNotes', 'true']];
    if (devPath) payload.push(['extensionDevelopmentPath', remote(devPath)]);
    if (testsPath) payload.push(['extensionTestsPath', remote(testsPath)]);
    const url = `http://${authority}/?folder=${encodeURIComponent(join(dir, 'workspace'))}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    const timedOut = new Promise((resolveTimeout) => {
      timer = setTimeout(() => {
        console.error(`[e2e ${elapsed()}] ${name}: TIMEOUT after ${sessionTimeoutS} s`);
        resolveTimeout(124);
      }, sessionTimeoutS * 1000);
    });
    await page.goto(url);
    await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
    log(`${name}: workbench rendered`);
    if (testsPath) return await Promise.race([exitCode, timedOut]);
    const driven = drive(page).then(() => 0, async (error) => {
      await page.screenshot({ path: join(dir, 'failure.png') }).catch(() => undefined);
      throw error;
    });
    return await Promise.race([driven, timedOut]);
  } finally {
    clearTimeout(timer);
    writeFileSync(serverLogFile, Buffer.concat(serverOutput));
    await browser?.close().catch(() => undefined);
    stopServer();
  }
}

function readSummary(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

function reportSummary(name, summary) {
  if (!summary) {
    log(`${name}: the extension host wrote no test summary (the suite did not run to its end)`);
    return;
  }
  log(`${name}: ${summary.passed} passed, ${summary.failed} failed, ${summary.pending} pending of ${summary.total}`);
  for (const title of summary.pendingTitles) log(`${name}:   pending  ${title}`);
  for (const failure of summary.failures) log(`${name}:   FAILED   ${failure.title}: ${failure.error.split('\n')[0]}`);
}

const senex = () => readFileSync(join(root, 'examples', 'senex', 'haproxy.cfg'), 'utf8');

async function runSuite(runDir) {
  const dir = sessionDir(runDir, 'suite');
  const summaryFile = join(dir, 'summary.json');
  const code = await session({
    name: 'suite',
    dir,
    extensionsDir: join(dir, 'extensions'),
    devPath: root,
    testsPath: join(root, 'out', 'e2e', 'index.js'),
    env: { HAPROXY_E2E_SUMMARY: summaryFile },
  });
  const summary = readSummary(summaryFile);
  reportSummary('suite', summary);
  return { code, summary };
}

async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ state: 'visible' });
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden' });
}

/** Findings the built CLI reports for `text` (the rules that exist now). */
function lintFindings(dir, text) {
  const file = join(dir, 'tmp', 'probe.haproxy.cfg');
  writeFileSync(file, text);
  const result = spawnSync(process.execPath, [join(root, 'dist', 'cli', 'haproxy-lint.js'), '--format', 'json', file], { encoding: 'utf8' });
  try {
    return JSON.parse(result.stdout);
  } catch {
    return [];
  }
}

/**
 * The example with two defects a user might make, so the picture shows diagnostics: TLS 1.0 allowed on the
 * HTTPS bind and a backend name typo; while the rules for those have not landed, also an unclosed quote,
 * which the parser reports.
 */
function screenshotConfig(dir) {
  let text = senex()
    .replace('alpn h2,http/1.1', 'alpn h2,http/1.1 ssl-min-ver TLSv1.0')
    .replace('use_backend be_api if is_api', 'use_backend be_apii if is_api');
  if (lintFindings(dir, text).length === 0) text = text.replace('path_beg /static/ /media/', 'path_beg "/static/ /media/');
  return text;
}

/** Installs the packaged .vsix into a fresh extensions folder; returns that folder. */
function installVsix(dir) {
  const vsix = join(root, 'dist', 'haproxy-config-tools.vsix');
  if (!existsSync(vsix)) throw new Error(`${vsix} is missing: npm run package did not write it`);
  const extensionsDir = join(dir, 'extensions');
  // The VS Code server's own CLI installs a .vsix as code-server's --install-extension does.
  const install = spawnSync(process.execPath, [vscodeServerMain, '--install-extension', vsix, '--extensions-dir', extensionsDir,
    '--server-data-dir', join(dir, 'server-data'), '--user-data-dir', join(dir, 'user-data'), '--accept-server-license-terms'],
  { cwd: root, env: sessionEnv(dir), encoding: 'utf8' });
  if (install.status !== 0) throw new Error(`--install-extension failed:\n${install.stdout}${install.stderr}`);
  const installed = readdirSync(extensionsDir).filter((entry) => entry.startsWith('senex.haproxy-config-tools-'));
  if (installed.length !== 1) throw new Error(`expected the extension in ${extensionsDir}, found: ${readdirSync(extensionsDir).join(', ')}`);
  log(`vsix: installed ${installed[0]} into its own extensions folder`);
  return extensionsDir;
}

async function runVsix(runDir, target) {
  const dir = sessionDir(runDir, 'vsix');
  const extensionsDir = installVsix(dir);
  const text = screenshotConfig(dir);
  writeFileSync(join(dir, 'workspace', 'haproxy.cfg'), text);
  // Centred here, the editor shows the whole fe_https frontend with both defects.
  const focusLine = text.split('\n').findIndex((line) => line.includes('acl is_websocket')) + 1;
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const hasPanel = (manifest.contributes?.commands ?? []).some((c) => c.command === 'haproxy.previewRouting');
  const code = await session({
    name: 'vsix',
    dir,
    extensionsDir,
    drive: async (page) => {
      const explorerRow = page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'haproxy.cfg' }).first();
      await explorerRow.waitFor({ timeout: 30000 });
      await explorerRow.dblclick();
      await page.locator('.monaco-editor .view-lines').first().waitFor({ state: 'visible' });
      const goToFocusLine = async () => {
        await page.keyboard.press('Control+G');
        await page.locator('.quick-input-widget input').fill(`:${focusLine}`);
        await page.keyboard.press('Enter');
      };
      await goToFocusLine();
      await page.locator('.statusbar-item', { hasText: 'HAProxy' }).first().waitFor({ timeout: 30000 });
      log('vsix: haproxy.cfg opened in the HAProxy language mode');
      // Squiggles and Problems rows from haproxy-lint prove the installed extension activated and its server runs.
      await page.locator('.monaco-editor .squiggly-error, .monaco-editor .squiggly-warning').first().waitFor({ timeout: 30000 });
      await runCommand(page, 'View: Toggle Problems');
      const rows = page.locator('.markers-panel .monaco-list-row', { hasText: 'haproxy-lint' });
      await rows.first().waitFor({ timeout: 30000 });
      log(`vsix: the installed extension reports ${await rows.count()} problem(s): ${JSON.stringify((await rows.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ')))}`);
      if (hasPanel) {
        await runCommand(page, 'View: Focus First Editor Group');
        await runCommand(page, 'HAProxy: Preview Routing');
        const panel = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
        await panel.locator('body *').first().waitFor({ timeout: 30000 });
        log('vsix: routing panel opened');
      } else {
        log('vsix: no haproxy.previewRouting command in package.json yet, so no routing panel to show');
      }
      await runCommand(page, 'View: Toggle Primary Side Bar Visibility');
      await runCommand(page, 'View: Focus First Editor Group');
      await goToFocusLine();
      await page.locator('.monaco-editor .squiggly-error, .monaco-editor .squiggly-warning').first().waitFor({ timeout: 30000 });
      await page.screenshot({ path: target });
      log(`vsix: screenshot saved to ${target}`);
    },
  });
  return { code, checked: true };
}

async function main() {
  checkPrerequisites();
  ensureCodeServer();
  if (!flag('no-build')) {
    // `npm run package` builds dist/ as `npm run build` does, then packs it: one build serves both sessions.
    if (phases.includes('vsix')) {
      log('building and packaging the extension (npm run package)');
      rmSync(join(root, 'dist', 'haproxy-config-tools.vsix'), { force: true });
      run('npm', ['run', '--silent', 'package'], 'npm run package');
    } else {
      log('building the extension (npm run build)');
      run('npm', ['run', '--silent', 'build'], 'npm run build');
    }
    run(process.execPath, [join(here, 'build.mjs')], 'test/e2e/build.mjs');
  }
  const runsRoot = join(root, '.cache', 'e2e-runs');
  mkdirSync(runsRoot, { recursive: true });
  // Other runs may be going on in this checkout: only folders left over from runs long finished are removed.
  for (const old of readdirSync(runsRoot)) {
    const folder = join(runsRoot, old);
    if (Date.now() - statSync(folder).mtimeMs > 60 * 60 * 1000) rmSync(folder, { recursive: true, force: true });
  }
  const runDir = mkdtempSync(join(runsRoot, 'run-'));
  log(`run folder ${runDir}`);

  const outcomes = [];
  const attempt = async (name, body) => {
    if (!phases.includes(name)) return;
    try {
      outcomes.push({ name, ...(await body()) });
    } catch (error) {
      console.error(`[e2e ${elapsed()}] ${name}: ERROR ${error instanceof Error ? error.stack : String(error)}`);
      outcomes.push({ name, code: 1 });
    }
  };
  await attempt('suite', () => runSuite(runDir));
  const shot = join(root, 'out', 'e2e', 'screenshot-workbench.png');
  await attempt('vsix', () => runVsix(runDir, shot));
  if (flag('update-screenshot') && outcomes.find((o) => o.name === 'vsix')?.code === 0) {
    copyFileSync(shot, join(root, 'images', 'screenshot-workbench.png'));
    log('screenshot: copied to images/screenshot-workbench.png');
  }

  // The .vsix session is one check; a session that failed without a mocha failure (crash, timeout) counts as one failure.
  const totals = outcomes.reduce((sum, o) => ({
    passed: sum.passed + (o.summary?.passed ?? 0) + (o.checked && o.code === 0 ? 1 : 0),
    failed: sum.failed + (o.summary?.failed ?? 0) + (o.code !== 0 && !o.summary?.failed ? 1 : 0),
    pending: sum.pending + (o.summary?.pending ?? 0),
  }), { passed: 0, failed: 0, pending: 0 });
  for (const o of outcomes) log(`${o.name}: ${o.code === 0 ? 'passed' : `FAILED (exit code ${o.code})`}`);
  console.log(`e2e: ${totals.passed} passed, ${totals.failed} failed, ${totals.pending} skipped`);
  const failed = outcomes.find((o) => o.code !== 0);
  if (failed || flag('keep-runs')) log(`logs and workspaces kept in ${runDir}`);
  else rmSync(runDir, { recursive: true, force: true });
  process.exit(failed ? failed.code || 1 : 0);
}

main().catch((error) => {
  console.error('e2e: launcher error', error);
  process.exit(1);
});
