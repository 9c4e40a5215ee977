/**
 * `npm run fuzz -- --runs N [--seed S]`: the property tests of core-properties.test.ts with as many cases as
 * asked (CI runs 10k with a fixed seed), plus the language-server stress test with N/5 operations.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { repoRoot } from '../support/corpus';

const argv = process.argv.slice(2);
const value = (name: string) => {
  const at = argv.indexOf(name);
  return at >= 0 ? argv[at + 1] : undefined;
};
const runs = Number(value('--runs') ?? 100_000);
const seed = value('--seed') ?? String(Date.now() % 1_000_000_007);
if (!Number.isInteger(runs) || runs <= 0) {
  process.stderr.write('usage: npm run fuzz -- [--runs N] [--seed S]\n');
  process.exit(2);
}
process.stderr.write(`fuzz: ${runs} cases, seed ${seed} (replay with --seed ${seed})\n`);
const mocha = createRequire(import.meta.url).resolve('mocha/bin/mocha.js');
const result = spawnSync(
  process.execPath,
  [mocha, '--no-config', '--node-option', 'import=tsx', '--extension', 'ts', '--timeout', '0', 'test/robustness/core-properties.test.ts', 'test/robustness/server-survival.test.ts'],
  { cwd: repoRoot, stdio: 'inherit', env: { ...process.env, FUZZ_RUNS: String(runs), FUZZ_SEED: seed, LSP_STRESS_OPERATIONS: String(Math.max(1000, Math.round(runs / 5))) } },
);
process.exitCode = result.status ?? 1;
