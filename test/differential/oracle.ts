/**
 * Plays scenarios against the real HAProxy alone and prints its answers, request by request:
 *   npx tsx test/differential/oracle.ts [SCENARIO...] [--json]
 * Useful to see what HAProxy does before (or without) comparing with the simulator.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { haproxyAvailable, HAPROXY_BIN } from './haproxy-process';
import { describeExchange, runOnHaproxy, type OracleRun } from './oracle-runner';
import { forEachLimited, PARALLEL_SCENARIOS } from './parallel';
import { SCENARIOS } from './scenarios/index';
import { makeSelfSignedPem } from './tls';

async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const wanted = argv.filter((a) => !a.startsWith('--'));
  const unknown = wanted.filter((name) => !SCENARIOS.some((s) => s.name === name));
  if (unknown.length > 0) {
    console.error(`unknown scenario(s): ${unknown.join(', ')}; known: ${SCENARIOS.map((s) => s.name).join(', ')}`);
    return 2;
  }
  if (!haproxyAvailable()) {
    console.error(`no HAProxy at ${HAPROXY_BIN}`);
    return 2;
  }
  const certDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hx-diff-cert-'));
  try {
    const certPath = makeSelfSignedPem(certDir);
    const chosen = wanted.length > 0 ? SCENARIOS.filter((s) => wanted.includes(s.name)) : SCENARIOS;
    const runs: OracleRun[] = [];
    const failures: string[] = [];
    await forEachLimited(chosen, PARALLEL_SCENARIOS, async (scenario) => {
      try {
        runs.push(await runOnHaproxy(scenario, { certPath }));
      } catch (err) {
        failures.push(err instanceof Error ? err.message : String(err));
      }
    });
    runs.sort((a, b) => chosen.indexOf(a.scenario) - chosen.indexOf(b.scenario));
    let total = 0;
    for (const run of runs) {
      total += run.requests.length;
      if (json) {
        run.requests.forEach((request, i) =>
          console.log(JSON.stringify({ scenario: run.scenario.name, request, observed: run.observations[i] })),
        );
      } else {
        console.log(`\n== ${run.scenario.name}: ${run.scenario.about}`);
        run.requests.forEach((request, i) => console.log(`  ${i + 1}. ${describeExchange(request, run.observations[i])}`));
      }
      run.cleanup();
    }
    if (!json) console.log(`\n${total} requests answered by ${HAPROXY_BIN} in ${runs.length} scenario(s)`);
    for (const failure of failures) console.error(`\n${failure}`);
    return failures.length > 0 ? 1 : 0;
  } finally {
    fs.rmSync(certDir, { recursive: true, force: true });
  }
}

// exitCode rather than exit(): a piped stdout is written asynchronously and exit() would cut it short.
main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  },
);
