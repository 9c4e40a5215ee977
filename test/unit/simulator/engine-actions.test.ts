import assert from 'node:assert/strict';
import { HTTP_DEFAULTS, get, routeAll, serverSequence, simulatorFor } from './helpers';

const BACKENDS = `
backend app
  server a1 127.0.0.1:1
  server a2 127.0.0.1:2
backend api
  server p1 127.0.0.1:3
`;

function frontend(lines: string): string {
  return `${HTTP_DEFAULTS}
frontend fe
  bind 127.0.0.1:8080
${lines}
  default_backend app
${BACKENDS}`;
}

describe('simulator http-request actions', () => {
  it('deny, tarpit, return and auth answer with their status', () => {
    const cfg = frontend(`  http-request deny deny_status 429 if { path /deny }
  http-request deny if { path /deny-default }
  http-request tarpit if { path /tarpit }
  http-request return status 204 content-type text/plain string ok if { path /ret }
  http-request auth realm Admin if { path_beg /admin }`);
    const [deny, denyDefault, tarpit, ret, auth, pass] = routeAll(cfg, ['/deny', '/deny-default', '/tarpit', '/ret', '/admin', '/ok'].map((p) => get(`http://127.0.0.1:8080${p}`)));
    assert.deepEqual([deny.status, denyDefault.status, tarpit.status, ret.status, auth.status, pass.status], [429, 403, 500, 204, 401, null]);
    assert.equal(deny.backend, null);
    assert.equal(pass.server, 'a1');
    const step = deny.trace.find((s) => s.kind === 'http-request' && s.matched);
    assert.equal(step?.line, 9, 'the 1-based line of the deny rule');
    assert.match(step?.detail ?? '', /deny: 429/);
  });

  it('auth lets users of the userlist through', () => {
    const cfg = `${HTTP_DEFAULTS}
userlist admins
  user alice insecure-password s3cret
frontend fe
  bind 127.0.0.1:8080
  http-request auth realm Admin unless { http_auth(admins) }
  default_backend app
${BACKENDS}`;
    const good = `Basic ${Buffer.from('alice:s3cret').toString('base64')}`;
    const bad = `Basic ${Buffer.from('alice:nope').toString('base64')}`;
    const [ok, wrong, none] = routeAll(cfg, [good, bad, undefined].map((a) => get('http://127.0.0.1:8080/', a ? { headers: { Authorization: a } } : {})));
    assert.deepEqual([ok.status, wrong.status, none.status], [null, 401, 401]);
  });

  it('redirect location, prefix and scheme with codes and options', () => {
    const cfg = frontend(`  http-request redirect location /new code 301 if { path /old }
  http-request redirect prefix https://cdn.example.com drop-query if { path_beg /img }
  http-request redirect prefix /v2 append-slash if { path_beg /dir }
  http-request redirect scheme https code 308 if { hdr(host) -i shop.example.com }
  http-request redirect location /login set-cookie SEEN=1 if { path /private }
  redirect location /legacy code 303 if { path /classic }`);
    const results = routeAll(cfg, [
      get('http://127.0.0.1:8080/old'),
      get('http://127.0.0.1:8080/img/a.png?v=3'),
      get('http://127.0.0.1:8080/dir/x'),
      get('http://127.0.0.1:8080/cart?id=1', { headers: { Host: 'shop.example.com' } }),
      get('http://127.0.0.1:8080/private'),
      get('http://127.0.0.1:8080/classic'),
    ]);
    assert.deepEqual(
      results.map((r) => [r.status, r.location]),
      [
        [301, '/new'],
        [302, 'https://cdn.example.com/img/a.png'],
        [302, '/v2/dir/x/'],
        [308, 'https://shop.example.com/cart?id=1'],
        [302, '/login'],
        [303, '/legacy'],
      ],
    );
    assert.equal(results[4].setCookie, 'SEEN=1; path=/;');
    assert.equal(results[5].trace.at(-1)?.kind, 'redirect');
  });

  it('rewrites and variables feed later rules and the backend choice', () => {
    const cfg = frontend(`  http-request set-header X-Tier gold if { src 10.0.0.0/8 }
  http-request set-path /api%[path] if { path_beg /v1 }
  http-request set-var(txn.tenant) req.hdr(host),field(1,.)
  http-request deny deny_status 451 if { var(txn.tenant) -m str blocked }
  use_backend api if { hdr(x-tier) gold } || { path_beg /api }`);
    const [gold, rewritten, blocked, plain] = routeAll(cfg, [
      get('http://127.0.0.1:8080/', { src: '10.1.2.3' }),
      get('http://127.0.0.1:8080/v1/users'),
      get('http://127.0.0.1:8080/', { headers: { Host: 'blocked.example.com' } }),
      get('http://127.0.0.1:8080/'),
    ]);
    assert.equal(gold.backend, 'api');
    assert.equal(rewritten.backend, 'api');
    assert.match(rewritten.trace.find((s) => s.text.includes('set-path'))?.detail ?? '', /now \/api\/v1\/users/);
    assert.equal(blocked.status, 451);
    assert.equal(plain.backend, 'app');
  });

  it('allow stops the rule list; rules keep their order', () => {
    const cfg = frontend(`  http-request allow if { src 127.0.0.0/8 }
  http-request deny`);
    const [local, remote] = routeAll(cfg, [get('http://127.0.0.1:8080/', { src: '127.0.0.9' }), get('http://127.0.0.1:8080/', { src: '192.0.2.1' })]);
    assert.equal(local.status, null);
    assert.equal(local.server, 'a1');
    assert.equal(remote.status, 403);
  });

  it('use-service prometheus-exporter answers 200; Lua is reported as unsupported', () => {
    const cfg = frontend(`  http-request use-service prometheus-exporter if { path /metrics }
  http-request lua.check_token if { path_beg /secure }`);
    const [metrics, lua] = routeAll(cfg, [get('http://127.0.0.1:8080/metrics'), get('http://127.0.0.1:8080/secure/x')]);
    assert.equal(metrics.status, 200);
    assert.equal(metrics.server, null);
    assert.deepEqual(lua.unsupported, ['http-request lua.check_token']);
    assert.ok(lua.trace.some((s) => s.kind === 'unsupported'));
  });

  it('rate limits with track-sc cross their threshold within a run', () => {
    const cfg = frontend(`  stick-table type ip size 1k expire 1m store http_req_rate(10s),http_req_cnt
  http-request track-sc0 src
  http-request deny deny_status 429 if { sc_http_req_rate(0) gt 3 }`);
    const sim = simulatorFor(cfg);
    const statuses = Array.from({ length: 6 }, () => sim.route(get('http://127.0.0.1:8080/', { src: '203.0.113.5' })).status);
    assert.deepEqual(statuses, [null, null, null, 429, 429, 429]);
    assert.equal(sim.route(get('http://127.0.0.1:8080/', { src: '203.0.113.6' })).status, null, 'other clients have their own counter');
    const later = sim.route(get('http://127.0.0.1:8080/', { src: '203.0.113.5', time: 60_000 }));
    assert.equal(later.status, null, 'the rate falls once the period is over');
  });

  it('src_* counters read the table without tracking', () => {
    const cfg = frontend(`  stick-table type ip size 1k store http_req_cnt
  http-request track-sc1 src if { path /count }
  http-request return status 200 if { src_http_req_cnt ge 2 }`);
    const sim = simulatorFor(cfg);
    const seq = ['/count', '/x', '/count', '/x'].map((p) => sim.route(get(`http://127.0.0.1:8080${p}`, { src: '198.51.100.1' })).status);
    assert.deepEqual(seq, [null, null, 200, 200]);
  });
});

describe('simulator backend switching', () => {
  it('dynamic use_backend with a map, falling through when the name is unknown', () => {
    const cfg = `${HTTP_DEFAULTS}
frontend fe
  bind 127.0.0.1:8080
  use_backend %[req.hdr(host),lower,map(hosts.map)]
  use_backend %[str(ghost)]
  default_backend app
${BACKENDS}`;
    const files = { '/cfg/hosts.map': 'api.example.com api\n' };
    const [api, other] = routeAll(cfg, [get('http://127.0.0.1:8080/', { headers: { Host: 'API.example.com' } }), get('http://127.0.0.1:8080/')], { files, baseDir: '/cfg' });
    assert.equal(api.backend, 'api');
    assert.match(api.trace.find((s) => s.kind === 'use_backend')?.detail ?? '', /evaluates to 'api'/);
    assert.equal(other.backend, 'app');
    assert.ok(other.trace.some((s) => s.kind === 'use_backend' && /does not exist/.test(s.detail ?? '')));
  });

  it('a frontend with no backend answers 503', () => {
    const cfg = `${HTTP_DEFAULTS}
frontend fe
  bind 127.0.0.1:8080
`;
    const [r] = routeAll(cfg, [get('http://127.0.0.1:8080/')]);
    assert.equal(r.status, 503);
    assert.equal(r.backend, null);
  });

  it('predefined ACLs and named ACLs ORed over several lines', () => {
    const cfg = frontend(`  acl static path_end .css
  acl static path_end .js
  use_backend api if METH_POST || static`);
    const results = routeAll(cfg, [
      { method: 'POST', url: 'http://127.0.0.1:8080/form' },
      get('http://127.0.0.1:8080/app.js'),
      get('http://127.0.0.1:8080/page'),
    ]);
    assert.deepEqual(results.map((r) => r.backend), ['api', 'api', 'app']);
  });

  it('roundrobin state is shared across requests of one simulator', () => {
    const cfg = frontend('');
    assert.deepEqual(serverSequence(routeAll(cfg, Array.from({ length: 4 }, () => get('http://127.0.0.1:8080/')))), ['a1', 'a2', 'a1', 'a2']);
  });
});

describe('simulator .if blocks', () => {
  it('keeps only the branch HAProxy 2.6 takes and says what it assumed', () => {
    const cfg = `${HTTP_DEFAULTS}
frontend fe
  bind 127.0.0.1:8080
.if version_atleast(2.5)
  use_backend api
.elif defined(FOO)
  use_backend none
.else
  use_backend none
.endif
.if defined(STRICT)
  http-request deny
.endif
  default_backend app
${BACKENDS}`;
    const [r] = routeAll(cfg, [get('http://127.0.0.1:8080/')]);
    assert.equal(r.backend, 'api');
    assert.equal(r.status, null, 'the deny under an undefined variable is not loaded');
    assert.ok(r.unsupported?.some((u) => u.includes('defined(STRICT)')));
  });
});
