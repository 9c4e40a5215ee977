import { strict as assert } from 'node:assert';
import { applyAndRecheck, cfg, findingsOf, linesOf } from './helpers';

const RULE = 'websocket-sticky';

const config = (acl: string, backendLines: string[], servers = 2) =>
  cfg(
    'defaults',
    '    mode http',
    'frontend fe',
    '    bind :443 ssl crt /c.pem',
    `    acl is_ws ${acl}`,
    '    use_backend be_ws if is_ws',
    '    default_backend be_app',
    'backend be_app',
    '    server a 10.0.0.1:80',
    'backend be_ws',
    ...backendLines.map((l) => `    ${l}`),
    ...Array.from({ length: servers }, (_, i) => `    server ws${i + 1} 10.0.1.${i + 1}:80 check`),
  );

describe('rule websocket-sticky', () => {
  it('reports a backend routed WebSocket upgrades with several servers and no persistence, at its name', () => {
    const text = config('hdr(Upgrade) -i websocket', ['balance roundrobin']);
    const [finding] = findingsOf(RULE, text);
    assert.equal(finding.range.start.line + 1, 10);
    assert.match(finding.message, /routed there by line 6/);
  });

  it('recognises WebSocket paths too', () => {
    assert.deepEqual(linesOf(RULE, config('path_beg /ws/', [])), [10]);
    assert.deepEqual(linesOf(RULE, config('path_beg /socket.io/', [])), [10]);
    assert.deepEqual(linesOf(RULE, config('path_beg /news/', [])), []);
  });

  it('accepts persistence: cookie with server cookies, balance source or hash, stick rules; and single servers', () => {
    assert.deepEqual(linesOf(RULE, config('hdr(Upgrade) -i websocket', ['balance source'])), []);
    assert.deepEqual(linesOf(RULE, config('hdr(Upgrade) -i websocket', ['balance hdr(X-Session)'])), []);
    assert.deepEqual(linesOf(RULE, config('hdr(Upgrade) -i websocket', ['stick-table type ip size 1k', 'stick on src'])), []);
    assert.deepEqual(linesOf(RULE, config('hdr(Upgrade) -i websocket', [], 1)), []);
  });

  it('does not count a cookie line without server cookie values', () => {
    assert.deepEqual(linesOf(RULE, config('hdr(Upgrade) -i websocket', ['cookie SRV insert indirect nocache'])), [10]);
  });

  it('finds the only backend of a frontend that tests for WebSocket requests', () => {
    const text = cfg('frontend fe', '    mode http', '    bind :80', '    acl is_ws hdr(upgrade) -i websocket', '    http-request set-header X-WS 1 if is_ws', '    default_backend app', 'backend app', '    mode http', '    server a 10.0.0.1:80', '    server b 10.0.0.2:80');
    const [finding] = findingsOf(RULE, text);
    assert.equal(finding.range.start.line + 1, 7);
    assert.match(finding.message, /only backend of frontend 'fe'/);
  });

  it('fixes with an inserted cookie on every server, or with balance source', () => {
    const text = config('hdr(Upgrade) -i websocket', ['balance roundrobin']);
    const cookie = applyAndRecheck(RULE, text, 10);
    assert.match(cookie, /backend be_ws\n    cookie SERVERID insert indirect nocache\n/);
    assert.match(cookie, /server ws1 10\.0\.1\.1:80 check cookie ws1\n    server ws2 10\.0\.1\.2:80 check cookie ws2/);
    assert.match(applyAndRecheck(RULE, text, 10, 'Pin each client to one server by its address'), /balance source\n/);
  });
});
