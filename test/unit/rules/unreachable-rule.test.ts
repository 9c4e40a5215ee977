import { strict as assert } from 'node:assert';
import { cfg, findingsOf, linesOf } from './helpers';

const RULE = 'unreachable-rule';

const frontend = (...rules: string[]) => cfg('frontend fe', '    bind :80', '    acl a path /a', ...rules.map((r) => `    ${r}`), 'backend be', '    server s 10.0.0.1:80');

describe('rule unreachable-rule', () => {
  it('reports http-request rules after an unconditional deny', () => {
    const text = frontend('http-request deny', 'http-request set-header X 1', 'http-request allow if a');
    const found = findingsOf(RULE, text);
    assert.deepEqual(found.map((f) => f.range.start.line + 1), [5, 6]);
    assert.match(found[0].message, /line 4/);
  });

  it('accepts the same deny with a condition, or a non-final action without one', () => {
    assert.deepEqual(linesOf(RULE, frontend('http-request deny if a', 'http-request set-header X 1')), []);
    assert.deepEqual(linesOf(RULE, frontend('http-request set-header X 1', 'http-request deny if a')), []);
  });

  it('treats `if TRUE` and `unless FALSE` as unconditional', () => {
    assert.deepEqual(linesOf(RULE, frontend('http-request redirect scheme https if TRUE', 'http-request deny if a')), [5]);
    assert.deepEqual(linesOf(RULE, frontend('http-request redirect scheme https unless FALSE', 'http-request deny if a')), [5]);
    assert.deepEqual(linesOf(RULE, frontend('http-request redirect scheme https unless TRUE', 'http-request deny if a')), []);
  });

  it('keeps rule sets apart: an unconditional http-request allow does not hide tcp-request or use_backend', () => {
    assert.deepEqual(linesOf(RULE, frontend('http-request allow', 'use_backend be if a', 'tcp-request content accept if a')), []);
  });

  it('reports use_backend lines and default_backend after an unconditional use_backend', () => {
    const text = frontend('use_backend be', 'use_backend be if a', 'default_backend be');
    assert.deepEqual(linesOf(RULE, text), [5, 6]);
  });

  it('reports tcp-request content rules after an unconditional accept of the same set only', () => {
    assert.deepEqual(linesOf(RULE, frontend('tcp-request content accept', 'tcp-request content reject if a', 'tcp-request connection reject if a')), [5]);
  });

  it('does not count a final rule inside an .if block', () => {
    assert.deepEqual(linesOf(RULE, frontend('.if defined(MAINTENANCE)', 'http-request deny', '.endif', 'http-request set-header X 1')), []);
  });
});
