import { createHash } from 'node:crypto';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { blockFromConfig, localizeBlock, renameBlock, type Block } from './blocks';

export interface BenchFiles {
  /** A combined PEM (certificate and key) for `crt` and `ca-file`. */
  cert: string;
  /** A minimal HTTP response for `errorfile`. */
  errorFile: string;
}

export interface PreparedBlocks {
  /** The global section written once at the top (the Senex example's). */
  header: string;
  blocks: Block[];
  /** What the blocks were made of, for the report. */
  description: string;
  files: BenchFiles;
}

/** Environment HAProxy needs to load the Senex example (its `.if` refuses to start without a password). */
export const HAPROXY_ENV = { ...process.env, HAPROXY_STATS_PASSWORD: 'bench' };

/** Creates the dummy certificate and error file once in `workDir`. */
export function benchFiles(workDir: string): BenchFiles {
  mkdirSync(workDir, { recursive: true });
  const cert = join(workDir, 'dummy-cert.pem');
  const errorFile = join(workDir, 'dummy-503.http');
  if (!existsSync(cert)) {
    const key = join(workDir, 'dummy-key.pem');
    const crt = join(workDir, 'dummy-crt.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', crt, '-days', '3650', '-subj', '/CN=haproxy-bench'], { stdio: 'ignore' });
    writeFileSync(cert, readFileSync(crt, 'utf8') + readFileSync(key, 'utf8'));
  }
  if (!existsSync(errorFile)) writeFileSync(errorFile, 'HTTP/1.0 503 Service Unavailable\r\nContent-Type: text/plain\r\n\r\nbench\n');
  return { cert, errorFile };
}

function runHaproxyCheck(haproxy: string, file: string): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(haproxy, ['-c', '-q', '-f', file], { stdio: 'ignore', env: HAPROXY_ENV });
    child.on('error', () => resolve(-1));
    child.on('exit', (code) => resolve(code ?? -1));
  });
}

/** Runs `work` over `items`, `limit` at a time. */
async function inParallel<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * Keeps the blocks that HAProxy accepts on their own (after the global header), so that the generated
 * files are valid configs and `haproxy -c` reads them to the end. Verdicts are cached in `workDir`.
 */
async function acceptedByHaproxy(blocks: Block[], header: string, haproxy: string, workDir: string): Promise<Block[]> {
  const cachePath = join(workDir, 'haproxy-verdicts.json');
  const cache: Record<string, boolean> = existsSync(cachePath) ? JSON.parse(readFileSync(cachePath, 'utf8')) : {};
  const verdicts = await inParallel(blocks, 2, async (block) => {
    const text = `${header}\n${renameBlock(block, '_v')}`;
    const key = createHash('sha256').update(text).digest('hex');
    if (!(key in cache)) {
      const file = join(workDir, `validate-${key.slice(0, 16)}.cfg`);
      writeFileSync(file, text);
      const code = await runHaproxyCheck(haproxy, file);
      cache[key] = code === 0 || code === 2;
    }
    return cache[key];
  });
  writeFileSync(cachePath, JSON.stringify(cache));
  return blocks.filter((_, i) => verdicts[i]);
}

export interface PrepareOptions {
  senexPath: string;
  /** The shared corpus folder, or undefined when absent. */
  corpusDir?: string;
  /** HAProxy binary for validation, or undefined when absent (blocks are then used unchecked). */
  haproxy?: string;
  workDir: string;
}

/** Reads the Senex example and the accepted corpus configs into building blocks. */
export async function prepareBlocks(options: PrepareOptions): Promise<PreparedBlocks> {
  const files = benchFiles(options.workDir);
  const senex = blockFromConfig('examples/senex/haproxy.cfg', readFileSync(options.senexPath, 'utf8'));
  if (!senex.block || !senex.global) throw new Error('the Senex example has no global section or no proxies');
  const header = localizeBlock(senex.global, files);
  const senexBlock = { ...senex.block, text: localizeBlock(senex.block.text, files) };
  const candidates: Block[] = [];
  if (options.corpusDir) {
    const oracle = readFileSync(join(options.corpusDir, 'oracle-haproxy-2.6.tsv'), 'utf8').split('\n').slice(1);
    const accepted = new Set(
      oracle
        .map((line) => line.split('\t'))
        .filter(([, , , category, , envfixExit]) => category === 'valid' || (category === 'env' && envfixExit === '0'))
        .map(([file]) => file),
    );
    for (const name of readdirSync(join(options.corpusDir, 'configs')).sort()) {
      if (!accepted.has(`configs/${name}`)) continue;
      const { block } = blockFromConfig(name, readFileSync(join(options.corpusDir, 'configs', name), 'utf8'));
      if (block) candidates.push({ ...block, text: localizeBlock(block.text, files) });
    }
  }
  const corpusBlocks = options.haproxy ? await acceptedByHaproxy(candidates, header, options.haproxy, options.workDir) : candidates;
  const description = options.corpusDir
    ? `the Senex example plus ${corpusBlocks.length} blocks (sections of one corpus config each) from ${candidates.length} accepted corpus configs${options.haproxy ? ' that HAProxy 2.6 also accepts after localisation' : ''}`
    : 'the Senex example only (../shared/corpus is absent)';
  return { header, blocks: [senexBlock, ...corpusBlocks], description, files };
}

/**
 * A config of at least `targetLines` lines: the global header, then copies of the blocks in turn, each copy's
 * section names suffixed with its number so they stay unique.
 */
export function generateConfig(prepared: PreparedBlocks, targetLines: number): string {
  const parts = [prepared.header];
  let lines = prepared.header.split('\n').length;
  for (let copy = 0; lines < targetLines; copy++) {
    const block = prepared.blocks[copy % prepared.blocks.length];
    const text = renameBlock(block, `_g${copy}`);
    parts.push(text);
    lines += block.lineCount;
  }
  return `${parts.join('\n')}\n`;
}
