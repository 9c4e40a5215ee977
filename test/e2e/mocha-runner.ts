import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

/** Counts of one e2e run, written next to the compiled suite for the launchers to print. */
export interface E2eSummary {
  passed: number;
  failed: number;
  pending: number;
  total: number;
  failures: { title: string; error: string }[];
  pendingTitles: string[];
}

/**
 * Runs every compiled `*.test.js` in `suiteDir` with mocha, writes an {@link E2eSummary} to `summaryFile`
 * (or $HAPROXY_E2E_SUMMARY) and rejects when a test failed.
 */
export function runMocha(suiteDir: string, summaryFile: string, rootHooks?: Mocha.RootHookObject): Promise<void> {
  summaryFile = process.env.HAPROXY_E2E_SUMMARY ?? summaryFile;
  const grep = process.env.HAPROXY_E2E_GREP;
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60000, reporter: 'spec', ...(grep ? { grep } : {}), ...(rootHooks ? { rootHooks } : {}) });
  const files = fs.readdirSync(suiteDir).filter((file) => file.endsWith('.test.js')).sort();
  for (const file of files) mocha.addFile(path.join(suiteDir, file));

  return new Promise((resolve, reject) => {
    const summary: E2eSummary = { passed: 0, failed: 0, pending: 0, total: 0, failures: [], pendingTitles: [] };
    try {
      const runner = mocha.run((failures) => {
        summary.total = summary.passed + summary.failed + summary.pending;
        fs.writeFileSync(summaryFile, JSON.stringify(summary, null, 2));
        console.log(`e2e: ${summary.passed} passed, ${summary.failed} failed, ${summary.pending} pending`);
        if (failures > 0) reject(new Error(`${failures} e2e test(s) failed`));
        else resolve();
      });
      runner.on('pass', () => void summary.passed++);
      runner.on('fail', (test, error: Error) => {
        summary.failed++;
        summary.failures.push({ title: test.fullTitle(), error: error?.message ?? String(error) });
      });
      runner.on('pending', (test) => {
        summary.pending++;
        summary.pendingTitles.push(test.fullTitle());
      });
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}
