import type { Scenario } from '../scenario';
import { PREAMBLE } from './common';

const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

const get = (path: string, headers?: Record<string, string>, method = 'GET') => ({
  method,
  url: `http://127.0.0.1:{{port:http}}${path}`,
  ...(headers ? { headers } : {}),
});

export const denyReturnAuth: Scenario = {
  name: 'deny-return-auth',
  about: 'deny with deny_status, tarpit, return with status and content, http-request auth with a userlist',
  config: `${PREAMBLE}
userlist staff
    group admins users alice
    group ops users bob,carol
    user alice insecure-password wonderland
    user bob insecure-password builder
    user carol insecure-password s3cret

frontend fe
    bind 127.0.0.1:{{port:http}}
    acl is_admin path_beg /admin
    acl is_ops path_beg /ops
    http-request deny if { path_beg /private }
    http-request deny deny_status 404 if { path /hidden }
    http-request deny deny_status 429 if { hdr(X-Abuse) -m found }
    http-request tarpit deny_status 503 if { path /slow }
    http-request return status 200 content-type text/plain string "pong" if { path /ping }
    http-request return status 204 if { method OPTIONS }
    http-request return status 404 content-type text/html string "<h1>none</h1>" if { path_end .php }
    http-request auth realm Admin if is_admin !{ http_auth(staff) }
    http-request deny if is_admin !{ http_auth_group(staff) admins }
    http-request auth if is_ops !{ http_auth_group(staff) ops }
    http-request allow if { path_beg /open }
    http-request deny deny_status 400 if { path_beg /open-not }
    default_backend app

backend app
    server app1 {{echo}}
    server app2 {{echo}}
`,
  requests: [
    get('/private/data'),
    get('/hidden'),
    get('/hidden/not'),
    get('/any', { 'X-Abuse': '1' }),
    get('/slow'),
    get('/ping'),
    get('/ping', undefined, 'OPTIONS'),
    get('/anything', undefined, 'OPTIONS'),
    get('/index.php'),
    get('/admin'),
    get('/admin', { Authorization: basic('alice', 'wrong') }),
    get('/admin', { Authorization: basic('alice', 'wonderland') }),
    get('/admin', { Authorization: basic('bob', 'builder') }),
    get('/admin', { Authorization: basic('nobody', 'x') }),
    get('/admin', { Authorization: 'Bearer abc' }),
    get('/ops/x', { Authorization: basic('carol', 's3cret') }),
    get('/ops/x', { Authorization: basic('alice', 'wonderland') }),
    get('/ops/x'),
    get('/open-not/allowed'),
    get('/public'),
    get('/public', undefined, 'POST'),
  ],
};
