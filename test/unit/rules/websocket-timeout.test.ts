import { strict as assert } from 'node:assert';
import { applyAndRecheck, cfg, findingsOf, linesOf } from './helpers';

const RULE = 'websocket-timeout';

const config = (defaults: string[], backend: string[]) =>
  cfg(
    'defaults',
    '    mode http',
    ...defaults.map((l) => `    ${l}`),
    'frontend fe',
    '    bind :443 ssl crt /c.pem',
    '    use_backend be_ws if { hdr(upgrade) -i websocket }',
    'backend be_ws',
    ...backend.map((l) => `    ${l}`),
    '    server ws1 10.0.1.1:80',
  );

describe('rule websocket-timeout', () => {
  it('reports a WebSocket backend without timeout tunnel, at its name', () => {
    const text = config(['timeout server 30s'], []);
    const [finding] = findingsOf(RULE, text);
    assert.equal(finding.range.start.line + 1, 7);
    assert.match(finding.message, /timeout tunnel/);
  });

  it('accepts timeout tunnel on the backend or from its defaults', () => {
    assert.deepEqual(linesOf(RULE, config([], ['timeout tunnel 1h'])), []);
    assert.deepEqual(linesOf(RULE, config(['timeout tunnel 1h'], [])), []);
  });

  it('ignores backends without WebSocket traffic', () => {
    assert.deepEqual(linesOf(RULE, cfg('frontend fe', '    bind :80', '    use_backend be if { path_beg /api }', 'backend be', '    server a 10.0.0.1:80')), []);
  });

  it('adds timeout tunnel 1h to the backend', () => {
    assert.match(applyAndRecheck(RULE, config([], []), 6), /backend be_ws\n    timeout tunnel 1h\n/);
  });
});
