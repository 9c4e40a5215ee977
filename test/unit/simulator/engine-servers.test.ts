import assert from 'node:assert/strict';
import { HTTP_DEFAULTS, get, routeAll, serverSequence, simulatorFor } from './helpers';

const cookieBackend = (mode: string) => `${HTTP_DEFAULTS}
frontend fe
  bind 127.0.0.1:8080
  default_backend web
backend web
  balance roundrobin
  cookie SRV ${mode}
  server w1 127.0.0.1:1 cookie one
  server w2 127.0.0.1:2 cookie two
  server w3 127.0.0.1:3
`;

const withCookie = (c?: string) => get('http://127.0.0.1:8080/', c ? { headers: { Cookie: c } } : {});

describe('simulator cookie persistence', () => {
  it('insert: sets the cookie on load-balanced requests, follows a valid cookie without setting it again', () => {
    const [first, valid, invalid] = routeAll(cookieBackend('insert indirect nocache httponly secure domain .example.com'), [
      withCookie(),
      withCookie('SRV=two'),
      withCookie('other=1; SRV=bogus'),
    ]);
    assert.equal(first.server, 'w1');
    assert.equal(first.setCookie, 'SRV=one; path=/; domain=.example.com; HttpOnly; Secure');
    assert.equal(valid.server, 'w2');
    assert.equal(valid.setCookie, null);
    assert.equal(valid.reason, 'cookie');
    assert.equal(invalid.server, 'w2', 'an unknown value falls back to round-robin');
    assert.equal(invalid.setCookie, 'SRV=two; path=/; domain=.example.com; HttpOnly; Secure');
    const cookieStep = invalid.trace.find((s) => s.kind === 'cookie' && s.matched === false);
    assert.match(cookieStep?.detail ?? '', /names no server/);
  });

  it('a server without a cookie value gets the cookie removed', () => {
    const results = routeAll(cookieBackend('insert'), [withCookie(), withCookie(), withCookie()]);
    assert.equal(results[2].server, 'w3');
    assert.equal(results[2].setCookie, 'SRV=; Expires=Thu, 01-Jan-1970 00:00:01 GMT; path=/');
  });

  it('a cookie naming a down server is load balanced again, unless option persist', () => {
    const down = { serverStates: [{ backend: 'web', server: 'w1', state: 'down' as const }] };
    const [r] = routeAll(cookieBackend('insert'), [withCookie('SRV=one')], down);
    assert.equal(r.server, 'w2');
    assert.equal(r.setCookie, 'SRV=two; path=/');
    const persist = cookieBackend('insert').replace('  balance roundrobin', '  balance roundrobin\n  option persist');
    assert.equal(routeAll(persist, [withCookie('SRV=one')], down)[0].server, 'w1');
  });

  it('a draining server keeps its cookie users but takes no new ones', () => {
    const drain = { serverStates: [{ backend: 'web', server: 'w1', state: 'drain' as const }] };
    const [sticky, fresh] = routeAll(cookieBackend('insert'), [withCookie('SRV=one'), withCookie()], drain);
    assert.equal(sticky.server, 'w1');
    assert.equal(fresh.server, 'w2');
  });

  it('prefix and rewrite modes read the server from the cookie and add nothing', () => {
    const [prefixed] = routeAll(cookieBackend('prefix'), [withCookie('SRV=two~abc123')]);
    assert.equal(prefixed.server, 'w2');
    assert.equal(prefixed.setCookie, null);
    const [rewrite] = routeAll(cookieBackend('rewrite'), [withCookie()]);
    assert.equal(rewrite.setCookie, null);
  });
});

describe('simulator server states, backups and stickiness', () => {
  const cfg = `${HTTP_DEFAULTS}
frontend fe
  bind 127.0.0.1:8080
  default_backend web
backend web
  server w1 127.0.0.1:1
  server w2 127.0.0.1:2 disabled
  server b1 127.0.0.1:3 backup
  server b2 127.0.0.1:4 backup
`;

  it('disabled servers are in maintenance; backups take over when every active server is down', () => {
    assert.deepEqual(serverSequence(routeAll(cfg, [get('http://127.0.0.1:8080/'), get('http://127.0.0.1:8080/')])), ['w1', 'w1']);
    const down = { serverStates: [{ backend: 'web', server: 'w1', state: 'down' as const }] };
    const results = routeAll(cfg, [get('http://127.0.0.1:8080/'), get('http://127.0.0.1:8080/')], down);
    assert.deepEqual(serverSequence(results), ['b1', 'b1']);
    assert.equal(results[0].reason, 'backup');
    const all = routeAll(cfg.replace('  server w1', '  option allbackups\n  server w1'), [get('http://127.0.0.1:8080/'), get('http://127.0.0.1:8080/')], down);
    assert.deepEqual(serverSequence(all), ['b1', 'b2']);
  });

  it('503 when no server is left', () => {
    const states = ['w1', 'b1', 'b2'].map((server) => ({ backend: 'web', server, state: 'down' as const }));
    const [r] = routeAll(cfg, [get('http://127.0.0.1:8080/')], { serverStates: states });
    assert.equal(r.status, 503);
    assert.equal(r.server, null);
    assert.equal(r.backend, 'web');
  });

  it('use-server and stick on source', () => {
    const sticky = `${HTTP_DEFAULTS}
frontend fe
  bind 127.0.0.1:8080
  default_backend web
backend web
  stick-table type ip size 1k expire 30m
  stick on src
  use-server s3 if { path /pinned }
  server s1 127.0.0.1:1
  server s2 127.0.0.1:2
  server s3 127.0.0.1:3
`;
    const sim = simulatorFor(sticky);
    const a1 = sim.route(get('http://127.0.0.1:8080/', { src: '192.0.2.1' }));
    const b1 = sim.route(get('http://127.0.0.1:8080/', { src: '192.0.2.2' }));
    const a2 = sim.route(get('http://127.0.0.1:8080/', { src: '192.0.2.1' }));
    const pinned = sim.route(get('http://127.0.0.1:8080/pinned', { src: '192.0.2.9' }));
    assert.equal(a1.server, 's1');
    assert.equal(b1.server, 's2');
    assert.equal(a2.server, 's1');
    assert.equal(a2.reason, 'stick');
    assert.equal(pinned.server, 's3');
    assert.equal(pinned.reason, 'use-server');
  });
});

describe('simulator frontend selection and tcp mode', () => {
  const cfg = `${HTTP_DEFAULTS}
frontend wild
  bind :8080
  default_backend web
frontend exact
  bind 127.0.0.2:8080
  default_backend web
frontend tls
  bind 127.0.0.1:8443 ssl crt /x.pem
  use_backend web if { ssl_fc_sni -i secure.example.com }
frontend raw
  mode tcp
  bind 127.0.0.1:5432
  tcp-request connection reject if { src 192.0.2.0/24 }
  default_backend db
backend web
  server w1 127.0.0.1:1
backend db
  mode tcp
  balance leastconn
  server d1 127.0.0.1:2
  server d2 127.0.0.1:3
`;

  it('an exact address wins over a wildcard; a name matches any bind on the port', () => {
    const [exact, wild, named] = routeAll(cfg, [get('http://127.0.0.2:8080/'), get('http://127.0.0.1:8080/'), get('http://www.example.com:8080/')]);
    assert.equal(exact.frontend, 'exact');
    assert.equal(wild.frontend, 'wild');
    assert.equal(named.frontend, 'wild');
  });

  it('TLS binds need https and see the SNI; mismatches and unknown ports are errors', () => {
    const [sni, plainOnTls, tlsOnPlain, nowhere] = routeAll(cfg, [
      get('https://127.0.0.1:8443/', { sni: 'secure.example.com' }),
      get('http://127.0.0.1:8443/'),
      get('https://127.0.0.1:8080/'),
      get('http://127.0.0.1:9999/'),
    ]);
    assert.equal(sni.backend, 'web');
    assert.match(plainOnTls.error ?? '', /expects TLS/);
    assert.match(tlsOnPlain.error ?? '', /without TLS/);
    assert.match(nowhere.error ?? '', /no frontend listens on 127\.0\.0\.1:9999/);
  });

  it('tcp-mode connections are balanced and tcp-request rules close them', () => {
    const conns = routeAll(cfg, [
      { method: '', url: 'tcp://127.0.0.1:5432', src: '198.51.100.1' },
      { method: '', url: 'tcp://127.0.0.1:5432', src: '198.51.100.2' },
      { method: '', url: 'tcp://127.0.0.1:5432', src: '192.0.2.7' },
    ]);
    assert.deepEqual(serverSequence(conns), ['d1', 'd2', '-']);
    assert.equal(conns[2].status, null);
    assert.equal(conns[2].reason, 'reject');
  });
});

describe('simulator robustness', () => {
  it('never throws on bad requests or odd configs', () => {
    const sim = simulatorFor('frontend\n  bind\nbackend\n  balance nonsense\n  server\n  stick on\nlisten x :80\n  use_backend %[\n');
    const inputs: unknown[] = [null, {}, { method: 'GET' }, { method: 'GET', url: 'http://127.0.0.1:80/' }, { method: 5, url: 7 }];
    for (const input of inputs) {
      const r = sim.route(input as never);
      assert.equal(typeof r, 'object');
      assert.ok(Array.isArray(r.trace));
    }
  });

  it('routes 20k requests per CPU-second or more on a mid-sized config', () => {
    const cfg = `${HTTP_DEFAULTS}
frontend fe
  bind 127.0.0.1:8080
  acl api path_beg /api/
  acl static path_end .css .js .png
  http-request deny if { path_reg ^/admin/[0-9]+$ }
  use_backend api if api
  use_backend static if static
  default_backend app
backend app
  cookie SID insert indirect nocache
  server a1 127.0.0.1:1 cookie a1 weight 3
  server a2 127.0.0.1:2 cookie a2
backend api
  balance uri
  server p1 127.0.0.1:3
  server p2 127.0.0.1:4
backend static
  balance source
  server s1 127.0.0.1:5
  server s2 127.0.0.1:6
`;
    const sim = simulatorFor(cfg);
    const reqs = ['/api/x', '/app.css', '/', '/admin/12'].map((p) => get(`http://127.0.0.1:8080${p}`));
    const n = 20000;
    for (let i = 0; i < 2000; i++) sim.route(reqs[i % reqs.length]);
    const start = process.cpuUsage();
    for (let i = 0; i < n; i++) sim.route(reqs[i % reqs.length]);
    const used = process.cpuUsage(start);
    const perCpuSecond = n / ((used.user + used.system) / 1e6);
    assert.ok(perCpuSecond > 20000, `${Math.round(perCpuSecond)} requests per CPU-second`);
  });
});

describe('simulator server choice details observed on HAProxy 2.6', () => {
  it('a matching use-server wins over a valid cookie and adds no Set-Cookie', () => {
    const cfg = `${HTTP_DEFAULTS}
frontend fe
  bind 127.0.0.1:8080
  default_backend web
backend web
  cookie C insert
  use-server u2 if { path /pin }
  server u1 127.0.0.1:1 cookie u1
  server u2 127.0.0.1:2 cookie u2
`;
    const [r] = routeAll(cfg, [get('http://127.0.0.1:8080/pin', { headers: { Cookie: 'C=u1' } })]);
    assert.equal(r.server, 'u2');
    assert.equal(r.setCookie, null);
  });

  it('servers without an id get ids counted past the explicit ones (consistent ring positions)', () => {
    const cfg = (ids: string[]) => `${HTTP_DEFAULTS}
frontend fe
  bind 127.0.0.1:8080
  default_backend web
backend web
  balance source
  hash-type consistent
  server i1 127.0.0.1:1 ${ids[0]}
  server i2 127.0.0.1:2 ${ids[1]}
  server i3 127.0.0.1:3 ${ids[2]}
`;
    const clients = Array.from({ length: 30 }, (_, i) => get('http://127.0.0.1:8080/', { src: `127.0.${i}.${3 + i * 7}` }));
    const implicit = serverSequence(routeAll(cfg(['id 10', '', 'id 3']), clients));
    const explicit = serverSequence(routeAll(cfg(['id 10', 'id 2', 'id 3']), clients));
    assert.deepEqual(implicit, explicit, 'the unnamed second server gets id 2');
  });

  it('a server with redir makes HAProxy answer 302 itself', () => {
    const cfg = `${HTTP_DEFAULTS}
frontend fe
  bind 127.0.0.1:8080
  default_backend web
backend web
  server r1 127.0.0.1:1 redir http://elsewhere.example.com
`;
    const [getReq, post] = routeAll(cfg, [get('http://127.0.0.1:8080/p?q=1'), { method: 'POST', url: 'http://127.0.0.1:8080/p' }]);
    assert.deepEqual([getReq.status, getReq.location, getReq.server], [302, 'http://elsewhere.example.com/p?q=1', null]);
    assert.deepEqual([post.status, post.server], [null, 'r1']);
  });

  it('a dynamic use_backend naming no backend stops the rules: default_backend serves', () => {
    const cfg = `${HTTP_DEFAULTS}
frontend fe
  bind 127.0.0.1:8080
  use_backend %[str(ghost)]
  use_backend other
  default_backend web
backend web
  server w1 127.0.0.1:1
backend other
  server o1 127.0.0.1:2
`;
    const [r] = routeAll(cfg, [get('http://127.0.0.1:8080/')]);
    assert.equal(r.backend, 'web');
  });
});

describe('simulator TLS passthrough', () => {
  it('a tcp-mode frontend routes on the SNI of a ClientHello it does not terminate', () => {
    const cfg = `defaults
  mode tcp
frontend sni
  bind 127.0.0.1:443
  tcp-request inspect-delay 5s
  tcp-request content accept if { req_ssl_hello_type 1 }
  use_backend shop if { req_ssl_sni -i shop.example.com }
  default_backend other
backend shop
  server s1 127.0.0.1:1
backend other
  server o1 127.0.0.1:2
`;
    const [shop, other] = routeAll(cfg, [
      get('https://shop.example.com/', { dst: '127.0.0.1' }),
      get('https://127.0.0.1/', { sni: 'www.example.com' }),
    ]);
    assert.equal(shop.backend, 'shop');
    assert.equal(other.backend, 'other');
  });
});

describe('simulator tracked servers', () => {
  it('a server with track follows the state of the server it tracks', () => {
    const cfg = `${HTTP_DEFAULTS}
frontend fe
  bind 127.0.0.1:8080
  use_backend mirror if { path /m }
  default_backend web
backend web
  server w1 127.0.0.1:1 check
  server w2 127.0.0.1:2 check
backend mirror
  server m1 127.0.0.1:1 track web/w1
  server m2 127.0.0.1:2 track web/w2
`;
    const results = routeAll(cfg, [get('http://127.0.0.1:8080/m'), get('http://127.0.0.1:8080/m')], {
      serverStates: [{ backend: 'web', server: 'w1', state: 'down' }],
    });
    assert.deepEqual(serverSequence(results), ['m2', 'm2']);
  });
});
