/**
 * `npm run bench`: generates 1k/10k/50k-line configs from real building blocks and measures haproxy-lint
 * against `haproxy -c`, the language server (edit latency, requests, memory), the simulator, bundle sizes
 * and activation. Prints the tables and writes them to docs/PERFORMANCE.md. Figures, never pass/fail.
 *
 * Options: --runs N (process runs per size, default 5), --edits N (edit pairs per size, default 40),
 * --quick (fewer runs and edits), --out FILE (report path), --no-write.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lintModel } from '../server/src/analysis/lint';
import { targetVersion } from '../server/src/analysis/version';
import { buildModel } from '../server/src/model/config-model';
import { parseConfig } from '../server/src/syntax/parse-config';
import { generateConfig, HAPROXY_ENV, prepareBlocks } from './generate/config-generator';
import { extensionLoadMs } from './measure/activation';
import { bundleSizes } from './measure/bundles';
import { measureLsp } from './measure/lsp';
import { summarize, timeProcess, type MedianRuns } from './measure/processes';
import { measureBundledSimulator } from './measure/simulator';
import { renderReport, type BenchResults } from './report';
import { cpuSince, median } from './stats';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const at = argv.indexOf(name);
  return at >= 0 && Number.isFinite(Number(argv[at + 1])) ? Number(argv[at + 1]) : fallback;
};
const quick = argv.includes('--quick');
const runs = option('--runs', quick ? 3 : 5);
const edits = option('--edits', quick ? 10 : 40);
const outAt = argv.indexOf('--out');
const reportPath = outAt >= 0 ? resolve(argv[outAt + 1]) : join(root, 'docs/PERFORMANCE.md');

const HAPROXY = '/usr/sbin/haproxy';
const SIZES = [1000, 10_000, 50_000];
const log = (message: string) => process.stderr.write(`bench: ${message}\n`);

function inProcessPhases(text: string): { parseMs: number; modelMs: number; lintMs: number } {
  const samples = { parseMs: [] as number[], modelMs: [] as number[], lintMs: [] as number[] };
  for (let i = 0; i < 3; i++) {
    let cpu = process.cpuUsage();
    const file = parseConfig(text);
    samples.parseMs.push(cpuSince(cpu));
    cpu = process.cpuUsage();
    const model = buildModel(file);
    samples.modelMs.push(cpuSince(cpu));
    cpu = process.cpuUsage();
    lintModel(file, model, targetVersion(text));
    samples.lintMs.push(cpuSince(cpu));
  }
  return { parseMs: median(samples.parseMs), modelMs: median(samples.modelMs), lintMs: median(samples.lintMs) };
}

async function main(): Promise<void> {
  const started = new Date();
  log('building bundles (node esbuild.mjs)');
  execFileSync(process.execPath, ['esbuild.mjs'], { cwd: root, stdio: 'inherit' });

  const workDir = join(tmpdir(), 'haproxy-config-tools-bench');
  mkdirSync(workDir, { recursive: true });
  const corpusDir = resolve(root, '../shared/corpus');
  const hasCorpus = existsSync(join(corpusDir, 'oracle-haproxy-2.6.tsv'));
  const hasHaproxy = existsSync(HAPROXY);
  if (!hasCorpus) log('../shared/corpus is absent: building blocks come from the Senex example only');
  if (!hasHaproxy) log(`${HAPROXY} is absent: no haproxy -c comparison, blocks are not validated`);
  log('preparing building blocks (validated with haproxy -c once, then cached)');
  const prepared = await prepareBlocks({
    senexPath: join(root, 'examples/senex/haproxy.cfg'),
    corpusDir: hasCorpus ? corpusDir : undefined,
    haproxy: hasHaproxy ? HAPROXY : undefined,
    workDir,
  });

  const configs = SIZES.map((target) => {
    const text = generateConfig(prepared, target);
    const path = join(workDir, `generated-${target}.cfg`);
    writeFileSync(path, text);
    return { target, text, path, lines: text.split('\n').length - 1, bytes: Buffer.byteLength(text) };
  });

  const cli: BenchResults['cli'] = [];
  for (const config of configs) {
    log(`haproxy-lint vs haproxy -c on ${config.lines} lines (${runs} runs each)`);
    const lintRuns = [];
    const haproxyRuns = [];
    // One untimed run writes the code cache of this build (see bin/load-with-code-cache.js), as a user's first run does.
    timeProcess([process.execPath, join(root, 'bin/haproxy-lint.js'), config.path]);
    for (let i = 0; i < runs; i++) {
      lintRuns.push(timeProcess([process.execPath, join(root, 'bin/haproxy-lint.js'), config.path]));
      if (hasHaproxy) haproxyRuns.push(timeProcess([HAPROXY, '-c', '-q', '-f', config.path], HAPROXY_ENV));
    }
    const haproxy: MedianRuns | undefined = hasHaproxy ? summarize(haproxyRuns) : undefined;
    cli.push({ lines: config.lines, bytes: config.bytes, lint: summarize(lintRuns), haproxy, phases: inProcessPhases(config.text) });
  }

  log(`language server: ${edits} edit pairs on 2k and 50k lines, then every advertised request on 50k lines`);
  const twoK = generateConfig(prepared, 2000);
  const lsp = await measureLsp(join(root, 'bin/haproxy-language-server.js'), [
    { lines: 2000, text: twoK, edits },
    { lines: 50_000, text: configs[2].text, edits: Math.max(5, Math.round(edits / 2)) },
  ], quick ? 10 : 30);

  log('simulator on the Senex example');
  const simulator = await measureBundledSimulator(workDir, join(root, 'examples/senex/haproxy.cfg'), join(root, 'examples/senex/requests.jsonl'), quick ? 1000 : 3000);

  log('bundle sizes and extension load time');
  const bundles = bundleSizes(root);
  const extensionLoad = extensionLoadMs(join(root, 'dist/client/extension.js'), runs);
  const nodeStart = summarize(Array.from({ length: runs }, () => timeProcess([process.execPath, '-e', '0'])));

  const results: BenchResults = {
    date: started.toISOString(),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryGb: totalmem() / 1024 ** 3,
      node: process.version,
      haproxy: hasHaproxy ? execFileSync(HAPROXY, ['-v'], { encoding: 'utf8' }).split('\n')[0] : 'absent',
      load: readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' '),
    },
    blocks: prepared.description,
    runs,
    cli,
    nodeStart,
    lsp,
    simulator,
    bundles,
    extensionLoadMs: extensionLoad,
  };
  const report = renderReport(results);
  process.stdout.write(`${report}\n`);
  if (!argv.includes('--no-write')) {
    mkdirSync(dirname(reportPath), { recursive: true });
    writeFileSync(reportPath, report);
    log(`wrote ${reportPath}`);
  }
}

main().catch((error) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
