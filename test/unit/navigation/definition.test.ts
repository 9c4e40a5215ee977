import { strict as assert } from 'node:assert';
import { findDefinitions } from '../../../server/src/navigation/definition';
import { marked, setOf, textAt, where } from './cursor';

const source = marked(`global
    log ring@<ringRef|logbuf local0

ring <ringDef|logbuf
    size 32764

userlist <listDef|admins
    group <groupDef|ops users <userRef|alice
    user <userDef|alice password secret groups <groupRef|ops

resolvers <dnsDef|dns
    nameserver ns1 10.0.0.1:53

peers <peersDef|mesh
    peer lb1 10.0.0.2:1024
    table <peerTableDef|sessions type ip size 1k

cache <cacheDef|pages
    total-max-size 4

http-errors <errorsDef|site
    errorfile 503 /etc/haproxy/errors/503.http

mailers <mailersDef|ops-mail
    mailer smtp1 10.0.0.3:25

fcgi-app <fcgiDef|php
    docroot /var/www

defaults <defaultsDef|base
    mode http

frontend <feDef|web from <fromRef|base
    bind :80
    acl <aclDef1|is_api path_beg /api
    acl <aclDef2|is_api hdr(host) api.example.com
    acl authed http_auth(<listRef|admins)
    acl ops_only http_auth_group(admins) <groupRef2|ops
    http-request track-sc0 src table <tableRef|app
    http-request track-sc1 src table <peersRef|mesh/<peerTableRef|sessions
    http-request deny if { sc_http_req_rate(0,<tableRef2|app) gt 10 } || !<aclRef|is_api
    http-request cache-use <cacheRef|pages
    errorfiles <errorsRef|site
    use_backend <beRef|app if <aclRef2|is_api
    default_backend <listenRef|legacy

backend <beDef|app
    stick-table type ip size 1m expire 10m store http_req_rate(10s) peers <peersRef2|mesh
    email-alert mailers <mailersRef|ops-mail
    use-fcgi-app <fcgiRef|php
    filter cache <cacheRef2|pages
    use-server <srvRef|s2 if { path_beg /two }
    server <srvDef|s1 10.0.0.10:80 check resolvers <dnsRef|dns
    server <srv2Def|s2 10.0.0.11:80 track <trackBeRef|legacy/<trackSrvRef|old1

listen <listenDef|legacy
    bind :8080
    http-request deny if { nbsrv(<nbsrvRef|app) lt 1 } || { srv_is_up(<fetchBeRef|app/<fetchSrvRef|s1) -m bool }
    server <oldDef|old1 10.0.0.20:80 check
    monitor fail if { fe_conn(<feRef|web) gt 100 }
`);

const set = setOf({ 'file:///haproxy.cfg': source.text });

function definitionsAt(marker: string): string[] {
  const at = source.markers.get(marker);
  assert.ok(at, `marker ${marker} missing`);
  return findDefinitions(set, 'file:///haproxy.cfg', at.line, at.column).map((location) => `${textAt(source.text, location.range)}@${where(location.range)}`);
}

function markerSpot(marker: string, name: string): string {
  const at = source.markers.get(marker)!;
  return `${name}@${at.line + 1}:${at.column}-${at.column + name.length}`;
}

describe('navigation: go to definition', () => {
  const cases: [string, string, string, string][] = [
    ['backend from use_backend', 'beRef', 'beDef', 'app'],
    ['listen from default_backend', 'listenRef', 'listenDef', 'legacy'],
    ['frontend from fe_conn()', 'feRef', 'feDef', 'web'],
    ['named defaults from `from`', 'fromRef', 'defaultsDef', 'base'],
    ['ring from log ring@', 'ringRef', 'ringDef', 'logbuf'],
    ['userlist from http_auth()', 'listRef', 'listDef', 'admins'],
    ['user from group ... users', 'userRef', 'userDef', 'alice'],
    ['group from user ... groups', 'groupRef', 'groupDef', 'ops'],
    ['group from http_auth_group patterns', 'groupRef2', 'groupDef', 'ops'],
    ['resolvers from server ... resolvers', 'dnsRef', 'dnsDef', 'dns'],
    ['peers from stick-table ... peers', 'peersRef2', 'peersDef', 'mesh'],
    ['peers from table PEERS/TABLE', 'peersRef', 'peersDef', 'mesh'],
    ['peers table from table PEERS/TABLE', 'peerTableRef', 'peerTableDef', 'sessions'],
    ['cache from cache-use', 'cacheRef', 'cacheDef', 'pages'],
    ['cache from filter cache', 'cacheRef2', 'cacheDef', 'pages'],
    ['http-errors from errorfiles', 'errorsRef', 'errorsDef', 'site'],
    ['mailers from email-alert mailers', 'mailersRef', 'mailersDef', 'ops-mail'],
    ['fcgi-app from use-fcgi-app', 'fcgiRef', 'fcgiDef', 'php'],
    ['stick table (backend name) from track-sc0 ... table', 'tableRef', 'beDef', 'app'],
    ['stick table from sc_http_req_rate(0,TABLE)', 'tableRef2', 'beDef', 'app'],
    ['backend from nbsrv()', 'nbsrvRef', 'beDef', 'app'],
    ['server from use-server (same backend)', 'srvRef', 'srv2Def', 's2'],
    ['backend part of track BACKEND/SERVER', 'trackBeRef', 'listenDef', 'legacy'],
    ['server part of track BACKEND/SERVER (other proxy)', 'trackSrvRef', 'oldDef', 'old1'],
    ['backend part of srv_is_up(BACKEND/SERVER)', 'fetchBeRef', 'beDef', 'app'],
    ['server part of srv_is_up(BACKEND/SERVER)', 'fetchSrvRef', 'srvDef', 's1'],
  ];
  for (const [title, from, to, name] of cases) {
    it(title, () => {
      assert.deepEqual(definitionsAt(from), [markerSpot(to, name)]);
    });
  }

  it('gives every line of a multi-line ACL', () => {
    assert.deepEqual(definitionsAt('aclRef'), [markerSpot('aclDef1', 'is_api'), markerSpot('aclDef2', 'is_api')]);
    assert.deepEqual(definitionsAt('aclRef2'), definitionsAt('aclRef'));
  });

  it('answers on a definition with the definition itself', () => {
    assert.deepEqual(definitionsAt('srvDef'), [markerSpot('srvDef', 's1')]);
  });

  it('finds nothing for a predefined ACL, an undefined name, or a spot with no symbol', () => {
    const other = marked(`frontend f
    bind :80
    http-request deny if <predef|TRUE
    use_backend <missing|nowhere
    <keyword|timeout client 5s
`);
    const lone = setOf({ 'file:///x.cfg': other.text });
    for (const marker of ['predef', 'missing', 'keyword']) {
      const at = other.markers.get(marker)!;
      assert.deepEqual(findDefinitions(lone, 'file:///x.cfg', at.line, at.column), [], marker);
    }
  });

  it('keeps servers of different backends apart', () => {
    const text = marked(`backend a
    server <aDef|web 10.0.0.1:80
backend b
    use-server <bRef|web if TRUE
    server <bDef|web 10.0.0.2:80
`);
    const two = setOf({ 'file:///y.cfg': text.text });
    const at = text.markers.get('bRef')!;
    const found = findDefinitions(two, 'file:///y.cfg', at.line, at.column);
    assert.deepEqual(found.map((l) => l.range.start.line), [text.markers.get('bDef')!.line]);
  });
});
