import { strict as assert } from 'node:assert';
import { applyAndRecheck, cfg, findingsOf, lineOf, linesOf } from './helpers';

const RULE = 'missing-timeouts';

const withDefaults = (timeouts: string[], proxies: string[]) => cfg('defaults', '    mode http', ...timeouts.map((t) => `    timeout ${t}`), ...proxies);
const proxies = ['frontend fe', '    bind :80', '    default_backend be', 'backend be', '    server s 10.0.0.1:80'];

describe('rule missing-timeouts', () => {
  it('reports a frontend without timeout client and a backend without connect/server, at their names', () => {
    const text = withDefaults([], proxies);
    const found = findingsOf(RULE, text);
    assert.deepEqual(found.map((f) => f.range.start.line + 1), [3, 6]);
    assert.match(found[0].message, /'timeout client'/);
    assert.match(found[1].message, /'timeout connect', 'timeout server'/);
  });

  it('counts timeouts inherited from defaults', () => {
    assert.deepEqual(linesOf(RULE, withDefaults(['client 30s', 'connect 5s', 'server 30s'], proxies)), []);
  });

  it('treats a zero timeout as unset, as HAProxy does', () => {
    const text = withDefaults(['client 0', 'connect 5s', 'server 30s'], proxies);
    assert.deepEqual(linesOf(RULE, text), [lineOf(text, 'frontend fe')]);
  });

  it('ignores backends without servers, and accepts timeout tunnel for server only in TCP mode', () => {
    const text = cfg(
      'defaults',
      '    timeout connect 5s',
      '    timeout client 5s',
      'backend empty',
      'backend tcp_tunnel',
      '    mode tcp',
      '    timeout tunnel 1h',
      '    server s 10.0.0.1:80',
      'backend http_tunnel',
      '    mode http',
      '    timeout tunnel 1h',
      '    server s 10.0.0.1:80',
    );
    assert.deepEqual(linesOf(RULE, text), [9]);
  });

  it('adds the missing timeouts to the proxy, or to its defaults section', () => {
    const text = withDefaults(['connect 5s'], proxies);
    const fixed = applyAndRecheck(RULE, text, 4);
    assert.match(fixed, /frontend fe\n    timeout client 30s\n/);
    const viaDefaults = applyAndRecheck(RULE, text, 7, 'Add timeout server 30s to its defaults');
    assert.match(viaDefaults, /^defaults\n    timeout server 30s\n/);
  });
});
