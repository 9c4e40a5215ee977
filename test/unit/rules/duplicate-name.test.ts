import { strict as assert } from 'node:assert';
import { cfg, findingsOf, linesOf } from './helpers';

const RULE = 'duplicate-name';

describe('rule duplicate-name', () => {
  it('reports a second backend with the same name, at its name', () => {
    const text = cfg('backend app', '    server a 10.0.0.1:80', 'backend app', '    server b 10.0.0.2:80');
    const [finding] = findingsOf(RULE, text);
    assert.equal(finding.range.start.line + 1, 3);
    assert.equal(finding.range.start.column, 8);
    assert.match(finding.message, /line 1/);
    assert.equal(finding.severity, 'error');
  });

  it('lets a frontend and a backend share a name, but not a listen and either', () => {
    assert.deepEqual(linesOf(RULE, cfg('frontend app', '    bind :80', 'backend app', '    server a 10.0.0.1:80')), []);
    assert.deepEqual(linesOf(RULE, cfg('frontend app', '    bind :80', 'listen app', '    bind :81')), [3]);
    assert.deepEqual(linesOf(RULE, cfg('backend app', 'listen app', '    bind :81')), [2]);
  });

  it('reports two servers with one name in a backend, not in two backends', () => {
    assert.deepEqual(linesOf(RULE, cfg('backend a', '    server s1 10.0.0.1:80', '    server s1 10.0.0.2:80')), [3]);
    assert.deepEqual(linesOf(RULE, cfg('backend a', '    server s1 10.0.0.1:80', 'backend b', '    server s1 10.0.0.2:80')), []);
  });

  it('does not report repeated acl lines, which OR together', () => {
    assert.deepEqual(linesOf(RULE, cfg('frontend fe', '    bind :80', '    acl api path_beg /api', '    acl api path_beg /v2')), []);
  });

  it('reports duplicated named sections; a second userlist is only a warning since HAProxy ignores it', () => {
    const text = cfg('resolvers dns', '    nameserver a 127.0.0.1:53', 'resolvers dns', '    nameserver a 127.0.0.1:53', 'userlist u', 'userlist u');
    const found = findingsOf(RULE, text);
    assert.deepEqual(found.map((f) => [f.range.start.line + 1, f.severity]), [[3, 'error'], [6, 'warning']]);
  });

  it('does not compare sections in alternative .if branches', () => {
    const text = cfg('.if defined(BLUE)', 'backend app', '    server a 10.0.0.1:80', '.else', 'backend app', '    server b 10.0.0.2:80', '.endif');
    assert.deepEqual(linesOf(RULE, text), []);
  });
});
