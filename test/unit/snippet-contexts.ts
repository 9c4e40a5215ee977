/**
 * Where each snippet of snippets/haproxy.json goes in a real file: the smallest clean config around it, so the
 * expanded snippet can be parsed, linted and run through `haproxy -c` on its own. Every snippet needs an entry.
 */

const GLOBAL = `global
    log stdout format raw local0
    maxconn 2000
    ssl-default-bind-ciphers ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384
    ssl-default-bind-ciphersuites TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256
    ssl-default-bind-options ssl-min-ver TLSv1.2 no-tls-tickets
`;

const DEFAULTS_HTTP = `defaults
    mode http
    log global
    option httplog
    timeout connect 5s
    timeout client 30s
    timeout server 30s
    timeout http-request 10s
    timeout tunnel 1h
    timeout check 3s
`;

const DEFAULTS_TCP = `defaults
    mode tcp
    log global
    option tcplog
    timeout connect 5s
    timeout client 30m
    timeout server 30m
    timeout check 3s
`;

/** An HTTPS frontend that passes every Senex check, with room for extra lines before its routing. */
function httpsFrontend(inner = '', routing = '    default_backend be_app\n'): string {
  return `frontend fe_https
    bind :443 ssl crt /etc/haproxy/certs/site.pem alpn h2,http/1.1 ssl-min-ver TLSv1.2
    http-response set-header Strict-Transport-Security "max-age=63072000"
    stick-table type ip size 100k expire 10m store http_req_rate(10s)
    http-request track-sc0 src
    http-request deny deny_status 429 if { sc_http_req_rate(0) gt 100 }
${inner}${routing}`;
}

function appBackend(name = 'be_app'): string {
  return `backend ${name}
    option httpchk GET /health/
    http-check expect status 200
    server ${name}_web01 10.0.1.11:8000 check
`;
}

const indent = (snippet: string) =>
  snippet
    .split('\n')
    .map((line) => (line.trim() ? `    ${line}` : line))
    .join('\n')
    .replace(/\s*$/, '\n');
const section = (snippet: string) => `${snippet.replace(/\t/g, '    ').replace(/\s*$/, '')}\n`;
const join = (...parts: string[]) => parts.join('\n');

export const SNIPPET_CONTEXTS: Record<string, (snippet: string) => string> = {
  'Global section': (s) => join(section(s), DEFAULTS_HTTP, httpsFrontend(), appBackend()),
  'Defaults section': (s) => join(GLOBAL, section(s), httpsFrontend(), appBackend()),
  ACL: (s) =>
    join(GLOBAL, DEFAULTS_HTTP, httpsFrontend(indent(s), '    use_backend be_api if is_api\n    default_backend be_app\n'),
      appBackend(), appBackend('be_api')),
  use_backend: (s) =>
    join(GLOBAL, DEFAULTS_HTTP, httpsFrontend('    acl is_api path_beg /api/\n', `${indent(s)}    default_backend be_app\n`),
      appBackend(), appBackend('be_api')),
  'Server line': (s) =>
    join(GLOBAL, DEFAULTS_HTTP, httpsFrontend(),
      `backend be_app\n    option httpchk GET /health/\n    http-check expect status 200\n    cookie SERVERID insert indirect nocache\n${indent(s)}`),
  'HTTP to HTTPS redirect frontend': (s) => join(GLOBAL, DEFAULTS_HTTP, section(s), httpsFrontend(), appBackend()),
  'HTTPS frontend': (s) => join(GLOBAL, DEFAULTS_HTTP, section(s), appBackend()),
  'Rate limiting': (s) =>
    join(GLOBAL, DEFAULTS_HTTP, `frontend fe_https
    bind :443 ssl crt /etc/haproxy/certs/site.pem alpn h2,http/1.1 ssl-min-ver TLSv1.2
    http-response set-header Strict-Transport-Security "max-age=63072000"
${indent(s)}    default_backend be_app
`, appBackend()),
  'WebSocket backend': (s) =>
    join(GLOBAL, DEFAULTS_HTTP,
      httpsFrontend('    acl is_websocket hdr(Upgrade) -i websocket\n', '    use_backend be_websocket if is_websocket\n    default_backend be_app\n'),
      appBackend(), section(s)),
  'Django backend': (s) => join(GLOBAL, DEFAULTS_HTTP, httpsFrontend(), section(s)),
  'Stats page': (s) => join(GLOBAL, DEFAULTS_HTTP, section(s)),
  'Prometheus exporter': (s) => join(GLOBAL, DEFAULTS_HTTP, section(s)),
  'PostgreSQL primary and replicas': (s) => join(GLOBAL, DEFAULTS_TCP, section(s)),
  'Redis master': (s) => join(GLOBAL, DEFAULTS_TCP, section(s)),
  'Maintenance backend': (s) =>
    join(GLOBAL, DEFAULTS_HTTP, httpsFrontend('', '    default_backend be_maintenance\n'), section(s)),
  'Senex configuration': (s) => section(s),
};
