import type { Scenario, ScenarioRequest } from '../scenario';
import { PREAMBLE } from './common';

const get = (path: string, extra: Partial<ScenarioRequest> = {}): ScenarioRequest => ({
  url: `http://127.0.0.1:{{port:http}}${path}`,
  ...extra,
});
const A = '127.40.0.1';
const B = '127.40.0.2';
const C = '127.40.0.3';

export const stickinessConverters: Scenario = {
  name: 'stickiness-and-converters',
  about: 'stick on/match/store-request, a draining server, src_* counters, converters in routing and ACLs',
  config: `${PREAMBLE}
frontend fe
    bind 127.0.0.1:{{port:http}}
    stick-table type ip size 1k expire 60s store http_req_cnt
    http-request track-sc0 src if { path_beg /count }
    http-request deny deny_status 429 if { path_beg /count } { src_http_req_cnt(fe) gt 2 }
    http-request set-var(txn.svc) path,field(3,/) if { path_beg /svc/ }
    http-request set-var(txn.site) req.hdr(host),word(1,.),upper if { req.hdr(host) -m found }
    use_backend stick_src if { path_beg /ss }
    use_backend stick_cookie if { path_beg /sc }
    use_backend drain if { path_beg /drain }
    use_backend svc_%[var(txn.svc)] if { var(txn.svc) -m found }
    use_backend site_shop if { var(txn.site) -m str SHOP }
    use_backend versioned if { path,regsub(^/v[0-9]+/,/) -m str /items }
    use_backend lang_fr if { req.cook(lang) -i fr }
    use_backend base_match if { base -m beg docs.example.com/guide }
    use_backend dom_match if { hdr(host) -m dom internal }
    use_backend dir_match if { path -m dir archive }
    default_backend fallback

backend stick_src
    balance roundrobin
    stick-table type ip size 1k expire 60s
    stick on src
    server s1 {{echo}}
    server s2 {{echo}}
    server s3 {{echo}}

backend stick_cookie
    balance roundrobin
    stick-table type string len 32 size 1k expire 60s
    stick match req.cook(session)
    stick store-request req.cook(session)
    server c1 {{echo}}
    server c2 {{echo}}
    server c3 {{echo}}

backend drain
    balance roundrobin
    cookie SRV insert indirect nocache
    server d1 {{echo}} cookie d1 weight 0
    server d2 {{echo}} cookie d2
    server d3 {{echo}} cookie d3

backend svc_billing
    server b {{echo}}
backend svc_search
    server s {{echo}}
backend site_shop
    server s {{echo}}
backend versioned
    server v {{echo}}
backend lang_fr
    server f {{echo}}
backend base_match
    server b {{echo}}
backend dom_match
    server d {{echo}}
backend dir_match
    server d {{echo}}
backend fallback
    server f {{echo}}
`,
  requests: [
    get('/ss', { src: A }),
    get('/ss', { src: B }),
    get('/ss', { src: A }),
    get('/ss', { src: C }),
    get('/ss', { src: B }),
    get('/ss', { src: A }),
    get('/sc', { headers: { Cookie: 'session=alpha' } }),
    get('/sc', { headers: { Cookie: 'session=beta' } }),
    get('/sc'),
    get('/sc', { headers: { Cookie: 'session=alpha' } }),
    get('/sc', { headers: { Cookie: 'session=beta' } }),
    get('/sc', { headers: { Cookie: 'session=gamma' } }),
    get('/sc', { headers: { Cookie: 'session=alpha' } }),
    get('/drain/1'),
    get('/drain/2'),
    get('/drain/3'),
    get('/drain/4', { headers: { Cookie: 'SRV=d1' } }),
    get('/drain/5', { headers: { Cookie: 'SRV=d3' } }),
    get('/count/1', { src: A }),
    get('/count/2', { src: A }),
    get('/count/3', { src: A }),
    get('/count/4', { src: A }),
    get('/count/5', { src: B }),
    get('/svc/billing/invoices'),
    get('/svc/search'),
    get('/svc/unknown/x'),
    get('/', { headers: { Host: 'shop.example.com' } }),
    get('/', { headers: { Host: 'Shop.example.com' } }),
    get('/', { headers: { Host: 'shopping.example.com' } }),
    get('/v1/items'),
    get('/v22/items'),
    get('/vX/items'),
    get('/', { headers: { Cookie: 'a=1; lang=FR' } }),
    get('/', { headers: { Cookie: 'lang=en' } }),
    get('/guide/intro', { headers: { Host: 'docs.example.com' } }),
    get('/', { headers: { Host: 'api.internal.example' } }),
    get('/', { headers: { Host: 'api.internals.example' } }),
    get('/old/archive/2020'),
    get('/old/archives/2020'),
  ],
};
