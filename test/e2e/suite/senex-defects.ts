/** One defect planted into a copy of the Senex example, and the single finding it must produce. */
export interface PlantedDefect {
  rule: string;
  /** Tells two defects of one rule apart in test titles. */
  variant?: string;
  severity: 'error' | 'warning' | 'info';
  /** Text edits applied in order to the example (each `from` must occur in it). */
  edits: [from: string, to: string][];
  /**
   * Where the finding belongs: the first line containing `line` (searched from the line containing `after`), any
   * line of `section`, or the first line containing any of `oneOf` (when a rule may point at the cause or the effect).
   */
  at: { line: string; after?: string } | { section: string } | { oneOf: string[] };
  /** Text the diagnostic's range must contain, when the rule points at one word. */
  rangeText?: string;
}

export const PLANTED_DEFECTS: readonly PlantedDefect[] = [
  {
    rule: 'syntax',
    severity: 'error',
    edits: [['"max-age=63072000; includeSubDomains"', '"max-age=63072000; includeSubDomains']],
    at: { line: 'Strict-Transport-Security' },
  },
  {
    rule: 'unknown-reference',
    severity: 'error',
    edits: [['use_backend be_api if is_api', 'use_backend be_apii if is_api']],
    at: { line: 'use_backend be_apii' },
    rangeText: 'be_apii',
  },
  {
    rule: 'duplicate-name',
    severity: 'error',
    edits: [['server web02 10.0.1.12:8000 check cookie web02', 'server web01 10.0.1.12:8000 check cookie web02']],
    at: { line: 'server web01 10.0.1.12:8000 check cookie web02' },
    rangeText: 'web01',
  },
  {
    rule: 'unknown-keyword',
    severity: 'error',
    edits: [['    balance roundrobin\n    option httpchk HEAD /static/health.txt', '    balanse roundrobin\n    option httpchk HEAD /static/health.txt']],
    at: { line: 'balanse roundrobin' },
    rangeText: 'balanse',
  },
  {
    rule: 'removed-keyword',
    severity: 'error',
    edits: [['nbthread 4', 'nbproc 4']],
    at: { line: 'nbproc 4' },
    rangeText: 'nbproc',
  },
  {
    rule: 'invalid-argument',
    severity: 'error',
    edits: [['    balance leastconn\n    option httpchk GET /health/', '    balance leastconns\n    option httpchk GET /health/']],
    at: { line: 'balance leastconns' },
    rangeText: 'leastconns',
  },
  {
    rule: 'mode-mismatch',
    severity: 'warning',
    edits: [['    bind :5432\n', '    bind :5432\n    option forwardfor\n']],
    at: { line: 'option forwardfor', after: 'listen pg_primary' },
  },
  {
    rule: 'misplaced-rule',
    severity: 'warning',
    edits: [['    default_backend be_app\n', '    http-request set-header X-Senex-Edge 1\n    default_backend be_app\n']],
    at: { line: 'X-Senex-Edge' },
  },
  {
    rule: 'tls-min-version',
    variant: 'on the bind',
    severity: 'warning',
    edits: [['alpn h2,http/1.1', 'alpn h2,http/1.1 ssl-min-ver TLSv1.0']],
    at: { line: 'bind :443 ssl' },
    rangeText: 'TLSv1.0',
  },
  {
    rule: 'tls-min-version',
    variant: 'from global defaults',
    severity: 'warning',
    edits: [['ssl-default-bind-options ssl-min-ver TLSv1.2 no-tls-tickets', 'ssl-default-bind-options ssl-min-ver TLSv1.0 no-tls-tickets']],
    at: { oneOf: ['ssl-default-bind-options ', 'bind :443 ssl'] },
  },
  {
    rule: 'weak-ciphers',
    severity: 'warning',
    edits: [['ECDHE-RSA-CHACHA20-POLY1305\n', 'ECDHE-RSA-CHACHA20-POLY1305:RC4-SHA\n']],
    at: { line: 'ssl-default-bind-ciphers ' },
  },
  {
    rule: 'https-redirect',
    severity: 'warning',
    edits: [['    http-request redirect scheme https code 301 unless acme_challenge\n', '    default_backend be_app\n']],
    at: { section: 'frontend fe_http' },
  },
  {
    rule: 'hsts',
    severity: 'info',
    edits: [['    http-response set-header Strict-Transport-Security "max-age=63072000; includeSubDomains"\n', '']],
    at: { section: 'frontend fe_https' },
  },
  {
    rule: 'websocket-sticky',
    severity: 'warning',
    edits: [
      ['    cookie SENEXWS insert indirect nocache httponly secure\n', ''],
      ['check cookie ws01', 'check'],
      ['check cookie ws02', 'check'],
      ['check cookie ws03', 'check'],
    ],
    at: { section: 'backend be_websocket' },
  },
  {
    rule: 'websocket-timeout',
    severity: 'warning',
    edits: [
      ['    timeout tunnel 5m\n', ''],
      ['    timeout tunnel 1h\n', ''],
    ],
    at: { section: 'backend be_websocket' },
  },
  {
    rule: 'health-check',
    severity: 'warning',
    edits: [['server web03 10.0.1.13:8000 check cookie web03', 'server web03 10.0.1.13:8000 cookie web03']],
    at: { line: 'server web03 10.0.1.13:8000 cookie web03' },
  },
  {
    rule: 'rate-limit',
    severity: 'warning',
    edits: [['sc_http_req_rate(0) gt 100', 'sc_http_err_rate(0) gt 100']],
    at: { line: 'sc_http_err_rate(0)' },
  },
  {
    rule: 'stats-auth',
    severity: 'warning',
    edits: [['stats auth "admin:${HAPROXY_STATS_PASSWORD}"', 'stats auth admin:CHANGE_THIS_PASSWORD']],
    at: { line: 'stats auth admin:CHANGE_THIS_PASSWORD' },
  },
];

/** Applies a defect's edits to the example text. */
export function plantDefect(senex: string, defect: PlantedDefect): string {
  return defect.edits.reduce((text, [from, to]) => {
    const at = text.indexOf(from);
    if (at < 0) throw new Error(`planting ${defect.rule}: the example no longer contains ${JSON.stringify(from)}`);
    return text.slice(0, at) + to + text.slice(at + from.length);
  }, senex);
}

/** The 0-based lines where the defect's finding may start. */
export function expectedLines(text: string, defect: PlantedDefect): { first: number; last: number; only?: number[] } {
  const lines = text.split(/\r?\n/);
  if ('section' in defect.at) {
    const header = defect.at.section;
    const first = lines.findIndex((line) => line.trim() === header);
    if (first < 0) throw new Error(`no section ${header}`);
    const next = lines.findIndex((line, i) => i > first && /^(global|defaults|frontend|backend|listen|userlist|peers|resolvers|cache|program|ring)\b/.test(line));
    return { first, last: (next < 0 ? lines.length : next) - 1 };
  }
  if ('oneOf' in defect.at) {
    const candidates = defect.at.oneOf.map((needle) => lines.findIndex((line) => line.includes(needle)));
    if (candidates.some((index) => index < 0)) throw new Error(`not every line of ${JSON.stringify(defect.at.oneOf)} exists`);
    return { first: Math.min(...candidates), last: Math.max(...candidates), only: candidates };
  }
  const { line: needle, after } = defect.at;
  const from = after === undefined ? 0 : lines.findIndex((line) => line.includes(after));
  const index = lines.findIndex((line, i) => i >= from && line.includes(needle));
  if (from < 0 || index < 0) throw new Error(`no line contains ${JSON.stringify(needle)}`);
  return { first: index, last: index };
}
