import type { Scenario } from '../scenario';
import { PREAMBLE, times } from './common';

const A = '127.20.0.1';
const B = '127.20.0.2';
const C = '127.20.0.3';

export const rateLimits: Scenario = {
  name: 'rate-limits',
  about: 'stick-table counters crossing thresholds: request rate, request count, connection rate, per source',
  config: `${PREAMBLE}
frontend rate
    bind 127.0.0.1:{{port:rate}}
    stick-table type ip size 1k expire 60s store http_req_rate(30s)
    http-request track-sc0 src
    http-request deny deny_status 429 if { sc_http_req_rate(0) gt 3 }
    default_backend app

frontend count
    bind 127.0.0.1:{{port:count}}
    stick-table type ip size 1k expire 60s store http_req_cnt
    http-request track-sc1 src
    acl too_many sc1_http_req_cnt ge 4
    http-request return status 503 content-type text/plain string "slow down" if too_many
    default_backend app

frontend conn
    bind 127.0.0.1:{{port:conn}}
    stick-table type ip size 1k expire 60s store conn_rate(30s)
    tcp-request connection track-sc0 src
    tcp-request connection reject if { sc0_conn_rate gt 2 }
    default_backend app

frontend by_header
    bind 127.0.0.1:{{port:hdr}}
    http-request track-sc2 req.hdr(X-Api-Key) table keys
    http-request deny deny_status 403 if { sc2_http_req_cnt gt 2 }
    default_backend app

backend keys
    stick-table type string len 32 size 1k expire 60s store http_req_cnt

backend app
    server app1 {{echo}}
    server app2 {{echo}}
`,
  requests: [
    ...times(6, () => ({ url: 'http://127.0.0.1:{{port:rate}}/r', src: A })),
    ...times(2, () => ({ url: 'http://127.0.0.1:{{port:rate}}/r', src: B })),
    { url: 'http://127.0.0.1:{{port:rate}}/r', src: A },
    ...times(5, () => ({ url: 'http://127.0.0.1:{{port:count}}/c', src: A })),
    ...times(5, (i) => ({ url: 'http://127.0.0.1:{{port:count}}/c', src: i % 2 === 0 ? B : C })),
    ...times(4, () => ({ url: 'http://127.0.0.1:{{port:conn}}/n', src: A })),
    { url: 'http://127.0.0.1:{{port:conn}}/n', src: B },
    ...times(4, () => ({ url: 'http://127.0.0.1:{{port:hdr}}/h', headers: { 'X-Api-Key': 'k-one' } })),
    ...times(2, () => ({ url: 'http://127.0.0.1:{{port:hdr}}/h', headers: { 'X-Api-Key': 'k-two' } })),
    ...times(2, () => ({ url: 'http://127.0.0.1:{{port:hdr}}/h' })),
  ],
};
