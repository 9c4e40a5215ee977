import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { ConfigDocument } from '../../server/src/analysis/config-document';
import { lintModel } from '../../server/src/analysis/lint';
import { targetVersion } from '../../server/src/analysis/version';
import { codeActions } from '../../server/src/lsp/code-actions';
import { toDiagnostic } from '../../server/src/lsp/convert';
import { foldingRanges } from '../../server/src/lsp/folding';
import { linksOf } from '../../server/src/lsp/links';
import { semanticTokens } from '../../server/src/lsp/semantic-tokens';
import { simulateDocument } from '../../server/src/lsp/simulate';
import { documentSymbols } from '../../server/src/lsp/symbols';
import { buildModel } from '../../server/src/model/config-model';
import { formatEdits, formatText } from '../../server/src/navigation/format';
import { presetRequests } from '../../server/src/simulator/presets';
import { createSimulator, type SimRequest } from '../../server/src/simulator/simulate';
import { parseConfig } from '../../server/src/syntax/parse-config';
import { hasCorpus, repoRoot } from '../support/corpus';
import { mutatedConfig, randomText, sourceLines } from './mutations';

/** Cases per property: 10k in CI (fixed seed); `npm run fuzz -- --runs N` or FUZZ_RUNS=N asks for more. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_124);

const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};

const FIXED_REQUESTS: SimRequest[] = [
  { method: 'GET', url: 'http://127.0.0.1/' },
  { method: 'POST', url: 'https://example.com:443/api/x?y=1', headers: { Host: 'example.com', Cookie: 'SERVERID=web01' }, src: '203.0.113.9' },
  { method: '', url: 'tcp://127.0.0.1:5432' },
];

/** Every analysis a config goes through in the editor and the CLI, as plain function calls; returns rule crashes. */
function analyseEverything(text: string): string[] {
  const file = parseConfig(text);
  const model = buildModel(file);
  const findings = lintModel(file, model, targetVersion(text));
  const uri = 'file:///fuzz/haproxy.cfg';
  const document = new ConfigDocument(uri, text, 1);
  documentSymbols(model);
  foldingRanges(file);
  semanticTokens(model);
  linksOf(model, uri);
  const lastLine = Math.max(0, file.lineCount - 1);
  codeActions(document, { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: lastLine, character: 0 } }, context: { diagnostics: findings.map(toDiagnostic) } });
  formatText(text);
  formatEdits(text, undefined, { start: 0, end: Math.floor(text.length / 2) });
  simulateDocument(document, { uri, requests: FIXED_REQUESTS });
  // lintModel turns a rule that throws into an `internal-error` finding: here that is a failure.
  return findings.filter((f) => f.rule === 'internal-error').map((f) => f.message);
}

function simulateEverything(text: string): void {
  const file = parseConfig(text);
  const simulator = createSimulator(file);
  for (const request of [...presetRequests(file).slice(0, 4), ...FIXED_REQUESTS]) simulator.route(request);
}

/** CPU milliseconds per byte of the whole analysis on a real config, measured in this run (the machine may be loaded). */
function baselineCostPerByte(text: string): number {
  for (let i = 0; i < 3; i++) analyseEverything(text);
  const samples: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = process.cpuUsage();
    analyseEverything(text);
    samples.push(cpuMs(start));
  }
  samples.sort((a, b) => a - b);
  return samples[2] / text.length;
}

describe('robustness: random and mutated configs', function () {
  this.timeout(600_000);
  const senex = readFileSync(join(repoRoot, 'examples/senex/haproxy.cfg'), 'utf8');
  const pool = sourceLines();
  let perByte = 0;

  before(function () {
    if (!hasCorpus) console.log('    (../shared/corpus absent: configs are built from the Senex example lines only)');
    perByte = baselineCostPerByte(senex.repeat(4));
  });

  it(`parse, model, lint, LSP features, formatting and the simulate request never throw, in time linear in the input (${RUNS} cases)`, () => {
    let worst = { ratio: 0, text: '' };
    fc.assert(
      fc.property(fc.oneof({ weight: 4, arbitrary: mutatedConfig(pool) }, { weight: 1, arbitrary: randomText() }), (text) => {
        const start = process.cpuUsage();
        const crashes = analyseEverything(text);
        const spent = cpuMs(start);
        assert.deepEqual(crashes, []);
        // Generous: a fixed allowance for tiny inputs (JIT, a full GC on a loaded machine) plus 25 times the per-byte cost of a real config.
        const budget = 500 + 25 * perByte * text.length;
        if (spent / budget > worst.ratio) worst = { ratio: spent / budget, text };
        assert.ok(spent <= budget, `${spent.toFixed(1)} ms CPU for ${text.length} characters (budget ${budget.toFixed(1)} ms)`);
      }),
      { seed: SEED, numRuns: RUNS },
    );
    assert.ok(worst.ratio < 1);
  });

  it(`the simulator builds and routes on any config without throwing (${Math.ceil(RUNS / 5)} cases)`, () => {
    fc.assert(
      fc.property(mutatedConfig(pool), (text) => {
        simulateEverything(text);
      }),
      { seed: SEED + 1, numRuns: Math.ceil(RUNS / 5) },
    );
  });

  it('costs grow linearly: a config 16 times larger costs at most about 16 times more', () => {
    const samples = fc.sample(mutatedConfig(pool, 60), { seed: SEED + 2, numRuns: 6 }).filter((text) => text.length > 200);
    const cost = (text: string) => {
      const runs: number[] = [];
      for (let i = 0; i < 3; i++) {
        const start = process.cpuUsage();
        analyseEverything(text);
        runs.push(cpuMs(start));
      }
      return runs.sort((a, b) => a - b)[1];
    };
    const unit = samples.join('\n') + '\n' + senex;
    cost(unit);
    const small = cost(unit);
    const large = cost(unit.repeat(16));
    // Quadratic growth would make this ratio about 256; linear about 16. Noise and GC are allowed for.
    assert.ok(large / Math.max(small, 1) < 64, `16x the input cost ${(large / Math.max(small, 1)).toFixed(1)}x the time (${small.toFixed(1)} ms -> ${large.toFixed(1)} ms)`);
  });
});
