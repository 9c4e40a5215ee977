import type { Scenario } from '../scenario';
import { FAST_CHECK, PREAMBLE, times } from './common';

export const otherBalancing: Scenario = {
  name: 'static-rr-leastconn-first',
  about: 'static-rr with weights, leastconn on sequential requests, first (also with the first server down)',
  config: `${PREAMBLE}
frontend fe
    bind 127.0.0.1:{{port:http}}
    use_backend static if { path_beg /static }
    use_backend lc_equal if { path_beg /lc-equal }
    use_backend lc_weighted if { path_beg /lc-weighted }
    use_backend first_up if { path_beg /first-up }
    use_backend first_down if { path_beg /first-down }
    default_backend static

backend static
    balance static-rr
    server s1 {{echo}} weight 3
    server s2 {{echo}} weight 1
    server s3 {{echo}} weight 2

backend lc_equal
    balance leastconn
    server l1 {{echo}}
    server l2 {{echo}}
    server l3 {{echo}}

backend lc_weighted
    balance leastconn
    server heavy {{echo}} weight 50
    server light {{echo}} weight 10

backend first_up
    balance first
    server f1 {{echo}} maxconn 2
    server f2 {{echo}} maxconn 2

backend first_down
    balance first
    server f1 {{closed}} ${FAST_CHECK}
    server f2 {{echo}} ${FAST_CHECK}
    server f3 {{echo}} ${FAST_CHECK}
`,
  requests: [
    ...times(18, (i) => ({ url: `http://127.0.0.1:{{port:http}}/static/${i}` })),
    ...times(9, (i) => ({ url: `http://127.0.0.1:{{port:http}}/lc-equal/${i}` })),
    ...times(6, (i) => ({ url: `http://127.0.0.1:{{port:http}}/lc-weighted/${i}` })),
    ...times(5, (i) => ({ url: `http://127.0.0.1:{{port:http}}/first-up/${i}` })),
    ...times(4, (i) => ({ url: `http://127.0.0.1:{{port:http}}/first-down/${i}` })),
    { url: 'http://127.0.0.1:{{port:http}}/elsewhere' },
  ],
};
