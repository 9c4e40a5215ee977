// Runs the e2e suite in desktop VS Code, downloaded by @vscode/test-electron (needs internet access; here,
// without it, use run-offline.mjs). Usage: npx tsx test/e2e/run-electron.ts
// Env: VSCODE_VERSION (default: stable), HAPROXY_E2E_GREP (run only matching tests).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';
import type { E2eSummary } from './mocha-runner';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');

function build(script: string): void {
  const result = spawnSync(process.execPath, [script], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${script} failed`);
}

async function main(): Promise<number> {
  build('esbuild.mjs');
  build(join('test', 'e2e', 'build.mjs'));
  const scratch = mkdtempSync(join(tmpdir(), 'haproxy-e2e-electron-'));
  const workspace = join(scratch, 'workspace');
  const summaryFile = join(scratch, 'summary.json');
  mkdirSync(workspace);
  try {
    await runTests({
      version: process.env.VSCODE_VERSION ?? 'stable',
      extensionDevelopmentPath: root,
      extensionTestsPath: join(root, 'out', 'e2e', 'index.js'),
      extensionTestsEnv: { HAPROXY_E2E_SUMMARY: summaryFile },
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
    });
    return 0;
  } catch (error) {
    console.error(`e2e: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    try {
      const summary = JSON.parse(readFileSync(summaryFile, 'utf8')) as E2eSummary;
      for (const title of summary.pendingTitles) console.log(`pending  ${title}`);
      console.log(`e2e: ${summary.passed} passed, ${summary.failed} failed, ${summary.pending} skipped`);
    } catch {
      console.log('e2e: the suite wrote no summary (VS Code did not start or the suite did not finish)');
    }
    rmSync(scratch, { recursive: true, force: true });
  }
}

process.exitCode = await main();
