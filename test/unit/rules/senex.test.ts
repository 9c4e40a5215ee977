import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { lintText } from '../../../server/src/analysis/lint';
import { repoRoot } from '../../support/corpus';
import { lineOf, TOPOLOGY_RULES } from './helpers';

const senex = readFileSync(`${repoRoot}/examples/senex/haproxy.cfg`, 'utf8');

/** Replaces one exact piece of the Senex config, failing if it is not there (so the plant cannot silently miss). */
function plant(text: string, from: string, to: string): string {
  assert.ok(text.includes(from), `'${from}' is not in the Senex config any more`);
  return text.replace(from, to);
}

/** The 1-based line that starts with `at` (ignoring indentation), else the first one containing it. */
function lineOfDefect(text: string, at: string): number {
  const lines = text.split('\n');
  const starting = lines.findIndex((line) => line.trim().startsWith(at));
  return starting >= 0 ? starting + 1 : lineOf(text, at);
}

interface Defect {
  rule: string;
  what: string;
  apply(text: string): string;
  /** The start (or else a piece) of the line where the finding must be, in the planted config. */
  at: string;
}

const DEFECTS: Defect[] = [
  { rule: 'tls-min-version', what: 'the HTTPS bind accepts TLS 1.0', apply: (t) => plant(t, 'alpn h2,http/1.1', 'alpn h2,http/1.1 ssl-min-ver TLSv1.0'), at: 'bind :443' },
  { rule: 'weak-ciphers', what: '3DES in the default bind ciphers', apply: (t) => plant(t, 'ECDHE-RSA-CHACHA20-POLY1305\n', 'ECDHE-RSA-CHACHA20-POLY1305:DES-CBC3-SHA\n'), at: 'ssl-default-bind-ciphers' },
  { rule: 'https-redirect', what: 'port 80 serves the application instead of redirecting', apply: (t) => plant(t, '    http-request redirect scheme https code 301 unless acme_challenge\n', '    default_backend be_app\n'), at: 'bind :80' },
  { rule: 'hsts', what: 'no Strict-Transport-Security header', apply: (t) => plant(t, '    http-response set-header Strict-Transport-Security "max-age=63072000; includeSubDomains"\n', ''), at: 'frontend fe_https' },
  { rule: 'websocket-sticky', what: 'WebSocket backend without its persistence cookie', apply: (t) => plant(t, '    cookie SENEXWS insert indirect nocache httponly secure\n', ''), at: 'backend be_websocket' },
  {
    rule: 'websocket-timeout',
    what: 'no timeout tunnel anywhere',
    apply: (t) => plant(plant(t, '    timeout tunnel 1h\n', ''), '    timeout tunnel 5m\n', ''),
    at: 'backend be_websocket',
  },
  { rule: 'health-check', what: 'an app server without check', apply: (t) => plant(t, 'server web02 10.0.1.12:8000 check cookie web02', 'server web02 10.0.1.12:8000 cookie web02'), at: 'server web02 10.0.1.12:8000 cookie' },
  { rule: 'rate-limit', what: 'the stick table stores the wrong counter', apply: (t) => plant(t, 'store http_req_rate(10s)', 'store conn_cur'), at: 'sc_http_req_rate(0)' },
  { rule: 'stats-auth', what: 'a placeholder stats password', apply: (t) => plant(t, 'stats auth "admin:${HAPROXY_STATS_PASSWORD}"', 'stats auth admin:CHANGE_THIS_PASSWORD'), at: 'stats auth' },
  { rule: 'unknown-reference', what: 'a misspelt backend', apply: (t) => plant(t, 'use_backend be_static if is_static', 'use_backend be_statics if is_static'), at: 'use_backend be_statics' },
  { rule: 'duplicate-name', what: 'two API servers named alike', apply: (t) => plant(t, '    server web03 10.0.1.13:8000 check\n', '    server web02 10.0.1.13:8000 check\n'), at: 'server web02 10.0.1.13:8000 check' },
  { rule: 'missing-timeouts', what: 'the Redis frontend disables its client timeout', apply: (t) => plant(t, '    bind :6379\n', '    bind :6379\n    timeout client 0\n'), at: 'frontend fe_redis' },
  {
    rule: 'misplaced-rule',
    what: 'a header rule written below the routing rules',
    apply: (t) => plant(plant(t, '    http-request set-header X-Forwarded-Proto https\n', ''), '    use_backend be_api if is_api\n', '    use_backend be_api if is_api\n    http-request set-header X-Forwarded-Proto https\n'),
    at: 'X-Forwarded-Proto',
  },
  { rule: 'unreachable-rule', what: 'a catch-all use_backend above the ACME route', apply: (t) => plant(t, '    use_backend be_acme if acme_challenge\n', '    use_backend be_app\n    use_backend be_acme if acme_challenge\n'), at: 'use_backend be_acme' },
];

describe('the Senex example config', () => {
  it('gives no finding at all under every rule', () => {
    const findings = lintText(senex);
    assert.deepEqual(findings.map((f) => `${f.range.start.line + 1} ${f.rule}: ${f.message}`), []);
  });

  for (const defect of DEFECTS) {
    it(`with ${defect.what} planted, gives exactly ${defect.rule} at that line`, () => {
      const planted = defect.apply(senex);
      const found = lintText(planted).map((f) => `${f.rule}@${f.range.start.line + 1}`);
      assert.deepEqual(found, [`${defect.rule}@${lineOfDefect(planted, defect.at)}`]);
    });
  }

  it('plants a defect for every rule of the topology issue', () => {
    const planted = new Set(DEFECTS.map((d) => d.rule));
    assert.deepEqual(TOPOLOGY_RULES.filter((rule) => !planted.has(rule)), []);
  });
});
