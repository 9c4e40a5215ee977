import { strict as assert } from 'node:assert';
import { applyAndRecheck, cfg, findingsOf, lineOf, linesOf } from './helpers';

const RULE = 'tls-min-version';

const config = (global: string[], bind: string) => cfg('global', ...global.map((g) => `    ${g}`), 'frontend fe', `    bind :443 ${bind}`, '    default_backend be', 'backend be', '    server s 10.0.0.1:80');

describe('rule tls-min-version', () => {
  it('reports a bind lowering ssl-min-ver below TLS 1.2, at the version', () => {
    const text = config([], 'ssl crt /c.pem ssl-min-ver TLSv1.0');
    const [finding] = findingsOf(RULE, text);
    assert.equal(finding.range.start.line + 1, lineOf(text, 'bind'));
    assert.equal(text.split('\n')[finding.range.start.line].slice(finding.range.start.column, finding.range.end.column), 'TLSv1.0');
  });

  it('accepts the default (TLS 1.2 since HAProxy 2.2), TLS 1.2, and plain binds', () => {
    assert.deepEqual(linesOf(RULE, config([], 'ssl crt /c.pem')), []);
    assert.deepEqual(linesOf(RULE, config([], 'ssl crt /c.pem ssl-min-ver TLSv1.2')), []);
    assert.deepEqual(linesOf(RULE, config([], 'ssl-min-ver TLSv1.0')), []);
  });

  it('reports force-tlsv10 and force-tlsv11, not force-tlsv12', () => {
    assert.deepEqual(linesOf(RULE, config([], 'ssl crt /c.pem force-tlsv11')), [3]);
    assert.deepEqual(linesOf(RULE, config([], 'ssl crt /c.pem force-tlsv12')), []);
  });

  it('reports a low minimum in ssl-default-bind-options once, at the global line, when a bind inherits it', () => {
    const text = config(['ssl-default-bind-options ssl-min-ver TLSv1.1 no-tls-tickets'], 'ssl crt /c.pem');
    const [finding] = findingsOf(RULE, text);
    assert.equal(finding.range.start.line + 1, 2);
    assert.match(finding.message, /line\(s\) 4/);
    assert.deepEqual(linesOf(RULE, config(['ssl-default-bind-options ssl-min-ver TLSv1.1'], 'ssl crt /c.pem ssl-min-ver TLSv1.2')), []);
  });

  it('ignores no-tlsv1x: it cannot lower the minimum and HAProxy ignores it once one is set', () => {
    assert.deepEqual(linesOf(RULE, config([], 'ssl crt /c.pem no-tlsv10 no-tlsv11')), []);
    assert.deepEqual(linesOf(RULE, config([], 'ssl crt /c.pem ssl-min-ver TLSv1.0 no-tlsv10 no-tlsv11')), [3]);
  });

  it('fixes the bind, or the global default', () => {
    const onBind = config([], 'ssl crt /c.pem force-tlsv10');
    assert.match(applyAndRecheck(RULE, onBind, 3), /ssl crt \/c\.pem ssl-min-ver TLSv1\.2/);
    const inGlobal = config(['ssl-default-bind-options ssl-min-ver TLSv1.0'], 'ssl crt /c.pem');
    assert.match(applyAndRecheck(RULE, inGlobal, 2), /ssl-default-bind-options ssl-min-ver TLSv1\.2/);
    assert.match(applyAndRecheck(RULE, inGlobal, 2, "Add 'ssl-min-ver TLSv1.2' to each"), /bind :443 ssl crt \/c\.pem ssl-min-ver TLSv1\.2/);
  });
});
