import { strict as assert } from 'node:assert';
import { applyAndRecheck, cfg, findingsOf, linesOf } from './helpers';

const RULE = 'https-redirect';

const backends = ['backend be_app', '    server a 10.0.0.1:80', 'backend be_acme', '    server certbot 127.0.0.1:8888', 'backend be_stats', '    stats enable', '    stats uri /'];
const frontend = (bind: string, ...lines: string[]) => cfg('defaults', '    mode http', 'frontend fe', `    bind ${bind}`, ...lines.map((l) => `    ${l}`), ...backends);

describe('rule https-redirect', () => {
  it('reports a plain HTTP frontend forwarding to an application backend, at its bind address', () => {
    const text = frontend(':80', 'default_backend be_app');
    const [finding] = findingsOf(RULE, text);
    assert.equal(finding.range.start.line + 1, 4);
    assert.equal(finding.range.start.column, 9);
  });

  it('accepts the same frontend once it redirects to HTTPS', () => {
    assert.deepEqual(linesOf(RULE, frontend(':80', 'http-request redirect scheme https', 'default_backend be_app')), []);
    assert.deepEqual(linesOf(RULE, frontend(':80', 'redirect scheme https code 301 if !{ ssl_fc }', 'default_backend be_app')), []);
    assert.deepEqual(linesOf(RULE, frontend(':80', 'http-request redirect location https://example.com%[capture.req.uri]', 'default_backend be_app')), []);
  });

  it('accepts ACME challenges, stats pages, loopback and private listeners, TLS and TCP frontends', () => {
    assert.deepEqual(linesOf(RULE, frontend(':80', 'use_backend be_acme if { path_beg /.well-known/acme-challenge/ }')), []);
    assert.deepEqual(linesOf(RULE, frontend(':80', 'default_backend be_stats')), []);
    assert.deepEqual(linesOf(RULE, frontend('127.0.0.1:80', 'default_backend be_app')), []);
    assert.deepEqual(linesOf(RULE, frontend('10.1.2.3:80', 'default_backend be_app')), []);
    assert.deepEqual(linesOf(RULE, frontend(':443 ssl crt /c.pem', 'default_backend be_app')), []);
    assert.deepEqual(linesOf(RULE, frontend(':80', 'mode tcp', 'default_backend be_app')), []);
  });

  it('reports a frontend mixing TLS and plain binds that never redirects', () => {
    assert.deepEqual(linesOf(RULE, cfg('defaults', '    mode http', 'frontend fe', '    bind :443 ssl crt /c.pem', '    bind :80', '    default_backend be_app', ...backends)), [5]);
  });

  it('inserts a redirect before the routing rules that keeps ACME challenges on HTTP', () => {
    const text = frontend(':80', 'acl acme path_beg /.well-known/acme-challenge/', 'use_backend be_acme if acme', 'default_backend be_app');
    const fixed = applyAndRecheck(RULE, text, 4);
    assert.match(fixed, /acl acme path_beg \/\.well-known\/acme-challenge\/\n    http-request redirect scheme https code 301 unless acme\n    use_backend be_acme if acme/);
  });

  it('adds `unless { ssl_fc }` when the frontend also terminates TLS', () => {
    const text = cfg('defaults', '    mode http', 'frontend fe', '    bind :443 ssl crt /c.pem', '    bind :80', '    default_backend be_app', ...backends);
    assert.match(applyAndRecheck(RULE, text, 5), /http-request redirect scheme https code 301 unless \{ ssl_fc \}\n    default_backend be_app/);
  });
});
