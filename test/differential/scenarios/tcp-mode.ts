import type { Scenario } from '../scenario';
import { FAST_CHECK, PREAMBLE, times } from './common';

export const tcpMode: Scenario = {
  name: 'tcp-mode',
  about: 'tcp-mode listen and frontend: connections balanced, tcp-request connection rules, down servers',
  config: `${PREAMBLE}
listen tcp_rr
    mode tcp
    bind 127.0.0.1:{{port:rr}}
    balance roundrobin
    server t1 {{echo}} weight 2
    server t2 {{echo}}
    server t3 {{closed}} ${FAST_CHECK}

listen tcp_src
    mode tcp
    bind 127.0.0.1:{{port:src}}
    balance source
    server s1 {{echo}}
    server s2 {{echo}}
    server s3 {{echo}}

frontend tcp_front
    mode tcp
    bind 127.0.0.1:{{port:front}}
    tcp-request connection reject if { src 127.66.0.0/16 }
    use_backend tcp_special if { dst_port {{port:front}} } { src 127.77.0.0/16 }
    default_backend tcp_pool

backend tcp_pool
    mode tcp
    server p1 {{echo}}
    server p2 {{echo}}

backend tcp_special
    mode tcp
    server sp {{echo}}

listen tcp_dead
    mode tcp
    bind 127.0.0.1:{{port:dead}}
    server d1 {{closed}} ${FAST_CHECK}
`,
  requests: [
    ...times(8, (i) => ({ url: `http://127.0.0.1:{{port:rr}}/rr/${i}` })),
    ...times(10, (i) => ({ url: 'http://127.0.0.1:{{port:src}}/', src: `127.${30 + i}.${i * 11}.${i * 23 + 1}` })),
    { url: 'http://127.0.0.1:{{port:front}}/', src: '127.66.1.1' },
    { url: 'http://127.0.0.1:{{port:front}}/', src: '127.77.1.1' },
    { url: 'http://127.0.0.1:{{port:front}}/', src: '127.78.1.1' },
    { url: 'http://127.0.0.1:{{port:front}}/', src: '127.66.200.3' },
    { url: 'http://127.0.0.1:{{port:front}}/' },
    { url: 'http://127.0.0.1:{{port:dead}}/' },
  ],
};
