import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bindEndpoints, presetRequests } from '../../../server/src/simulator/presets';
import { createSimulator } from '../../../server/src/simulator/simulate';
import { parseConfig } from '../../../server/src/syntax/parse-config';
import { repoRoot } from '../../support/corpus';

const presets = (text: string) => presetRequests(parseConfig(text));

describe('preset requests from a config', () => {
  it('reads bind addresses: wildcard, specific IPv4/IPv6, lists, ranges, families; skips sockets', () => {
    assert.deepEqual(bindEndpoints(':80', []), [{ scheme: 'http', host: '127.0.0.1', port: 80, wildcard: true }]);
    assert.deepEqual(bindEndpoints('*:443', ['ssl', 'crt', 'x.pem']), [{ scheme: 'https', host: '127.0.0.1', port: 443, wildcard: true }]);
    assert.deepEqual(bindEndpoints('10.0.0.5:8080-8090,ipv6@[2001:db8::1]:81', []), [
      { scheme: 'http', host: '10.0.0.5', port: 8080, wildcard: false },
      { scheme: 'http', host: '[2001:db8::1]', port: 81, wildcard: false },
    ]);
    assert.deepEqual(bindEndpoints('/run/haproxy.sock', []), []);
    assert.deepEqual(bindEndpoints('unix@/run/x.sock,abns@x', []), []);
    assert.deepEqual(bindEndpoints('${ADDR}:80', []), []);
  });

  it('gives one request per bind of each HTTP frontend, and a tcp:// connection for TCP ones', () => {
    const requests = presets(`defaults
    mode http
frontend web
    bind :80
    bind 10.1.2.3:443 ssl crt /x.pem
listen db
    mode tcp
    bind :5432
backend be
    server s 127.0.0.1:1
`);
    assert.deepEqual(requests, [
      { method: 'GET', url: 'http://127.0.0.1:80/' },
      { method: 'GET', url: 'https://10.1.2.3:443/' },
      { method: '', url: 'tcp://127.0.0.1:5432' },
    ]);
  });

  it('adds one request per pattern of the ACLs that route: paths, hosts, headers, methods, sources, cookies, parameters', () => {
    const requests = presets(`frontend web
    mode http
    bind :80
    acl static path_beg /static/ /media/
    acl upgrade hdr(Upgrade) -i websocket
    acl api_host hdr(host) -i api.example.com
    acl office src 10.20.0.0/16
    use_backend be_static if static
    use_backend be_ws if { path_beg /ws/ } upgrade
    use_backend be_api if api_host METH_POST
    use_backend be_office if office { url_param(debug) 1 }
    use_backend be_beta if { req.cook(beta) on }
    http-request deny if { path_end .php }
    http-request set-header X-Seen 1 if { path_beg /ignored }
    default_backend be_static
`);
    const urls = requests.map((r) => `${r.method} ${r.url}${r.headers ? ` ${JSON.stringify(r.headers)}` : ''}${r.src ? ` src=${r.src}` : ''}`);
    assert.deepEqual(urls, [
      'GET http://127.0.0.1:80/',
      'GET http://127.0.0.1:80/static/',
      'GET http://127.0.0.1:80/media/',
      'GET http://127.0.0.1:80/ws/ {"Upgrade":"websocket"}',
      'POST http://api.example.com/',
      'GET http://127.0.0.1:80/?debug=1 src=10.20.0.1',
      'GET http://127.0.0.1:80/ {"Cookie":"beta=on"}',
      'GET http://127.0.0.1:80/.php',
    ]);
  });

  it('skips what has no literal value: negated terms, pattern files, regular expressions with operators', () => {
    const requests = presets(`frontend web
    mode http
    bind :80
    acl bots hdr_sub(user-agent) -f /etc/haproxy/bots.lst
    use_backend be_a if !{ path_beg /private/ }
    use_backend be_b if bots
    use_backend be_c if { path_reg ^/v[0-9]+/ }
    use_backend be_d if { path_reg ^/exact/path$ }
`);
    assert.deepEqual(
      requests.map((r) => r.url),
      ['http://127.0.0.1:80/', 'http://127.0.0.1:80/exact/path'],
    );
  });

  it('sends a host-routed request to a specific bind address through dst, with the name in the URL', () => {
    const [, routed] = presets(`frontend web
    mode http
    bind 192.0.2.10:8080
    use_backend be if { hdr_dom(host) -i shop.example.org }
`);
    assert.deepEqual(routed, { method: 'GET', url: 'http://shop.example.org:8080/', dst: '192.0.2.10' });
  });

  it('never repeats a request and never throws on broken or empty input', () => {
    assert.deepEqual(presets(''), []);
    assert.deepEqual(presets('frontend\n  bind\n  use_backend if {'), []);
    const repeated = presets(`frontend web
    mode http
    bind :80
    use_backend a if { path_beg /x }
    use_backend b if { path_beg /x }
`);
    assert.equal(repeated.length, new Set(repeated.map((r) => JSON.stringify(r))).size);
  });

  it('routes each Senex preset to the section its rule names (the presets exercise the config)', () => {
    const file = parseConfig(readFileSync(join(repoRoot, 'examples/senex/haproxy.cfg'), 'utf8'));
    const requests = presetRequests(file);
    const simulator = createSimulator(file);
    const reached = new Set(requests.map((r) => simulator.route(r)).flatMap((r) => [r.backend, r.status === 301 ? 'redirect' : null]));
    for (const target of ['be_acme', 'be_app', 'be_websocket', 'be_static', 'be_api', 'redirect']) assert.ok(reached.has(target), `a preset reaches ${target}`);
    const ws = requests.filter((r) => r.url.includes('/ws/') || r.headers?.Upgrade === 'websocket');
    assert.equal(ws.length, 2, 'one preset per alternative of "is_ws_path || is_websocket"');
  });
});
