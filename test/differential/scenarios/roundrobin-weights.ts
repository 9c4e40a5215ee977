import type { Scenario } from '../scenario';
import { PREAMBLE, times } from './common';

export const roundrobinWeights: Scenario = {
  name: 'roundrobin-weights',
  about: 'weighted round-robin order with unequal and equal weights',
  config: `${PREAMBLE}
frontend fe
    bind 127.0.0.1:{{port:http}}
    use_backend rr_321 if { path_beg /a }
    use_backend rr_skewed if { path_beg /b }
    default_backend rr_equal

backend rr_321
    balance roundrobin
    server s1 {{echo}} weight 3
    server s2 {{echo}} weight 2
    server s3 {{echo}} weight 1

backend rr_skewed
    balance roundrobin
    server big {{echo}} weight 10
    server mid {{echo}} weight 4
    server small {{echo}} weight 1

backend rr_equal
    server e1 {{echo}}
    server e2 {{echo}}
    server e3 {{echo}}
    server e4 {{echo}}
`,
  requests: [
    ...times(24, (i) => ({ url: `http://127.0.0.1:{{port:http}}/a/${i}` })),
    ...times(30, (i) => ({ url: `http://127.0.0.1:{{port:http}}/b/${i}` })),
    ...times(10, (i) => ({ url: `http://127.0.0.1:{{port:http}}/c/${i}` })),
  ],
};
