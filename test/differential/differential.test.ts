import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { differences } from './compare';
import { haproxyAvailable, HAPROXY_BIN, stopAllHaproxy } from './haproxy-process';
import { describeExchange, runOnHaproxy, type OracleRun } from './oracle-runner';
import { forEachLimited, PARALLEL_SCENARIOS } from './parallel';
import { SCENARIOS } from './scenarios/index';
import { routeWithSimulator } from './simulator-runner';
import { makeSelfSignedPem } from './tls';

const SHOWN_DISAGREEMENTS = 12;

describe('differential: the simulator against the real HAProxy', function () {
  this.timeout(120000);
  const runs = new Map<string, OracleRun | Error>();
  const tally = { agree: 0, compared: 0 };
  let certDir: string | undefined;

  before(async function () {
    if (!haproxyAvailable()) {
      console.log(`    skipped: no HAProxy binary at ${HAPROXY_BIN} (install the haproxy package to run this suite)`);
      this.skip();
    }
    certDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hx-diff-cert-'));
    const certPath = makeSelfSignedPem(certDir);
    await forEachLimited(SCENARIOS, PARALLEL_SCENARIOS, async (scenario) => {
      try {
        runs.set(scenario.name, await runOnHaproxy(scenario, { certPath }));
      } catch (err) {
        runs.set(scenario.name, err instanceof Error ? err : new Error(String(err)));
      }
    });
  });

  after(async function () {
    await stopAllHaproxy();
    for (const run of runs.values()) if (!(run instanceof Error)) run.cleanup();
    if (certDir) fs.rmSync(certDir, { recursive: true, force: true });
    const total = SCENARIOS.reduce((sum, s) => sum + s.requests.length, 0);
    if (runs.size > 0) console.log(`\n  differential: ${tally.agree}/${tally.compared} requests agree (${total} in all)`);
  });

  for (const scenario of SCENARIOS) {
    it(`${scenario.name}: ${scenario.about}`, function () {
      const run = runs.get(scenario.name);
      assert.ok(run, 'the scenario did not run');
      if (run instanceof Error) throw run;
      const simulated = routeWithSimulator(run);
      const report: string[] = [];
      run.requests.forEach((request, i) => {
        const found = differences(run.observations[i], simulated[i]);
        tally.compared++;
        if (found.length === 0) tally.agree++;
        else report.push(`  #${i + 1} ${describeExchange(request, run.observations[i])}\n      ${found.join('\n      ')}`);
      });
      if (report.length > 0) {
        const agree = run.requests.length - report.length;
        const shown = report.slice(0, SHOWN_DISAGREEMENTS).join('\n');
        const more = report.length > SHOWN_DISAGREEMENTS ? `\n  ... and ${report.length - SHOWN_DISAGREEMENTS} more` : '';
        assert.fail(`${agree}/${run.requests.length} requests agree\n${shown}${more}`);
      }
    });
  }
});
