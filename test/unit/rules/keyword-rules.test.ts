import { strict as assert } from 'node:assert';
import { applyAndRecheck, cfg, findingsOf, lineOf, linesOf } from './helpers';

const base = ['defaults', '  mode http', '  timeout connect 5s', '  timeout client 30s', '  timeout server 30s'];

describe('rule unknown-keyword', () => {
  const bad = cfg(...base, 'backend be', '  balanse roundrobin', '  server s1 10.0.0.1:80');
  it('flags an unknown keyword with a did-you-mean and its fix', () => {
    const [finding] = findingsOf('unknown-keyword', bad);
    assert.equal(finding.range.start.line + 1, lineOf(bad, 'balanse'));
    assert.match(finding.message, /did you mean 'balance'/);
    const fixed = applyAndRecheck('unknown-keyword', bad, lineOf(bad, 'balanse'));
    assert.match(fixed, /^ {2}balance roundrobin$/m);
  });
  it('accepts the correct spelling', () => {
    assert.deepEqual(linesOf('unknown-keyword', bad.replace('balanse', 'balance')), []);
  });
  it('flags an unknown action of a rule set', () => {
    const text = cfg(...base, 'frontend fe', '  bind :80', '  http-request dney if { path /x }');
    assert.deepEqual(linesOf('unknown-keyword', text), [lineOf(text, 'dney')]);
    assert.match(findingsOf('unknown-keyword', text)[0].message, /did you mean 'deny'/);
    assert.deepEqual(linesOf('unknown-keyword', text.replace('dney', 'deny')), []);
  });
  it('flags keywords before any section', () => {
    assert.deepEqual(linesOf('unknown-keyword', cfg('maxconn 100', 'global')), [1]);
  });
  it('gives at most a hint when modules may register keywords', () => {
    const text = cfg('global', '  module-load hapee-lb-waf.so', 'frontend fe', '  waf-rules /etc/waf.conf');
    assert.deepEqual(findingsOf('unknown-keyword', text).map((f) => f.severity), ['hint']);
  });
  it('leaves Lua actions alone', () => {
    assert.deepEqual(linesOf('unknown-keyword', cfg(...base, 'frontend fe', '  bind :80', '  http-request lua.auth')), []);
  });
});

describe('rule keyword-not-allowed', () => {
  it('flags bind in a backend and default_backend in a backend', () => {
    const text = cfg(...base, 'backend be', '  bind :80', '  default_backend other');
    assert.deepEqual(linesOf('keyword-not-allowed', text), [lineOf(text, 'bind'), lineOf(text, 'default_backend')]);
    assert.match(findingsOf('keyword-not-allowed', text)[0].message, /'bind' is not allowed in a backend section/);
  });
  it('accepts them in a frontend', () => {
    assert.deepEqual(linesOf('keyword-not-allowed', cfg(...base, 'frontend fe', '  bind :80', '  default_backend other')), []);
  });
  it('flags an action written in a rule set that lacks it', () => {
    const text = cfg(...base, 'frontend fe', '  bind :80', '  tcp-request connection set-header X-A b');
    assert.deepEqual(linesOf('keyword-not-allowed', text).length + linesOf('unknown-keyword', text).length, 1);
  });
  it('is a warning where HAProxy only ignores the keyword', () => {
    const text = cfg(...base, 'backend be', '  option tcplog', '  server s1 10.0.0.1:80');
    const findings = findingsOf('keyword-not-allowed', text);
    assert.ok(findings.every((f) => f.severity === 'warning'));
  });
});

describe('rule removed-keyword', () => {
  const text = cfg('global', '  nbproc 4');
  it('flags nbproc for 2.5 and later, names nbthread, and fixes it', () => {
    const [finding] = findingsOf('removed-keyword', text, { version: '2.6' });
    assert.equal(finding.range.start.line + 1, 2);
    assert.match(finding.message, /'nbthread'/);
    const fixed = applyAndRecheck('removed-keyword', text, 2);
    assert.match(fixed, /nbthread 4/);
  });
  it('accepts nbproc when the target is 2.4', () => {
    assert.deepEqual(linesOf('removed-keyword', text, { version: '2.4' }), []);
  });
  it('flags reqadd with its replacement', () => {
    const old = cfg(...base, 'frontend fe', '  bind :80', '  reqadd X-Proto:\\ https');
    assert.match(findingsOf('removed-keyword', old)[0].message, /http-request add-header/);
  });
});

describe('rule deprecated-keyword', () => {
  it('warns on a keyword the target version deprecates, at its line', () => {
    const text = cfg(...base, 'frontend fe', '  bind :80', '  option accept-invalid-http-request', '  default_backend be');
    const findings = findingsOf('deprecated-keyword', text, { version: '3.1' });
    assert.deepEqual(findings.map((f) => [f.range.start.line + 1, f.severity]), [[lineOf(text, 'accept-invalid'), 'warning']]);
    assert.match(findings[0].message, /deprecated since HAProxy 3\.1/);
  });
  it('says nothing for a version before the deprecation, or for the replacement', () => {
    const text = cfg(...base, 'frontend fe', '  bind :80', '  option accept-invalid-http-request', '  default_backend be');
    assert.deepEqual(linesOf('deprecated-keyword', text, { version: '3.0' }), []);
    const replacement = text.replace('accept-invalid-http-request', 'accept-unsafe-violations-in-http-request');
    assert.deepEqual(linesOf('deprecated-keyword', replacement, { version: '3.1' }), []);
  });
});

describe('rule newer-keyword', () => {
  it('flags a keyword newer than the target version, naming the version that added it', () => {
    const text = cfg('global', '  tune.stick-counters 4');
    const [finding] = findingsOf('newer-keyword', text, { version: '2.6' });
    assert.equal(finding.range.start.line + 1, 2);
    assert.match(finding.message, /needs HAProxy 2\.8/);
    assert.deepEqual(linesOf('newer-keyword', text, { version: '2.8' }), []);
  });
  it('reads the target from a haproxy-version comment', () => {
    const text = `# haproxy-version: 2.6\n${cfg('crt-store web', '  crt-base /etc/ssl')}`;
    assert.deepEqual(linesOf('newer-keyword', text), [2]);
  });
  it('flags a newer fetch in a condition', () => {
    const text = cfg(...base, 'frontend fe', '  bind :80', '  http-request deny if { fc_glitches gt 10 }');
    assert.deepEqual(linesOf('newer-keyword', text, { version: '2.6' }), [lineOf(text, 'fc_glitches')]);
    assert.deepEqual(linesOf('newer-keyword', text, { version: '3.0' }), []);
  });
  it('skips lines in a .if block the target version does not read', () => {
    const text = cfg('global', '.if version_atleast(2.8)', '  tune.stick-counters 4', '.endif');
    assert.deepEqual(linesOf('newer-keyword', text, { version: '2.6' }), []);
  });
});

describe('rule invalid-argument', () => {
  it('flags a wrong enum value with a suggestion and its fix', () => {
    const text = cfg(...base, 'backend be', '  balance leastconns', '  server s1 10.0.0.1:80');
    const [finding] = findingsOf('invalid-argument', text);
    assert.equal(finding.range.start.line + 1, lineOf(text, 'leastconns'));
    assert.match(finding.message, /did you mean 'leastconn'/);
    applyAndRecheck('invalid-argument', text, lineOf(text, 'leastconns'));
    assert.deepEqual(linesOf('invalid-argument', text.replace('leastconns', 'leastconn')), []);
  });
  it('flags a bad time value', () => {
    const text = cfg(...base, 'backend be', '  timeout server 30x', '  server s1 10.0.0.1:80');
    assert.deepEqual(linesOf('invalid-argument', text), [lineOf(text, '30x')]);
    assert.deepEqual(linesOf('invalid-argument', text.replace('30x', '30s')), []);
  });
  it('flags a missing argument', () => {
    const text = cfg(...base, 'frontend fe', '  bind :80', '  default_backend');
    assert.deepEqual(linesOf('invalid-argument', text), [lineOf(text, 'default_backend')]);
  });
  it('flags an unknown bind or server option and a bad option value', () => {
    const text = cfg(...base, 'frontend fe', '  bind :443 ssl crt /a.pem ssl-min-ver TLSv1.4 alnp h2', 'backend be', '  server s1 10.0.0.1:80 chek');
    const messages = findingsOf('invalid-argument', text).map((f) => f.message);
    assert.ok(messages.some((m) => /TLSv1\.4/.test(m)));
    assert.ok(messages.some((m) => /Unknown bind option 'alnp'; did you mean 'alpn'/.test(m)));
    assert.ok(messages.some((m) => /Unknown server option 'chek'; did you mean 'check'/.test(m)));
    const good = text.replace('TLSv1.4', 'TLSv1.2').replace('alnp', 'alpn').replace('chek', 'check');
    assert.deepEqual(linesOf('invalid-argument', good), []);
  });
  it('flags unknown fetches and converters in ACLs and %[...]', () => {
    const text = cfg(...base, 'frontend fe', '  bind :80', '  acl api pth_beg /api', '  http-request set-header X-H %[req.hdr(host),lowr]', '  use_backend be if api');
    assert.deepEqual(linesOf('invalid-argument', text), [lineOf(text, 'pth_beg'), lineOf(text, 'lowr')]);
    assert.deepEqual(linesOf('invalid-argument', text.replace('pth_beg', 'path_beg').replace('lowr', 'lower')), []);
  });
  it('flags a rule keyword without an action', () => {
    const text = cfg(...base, 'frontend fe', '  bind :80', '  http-request');
    assert.deepEqual(linesOf('invalid-argument', text), [lineOf(text, 'http-request')]);
  });
});

describe('rule mode-mismatch', () => {
  it('warns on an HTTP option in a tcp proxy, counting defaults', () => {
    const text = cfg('defaults', '  mode tcp', '  timeout connect 5s', '  timeout client 30s', '  timeout server 30s', 'listen db', '  bind :5432', '  option forwardfor', '  server pg 10.0.0.5:5432');
    const [finding] = findingsOf('mode-mismatch', text);
    assert.equal(finding.range.start.line + 1, lineOf(text, 'forwardfor'));
    assert.equal(finding.severity, 'warning');
    assert.match(finding.message, /inherited from defaults/);
    assert.deepEqual(linesOf('mode-mismatch', text.replace('  mode tcp', '  mode http')), []);
  });
  it('warns on an HTTP fetch in a tcp frontend condition', () => {
    const text = cfg('defaults', '  mode tcp', 'frontend fe', '  bind :80', '  use_backend be if { path_beg /api }');
    assert.deepEqual(linesOf('mode-mismatch', text), [lineOf(text, 'path_beg')]);
    assert.deepEqual(linesOf('mode-mismatch', text.replace('path_beg /api', 'dst_port 80')), []);
  });
});

describe('rule removed-keyword: addresses on the section line', () => {
  it('flags `listen name address` and moves the address to a bind line', () => {
    const text = cfg(...base, 'listen app 0.0.0.0:8080', '  server s1 10.0.0.1:80');
    assert.deepEqual(linesOf('removed-keyword', text), [lineOf(text, 'listen app')]);
    const fixed = applyAndRecheck('removed-keyword', text, lineOf(text, 'listen app'));
    assert.match(fixed, /^listen app\n {4}bind 0\.0\.0\.0:8080\n/m);
  });
});
