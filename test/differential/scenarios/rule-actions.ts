import type { Scenario, ScenarioRequest } from '../scenario';
import { PREAMBLE } from './common';

const get = (path: string, headers?: Record<string, string>): ScenarioRequest => ({
  url: `http://127.0.0.1:{{port:http}}${path}`,
  ...(headers ? { headers } : {}),
});

export const ruleActions: Scenario = {
  name: 'rule-actions',
  about: 'header/path rewrites and variables feeding later rules, tcp-request content, rule order, use-service',
  config: `${PREAMBLE}
frontend fe
    bind 127.0.0.1:{{port:http}}
    tcp-request inspect-delay 1s
    tcp-request content reject if { src 127.99.0.0/16 }
    http-request set-var(txn.tenant) req.hdr(X-Tenant),lower if { req.hdr(X-Tenant) -m found }
    http-request set-header X-Route legacy if { path_beg /old-api/ }
    http-request replace-path /old-api/(.*) /api/\\1
    http-request set-path /health if { path /status }
    http-request add-header X-Tag tagged if { path_beg /tag }
    http-request del-header X-Secret
    http-request deny deny_status 403 if { req.hdr(X-Secret) -m found }
    http-request use-service prometheus-exporter if { path /metrics }
    http-request redirect location /first code 302 if { path /both }
    http-request deny deny_status 403 if { path /both }
    use_backend b_legacy if { req.hdr(X-Route) legacy }
    use_backend b_health if { path /health }
    use_backend b_api if { path_beg /api/ }
    use_backend b_tenant_%[var(txn.tenant)] if { var(txn.tenant) -m found }
    use_backend b_tag if { req.hdr(X-Tag) tagged }
    use_backend b_first if { path_beg /order }
    use_backend b_second if { path_beg /order/x }
    default_backend b_default

backend b_legacy
    server s {{echo}}
backend b_health
    server s {{echo}}
backend b_api
    server s {{echo}}
backend b_tenant_red
    server s {{echo}}
backend b_tenant_blue
    server s {{echo}}
backend b_tag
    server s {{echo}}
backend b_first
    server s {{echo}}
backend b_second
    server s {{echo}}
backend b_default
    server s {{echo}}
`,
  requests: [
    get('/old-api/users'),
    get('/api/users'),
    get('/status'),
    get('/health'),
    get('/', { 'X-Tenant': 'RED' }),
    get('/', { 'X-Tenant': 'blue' }),
    get('/', { 'X-Tenant': 'green' }),
    get('/tag/1'),
    get('/', { 'X-Secret': 'leak' }),
    get('/both'),
    get('/order/x/1'),
    get('/order/y'),
    { url: 'http://127.0.0.1:{{port:http}}/', src: '127.99.1.1' },
    get('/metrics'),
    get('/else'),
  ],
};
