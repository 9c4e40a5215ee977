import { strict as assert } from 'node:assert';
import { applyAndRecheck, cfg, findingsOf, linesOf } from './helpers';

const RULE = 'hsts';

const config = (frontendLines: string[], backendLines: string[] = []) =>
  cfg('defaults', '    mode http', 'frontend fe', '    bind :443 ssl crt /c.pem', ...frontendLines.map((l) => `    ${l}`), '    default_backend be', 'backend be', ...backendLines.map((l) => `    ${l}`), '    server a 10.0.0.1:80');

describe('rule hsts', () => {
  it('reports an HTTPS frontend that never sets Strict-Transport-Security, as info, at its name', () => {
    const [finding] = findingsOf(RULE, config([]));
    assert.equal(finding.range.start.line + 1, 3);
    assert.equal(finding.severity, 'info');
  });

  it('accepts the header set in the frontend or in the backend it uses', () => {
    assert.deepEqual(linesOf(RULE, config(['http-response set-header Strict-Transport-Security "max-age=63072000"'])), []);
    assert.deepEqual(linesOf(RULE, config([], ['http-after-response add-header strict-transport-security max-age=600'])), []);
  });

  it('ignores plain HTTP and TCP-mode TLS passthrough frontends', () => {
    assert.deepEqual(linesOf(RULE, cfg('frontend fe', '    mode http', '    bind :80', '    default_backend be', 'backend be')), []);
    assert.deepEqual(linesOf(RULE, cfg('frontend fe', '    mode tcp', '    bind :443 ssl crt /c.pem', '    default_backend be', 'backend be')), []);
  });

  it('adds the header after the binds', () => {
    assert.match(applyAndRecheck(RULE, config([]), 3), /bind :443 ssl crt \/c\.pem\n    http-response set-header Strict-Transport-Security "max-age=63072000"\n/);
  });
});
