import { strict as assert } from 'node:assert';
import { applyAndRecheck, cfg, findingsOf, lineOf, linesOf } from './helpers';

const RULE = 'rate-limit';

const frontend = (table: string, ...rules: string[]) =>
  cfg('frontend fe', '    mode http', '    bind 10.0.0.1:80', `    stick-table type ip size 100k expire 10m store ${table}`, '    http-request track-sc0 src', ...rules.map((r) => `    ${r}`), '    default_backend be', 'backend be', '    server a 10.0.0.1:80');

describe('rule rate-limit', () => {
  it('reports a counter read that the tracked table does not store, at the fetch', () => {
    const text = frontend('conn_cur', 'http-request deny if { sc_http_req_rate(0) gt 100 }');
    const [finding] = findingsOf(RULE, text);
    assert.equal(finding.range.start.line + 1, 6);
    assert.equal(text.split('\n')[5].slice(finding.range.start.column, finding.range.end.column), 'sc_http_req_rate');
    assert.match(finding.message, /http_req_rate/);
  });

  it('accepts counters the table stores, in every spelling', () => {
    assert.deepEqual(linesOf(RULE, frontend('http_req_rate(10s),bytes_in_cnt,gpc0', 'acl abuse sc0_http_req_rate gt 100', 'acl big sc0_kbytes_in gt 10', 'http-request sc-inc-gpc0(0) if abuse', 'http-request deny if { src_http_req_rate(fe) gt 5 } big')), []);
  });

  it('follows track-sc to a named table and from a frontend to the backend reading the counter', () => {
    const text = cfg(
      'backend limits',
      '    stick-table type ip size 1k store conn_rate(10s)',
      'frontend fe',
      '    bind 10.0.0.1:80',
      '    http-request track-sc1 src table limits',
      '    default_backend be',
      'backend be',
      '    http-request deny if { sc1_http_err_rate gt 10 }',
      '    server a 10.0.0.1:80',
    );
    assert.deepEqual(linesOf(RULE, text), [8]);
  });

  it('stores the missing counter with the period of the table', () => {
    const text = frontend('conn_cur,http_err_rate(30s)', 'http-request deny if { sc0_http_req_rate gt 100 }');
    assert.match(applyAndRecheck(RULE, text, 6), /store conn_cur,http_err_rate\(30s\),http_req_rate\(30s\)/);
    const noStore = cfg('frontend fe', '    bind 10.0.0.1:80', '    stick-table type ip size 1k', '    http-request track-sc0 src', '    http-request deny if { sc0_gpc0 gt 0 }');
    assert.match(applyAndRecheck(RULE, noStore, 5), /stick-table type ip size 1k store gpc0\n/);
  });

  it('reports track-sc with no table in a proxy without one, as HAProxy refuses it', () => {
    const text = cfg('frontend fe', '    mode http', '    bind :80', '    http-request track-sc0 src');
    const [finding] = findingsOf(RULE, text);
    assert.equal(finding.range.start.line + 1, 4);
    assert.equal(finding.severity, 'error');
    assert.match(applyAndRecheck(RULE, text, 4), /frontend fe\n    stick-table type ip size 100k expire 10m store http_req_rate\(10s\)\n/);
  });

  it('notes a public HTTPS frontend without any rate limiting (info), not a private one or one that limits', () => {
    const bare = (bind: string, ...extra: string[]) => cfg('frontend fe', '    mode http', `    bind ${bind} ssl crt /c.pem`, ...extra.map((l) => `    ${l}`), '    default_backend be', 'backend be');
    const [finding] = findingsOf(RULE, bare(':443'));
    assert.equal(finding.severity, 'info');
    assert.equal(finding.range.start.line + 1, lineOf(bare(':443'), 'frontend'));
    assert.deepEqual(linesOf(RULE, bare('10.0.0.1:443')), []);
    assert.deepEqual(linesOf(RULE, bare(':443', 'rate-limit sessions 100')), []);
  });
});
