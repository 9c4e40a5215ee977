import type { Scenario, ScenarioRequest } from '../scenario';
import { PREAMBLE } from './common';

const get = (path: string, extra: Partial<ScenarioRequest> = {}): ScenarioRequest => ({
  url: `http://127.0.0.1:{{port:http}}${path}`,
  ...extra,
});

const backends = ['b_api', 'b_img', 'b_admin', 'b_items', 'b_docs', 'b_org', 'b_debug', 'b_user', 'b_curl',
  'b_internal', 'b_post', 'b_shop', 'b_mobile', 'b_php', 'b_short', 'b_list', 'b_default'];

export const aclMatching: Scenario = {
  name: 'acl-matching',
  about: 'named and inline ACLs: -i, -m str/beg/end/sub/reg/dir/dom/found/len, path/hdr/query/url_param/src fetches',
  files: { 'list.txt': ['# patterns, one a line', '/from-file/one', '/from-file/two', ''].join('\n') },
  config: `${PREAMBLE}
frontend fe
    bind 127.0.0.1:{{port:http}}
    acl is_api path_beg /api/
    acl is_img path_end .png .jpg .GIF
    acl has_admin path_sub -i admin
    acl items_re path_reg ^/v[0-9]+/items$
    acl docs_dir path_dir docs
    acl org_dom hdr_dom(host) -i example.org
    acl debug_q query -m sub debug=1
    acl known_user url_param(user) alice bob
    acl ua_curl hdr(user-agent) -i -m beg curl/
    acl internal src 127.16.0.0/16 127.17.3.0/24 127.18.0.9
    acl is_post method POST PUT
    acl shop_host hdr(host) -i -m str shop.example.com
    acl mobile_client req.hdr(x-client) -m end -- -mobile
    acl php_url url -m reg -i \\.PHP(\\?|$)
    acl short_path path -m len 2
    acl listed path -f {{dir}}/list.txt
    use_backend b_api if is_api !is_post
    use_backend b_img if is_img
    use_backend b_admin if has_admin
    use_backend b_items if items_re
    use_backend b_docs if docs_dir
    use_backend b_org if org_dom
    use_backend b_debug if debug_q
    use_backend b_user if known_user
    use_backend b_curl if ua_curl
    use_backend b_internal if internal
    use_backend b_post if is_post
    use_backend b_shop if shop_host
    use_backend b_mobile if mobile_client
    use_backend b_php if php_url
    use_backend b_short if short_path
    use_backend b_list if listed || { path_beg -i /LIST }
    default_backend b_default
${backends.map((b) => `\nbackend ${b}\n    server s {{echo}}\n`).join('')}`,
  requests: [
    get('/api/users'),
    get('/api'),
    get('/API/users'),
    get('/api/users', { method: 'POST' }),
    get('/pics/cat.png'),
    get('/pics/cat.PNG'),
    get('/pics/cat.GIF'),
    get('/pics/cat.gif'),
    get('/site/AdMiN/panel'),
    get('/v2/items'),
    get('/v2/items/3'),
    get('/vx/items'),
    get('/a/docs/b'),
    get('/a/docsx/b'),
    get('/docs'),
    get('/', { headers: { Host: 'www.example.org' } }),
    get('/', { headers: { Host: 'EXAMPLE.ORG' } }),
    get('/', { headers: { Host: 'notexample.org' } }),
    get('/', { headers: { Host: 'example.org.evil.com' } }),
    get('/page?a=1&debug=1'),
    get('/page?debug=0'),
    get('/page?user=alice'),
    get('/page?x=1&user=bob'),
    get('/page?user=carol'),
    get('/page?user=ALICE'),
    get('/x', { headers: { 'User-Agent': 'curl/8.1' } }),
    get('/x', { headers: { 'User-Agent': 'CURL/7.0' } }),
    get('/x', { headers: { 'User-Agent': 'Mozilla/5.0 curl/8' } }),
    get('/x', { src: '127.16.40.2' }),
    get('/x', { src: '127.17.3.200' }),
    get('/x', { src: '127.17.4.1' }),
    get('/x', { src: '127.18.0.9' }),
    get('/x', { src: '127.18.0.10' }),
    get('/form', { method: 'POST' }),
    get('/form', { method: 'PUT' }),
    get('/form', { method: 'DELETE' }),
    get('/x', { headers: { Host: 'Shop.Example.com' } }),
    get('/x', { headers: { Host: 'shop.example.com.au' } }),
    get('/x', { headers: { 'X-Client': 'ios-mobile' } }),
    get('/x', { headers: { 'X-Client': 'ios-MOBILE' } }),
    get('/index.php'),
    get('/index.Php?x=1'),
    get('/index.phps'),
    get('/ab'),
    get('/abc'),
    get('/from-file/one'),
    get('/from-file/three'),
    get('/list/all'),
    get('/nothing/matches/here'),
  ],
};
