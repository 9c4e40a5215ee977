import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { ConfigDocument } from '../../../server/src/analysis/config-document';
import type { Finding, Fix } from '../../../server/src/analysis/finding';
import { lintText } from '../../../server/src/analysis/lint';
import { applyEdit, type Edit } from '../../support/random-edits';
import { cfg } from './helpers';

/**
 * Rules that look across sections (routing, tables, names, inherited settings) keep what they derive from each
 * proxy between edits. After any edit, their findings must be those of a fresh analysis of the same text.
 */

/** Findings as data; a fix that generates a random password (stats-auth) differs on every run, so it is masked. */
function snapshot(findings: readonly Finding[]): string {
  return JSON.stringify(findings, (key, value: unknown) => (key === 'fixes' && Array.isArray(value) ? value.map((fix: Fix) => (/generated/.test(fix.title) ? fix.title : fix)) : value));
}

function checkEdits(base: string, edits: Edit[], label: string): void {
  let text = base;
  let document = new ConfigDocument('file:///cross.cfg', text, 1);
  void document.findings;
  for (const [index, edit] of edits.entries()) {
    text = applyEdit(text, edit);
    document = new ConfigDocument('file:///cross.cfg', text, index + 2, {}, document);
    assert.equal(snapshot(document.findings), snapshot(lintText(text)), `${label}, edit ${index + 1} ${JSON.stringify(edit)}`);
  }
}

/** Edits `text` by replacing the first occurrence of `from` with `to`. */
function replacing(text: string, from: string, to: string): Edit {
  const at = text.indexOf(from);
  assert.ok(at >= 0, `'${from}' not found`);
  return { at: at / text.length, remove: from.length, insert: to };
}

const CONFIG = cfg(
  'global',
  '    ssl-default-bind-options ssl-min-ver TLSv1.0',
  '    ssl-default-bind-ciphers RC4-SHA:AES128-SHA',
  'defaults base',
  '    mode http',
  '    timeout client 30s',
  '    timeout connect 5s',
  '    timeout server 30s',
  '    stats enable',
  'defaults tcpdefs',
  '    mode tcp',
  'frontend fe_http from base',
  '    bind :80',
  '    acl acme path_beg /.well-known/acme-challenge/',
  '    use_backend be_acme if acme',
  '    default_backend be_app',
  'frontend fe_https from base',
  '    bind :443 ssl crt /c.pem',
  '    acl is_ws hdr(upgrade) -i websocket',
  '    http-request track-sc0 src table st',
  '    http-request deny if { sc_http_req_rate(0) gt 10 }',
  '    http-request deny if { sc0_gpc0 gt 1 } || missing_acl',
  '    use_backend be_ws if is_ws',
  '    use_backend be_missing if { path /x }',
  '    default_backend be_app',
  'backend be_app from base',
  '    stats auth admin:admin',
  '    server a 10.0.0.1:80',
  '    server b 10.0.0.2:80 check',
  '    server b 10.0.0.3:80',
  'backend be_ws from base',
  '    server w1 10.0.0.1:81',
  '    server w2 10.0.0.2:81',
  'backend be_acme from base',
  '    server certbot 127.0.0.1:8888',
  'backend st',
  '    stick-table type ip size 1m store http_req_rate(10s)',
  'backend be_app',
  '    server z 10.0.0.9:80',
  'listen stats from base',
  '    bind :8404',
  'listen stats2 from base',
  '    bind :8405',
  'peers mypeers',
  '    peer p1 127.0.0.1:1024',
  '    table t1 type ip size 1k store gpc0',
  'userlist users',
  '    user admin password x',
  '    user admin password y',
  'peers mypeers',
  'frontend fe_pg from tcpdefs',
  '    bind :5432',
  '    default_backend postgres',
  'backend postgres from tcpdefs',
  '    server pg1 10.0.0.5:5432 check',
  '    server pg2 10.0.0.6:5432 check',
);

/** Pieces that change what one section tells another: names, routes, headers, tables, inherited settings, line breaks. */
const PIECES = [
  '\n', '\r\n', 'x', '    ', '#', 'backend be_missing\n', 'backend be_ws\n', 'frontend fe_https\n', 'listen be_app\n', 'defaults\n', 'defaults base\n',
  '    default_backend be_ws\n', '    use_backend be_acme if { hdr(upgrade) -i websocket }\n', '    http-response set-header Strict-Transport-Security x\n',
  '    stats enable\n', '    stats auth a:b\n', '    timeout tunnel 1h\n', '    cookie SRV insert\n', '    balance source\n', '    bind :443 ssl crt /c.pem\n',
  '    redirect scheme https\n', '    stick-table type ip size 1k store gpc0\n', '    table t1 type ip size 1k\n', '    http-request deny if { sc1_http_err_rate gt 1 }\n',
  '    server s 10.0.0.1:80\n', '    acl missing_acl src 10.0.0.0/8\n', '    mode tcp\n', ' from tcpdefs', 'peers mypeers\n', 'userlist users\n',
];

const editArbitrary: fc.Arbitrary<Edit> = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 60 })),
  insert: fc.oneof(fc.constant(''), fc.constantFrom(...PIECES), fc.array(fc.constantFrom(...PIECES), { maxLength: 3 }).map((p) => p.join(''))),
});

describe('incremental analysis across sections', () => {
  it('finds every cross-section rule in the base config, so that the edits below change something', () => {
    const rules = new Set(lintText(CONFIG).map((finding) => finding.rule));
    for (const rule of ['unknown-reference', 'duplicate-name', 'tls-min-version', 'weak-ciphers', 'https-redirect', 'hsts', 'websocket-sticky', 'websocket-timeout', 'rate-limit', 'stats-auth']) {
      assert.ok(rules.has(rule), `no ${rule} finding`);
    }
  });

  it('follows backends defined, renamed and removed in other sections', () => {
    checkEdits(
      CONFIG,
      [
        replacing(CONFIG, 'backend be_ws from base', 'backend be_wz from base'),
        { at: 1, remove: 0, insert: 'backend be_missing\n    http-response set-header Strict-Transport-Security x\n    stats enable\n' },
        { at: 0.99, remove: 0, insert: 'x' },
        replacing(CONFIG, 'backend be_acme', 'backend be_acme2'),
      ],
      'backends',
    );
  });

  it('follows names that start or stop clashing, and tables that start or stop storing a counter', () => {
    checkEdits(
      CONFIG,
      [
        replacing(CONFIG, 'backend st', 'backend st2'),
        { at: 0.5, remove: 0, insert: '\nfrontend fe_https\n    bind :1\n' },
        replacing(CONFIG, 'store gpc0', 'store gpc1'),
        { at: 0, remove: 0, insert: 'peers mypeers\n' },
      ],
      'names',
    );
  });

  it('keeps fixes right when lines are inserted above and when the file changes its line breaks', () => {
    checkEdits(CONFIG, [{ at: 0, remove: 0, insert: '\n\n# top\n' }, replacing(CONFIG, 'frontend fe_pg', '\n\nfrontend fe_pg'), { at: 0.3, remove: 0, insert: '\r\n' }, { at: 0.3, remove: 2, insert: '' }], 'lines');
  });

  it('gives the findings of a full analysis after any sequence of edits', () => {
    fc.assert(
      fc.property(fc.array(editArbitrary, { minLength: 1, maxLength: 8 }), (edits) => checkEdits(CONFIG, edits, 'cross')),
      { seed: 314, numRuns: 250 },
    );
  });
});
