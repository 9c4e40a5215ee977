import type { Scenario } from '../scenario';
import { FAST_CHECK, PREAMBLE, times } from './common';

export const backups: Scenario = {
  name: 'backups-and-down-servers',
  about: 'backup servers with down primaries, option allbackups, disabled servers, 503 when all are down',
  config: `${PREAMBLE}
frontend fe
    bind 127.0.0.1:{{port:http}}
    use_backend primaries_down if { path_beg /pd }
    use_backend all_backups if { path_beg /ab }
    use_backend primary_up if { path_beg /pu }
    use_backend partial if { path_beg /partial }
    use_backend all_down if { path_beg /down }
    use_backend maint if { path_beg /maint }
    use_backend empty if { path_beg /empty }
    default_backend primary_up

backend primaries_down
    server s1 {{closed}} ${FAST_CHECK}
    server s2 {{closed}} ${FAST_CHECK}
    server b1 {{echo}} backup
    server b2 {{echo}} backup

backend all_backups
    option allbackups
    server s1 {{closed}} ${FAST_CHECK}
    server b1 {{echo}} backup
    server b2 {{echo}} backup weight 2

backend primary_up
    server s1 {{echo}} ${FAST_CHECK}
    server b1 {{echo}} backup

backend partial
    server s1 {{closed}} ${FAST_CHECK}
    server s2 {{echo}} ${FAST_CHECK}
    server s3 {{echo}} ${FAST_CHECK}
    server b1 {{echo}} backup

backend all_down
    server s1 {{closed}} ${FAST_CHECK}
    server b1 {{closed}} backup ${FAST_CHECK}

backend maint
    server s1 {{echo}} disabled
    server s2 {{echo}}

backend empty
`,
  requests: [
    ...times(4, (i) => ({ url: `http://127.0.0.1:{{port:http}}/pd/${i}` })),
    ...times(6, (i) => ({ url: `http://127.0.0.1:{{port:http}}/ab/${i}` })),
    ...times(3, (i) => ({ url: `http://127.0.0.1:{{port:http}}/pu/${i}` })),
    ...times(5, (i) => ({ url: `http://127.0.0.1:{{port:http}}/partial/${i}` })),
    ...times(3, (i) => ({ url: `http://127.0.0.1:{{port:http}}/down/${i}` })),
    ...times(3, (i) => ({ url: `http://127.0.0.1:{{port:http}}/maint/${i}` })),
    ...times(2, (i) => ({ url: `http://127.0.0.1:{{port:http}}/empty/${i}` })),
  ],
};
