import { strict as assert } from 'node:assert';
import { generatePassword, passwordWeakness } from '../../../server/src/analysis/rules/stats-auth';
import { applyAndRecheck, cfg, findingsOf, linesOf } from './helpers';

const RULE = 'stats-auth';

const stats = (...lines: string[]) => cfg('listen stats', '    mode http', '    bind :8404', '    stats enable', '    stats uri /stats', ...lines.map((l) => `    ${l}`));

describe('rule stats-auth', () => {
  it('reports a stats page without authentication, at the stats enable line', () => {
    const [finding] = findingsOf(RULE, stats());
    assert.equal(finding.range.start.line + 1, 4);
  });

  it('accepts stats auth, an auth rule, or a page only on the loopback', () => {
    assert.deepEqual(linesOf(RULE, stats('stats auth "admin:${STATS_PASSWORD}"')), []);
    assert.deepEqual(linesOf(RULE, stats('stats http-request auth unless { http_auth(ops) }')), []);
    assert.deepEqual(linesOf(RULE, cfg('listen stats', '    mode http', '    bind 127.0.0.1:8404', '    stats enable')), []);
  });

  it('reports weak and placeholder passwords, at the credentials', () => {
    assert.deepEqual(linesOf(RULE, stats('stats auth admin:CHANGE_THIS_PASSWORD')), [6]);
    assert.deepEqual(linesOf(RULE, stats('stats auth admin:admin')), [6]);
    assert.deepEqual(linesOf(RULE, stats('stats auth ops:s3cret')), [6]);
    assert.deepEqual(linesOf(RULE, stats('stats auth ops:Vq8Lr2XnK7pZ4tW9')), []);
    assert.match(passwordWeakness('ops', 'changeme') ?? '', /well-known/);
    assert.equal(passwordWeakness('ops', generatePassword()), undefined);
  });

  it('reports stats admin open to everyone, but not one restricted by an ACL', () => {
    assert.deepEqual(linesOf(RULE, stats('stats auth "admin:${P}"', 'stats admin if TRUE')), [7]);
    assert.deepEqual(linesOf(RULE, stats('stats auth "admin:${P}"', 'acl lan src 10.0.0.0/8', 'stats admin if lan')), []);
  });

  it('generates different strong passwords', () => {
    const a = generatePassword();
    assert.equal(a.length, 24);
    assert.match(a, /^[A-Za-z0-9]+$/);
    assert.notEqual(a, generatePassword());
  });

  it('fixes: adds credentials, replaces a placeholder password, restricts admin to the machine', () => {
    assert.match(applyAndRecheck(RULE, stats(), 4), /stats enable\n    stats auth admin:[A-Za-z0-9]{24}\n/);
    assert.match(applyAndRecheck(RULE, stats('stats auth admin:changeme'), 6), /stats auth admin:[A-Za-z0-9]{24}\n/);
    assert.match(applyAndRecheck(RULE, stats('stats auth admin:changeme'), 6, 'Read the password from the environment'), /stats auth "admin:\$\{HAPROXY_STATS_PASSWORD\}"/);
    assert.match(applyAndRecheck(RULE, stats('stats auth "admin:${P}"', 'stats admin if TRUE'), 7), /stats admin if LOCALHOST/);
  });
});
