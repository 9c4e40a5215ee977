import { strict as assert } from 'node:assert';
import { lintText } from '../../server/src/analysis/lint';
import type { Finding } from '../../server/src/analysis/finding';
import { buildModel } from '../../server/src/model/config-model';
import { formatText } from '../../server/src/navigation/format';
import { createSimulator } from '../../server/src/simulator/simulate';
import { parseConfig } from '../../server/src/syntax/parse-config';

const HEADER = 'global\n    log stdout local0\ndefaults\n    mode http\n    timeout client 5s\n    timeout server 5s\n    timeout connect 5s\n';

interface Outcome {
  findings: Finding[];
  cpuMs: number;
}

/** Lints, models, formats and simulates a text, returning the findings and the CPU time all of it took. */
function analyse(text: string): Outcome {
  const start = process.cpuUsage();
  const findings = lintText(text, { version: '2.6' });
  const file = parseConfig(text);
  buildModel(file);
  formatText(text);
  createSimulator(file).route({ method: 'GET', url: 'http://127.0.0.1/' });
  const used = process.cpuUsage(start);
  return { findings, cpuMs: (used.user + used.system) / 1000 };
}

function syntaxAt(outcome: Outcome, line: number, pattern: RegExp): Finding | undefined {
  return outcome.findings.find((f) => f.rule === 'syntax' && f.range.start.line === line && pattern.test(f.message));
}

function noInternalErrors(outcome: Outcome): void {
  assert.deepEqual(outcome.findings.filter((f) => f.rule === 'internal-error').map((f) => f.message), []);
}

describe('robustness: pathological files get a clear diagnostic and no hang', function () {
  this.timeout(300_000);

  it('one line of 1 MB', () => {
    const outcome = analyse(`${HEADER}backend b\n    server s 127.0.0.1:80\n    description ${'a'.repeat(1024 * 1024)}\n    x${'y'.repeat(1024 * 1024)} z\n`);
    assert.ok(outcome.cpuMs < 20_000, `${outcome.cpuMs} ms`);
    noInternalErrors(outcome);
    assert.equal(outcome.findings.filter((f) => f.rule === 'syntax').length, 0);
    assert.ok(outcome.findings.some((f) => f.range.start.line === 10 && f.severity === 'error'), 'the 1 MB unknown keyword is reported');
  });

  it('100k lines', () => {
    const backends = Array.from({ length: 25_000 }, (_, i) => `backend b${i}\n    balance roundrobin\n    server s1 127.0.0.1:${1000 + (i % 60_000)} check\n    server s2 127.0.0.2:80 check\n`).join('');
    const text = `${HEADER}${backends}`;
    assert.ok(text.split('\n').length > 100_000);
    const outcome = analyse(text);
    assert.ok(outcome.cpuMs < 120_000, `${outcome.cpuMs} ms`);
    noInternalErrors(outcome);
    assert.equal(outcome.findings.filter((f) => f.severity === 'error').length, 0);
  });

  it('a binary file', () => {
    let state = 12345;
    const bytes = Buffer.from(Array.from({ length: 64 * 1024 }, () => (state = (state * 1103515245 + 12345) >>> 0) >>> 24));
    const outcome = analyse(bytes.toString('latin1'));
    noInternalErrors(outcome);
    assert.ok(outcome.cpuMs < 20_000, `${outcome.cpuMs} ms`);
    assert.ok(outcome.findings.some((f) => f.rule === 'syntax' && /NUL character/.test(f.message)), 'NUL bytes are named');
  });

  it('NUL bytes inside a line', () => {
    const outcome = analyse(`${HEADER}frontend f\n    bind :8080\n    http-request deny if { path /a\0b }\n`);
    const nul = syntaxAt(outcome, 9, /NUL character/);
    assert.ok(nul, 'the NUL is reported on its line');
    assert.equal(nul.range.start.column, 34);
  });

  it('CRLF line endings read like LF, with exact lines', () => {
    const outcome = analyse(`${HEADER}backend b\n    server s 127.0.0.1:80 check\n    bogus-keyword 1\n`.replace(/\n/g, '\r\n'));
    assert.equal(outcome.findings.filter((f) => f.rule === 'syntax').length, 0);
    const unknown = outcome.findings.find((f) => f.severity === 'error');
    assert.equal(unknown?.range.start.line, 9);
    assert.equal(unknown?.range.start.column, 4);
  });

  it('lone CR line endings', () => {
    const outcome = analyse(`${HEADER}backend b\n    server s 127.0.0.1:80 check\n`.replace(/\n/g, '\r'));
    assert.ok(syntaxAt(outcome, 0, /lone carriage return/), 'the first lone CR is reported');
  });

  it('a UTF-8 byte order mark', () => {
    const outcome = analyse(`\uFEFF${HEADER}backend b\n    server s 127.0.0.1:80 check\n`);
    const bom = syntaxAt(outcome, 0, /byte order mark/);
    assert.ok(bom);
    assert.equal(bom.range.start.column, 0);
  });

  it('tabs as blanks', () => {
    const outcome = analyse(`${HEADER.replace(/    /g, '\t')}backend\tb\n\tbalance\troundrobin\n\tserver\ts\t127.0.0.1:80\tcheck\n`);
    assert.deepEqual(outcome.findings.filter((f) => f.severity === 'error').map((f) => f.message), []);
    assert.equal(parseConfig(`backend\tb\n\tserver\ts\t1.2.3.4:80\n`).sections[0].directives[0].args[0].value, 's');
  });

  it('deeply nested braces in a condition', () => {
    const depth = 20_000;
    const outcome = analyse(`${HEADER}frontend f\n    bind :8080\n    http-request deny if ${'{ '.repeat(depth)}path /a${' }'.repeat(depth)}\n`);
    assert.ok(outcome.cpuMs < 20_000, `${outcome.cpuMs} ms`);
    noInternalErrors(outcome);
    assert.ok(syntaxAt(outcome, 9, /./), 'the nested condition is reported on its line');
  });

  it('10k ACLs in one condition', () => {
    const count = 10_000;
    const acls = Array.from({ length: count }, (_, i) => `    acl a${i} path_beg /p${i}`).join('\n');
    const condition = Array.from({ length: count }, (_, i) => `a${i}`).join(' || ');
    const defined = analyse(`${HEADER}frontend f\n    bind :8080\n${acls}\n    use_backend b if ${condition}\n    default_backend b\nbackend b\n    server s 127.0.0.1:80 check\n`);
    assert.ok(defined.cpuMs < 30_000, `${defined.cpuMs} ms`);
    noInternalErrors(defined);
    assert.deepEqual(defined.findings.filter((f) => f.severity === 'error').map((f) => f.message).slice(0, 3), []);
    const undefinedAcls = analyse(`${HEADER}frontend f\n    bind :8080\n    use_backend b if ${condition}\nbackend b\n    server s 127.0.0.1:80 check\n`);
    noInternalErrors(undefinedAcls);
    assert.ok(undefinedAcls.findings.filter((f) => f.range.start.line === 9 && f.severity === 'error').length >= count, 'each unknown ACL is reported');
  });

  it('an unterminated quote at the end of the file', () => {
    const outcome = analyse(`${HEADER}backend b\n    server s 127.0.0.1:80 check\n    description "never closed`);
    assert.ok(syntaxAt(outcome, 9, /Unmatched quote/));
    assert.ok(syntaxAt(outcome, 9, /Missing newline/));
  });

  it('an empty file and a file of blanks', () => {
    for (const text of ['', '\n', '   \n\t\n', '#\n', '\r\n\r\n']) noInternalErrors(analyse(text));
  });
});
