import { strict as assert } from 'node:assert';
import { applyAndRecheck, cfg, findingsOf, lineOf, linesOf } from './helpers';

const RULE = 'unknown-reference';

const base = (route: string, extra: string[] = []) =>
  cfg(
    'defaults',
    '    mode http',
    'frontend fe',
    '    bind :80',
    '    acl is_api path_beg /api',
    `    ${route}`,
    '    default_backend be_app',
    'backend be_app',
    '    server web01 10.0.0.1:80',
    ...extra,
  );

describe('rule unknown-reference', () => {
  it('reports a use_backend naming no backend, with the nearest name', () => {
    const text = base('use_backend be_ap if is_api');
    const [finding] = findingsOf(RULE, text);
    assert.equal(finding.range.start.line + 1, lineOf(text, 'use_backend'));
    assert.match(finding.message, /'be_ap'.*Did you mean 'be_app'/);
    assert.equal(finding.severity, 'error');
  });

  it('accepts a defined backend, a listen, and dynamic names', () => {
    assert.deepEqual(linesOf(RULE, base('use_backend be_app if is_api')), []);
    assert.deepEqual(linesOf(RULE, base('use_backend li if is_api', ['listen li', '    bind :81', '    server s 10.0.0.2:80'])), []);
    assert.deepEqual(linesOf(RULE, base('use_backend be_%[req.hdr(host),lower] if is_api')), []);
    assert.deepEqual(linesOf(RULE, base('use_backend ${BACKEND} if is_api')), []);
  });

  it('fixes a misspelt backend with the suggestion', () => {
    const text = base('use_backend be_ap if is_api');
    const fixed = applyAndRecheck(RULE, text, lineOf(text, 'use_backend'), "Change to 'be_app'");
    assert.match(fixed, /use_backend be_app if is_api/);
  });

  it('creates a missing backend right after the frontend, so it inherits the same defaults', () => {
    const text = base('use_backend be_api if is_api', ['defaults tcp_side', '    mode tcp']);
    const fixed = applyAndRecheck(RULE, text, lineOf(text, 'use_backend'), "Create backend 'be_api'");
    assert.ok(fixed.indexOf('backend be_api') < fixed.indexOf('defaults tcp_side'));
  });

  it('reports a condition using an undefined ACL, not a predefined one', () => {
    const text = base('use_backend be_app if is_apj');
    const [finding] = findingsOf(RULE, text);
    assert.match(finding.message, /No ACL named 'is_apj'.*Did you mean 'is_api'/);
    assert.equal(finding.range.start.column, text.split('\n')[finding.range.start.line].indexOf('is_apj'));
    assert.deepEqual(linesOf(RULE, base('use_backend be_app if is_api METH_GET HTTP_1.1 !LOCALHOST || TRUE')), []);
  });

  it('fixes an ACL typo', () => {
    const text = base('use_backend be_app if is_apj');
    assert.match(applyAndRecheck(RULE, text, lineOf(text, 'is_apj')), /if is_api/);
  });

  it('reports an ACL used above its definition, as HAProxy refuses it', () => {
    const text = cfg('frontend fe', '    bind :80', '    http-request deny if blocked', '    acl blocked src 10.0.0.0/8');
    const [finding] = findingsOf(RULE, text);
    assert.equal(finding.range.start.line + 1, 3);
    assert.match(finding.message, /before its definition at line 4/);
  });

  it('checks ACLs per proxy: one defined in another section does not count', () => {
    const text = cfg('frontend a', '    acl x path /x', 'frontend b', '    http-request deny if x');
    assert.deepEqual(linesOf(RULE, text), [4]);
  });

  it('reports missing userlists, tables, caches, resolvers, peers, http-errors and rings', () => {
    const text = cfg(
      'backend be',
      '    acl ok http_auth(admins)',
      '    http-request track-sc0 src table limits',
      '    http-request cache-use pages',
      '    errorfiles site_errors',
      '    stick-table type ip size 1k peers mesh',
      '    log ring@buffer local0',
      '    server s 10.0.0.1:80 resolvers dns',
    );
    const messages = findingsOf(RULE, text).map((f) => f.message);
    for (const name of ['admins', 'limits', 'pages', 'site_errors', 'mesh', 'buffer', 'dns']) {
      assert.ok(messages.some((m) => m.includes(`'${name}'`)), `no finding for ${name}: ${messages.join(' / ')}`);
    }
    const defined = cfg(
      'userlist admins',
      '    user a insecure-password b',
      'peers mesh',
      '    peer p 127.0.0.1:1024',
      'resolvers dns',
      '    nameserver n 127.0.0.1:53',
      'cache pages',
      '    total-max-size 4',
      'http-errors site_errors',
      '    errorfile 503 /dev/null',
      'ring buffer',
      '    size 32764',
      'backend limits',
      '    stick-table type ip size 1k',
      'backend be',
      '    acl ok http_auth(admins)',
      '    http-request track-sc0 src table limits',
      '    http-request cache-use pages',
      '    errorfiles site_errors',
      '    stick-table type ip size 1k peers mesh',
      '    log ring@buffer local0',
      '    server s 10.0.0.1:80 resolvers dns',
    );
    assert.deepEqual(findingsOf(RULE, defined).map((f) => f.message), []);
  });

  it('names a peers table by PEERS/TABLE and suggests it for a bare table name', () => {
    const peers = ['peers mesh', '    peer p 127.0.0.1:1024', '    table t type ip size 1k store gpc0'];
    const bad = cfg(...peers, 'frontend fe', '    http-request track-sc0 src table t');
    const [finding] = findingsOf(RULE, bad);
    assert.match(finding.message, /Did you mean 'mesh\/t'/);
    assert.deepEqual(linesOf(RULE, cfg(...peers, 'frontend fe', '    http-request track-sc0 src table mesh/t')), []);
  });

  it('reports a use-server naming no server of the backend, and `from` naming no defaults above', () => {
    const text = cfg('defaults base', '    mode http', 'backend be from bas', '    use-server web2 if { path /x }', '    server web1 10.0.0.1:80');
    const found = findingsOf(RULE, text);
    assert.deepEqual(found.map((f) => f.range.start.line + 1), [3, 4]);
    assert.match(found[0].message, /'bas'.*'base'/);
    assert.match(found[1].message, /'web2'.*'web1'/);
  });

  it('checks `track BACKEND/SERVER`, and does not suggest for names too short to tell a typo', () => {
    const text = cfg('backend be2', '    server a 10.0.0.1:80', 'backend be', '    server s 10.0.0.2:80 track be2/x', '    server t 10.0.0.3:80 track be2/a');
    const found = findingsOf(RULE, text);
    assert.deepEqual(found.map((f) => f.range.start.line + 1), [4]);
    assert.doesNotMatch(found[0].message, /Did you mean/);
  });

  it('does not mistake an upper-case OR operator for an ACL', () => {
    const text = cfg('frontend fe', '    acl a path /a', '    acl b path /b', '    http-request deny if a OR b');
    assert.deepEqual(linesOf(RULE, text), []);
  });
});
