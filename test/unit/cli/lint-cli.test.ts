import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../../support/corpus';
import { ensureBuilt } from '../../support/build';

const example = join(repoRoot, 'examples/senex/haproxy.cfg');

function lint(...args: string[]) {
  return lintWith({}, ...args);
}

function lintWith(env: Record<string, string>, ...args: string[]) {
  ensureBuilt('dist/cli/haproxy-lint.js');
  const result = spawnSync(process.execPath, [join(repoRoot, 'bin/haproxy-lint.js'), ...args], { encoding: 'utf8', cwd: repoRoot, env: { ...process.env, ...env } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('haproxy-lint CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'haproxy-lint-'));
  const broken = join(dir, 'broken.cfg');
  writeFileSync(broken, 'global\n  daemon\nfrontend fe\n  use_backend be if { path /x\n  bind :80\n  x "open\n');

  it('exits 0 on the Senex example and prints a summary', () => {
    const { status, stdout } = lint('--summary', example);
    assert.equal(status, 0);
    assert.match(stdout, /frontend fe_https/);
    assert.match(stdout, /findings: 0 errors/);
  });

  it('prints text findings like other linters and exits 1 on an error', () => {
    const { status, stdout } = lint(broken);
    assert.equal(status, 1);
    const lines = stdout.trim().split('\n');
    const escaped = broken.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    assert.ok(lines.some((l) => new RegExp(`^${escaped}:4:21 error .+ \\[syntax\\]$`).test(l)), stdout);
    assert.ok(lines.some((l) => /:6:5 error Unmatched quote/.test(l)));
  });

  it('prints one JSON array of findings with 1-based positions', () => {
    const { status, stdout } = lint('--format', 'json', broken);
    assert.equal(status, 1);
    const findings = JSON.parse(stdout) as Record<string, unknown>[];
    assert.ok(Array.isArray(findings));
    const first = findings.find((f) => f.rule === 'syntax')!;
    assert.deepEqual(Object.keys(first).sort(), ['column', 'endColumn', 'endLine', 'file', 'line', 'message', 'rule', 'severity']);
    assert.deepEqual([first.line, first.column, first.severity, first.rule], [4, 21, 'error', 'syntax']);
  });

  it('prints SARIF 2.1.0 that validates against the schema', async function () {
    const { stdout } = lint('--format=sarif', broken);
    const sarif = JSON.parse(stdout);
    assert.equal(sarif.version, '2.1.0');
    assert.equal(sarif.runs[0].tool.driver.name, 'haproxy-lint');
    const syntax = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'syntax');
    assert.equal(syntax.locations[0].physicalLocation.region.startLine, 4);
    assert.equal(syntax.level, 'error');
    const schemaPath = join(repoRoot, 'node_modules/@microsoft/sarif-multitool-linux/sarif-2.1.0.json');
    if (!existsSync(schemaPath)) {
      console.log('      SARIF schema not installed (.ci/run installs @microsoft/sarif-multitool-linux): schema validation skipped');
      this.skip();
    }
    const { default: Ajv2020 } = await import('ajv/dist/2020.js');
    const ajv = new Ajv2020({ strict: false, validateFormats: false });
    const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
    assert.ok(validate(sarif), JSON.stringify(validate.errors));
  });

  it('says clearly when a file is missing and exits 2', () => {
    const { status, stderr, stdout } = lint(join(dir, 'nope.cfg'));
    assert.equal(status, 2);
    assert.match(stderr, /cannot read .*nope\.cfg: no such file/);
    assert.doesNotMatch(stderr, /at .*\.js:\d+/);
    assert.equal(stdout, '');
  });

  it('rejects bad flags with usage and exit 2', () => {
    assert.equal(lint('--format', 'xml', example).status, 2);
    assert.equal(lint('--haproxy-version', '1.8', example).status, 2);
    assert.equal(lint().status, 2);
    assert.match(lint('--bogus', example).stderr, /unknown option '--bogus'/);
  });

  it('reads .haproxy-lint.json next to the config', () => {
    writeFileSync(join(dir, '.haproxy-lint.json'), JSON.stringify({ rules: { syntax: 'warning' } }));
    const { stdout } = lint('--format', 'json', broken);
    const syntax = (JSON.parse(stdout) as { rule: string; severity: string }[]).filter((f) => f.rule === 'syntax');
    assert.ok(syntax.length > 0 && syntax.every((f) => f.severity === 'warning'));
    writeFileSync(join(dir, '.haproxy-lint.json'), '{ nope');
    assert.equal(lint(broken).status, 2);
  });

  it('keeps a V8 code cache between runs and recovers from a damaged one', () => {
    const cache = mkdtempSync(join(tmpdir(), 'haproxy-lint-cache-'));
    const env = { HAPROXY_CONFIG_TOOLS_CACHE: cache };
    const first = lintWith(env, '--format', 'json', example);
    const files = readdirSync(cache).filter((name) => name.endsWith('.v8cache'));
    assert.equal(files.length, 1, 'the first run writes one cache file');
    const cacheFile = join(cache, files[0]);
    assert.ok(statSync(cacheFile).size > 10_000, 'the cache holds compiled code');
    const second = lintWith(env, '--format', 'json', example);
    assert.deepEqual(second, first);
    writeFileSync(cacheFile, 'not a code cache');
    const third = lintWith(env, '--format', 'json', example);
    assert.deepEqual(third, first);
    assert.ok(statSync(cacheFile).size > 10_000, 'a rejected cache is written again');
  });
});
