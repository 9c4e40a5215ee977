import type { Scenario } from '../scenario';
import { PREAMBLE } from './common';

export const frontendsTls: Scenario = {
  name: 'frontends-and-tls',
  about: 'frontend selection by bind address and port, TLS binds with SNI, ssl_fc, redirect to https',
  config: `${PREAMBLE}
frontend web_one
    bind 127.0.0.1:{{port:web}}
    http-request redirect scheme https code 301 if { path_beg /login } !{ ssl_fc }
    default_backend site_one

frontend web_two
    bind 127.0.0.2:{{port:web}}
    default_backend site_two

frontend other_port
    bind 127.0.0.1:{{port:alt}}
    bind 127.0.0.1:{{port:alt2}}
    use_backend site_two if { dst_port {{port:alt2}} }
    default_backend site_one

frontend secure
    bind 127.0.0.1:{{port:https}} ssl crt {{cert}}
    use_backend api if { ssl_fc_sni -i api.example.com }
    use_backend wild if { ssl_fc_sni -m end .example.net }
    use_backend by_host if { hdr(host) -i hosted.example.com }
    http-request deny deny_status 403 unless { ssl_fc }
    default_backend site_one

backend site_one
    server one {{echo}}
backend site_two
    server two {{echo}}
backend api
    server api1 {{echo}}
    server api2 {{echo}}
backend wild
    server w {{echo}}
backend by_host
    server h {{echo}}
`,
  requests: [
    { url: 'http://127.0.0.1:{{port:web}}/' },
    { url: 'http://127.0.0.2:{{port:web}}/' },
    { url: 'http://127.0.0.1:{{port:web}}/login' },
    { url: 'http://127.0.0.2:{{port:web}}/login' },
    { url: 'http://127.0.0.1:{{port:alt}}/' },
    { url: 'http://127.0.0.1:{{port:alt2}}/' },
    { url: 'https://127.0.0.1:{{port:https}}/', sni: 'api.example.com' },
    { url: 'https://127.0.0.1:{{port:https}}/', sni: 'API.example.com' },
    { url: 'https://127.0.0.1:{{port:https}}/v1', sni: 'api.example.com' },
    { url: 'https://127.0.0.1:{{port:https}}/', sni: 'x.example.net' },
    { url: 'https://127.0.0.1:{{port:https}}/', sni: 'example.net' },
    { url: 'https://127.0.0.1:{{port:https}}/', sni: 'other.example.com' },
    { url: 'https://127.0.0.1:{{port:https}}/' },
    { url: 'https://127.0.0.1:{{port:https}}/', headers: { Host: 'hosted.example.com' } },
    { url: 'https://127.0.0.1:{{port:https}}/', sni: 'api.example.com', headers: { Host: 'hosted.example.com' } },
    { url: 'https://127.0.0.1:{{port:https}}/login' },
  ],
};
