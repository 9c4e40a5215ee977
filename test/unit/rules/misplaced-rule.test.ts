import { strict as assert } from 'node:assert';
import { applyAndRecheck, cfg, findingsOf, linesOf } from './helpers';

const RULE = 'misplaced-rule';

const frontend = (...rules: string[]) => cfg('frontend fe', '    bind :80', '    acl a path /a', ...rules.map((r) => `    ${r}`), '    default_backend be', 'backend be', '    server s 10.0.0.1:80');

describe('rule misplaced-rule', () => {
  it('reports an http-request written after a use_backend, naming it as HAProxy does', () => {
    const text = frontend('use_backend be if a', 'http-request deny if a');
    const [finding] = findingsOf(RULE, text);
    assert.equal(finding.range.start.line + 1, 5);
    assert.match(finding.message, /'http-request' rule comes after a 'use_backend' rule \(line 4\)/);
  });

  it('accepts the same rules in processing order', () => {
    assert.deepEqual(linesOf(RULE, frontend('http-request deny if a', 'use_backend be if a')), []);
  });

  it('names the earliest later stage found above, like HAProxy 2.6', () => {
    const text = frontend('use_backend be if a', 'redirect location /x if a', 'http-request set-header X 1');
    const found = findingsOf(RULE, text);
    assert.deepEqual(found.map((f) => f.range.start.line + 1), [5, 6]);
    assert.match(found[1].message, /after a 'redirect' rule \(line 5\)/);
  });

  it('orders tcp-request connection, session, content before monitor fail and http-request', () => {
    const text = frontend('tcp-request content accept', 'tcp-request connection accept', 'tcp-request inspect-delay 5s', 'http-request deny if a', 'monitor fail if a');
    assert.deepEqual(linesOf(RULE, text), [5, 8]);
  });

  it('never warns about use_backend written after use-server (HAProxy does not either)', () => {
    assert.deepEqual(linesOf(RULE, cfg('listen l', '    acl a path /a', '    use-server s if a', '    use_backend l if a', '    server s 10.0.0.1:80')), []);
  });

  it('moves the rule above the first rule HAProxy runs after it', () => {
    const text = frontend('use_backend be if a', 'http-request deny if a # keep me');
    const fixed = applyAndRecheck(RULE, text, 5);
    assert.match(fixed, /acl a path \/a\n    http-request deny if a # keep me\n    use_backend be if a\n    default_backend/);
  });

  it('offers no move when the rule uses an ACL defined below the target', () => {
    const text = cfg('frontend fe', '    use_backend be if { path /x }', '    acl late path /late', '    http-request deny if late');
    const [finding] = findingsOf(RULE, text);
    assert.equal(finding.range.start.line + 1, 4);
    assert.deepEqual(finding.fixes, []);
  });
});
