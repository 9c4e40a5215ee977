import { strict as assert } from 'node:assert';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver';
import { buildModel } from '../../server/src/model/config-model';
import {
  checkDiagnostics,
  findHaproxy,
  HaproxyChecker,
  haproxyVersion,
  parseCheckOutput,
  runHaproxyCheck,
  type CheckedFile,
} from '../../server/src/lsp/haproxy-check';
import type { HaproxyCheckedParams } from '../../server/src/protocol';
import { parseConfig } from '../../server/src/syntax/parse-config';

const DEBIAN_HAPROXY = '/usr/sbin/haproxy';
const SKIP_HAPROXY = `${DEBIAN_HAPROXY} not found: tests against the real HAProxy skipped`;

const VALID = `global
    log stdout format raw local0

defaults
    mode http
    timeout client 5s
    timeout server 5s
    timeout connect 5s

frontend web
    bind 127.0.0.1:18080
    default_backend app

backend app
    server s1 127.0.0.1:8080 check
`;

const INVALID = VALID.replace('    default_backend app\n', '    default_backend app\n    bogus-keyword on\n').replace('check\n', 'check\n    option httpclose extra\n');

function fileOf(dir: string, name: string, text: string): CheckedFile {
  const path = join(dir, name);
  writeFileSync(path, text);
  return { uri: pathToFileURL(path).href, path, model: buildModel(parseConfig(text)) };
}

describe('haproxy -c output', () => {
  const sample = [
    '[NOTICE]   (30965) : haproxy version is 2.6.12-1+deb12u4',
    "[ALERT]    (30965) : config : parsing [/etc/haproxy/a.cfg:12] : unknown keyword 'foo' in 'frontend' section",
    "[WARNING]  (30965) : config : missing timeouts for backend 'be'.",
    '   | While not properly invalid, you will certainly encounter various problems',
    '   | with such a configuration.',
    "[ALERT]    (30965) : config : Proxy 'fe': unable to find required default_backend: 'be'.",
    '[ALERT]    (30965) : config : Error(s) found in configuration file : /etc/haproxy/a.cfg',
    '[ALERT]    (30965) : config : Fatal errors found in configuration.',
  ].join('\n');

  it('reads alerts and warnings with their location, joins continuation lines and drops the summaries', () => {
    assert.deepEqual(parseCheckOutput(sample), [
      { severity: 'error', file: '/etc/haproxy/a.cfg', line: 12, text: "unknown keyword 'foo' in 'frontend' section" },
      { severity: 'warning', file: undefined, line: undefined, text: "missing timeouts for backend 'be'. While not properly invalid, you will certainly encounter various problems with such a configuration." },
      { severity: 'error', file: undefined, line: undefined, text: "Proxy 'fe': unable to find required default_backend: 'be'." },
    ]);
  });

  it('places located messages at their line, others at the proxy they name, else at the top', () => {
    const text = 'frontend fe\n    bind :80\n\nbackend be\n    server s1 1.1.1.1:80\n';
    const file: CheckedFile = { uri: 'file:///etc/haproxy/a.cfg', path: '/etc/haproxy/a.cfg', model: buildModel(parseConfig(text)) };
    const messages = [
      { severity: 'error' as const, file: '/etc/haproxy/a.cfg', line: 5, text: 'bad server' },
      { severity: 'warning' as const, text: "missing timeouts for backend 'be'." },
      { severity: 'error' as const, text: 'something global' },
    ];
    const diagnostics = checkDiagnostics(messages, [file]).get(file.uri)!;
    assert.deepEqual(
      diagnostics.map((d) => [d.range.start.line, d.range.start.character, d.range.end.character, d.severity, d.source, d.code]),
      [
        [4, 4, 24, 1, 'haproxy', 'haproxy-check'],
        [3, 0, 10, 2, 'haproxy', 'haproxy-check'],
        [0, 0, 11, 1, 'haproxy', 'haproxy-check'],
      ],
    );
  });

  it('uses a configured path only when it is executable, else searches PATH', function () {
    if (process.platform === 'win32') this.skip();
    const dir = mkdtempSync(join(tmpdir(), 'haproxy-path-'));
    try {
      const binary = join(dir, 'haproxy');
      writeFileSync(binary, '#!/bin/sh\n');
      assert.equal(findHaproxy(binary), undefined, 'not executable yet');
      chmodSync(binary, 0o755);
      assert.equal(findHaproxy(binary), binary);
      assert.equal(findHaproxy(undefined, `/nonexistent:${dir}`), binary);
      assert.equal(findHaproxy('/nonexistent/haproxy', dir), undefined, 'a configured path that does not work is not replaced by PATH');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('haproxy -c with the real Debian HAProxy', function () {
  let dir: string;
  before(function () {
    if (!existsSync(DEBIAN_HAPROXY)) {
      console.log(`      ${SKIP_HAPROXY}`);
      this.skip();
    }
    dir = mkdtempSync(join(tmpdir(), 'haproxy-check-'));
  });
  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('reads the version', async () => {
    assert.match((await haproxyVersion(DEBIAN_HAPROXY)) ?? '', /^\d+\.\d+\.\d+/);
  });

  it('accepts a valid config: exit code 0, no diagnostics', async () => {
    const file = fileOf(dir, 'valid.cfg', VALID);
    const run = await runHaproxyCheck(DEBIAN_HAPROXY, [file.path]);
    assert.ok(run.ran);
    assert.equal(run.exitCode, 0, run.output);
    assert.deepEqual(checkDiagnostics(parseCheckOutput(run.output), [file]).get(file.uri), []);
  });

  it('maps the alerts of an invalid config to errors at their lines', async () => {
    const file = fileOf(dir, 'invalid.cfg', INVALID);
    const run = await runHaproxyCheck(DEBIAN_HAPROXY, [file.path]);
    assert.ok(run.ran);
    assert.notEqual(run.exitCode, 0);
    const diagnostics = checkDiagnostics(parseCheckOutput(run.output), [file]).get(file.uri)!;
    const lines = INVALID.split('\n');
    assert.deepEqual(
      diagnostics.map((d) => lines[d.range.start.line].trim()),
      ['bogus-keyword on', 'option httpclose extra'],
    );
    assert.ok(diagnostics.every((d) => d.severity === 1 && d.source === 'haproxy' && d.code === 'haproxy-check'));
    assert.match(String(diagnostics[0].message), /unknown keyword 'bogus-keyword'/);
  });

  it('checks a multi-file config in one run and puts each message in its file', async () => {
    const frontends = fileOf(dir, '10-frontends.cfg', VALID.slice(0, VALID.indexOf('\nbackend app') + 1));
    const backends = fileOf(dir, '20-backends.cfg', 'backend app\n    server s1 127.0.0.1:8080 check\n    no-such-thing\n');
    const run = await runHaproxyCheck(DEBIAN_HAPROXY, [frontends.path, backends.path]);
    assert.ok(run.ran);
    const byFile = checkDiagnostics(parseCheckOutput(run.output), [frontends, backends]);
    assert.deepEqual(byFile.get(frontends.uri), [], 'the backend of the second file satisfies default_backend of the first');
    assert.deepEqual(byFile.get(backends.uri)!.map((d) => d.range.start.line), [2]);
  });

  it('runs through the checker only in a trusted workspace, and reports the version to the client', async () => {
    const file = fileOf(dir, 'saved.cfg', INVALID);
    const notifications: HaproxyCheckedParams[] = [];
    const published: string[] = [];
    const connection = { sendNotification: async (_method: unknown, params: unknown) => void notifications.push(params as HaproxyCheckedParams) };
    const checker = new HaproxyChecker(connection as never, (uri) => published.push(uri));
    checker.configure({ enabled: true, executablePath: DEBIAN_HAPROXY });

    await checker.check(file.uri, [file]);
    assert.deepEqual(notifications.map((n) => n.status), ['untrusted']);
    assert.deepEqual(published, []);

    checker.setTrusted(true);
    await checker.check(file.uri, [file]);
    const last = notifications.at(-1)!;
    assert.equal(last.status, 'checked');
    assert.match(last.version ?? '', /^\d+\.\d+\.\d+/);
    assert.equal(last.errors, 2);
    assert.deepEqual(published, [file.uri]);
    assert.equal(checker.diagnosticsFor(file.uri).length, 2);
  });
});

describe('haproxy -c trust gate', function () {
  it('never starts the binary in an untrusted workspace', async function () {
    if (process.platform === 'win32') this.skip();
    const dir = mkdtempSync(join(tmpdir(), 'haproxy-trust-'));
    try {
      const marker = join(dir, 'ran');
      const fake = join(dir, 'fake-haproxy');
      writeFileSync(fake, `#!/bin/sh\ntouch '${marker}'\necho "HAProxy version 9.9.9"\n`);
      chmodSync(fake, 0o755);
      const file = fileOf(dir, 'x.cfg', VALID);
      const notifications: HaproxyCheckedParams[] = [];
      const checker = new HaproxyChecker({ sendNotification: async (_m: unknown, p: unknown) => void notifications.push(p as HaproxyCheckedParams) } as never, () => undefined);
      checker.configure({ enabled: true, executablePath: fake });
      await checker.check(file.uri, [file]);
      assert.equal(existsSync(marker), false, 'the binary ran in an untrusted workspace');
      checker.setTrusted(true);
      await checker.check(file.uri, [file]);
      assert.equal(existsSync(marker), true, 'the binary did not run once trusted');
      assert.equal(notifications.at(-1)?.version, '9.9.9');
      const diagnostics: Diagnostic[] = checker.diagnosticsFor(file.uri);
      assert.deepEqual(diagnostics, []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
