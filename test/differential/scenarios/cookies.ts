import type { Scenario, ScenarioRequest } from '../scenario';
import { FAST_CHECK, PREAMBLE } from './common';

const at = (path: string, cookie?: string): ScenarioRequest => ({
  url: `http://127.0.0.1:{{port:http}}${path}`,
  ...(cookie !== undefined ? { headers: { Cookie: cookie } } : {}),
});

export const cookies: Scenario = {
  name: 'cookie-persistence',
  about: 'cookie insert/rewrite/prefix with valid, invalid, missing cookies and a cookie naming a down server',
  config: `${PREAMBLE}
frontend fe
    bind 127.0.0.1:{{port:http}}
    use_backend ins_indirect if { path_beg /ins }
    use_backend ins_plain if { path_beg /plain }
    use_backend rewrite if { path_beg /rw }
    use_backend prefix if { path_beg /px }
    default_backend ins_indirect

backend ins_indirect
    balance roundrobin
    cookie SRV insert indirect nocache
    server web1 {{echo}} cookie w1 ${FAST_CHECK}
    server web2 {{echo}} cookie w2 ${FAST_CHECK}
    server web3 {{closed}} cookie w3 ${FAST_CHECK}

backend ins_plain
    balance roundrobin
    cookie LB insert
    server a {{echo}} cookie alpha
    server b {{echo}} cookie beta

backend rewrite
    cookie JSESSIONID rewrite
    server r1 {{echo}} cookie r1
    server r2 {{echo}} cookie r2

backend prefix
    cookie SESSION prefix
    server p1 {{echo}} cookie p1
    server p2 {{echo}} cookie p2
`,
  requests: [
    at('/ins/1'),
    at('/ins/2'),
    at('/ins/3'),
    at('/ins/4', 'SRV=w2'),
    at('/ins/5', 'SRV=w2'),
    at('/ins/6', 'SRV=w1'),
    at('/ins/7', 'SRV=bogus'),
    at('/ins/8', 'SRV=w3'),
    at('/ins/9', 'other=1; SRV=w2; more=2'),
    at('/ins/10', 'srv=w2'),
    at('/ins/11', 'SRV='),
    at('/plain/1'),
    at('/plain/2', 'LB=alpha'),
    at('/plain/3', 'LB=beta'),
    at('/plain/4', 'LB=gamma'),
    at('/plain/5'),
    at('/rw/1'),
    at('/rw/2', 'JSESSIONID=r2'),
    at('/rw/3', 'JSESSIONID=r1'),
    at('/rw/4', 'JSESSIONID=abc123'),
    at('/rw/5'),
    at('/px/1'),
    at('/px/2', 'SESSION=p2~abc'),
    at('/px/3', 'SESSION=p1~xyz'),
    at('/px/4', 'SESSION=p9~xyz'),
    at('/px/5', 'SESSION=plain'),
    at('/px/6'),
  ],
};
