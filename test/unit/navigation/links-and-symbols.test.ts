import { strict as assert } from 'node:assert';
import { buildModel } from '../../../server/src/model/config-model';
import { documentLinks } from '../../../server/src/navigation/document-links';
import { workspaceSymbols } from '../../../server/src/navigation/workspace-symbols';
import { parseConfig } from '../../../server/src/syntax/parse-config';
import { textAt } from './cursor';

const text = `global
    crt-base /etc/ssl/private
    ca-base /etc/ssl/certs
    lua-load scripts/cors.lua

frontend web
    bind :443 ssl crt site.pem ca-file clients.pem crt-list /etc/haproxy/crt-list.txt
    acl blocked src -f /etc/haproxy/blocked.lst
    acl hosts hdr(host),lower -m str -f "hosts.lst"
    http-request deny if { path_beg -i -f paths.lst }
    use_backend %[req.hdr(host),lower,map_dom(/etc/haproxy/hosts.map,default)]
    http-request set-var(txn.tier) src,map_ip(tiers.map)
    http-request set-map(/etc/haproxy/dyn.map) %[src] 1
    http-request return status 200 content-type text/plain file pages/ok.txt if { path /ok }
    errorfile 503 /etc/haproxy/errors/503.http
    acl env_file src -f \${HOME}/x.lst

backend app
    server s1 10.0.0.1:443 ssl ca-file upstream-ca.pem crt client.pem
`;

describe('navigation: document links', () => {
  const model = buildModel(parseConfig(text));
  const links = documentLinks(model, '/etc/haproxy/haproxy.cfg');

  it('links every file path to the file HAProxy would open', () => {
    assert.deepEqual(
      links.map((l) => `${textAt(text, l.range)} -> ${l.target}`),
      [
        'scripts/cors.lua -> /etc/haproxy/scripts/cors.lua',
        'site.pem -> /etc/ssl/private/site.pem',
        'clients.pem -> /etc/ssl/certs/clients.pem',
        '/etc/haproxy/crt-list.txt -> /etc/haproxy/crt-list.txt',
        '/etc/haproxy/blocked.lst -> /etc/haproxy/blocked.lst',
        '"hosts.lst" -> /etc/haproxy/hosts.lst',
        'paths.lst -> /etc/haproxy/paths.lst',
        '/etc/haproxy/hosts.map -> /etc/haproxy/hosts.map',
        'tiers.map -> /etc/haproxy/tiers.map',
        '/etc/haproxy/dyn.map -> /etc/haproxy/dyn.map',
        'pages/ok.txt -> /etc/haproxy/pages/ok.txt',
        '/etc/haproxy/errors/503.http -> /etc/haproxy/errors/503.http',
        'upstream-ca.pem -> /etc/ssl/certs/upstream-ca.pem',
        'client.pem -> /etc/ssl/private/client.pem',
      ],
    );
  });

  it('skips paths built from environment variables', () => {
    assert.ok(!links.some((l) => l.target.includes('x.lst')));
  });
});

describe('navigation: workspace symbols', () => {
  const files = [
    { uri: 'file:///a.cfg', model: buildModel(parseConfig('frontend web_front\n    bind :80\nbackend api_back\n    server s1 1.1.1.1:80\nuserlist admins\n')) },
    { uri: 'file:///b.cfg', model: buildModel(parseConfig('listen stats_page\n    bind :9000\nresolvers dns\n')) },
  ];

  it('lists named sections of every file, not ACLs or servers', () => {
    assert.deepEqual(
      workspaceSymbols(files, '').map((s) => `${s.kind}:${s.name}@${s.uri}`),
      ['frontend:web_front@file:///a.cfg', 'backend:api_back@file:///a.cfg', 'userlist:admins@file:///a.cfg', 'listen:stats_page@file:///b.cfg', 'resolvers:dns@file:///b.cfg'],
    );
  });

  it('filters by the query letters in order, ignoring case', () => {
    assert.deepEqual(workspaceSymbols(files, 'APB').map((s) => s.name), ['api_back']);
    assert.deepEqual(workspaceSymbols(files, 'st').map((s) => s.name), ['stats_page']);
    assert.deepEqual(workspaceSymbols(files, 'zzz'), []);
  });
});

describe('navigation: document links of an unsaved file', () => {
  it('links only absolute paths, and paths under an absolute base', () => {
    const model = buildModel(parseConfig('global\n    crt-base /certs\nfrontend f\n    bind :443 ssl crt a.pem\n    acl x src -f rel.lst\n    acl y src -f /abs.lst\n'));
    assert.deepEqual(documentLinks(model).map((l) => l.target), ['/certs/a.pem', '/abs.lst']);
  });
});
