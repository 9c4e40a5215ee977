import assert from 'node:assert/strict';
import { HTTP_DEFAULTS, get, routeAll, simulatorFor } from './helpers';

const CONFIG = (rules: string) => `${HTTP_DEFAULTS}
userlist ops
  group admins users ann
  user ann insecure-password pw
  user bob insecure-password pw2
frontend fe
  bind 127.0.0.1:8080
  stick-table type ip size 1k store gpc0,http_req_cnt
${rules}
  http-request return status 299 if { var(txn.probe) -m str ok }
  default_backend web
backend web
  server w1 127.0.0.1:1
  server w2 127.0.0.1:2 disabled
`;

/** True when `cond` holds for the request (the config answers 299 then). */
function holds(cond: string, req = get('http://127.0.0.1:8080/'), extraRules = ''): boolean {
  const [r] = routeAll(CONFIG(`${extraRules}\n  http-request set-var(txn.probe) str(ok) if ${cond}`), [req]);
  return r.status === 299;
}

const basic = (u: string, p: string) => `Basic ${Buffer.from(`${u}:${p}`).toString('base64')}`;

describe('simulator: more fetches', () => {
  const req = get('http://127.0.0.1:8080/p?n=42&x=a', {
    src: '192.0.2.10:51000',
    headers: { Cookie: 'v=7; w=x', 'X-A': '1', 'X-B': '2', Authorization: basic('ann', 'pw') },
  });

  it('numeric and list fetches', () => {
    assert.ok(holds('{ urlp_val(n) eq 42 }', req));
    assert.ok(holds('{ req.cook_val(v) gt 6 }', req));
    assert.ok(holds('{ req.hdr_names -m sub x-a,x-b }', req));
    assert.ok(holds('{ src_port eq 51000 }', req));
    assert.ok(holds('{ fe_id gt 0 } { fe_name fe }', req));
    assert.ok(holds('{ always_true }', req));
    assert.ok(!holds('{ always_false }', req));
    assert.ok(holds('{ nbsrv(web) eq 1 }', req), 'the disabled server does not count');
    assert.ok(holds('{ srv_is_up(web/w1) }', req));
    assert.ok(!holds('{ srv_is_up(web/w2) }', req));
    assert.ok(holds('{ ipv4(10.0.0.1) 10.0.0.0/8 }', req));
    assert.ok(holds('{ date gt 0 } || { date eq 0 }', req));
  });

  it('absolute-form targets give url_ip and url_port', () => {
    const abs = get('http://127.0.0.1:8080/');
    const [r] = routeAll(CONFIG('  http-request set-uri http://10.1.2.3:8081/x\n  http-request set-var(txn.probe) str(ok) if { url_ip 10.1.2.3 } { url_port 8081 } { path /x }'), [abs]);
    assert.equal(r.status, 299);
  });

  it('http_auth and http_auth_group read the userlist', () => {
    assert.ok(holds('{ http_auth(ops) }', req));
    assert.ok(holds('{ http_auth_group(ops) admins }', req));
    const bob = get('http://127.0.0.1:8080/', { headers: { Authorization: basic('bob', 'pw2') } });
    assert.ok(holds('{ http_auth(ops) }', bob));
    assert.ok(!holds('{ http_auth_group(ops) admins }', bob));
    assert.ok(!holds('{ http_auth(ops) }', get('http://127.0.0.1:8080/', { headers: { Authorization: basic('bob', 'no') } })));
  });

  it('request bodies', () => {
    const post = { method: 'POST', url: 'http://127.0.0.1:8080/f', body: 'user=ann&role=ops' };
    assert.ok(holds('{ req.body_param(role) ops }', post));
    assert.ok(holds('{ req.body_len eq 17 }', post));
  });
});

describe('simulator: more converters', () => {
  it('numeric, boolean, hash and table converters', () => {
    assert.ok(holds('{ int(6),xor(3) eq 5 }'));
    assert.ok(holds('{ int(4),or(1) eq 5 }'));
    assert.ok(holds('{ int(0),cpl lt 0 }'));
    assert.ok(holds('{ int(3),odd -m bool }'));
    assert.ok(holds('{ int(4),even -m bool }'));
    assert.ok(holds('{ int(0),not -m bool }'));
    assert.ok(holds('{ int(5),bool -m bool }'));
    assert.ok(holds('{ str(123456789),crc32 eq 3421780262 }'));
    assert.ok(holds('{ str(a),sdbm eq 97 }'));
    assert.ok(holds('{ str(a),wt6 gt 0 }'));
    assert.ok(holds('{ src,in_table(fe) }', get('http://127.0.0.1:8080/'), '  http-request track-sc0 src'));
    assert.ok(holds('{ src,table_http_req_cnt(fe) eq 1 }', get('http://127.0.0.1:8080/'), '  http-request track-sc0 src'));
    assert.ok(!holds('{ src,in_table(fe) }'));
  });
});

describe('simulator: more actions', () => {
  it('header actions change what later rules see', () => {
    const rules = `  http-request add-header X-Seen 1
  http-request add-header X-Seen 2
  http-request del-header X-Drop
  http-request replace-header X-Ver v(\\d+) ver\\1
  http-request replace-value X-List ^b$ B`;
    const req = get('http://127.0.0.1:8080/', { headers: { 'X-Drop': 'x', 'X-Ver': 'v3', 'X-List': 'a, b, c' } });
    assert.ok(holds('{ req.hdr_cnt(x-seen) eq 2 }', req, rules));
    assert.ok(holds('!{ req.hdr(x-drop) -m found }', req, rules));
    assert.ok(holds('{ req.hdr(x-ver) ver3 }', req, rules));
    assert.ok(holds('{ req.fhdr(x-list) -m str "a, B, c" }', req, rules));
  });

  it('request-line actions: set-query, set-uri, set-method, replace-path, replace-uri', () => {
    const req = get('http://127.0.0.1:8080/old/item?x=1');
    assert.ok(holds('{ query y=2 } { path /old/item }', req, '  http-request set-query y=2'));
    assert.ok(holds('{ url /new?z }', req, '  http-request set-uri /new?z'));
    assert.ok(holds('{ method PUT }', req, '  http-request set-method PUT'));
    assert.ok(holds('{ path /new/item } { query x=1 }', req, '  http-request replace-path /old/(.*) /new/\\1'));
    assert.ok(holds('{ url /v2/old/item?x=1 }', req, '  http-request replace-uri ^/(.*) /v2/\\1'));
  });

  it('set-src changes the client address seen by ACLs and counters', () => {
    const req = get('http://127.0.0.1:8080/', { headers: { 'X-Real-IP': '203.0.113.9' } });
    assert.ok(holds('{ src 203.0.113.9 }', req, '  http-request set-src req.hdr(x-real-ip)'));
  });

  it('sc-inc-gpc0 and sc0_get_gpc0 count across requests', () => {
    const sim = simulatorFor(CONFIG(`  http-request track-sc0 src
  http-request sc-inc-gpc0(0) if { path /hit }
  http-request set-var(txn.probe) str(ok) if { sc0_get_gpc0 ge 2 }`));
    const seq = ['/hit', '/x', '/hit', '/x'].map((p) => sim.route(get(`http://127.0.0.1:8080${p}`, { src: '198.51.100.4' })).status);
    assert.deepEqual(seq, [null, null, 299, 299]);
  });

  it('tcp-request content rules run before http-request rules', () => {
    const [r] = routeAll(CONFIG('  tcp-request content reject if { src 192.0.2.0/24 }\n  http-request set-var(txn.probe) str(ok)'), [get('http://127.0.0.1:8080/', { src: '192.0.2.1' })]);
    assert.equal(r.status, null);
    assert.equal(r.reason, 'reject');
    assert.equal(r.trace.at(-1)?.kind, 'tcp-request content');
  });
});
