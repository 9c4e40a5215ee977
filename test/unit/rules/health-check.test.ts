import { strict as assert } from 'node:assert';
import { applyAndRecheck, cfg, findingsOf, lineOf, linesOf } from './helpers';

const RULE = 'health-check';

describe('rule health-check', () => {
  it('reports servers without check in a backend of several servers, at each server', () => {
    const text = cfg('backend be', '    mode tcp', '    server a 10.0.0.1:80', '    server b 10.0.0.2:80 check');
    const [finding] = findingsOf(RULE, text);
    assert.equal(finding.range.start.line + 1, 3);
    assert.equal(finding.severity, 'warning');
  });

  it('accepts one server alone, and checks enabled by default-server (own or from defaults)', () => {
    assert.deepEqual(linesOf(RULE, cfg('backend be', '    mode tcp', '    server a 10.0.0.1:80')), []);
    assert.deepEqual(linesOf(RULE, cfg('backend be', '    mode tcp', '    default-server check', '    server a 10.0.0.1:80', '    server b 10.0.0.2:80')), []);
    assert.deepEqual(linesOf(RULE, cfg('defaults', '    mode tcp', '    default-server check inter 2s', 'backend be', '    server a 10.0.0.1:80', '    server b 10.0.0.2:80')), []);
  });

  it('reports a lone server when a backup is meant to take over, and honours no-check', () => {
    assert.deepEqual(linesOf(RULE, cfg('backend be', '    mode tcp', '    server a 10.0.0.1:80', '    server b 10.0.0.2:80 check backup')), [3]);
    assert.deepEqual(linesOf(RULE, cfg('backend be', '    mode tcp', '    default-server check', '    server a 10.0.0.1:80 no-check', '    server b 10.0.0.2:80')), [4]);
  });

  it('counts a server tracking another one as checked', () => {
    assert.deepEqual(linesOf(RULE, cfg('backend be', '    mode tcp', '    server a 10.0.0.1:80 track other/a', '    server b 10.0.0.2:80 check', 'backend other', '    mode tcp', '    server a 10.0.0.1:80 check')), []);
  });

  it('counts server-template as several servers', () => {
    assert.deepEqual(linesOf(RULE, cfg('backend be', '    mode tcp', '    server-template web 3 app.local:80')), [3]);
  });

  it('appends check to the server', () => {
    const text = cfg('backend be', '    mode tcp', '    server a 10.0.0.1:80 # primary', '    server b 10.0.0.2:80 check');
    assert.match(applyAndRecheck(RULE, text, 3), /server a 10\.0\.0\.1:80 check # primary/);
  });

  it('suggests an HTTP check for an HTTP backend checked by connection only (info)', () => {
    const text = cfg('backend be', '    mode http', '    server a 10.0.0.1:80 check');
    const [finding] = findingsOf(RULE, text);
    assert.equal(finding.severity, 'info');
    assert.equal(finding.range.start.line + 1, 1);
    assert.deepEqual(linesOf(RULE, cfg('backend be', '    mode http', '    option httpchk GET /health/', '    server a 10.0.0.1:80 check')), []);
    assert.deepEqual(linesOf(RULE, cfg('backend be', '    mode http', '    http-check send meth GET uri /', '    server a 10.0.0.1:80 check')), []);
    assert.match(applyAndRecheck(RULE, text, 1), /backend be\n    option httpchk GET \/health\/\n/);
  });

  it('suggests pgsql-check for a PostgreSQL backend, unless an HTTP agent check is used (Patroni)', () => {
    const pg = cfg('listen pg', '    mode tcp', '    bind :5432', '    server p1 10.0.2.1:5432 check');
    assert.match(findingsOf(RULE, pg)[0].message, /PostgreSQL/);
    assert.deepEqual(linesOf(RULE, cfg('listen pg', '    mode tcp', '    bind :5432', '    option httpchk', '    server p1 10.0.2.1:5432 check port 8008')), []);
    assert.match(applyAndRecheck(RULE, pg, 1), /option pgsql-check user haproxy/);
  });

  it('reports a Redis backend whose checks cannot find the master', () => {
    const redis = cfg('backend be_redis', '    mode tcp', '    server r1 10.0.3.1:6379 check', '    server r2 10.0.3.2:6379 check');
    const [finding] = findingsOf(RULE, redis);
    assert.match(finding.message, /master/);
    const fixed = applyAndRecheck(RULE, redis, 1);
    assert.match(fixed, /tcp-check expect string role:master/);
    assert.deepEqual(linesOf(RULE, cfg('backend be_redis', '    mode tcp', '    server r1 10.0.3.1:6379 check', '    server r2 10.0.3.2:6379 check backup')), []);
    assert.equal(lineOf(fixed, 'option tcp-check'), 2);
  });
});
