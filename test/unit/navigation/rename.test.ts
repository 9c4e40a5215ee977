import { strict as assert } from 'node:assert';
import { findReferences } from '../../../server/src/navigation/references';
import { prepareRename, renameSymbol, validateName } from '../../../server/src/navigation/rename';
import { applyEdits, marked, setOf, textAt } from './cursor';

const source = marked(`global
    log ring@logbuf local0

ring <ring|logbuf
    size 32764

userlist <list|admins
    group <group|ops users <user|alice
    user alice password secret groups ops

resolvers <dns|dns
    nameserver ns1 10.0.0.1:53

peers <peers|mesh
    peer lb1 10.0.0.2:1024
    table <ptable|sessions type ip size 1k

cache <cache|pages
    total-max-size 4

http-errors <errors|site
    errorfile 503 /etc/haproxy/errors/503.http

defaults <defaults|base
    mode http

frontend <fe|web from base
    bind :80
    acl <acl|is_api path_beg /api
    acl is_api hdr(host) api.example.com
    acl authed http_auth(admins)
    acl ops_only http_auth_group(admins) ops
    http-request track-sc1 src table mesh/sessions
    http-request deny if { sc_http_req_rate(0,app) gt 10 } || !is_api
    http-request cache-use pages
    errorfiles site
    use_backend app if is_api
    default_backend legacy

backend <be|app
    stick-table type ip size 1m peers mesh
    filter cache pages
    use-server s2 if { path_beg /two }
    server <srv|s1 10.0.0.10:80 check resolvers dns
    server s2 10.0.0.11:80 track legacy/old1

listen <listen|legacy
    bind :8080
    http-request deny if { srv_is_up(app/s1) -m bool } || { fe_conn(web) gt 100 }
    server <old|old1 10.0.0.20:80 check
`);
const uri = 'file:///rename.cfg';

function renameAt(marker: string, newName: string, text = source.text) {
  const at = source.markers.get(marker)!;
  return { at, result: renameSymbol(setOf({ [uri]: text }), uri, at.line, at.column, newName) };
}

describe('navigation: rename', () => {
  const cases: [string, string, number][] = [
    ['ring', 'ring', 2],
    ['list', 'userlist', 3],
    ['group', 'group', 3],
    ['user', 'user', 2],
    ['dns', 'resolvers', 2],
    ['peers', 'peers', 3],
    ['ptable', 'table', 2],
    ['cache', 'cache', 3],
    ['errors', 'http-errors', 2],
    ['defaults', 'defaults', 2],
    ['fe', 'frontend', 2],
    ['acl', 'ACL', 4],
    ['be', 'backend', 4],
    ['srv', 'server', 2],
    ['listen', 'listen', 3],
    ['old', 'server', 2],
  ];
  for (const [marker, label, count] of cases) {
    it(`renames a ${label} at all ${count} places, and the result still resolves`, () => {
      const { at, result } = renameAt(marker, 'renamed_1');
      assert.ok('changes' in result, 'error' in result ? result.error : '');
      const edits = result.changes.get(uri) ?? [];
      assert.equal(edits.length, count);
      const renamed = applyEdits(source.text, edits);
      const after = findReferences(setOf({ [uri]: renamed }), uri, at.line, at.column, true);
      assert.equal(after.length, count);
      assert.ok(after.every((l) => textAt(renamed, l.range) === 'renamed_1'));
      const before = findReferences(setOf({ [uri]: source.text }), uri, at.line, at.column, true);
      assert.deepEqual(
        after.map((l) => l.range.start.line),
        before.map((l) => l.range.start.line),
      );
    });
  }

  it('prepareRename gives the name range and the current name', () => {
    const at = source.markers.get('srv')!;
    const check = prepareRename(setOf({ [uri]: source.text }), uri, at.line, at.column);
    assert.ok('range' in check);
    assert.equal(check.placeholder, 's1');
    assert.equal(textAt(source.text, check.range), 's1');
  });

  it('refuses names HAProxy does not accept', () => {
    for (const bad of ['two words', 'a/b', '', 'naïve', 'x,y', 'if', 'or']) {
      const { result } = renameAt('be', bad);
      assert.ok('error' in result, `"${bad}" should be refused`);
    }
    assert.equal(validateName('api-v2.internal:8080_x', 'backend'), undefined);
  });

  it('refuses a name that collides with a symbol of the same kind, but not with one of another kind', () => {
    assert.match(errorOf(renameAt('be', 'legacy').result), /already exists/);
    assert.match(errorOf(renameAt('srv', 's2').result), /already exists/);
    assert.match(errorOf(renameAt('acl', 'authed').result), /already exists/);
    assert.ok('changes' in renameAt('be', 'web').result, 'a backend may share its name with a frontend');
    assert.ok('changes' in renameAt('srv', 'old1').result, 'servers of different backends may share a name');
  });

  it('refuses a listen named like an existing frontend (it is both)', () => {
    assert.match(errorOf(renameAt('listen', 'web').result), /already exists/);
  });

  it('refuses to rename predefined or undefined names', () => {
    const text = marked('frontend f\n    bind :80\n    http-request deny if <predef|TRUE\n    use_backend <missing|nowhere\n');
    for (const marker of ['predef', 'missing']) {
      const at = text.markers.get(marker)!;
      const set = setOf({ [uri]: text.text });
      assert.ok('error' in prepareRename(set, uri, at.line, at.column), marker);
      assert.ok('error' in renameSymbol(set, uri, at.line, at.column, 'x'), marker);
    }
  });

  it('replaces a quoted name with the plain new name', () => {
    const text = marked('backend <def|"app"\n    server s1 10.0.0.1:80\nfrontend f\n    bind :80\n    default_backend app\n');
    const at = text.markers.get('def')!;
    const result = renameSymbol(setOf({ [uri]: text.text }), uri, at.line, at.column, 'api');
    assert.ok('changes' in result);
    assert.equal(applyEdits(text.text, result.changes.get(uri)!), 'backend api\n    server s1 10.0.0.1:80\nfrontend f\n    bind :80\n    default_backend api\n');
  });

  it('leaves dynamic references alone', () => {
    const text = marked('backend <def|app\n    server s1 10.0.0.1:80\nfrontend f\n    bind :80\n    use_backend %[req.hdr(host),lower]\n    default_backend app\n');
    const at = text.markers.get('def')!;
    const result = renameSymbol(setOf({ [uri]: text.text }), uri, at.line, at.column, 'api');
    assert.ok('changes' in result);
    assert.equal(result.changes.get(uri)!.length, 2);
  });
});

function errorOf(result: { error: string } | object): string {
  assert.ok('error' in result, 'expected the rename to be refused');
  return (result as { error: string }).error;
}
