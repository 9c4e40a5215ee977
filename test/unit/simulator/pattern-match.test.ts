import assert from 'node:assert/strict';
import { compilePatterns, compileRegex, matchWord } from '../../../server/src/simulator/acl/pattern-match';
import { parseIp } from '../../../server/src/simulator/ip';
import { bool, int, ipSample, str } from '../../../server/src/simulator/sample';

const m = (method: Parameters<typeof compilePatterns>[0], patterns: string[], value: string, ignoreCase = false) =>
  compilePatterns(method, patterns, ignoreCase).match(str(value));

describe('simulator ACL match methods', () => {
  it('str, beg, end, sub honour -i', () => {
    assert.equal(m('str', ['/a', '/b'], '/b'), 1);
    assert.equal(m('str', ['/A'], '/a'), -1);
    assert.equal(m('str', ['/A'], '/a', true), 0);
    assert.equal(m('beg', ['/api', '/v1'], '/v1/users'), 1);
    assert.equal(m('end', ['.jpg', '.css'], '/x/app.css'), 1);
    assert.equal(m('sub', ['admin'], '/x/ADMIN/y', true), 0);
    assert.equal(m('sub', ['admin'], '/x/ADMIN/y'), -1);
  });

  it('dir and dom match whole slash- or dot-delimited parts', () => {
    assert.equal(m('dir', ['img'], '/static/img/logo.png'), 0);
    assert.equal(m('dir', ['im'], '/static/img/logo.png'), -1);
    assert.equal(m('dir', ['/static/img/'], '/static/img/logo.png'), 0);
    assert.equal(m('dom', ['example'], 'www.example.com'), 0);
    assert.equal(m('dom', ['ample'], 'www.example.com'), -1);
    assert.equal(m('dom', ['example.com'], 'www.example.com:8080'), 0);
    assert.ok(matchWord('a/b/c', 'b', '/', false));
  });

  it('reg compiles once, with -i and (?i)', () => {
    assert.equal(m('reg', ['^/api/v[0-9]+/'], '/api/v2/x'), 0);
    assert.equal(m('reg', ['^/API'], '/api', true), 0);
    assert.equal(m('reg', ['(?i)^/API'], '/api'), 0);
    assert.equal(typeof compileRegex('(unclosed', false), 'string');
    assert.deepEqual(compilePatterns('reg', ['(bad'], false).errors.length, 1);
  });

  it('len, int with ranges and operators', () => {
    assert.equal(m('len', ['0:3'], 'abc'), 0);
    assert.equal(m('len', ['4:'], 'abc'), -1);
    const ge = compilePatterns('int', ['10'], false, 'gt');
    assert.equal(ge.match(int(11)), 0);
    assert.equal(ge.match(int(10)), -1);
    assert.equal(compilePatterns('int', ['1:5', '100'], false).match(int(100)), 1);
    assert.equal(compilePatterns('int', [':5'], false).match(int(-3)), 0);
    assert.equal(compilePatterns('int', ['10'], false, 'le').match(str('7')), 0);
  });

  it('ip matches networks, masks and IPv4-mapped addresses', () => {
    const set = compilePatterns('ip', ['10.0.0.0/8', '192.168.1.0/255.255.255.0', '::1'], false);
    assert.equal(set.match(ipSample(parseIp('10.2.3.4')!)), 0);
    assert.equal(set.match(ipSample(parseIp('192.168.1.77')!)), 1);
    assert.equal(set.match(ipSample(parseIp('192.168.2.1')!)), -1);
    assert.equal(set.match(ipSample(parseIp('::1')!)), 2);
    assert.equal(set.match(ipSample(parseIp('::ffff:10.0.0.1')!)), 0);
    assert.equal(set.match(str('10.9.9.9')), 0, 'a string holding an address is converted');
  });

  it('found and bool', () => {
    assert.equal(compilePatterns('found', [], false).match(str('')), 0);
    assert.equal(compilePatterns('bool', [], false).match(bool(false)), -1);
    assert.equal(compilePatterns('bool', [], false).match(int(2)), 0);
  });
});
