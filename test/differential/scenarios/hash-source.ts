import type { Scenario } from '../scenario';
import { PREAMBLE, times } from './common';

const source = (i: number) => `127.${(i * 53) % 250}.${(i * 29 + 7) % 256}.${(i * 97 + 3) % 254 + 1}`;

export const hashSource: Scenario = {
  name: 'hash-source',
  about: 'balance source on many client addresses, map-based and consistent hashing, unequal weights',
  config: `${PREAMBLE}
frontend fe
    bind 127.0.0.1:{{port:http}}
    use_backend src_map if { path_beg /map }
    use_backend src_consistent if { path_beg /consistent }
    default_backend src_map_avalanche

backend src_map
    balance source
    hash-type map-based
    server m1 {{echo}}
    server m2 {{echo}}
    server m3 {{echo}} weight 2
    server m4 {{echo}}

backend src_consistent
    balance source
    hash-type consistent
    server c1 {{echo}}
    server c2 {{echo}}
    server c3 {{echo}} weight 3

backend src_map_avalanche
    balance source
    hash-type map-based sdbm avalanche
    server a1 {{echo}}
    server a2 {{echo}}
    server a3 {{echo}}
`,
  requests: [
    ...times(30, (i) => ({ url: 'http://127.0.0.1:{{port:http}}/map', src: source(i) })),
    ...times(30, (i) => ({ url: 'http://127.0.0.1:{{port:http}}/consistent', src: source(i + 100) })),
    ...times(12, (i) => ({ url: 'http://127.0.0.1:{{port:http}}/other', src: source(i + 200) })),
    // The same client again must land where it landed before.
    ...times(4, (i) => ({ url: 'http://127.0.0.1:{{port:http}}/map', src: source(i) })),
    ...times(4, (i) => ({ url: 'http://127.0.0.1:{{port:http}}/consistent', src: source(i + 100) })),
  ],
};
