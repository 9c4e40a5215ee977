import type { Scenario } from '../scenario';
import { PREAMBLE } from './common';

const host = (name: string, path = '/') => ({ url: `http://127.0.0.1:{{port:http}}${path}`, headers: { Host: name } });

export const mapBackends: Scenario = {
  name: 'map-dynamic-backends',
  about: 'use_backend with %[...] names from map files (map, map_beg, lower) and default_backend',
  files: {
    'hosts.map': [
      '# host to backend',
      'www.example.com    be_www',
      'api.example.com    be_api',
      'shop.example.com   be_shop',
      '',
    ].join('\n'),
    'paths.map': ['/static/   be_static', '/api/v2/   be_api', '/shop      be_shop', ''].join('\n'),
  },
  config: `${PREAMBLE}
frontend fe
    bind 127.0.0.1:{{port:http}}
    use_backend %[path,map_beg({{dir}}/paths.map)] if { path,map_beg({{dir}}/paths.map) -m found }
    use_backend %[req.hdr(host),lower,map({{dir}}/hosts.map,be_default)]

frontend fe_str
    bind 127.0.0.1:{{port:str}}
    use_backend be_%[req.hdr(X-Team),lower] if { req.hdr(X-Team) -m found }
    default_backend be_default

backend be_www
    server w1 {{echo}}
backend be_api
    server a1 {{echo}}
    server a2 {{echo}}
backend be_shop
    server s1 {{echo}}
backend be_static
    server st1 {{echo}}
backend be_default
    server d1 {{echo}}
`,
  requests: [
    host('www.example.com'),
    host('WWW.Example.COM', '/index.html'),
    host('api.example.com', '/v1/users'),
    host('api.example.com', '/v1/users'),
    host('shop.example.com', '/cart'),
    host('unknown.example.com'),
    host('www.example.com:8080'),
    host('www.example.com', '/static/app.css'),
    host('unknown.example.com', '/api/v2/items'),
    host('unknown.example.com', '/shopping'),
    host('unknown.example.com', '/sho'),
    { url: 'http://127.0.0.1:{{port:http}}/no-host-map' },
    { url: 'http://127.0.0.1:{{port:str}}/', headers: { 'X-Team': 'API' } },
    { url: 'http://127.0.0.1:{{port:str}}/', headers: { 'X-Team': 'shop' } },
    { url: 'http://127.0.0.1:{{port:str}}/', headers: { 'X-Team': 'nosuch' } },
    { url: 'http://127.0.0.1:{{port:str}}/' },
  ],
};
