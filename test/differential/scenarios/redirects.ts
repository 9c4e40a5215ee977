import type { Scenario } from '../scenario';
import { PREAMBLE } from './common';

const get = (path: string, headers?: Record<string, string>) => ({
  url: `http://127.0.0.1:{{port:http}}${path}`,
  ...(headers ? { headers } : {}),
});

export const redirects: Scenario = {
  name: 'redirects',
  about: 'http-request redirect location/prefix/scheme with each code and option, and old-style redirect',
  config: `${PREAMBLE}
frontend fe
    bind 127.0.0.1:{{port:http}}
    http-request redirect location https://www.example.com/moved code 301 if { path /old }
    http-request redirect location /new-home if { path /home }
    http-request redirect prefix https://static.example.com code 302 if { path_beg /assets/ }
    http-request redirect prefix /v2 drop-query code 307 if { path_beg /v1/ }
    http-request redirect scheme https code 308 if { path_beg /secure }
    http-request redirect scheme https code 303 if { hdr(host) -i shop.example.com }
    http-request redirect location /login set-cookie SEEN=1 code 302 if { path /needs-login }
    http-request redirect location /cleared clear-cookie SEEN code 302 if { path /logout }
    http-request redirect prefix /docs append-slash if { path /manual }
    redirect location /legacy-target code 301 if { path /legacy }
    redirect prefix http://mirror.example.com if { path_beg /mirror }
    redirect scheme https if { path_beg /account }
    default_backend app

backend app
    server app1 {{echo}}
`,
  requests: [
    get('/old'),
    get('/old?x=1'),
    get('/home'),
    get('/assets/app.js'),
    get('/assets/img/logo.png?v=3'),
    get('/v1/users?page=2'),
    get('/v1/'),
    get('/secure/area?q=1'),
    get('/secure'),
    get('/cart', { Host: 'shop.example.com' }),
    get('/cart', { Host: 'SHOP.example.com' }),
    get('/cart', { Host: 'other.example.com' }),
    get('/needs-login'),
    get('/logout'),
    get('/manual'),
    get('/manual/'),
    get('/legacy'),
    get('/mirror/file.tar.gz'),
    get('/account/settings', { Host: 'bank.example.com' }),
    get('/plain'),
  ],
};
