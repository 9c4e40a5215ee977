import type { Scenario } from '../scenario';
import { PREAMBLE, times } from './common';

const words = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'india', 'juliet',
  'kilo', 'lima', 'mike', 'november', 'oscar', 'papa'];

export const hashRequest: Scenario = {
  name: 'hash-uri-param-hdr',
  about: 'balance uri (whole, len, depth), url_param and hdr() on many keys, map-based and consistent',
  config: `${PREAMBLE}
frontend fe
    bind 127.0.0.1:{{port:http}}
    use_backend uri_map if { path_beg /um/ }
    use_backend uri_consistent if { path_beg /uc/ }
    use_backend uri_whole if { path_beg /uw/ }
    use_backend uri_len_depth if { path_beg /ul/ }
    use_backend param if { path_beg /param }
    use_backend header if { path_beg /hdr }
    default_backend header_consistent

backend uri_map
    balance uri
    server u1 {{echo}}
    server u2 {{echo}}
    server u3 {{echo}}
    server u4 {{echo}} weight 2

backend uri_consistent
    balance uri
    hash-type consistent
    server u1 {{echo}}
    server u2 {{echo}}
    server u3 {{echo}}

backend uri_whole
    balance uri whole
    server w1 {{echo}}
    server w2 {{echo}}
    server w3 {{echo}}

backend uri_len_depth
    balance uri len 8 depth 2
    server d1 {{echo}}
    server d2 {{echo}}
    server d3 {{echo}}

backend param
    balance url_param user
    server p1 {{echo}}
    server p2 {{echo}}
    server p3 {{echo}}

backend header
    balance hdr(X-Tenant)
    server h1 {{echo}}
    server h2 {{echo}}
    server h3 {{echo}}
    server h4 {{echo}}

backend header_consistent
    balance hdr(X-Tenant)
    hash-type consistent
    server k1 {{echo}}
    server k2 {{echo}}
    server k3 {{echo}}
`,
  requests: [
    ...times(16, (i) => ({ url: `http://127.0.0.1:{{port:http}}/um/${words[i]}/item?x=${i}` })),
    ...times(16, (i) => ({ url: `http://127.0.0.1:{{port:http}}/uc/${words[i]}.html` })),
    ...times(8, (i) => ({ url: `http://127.0.0.1:{{port:http}}/uw/page?id=${words[i]}` })),
    ...times(8, (i) => ({ url: `http://127.0.0.1:{{port:http}}/ul/${words[i % 4]}/${words[i]}/deep/path` })),
    ...times(12, (i) => ({ url: `http://127.0.0.1:{{port:http}}/param?user=${words[i]}&n=${i}` })),
    ...times(3, (i) => ({ url: `http://127.0.0.1:{{port:http}}/param?other=${i}` })),
    ...times(12, (i) => ({ url: 'http://127.0.0.1:{{port:http}}/hdr', headers: { 'X-Tenant': words[i] } })),
    ...times(3, (i) => ({ url: `http://127.0.0.1:{{port:http}}/hdr/none/${i}` })),
    ...times(10, (i) => ({ url: 'http://127.0.0.1:{{port:http}}/k', headers: { 'X-Tenant': `tenant-${i * 7}` } })),
  ],
};
