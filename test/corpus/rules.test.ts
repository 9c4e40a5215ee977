import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Finding } from '../../server/src/analysis/finding';
import { lintText } from '../../server/src/analysis/lint';
import { acceptedConfigs, hasCorpus, oracleRows, SKIP_CORPUS_MESSAGE } from '../support/corpus';
import { TOPOLOGY_RULES } from '../unit/rules/helpers';

/** The rules of the topology issue, whose findings this test measures. */
const RULES = new Set(TOPOLOGY_RULES);

const HAPROXY_BIN = process.env.HAPROXY_BIN ?? '/usr/sbin/haproxy';

function haproxyAvailable(): boolean {
  try {
    accessSync(HAPROXY_BIN, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Every request-rule stage written out of order, plus proxies without timeouts: what HAProxy 2.6 warns about. */
const STAGES_CONFIG = [
  'defaults',
  '    mode http',
  'frontend fe',
  '    bind 127.0.0.1:18080',
  '    acl a path /a',
  '    use_backend be if a',
  '    monitor fail if a',
  '    tcp-request inspect-delay 5s',
  '    tcp-request connection accept',
  '    tcp-request session accept',
  '    redirect location /y if a',
  '    http-request deny if a',
  '    tcp-request content accept',
  '    default_backend be',
  'backend be',
  '    acl a path /a',
  '    use-server s1 if a',
  '    http-request deny if a',
  '    server s1 127.0.0.1:18081',
  'backend be_tcp',
  '    mode tcp',
  '    timeout connect 5s',
  '    timeout tunnel 5s',
  '    server s1 127.0.0.1:18082',
  'listen li',
  '    bind 127.0.0.1:18083',
  '    timeout client 5s',
  '    server s1 127.0.0.1:18084',
  '',
].join('\n');

/** Output (stdout and stderr) of `haproxy -c` on a file, run with an empty environment in an empty folder. */
function haproxyCheck(path: string, cwd: string): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn(HAPROXY_BIN, ['-c', '-f', path], { cwd, env: { PATH: process.env.PATH ?? '/usr/bin:/bin' }, timeout: 60_000 });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', () => resolve(output));
    child.on('close', () => resolve(output));
  });
}

/** Maps with at most `limit` calls in flight, keeping the order of the results. */
async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

const lintCache = new Map<string, Finding[]>();
function lint(path: string): Finding[] {
  let findings = lintCache.get(path);
  if (!findings) {
    findings = lintText(readFileSync(path, 'utf8'), { version: '2.6' }).filter((f) => RULES.has(f.rule));
    lintCache.set(path, findings);
  }
  return findings;
}

describe('corpus: topology and correctness rules', function () {
  before(function () {
    if (!hasCorpus) {
      console.log(`    ${SKIP_CORPUS_MESSAGE}`);
      this.skip();
    }
  });

  it('gives no error-severity finding on configs HAProxy 2.6 accepted, and reports warnings per rule', () => {
    const errors: string[] = [];
    const counts = new Map<string, Map<string, number>>();
    const accepted = acceptedConfigs();
    for (const row of accepted) {
      for (const finding of lint(row.path)) {
        if (finding.severity === 'error') errors.push(`${row.file}:${finding.range.start.line + 1} ${finding.rule}: ${finding.message}`);
        const bySeverity = counts.get(finding.rule) ?? new Map<string, number>();
        bySeverity.set(finding.severity, (bySeverity.get(finding.severity) ?? 0) + 1);
        counts.set(finding.rule, bySeverity);
      }
    }
    const table = [...RULES]
      .map((rule) => ({ rule, warnings: counts.get(rule)?.get('warning') ?? 0, infos: counts.get(rule)?.get('info') ?? 0 }))
      .sort((a, b) => b.warnings - a.warnings || b.infos - a.infos);
    console.log(`    findings over ${accepted.length} accepted configs (warnings / info):`);
    for (const { rule, warnings, infos } of table) console.log(`      ${String(warnings).padStart(4)} / ${String(infos).padStart(3)}  ${rule}`);
    assert.deepEqual(errors, []);
  });

  it('reports missing timeouts and misplaced rules exactly where HAProxy 2.6 warns', async function () {
    if (!haproxyAvailable()) {
      console.log(`    skipped: no HAProxy binary at ${HAPROXY_BIN}`);
      this.skip();
    }
    this.timeout(300_000);
    const workDir = mkdtempSync(join(tmpdir(), 'haproxy-rules-'));
    try {
      const synthetic = join(workDir, 'stages.cfg');
      writeFileSync(synthetic, STAGES_CONFIG);
      const rows = [{ file: 'stages.cfg (synthetic)', path: synthetic }, ...oracleRows().filter((r) => r.category === 'valid')];
      const outputs = await mapLimit(rows, 8, (row) => haproxyCheck(row.path, workDir));
      const mismatches: string[] = [];
      let warnings = 0;
      rows.forEach((row, i) => {
        const output = outputs[i];
        const expectedTimeouts = [...output.matchAll(/missing timeouts for \w+ '([^']+)'/g)].map((m) => m[1]).sort();
        const expectedMisplaced = [...output.matchAll(/parsing \[[^\]]*:(\d+)\] : a '[^']+' rule placed after/g)].map((m) => Number(m[1]));
        const findings = lint(row.path);
        const timeouts = findings.filter((f) => f.rule === 'missing-timeouts').map((f) => /^\w+ '([^']+)'/.exec(f.message)?.[1] ?? '?').sort();
        const misplaced = findings.filter((f) => f.rule === 'misplaced-rule').map((f) => f.range.start.line + 1);
        warnings += expectedTimeouts.length + expectedMisplaced.length;
        if (JSON.stringify(timeouts) !== JSON.stringify(expectedTimeouts) || JSON.stringify(misplaced) !== JSON.stringify(expectedMisplaced)) {
          mismatches.push(`${row.file}: haproxy timeouts [${expectedTimeouts}] misplaced [${expectedMisplaced}]; lint timeouts [${timeouts}] misplaced [${misplaced}]`);
        }
      });
      console.log(`    compared with haproxy -c on ${rows.length} configs (${warnings} HAProxy warnings)`);
      assert.ok(warnings > 10, 'the comparison saw too few HAProxy warnings to mean anything');
      assert.deepEqual(mismatches, []);
    } finally {
      rmSync(workDir, { recursive: true, force: true });
    }
  });
});
