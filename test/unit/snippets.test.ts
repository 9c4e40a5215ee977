import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lintText } from '../../server/src/analysis/lint';
import { parseConfig } from '../../server/src/syntax/parse-config';
import { SNIPPET_CONTEXTS } from './snippet-contexts';
import { expandSnippet } from './snippet-expand';

interface SnippetEntry {
  prefix: string | string[];
  body: string | string[];
  description: string;
}

const snippetFile = resolve(dirname(fileURLToPath(import.meta.url)), '../../snippets/haproxy.json');
const snippets = JSON.parse(readFileSync(snippetFile, 'utf8')) as Record<string, SnippetEntry>;
const prefixes = (entry: SnippetEntry) => (Array.isArray(entry.prefix) ? entry.prefix : [entry.prefix]);

/** The snippets the issue asks for (by first prefix) and what each must contain once expanded. */
const REQUIRED: Record<string, RegExp[]> = {
  global: [/^global$/m, /ssl-default-bind-options ssl-min-ver TLSv1\.2/],
  defaults: [/^defaults$/m, /timeout connect/, /timeout client/, /timeout server/],
  acl: [/^acl is_api path_beg \/api\/$/],
  use_backend: [/^use_backend be_api if is_api$/],
  server: [/^server web01 10\.0\.1\.11:8000 check\b/],
  'frontend-http-redirect': [/^frontend /m, /http-request redirect scheme https code 301/],
  'frontend-https': [/bind :443 ssl crt \S+ alpn h2,http\/1\.1 ssl-min-ver TLSv1\.2/, /Strict-Transport-Security/],
  'rate-limit': [/stick-table type ip .*store http_req_rate\(10s\)/, /track-sc0 src/, /deny deny_status 429 if \{ sc_http_req_rate\(0\) gt 100 \}/],
  'backend-websocket': [/^backend be_websocket$/m, /cookie \w+ insert/, /timeout tunnel 1h/, /server ws01 \S+ check cookie ws01/],
  'backend-django': [/^backend be_app$/m, /option httpchk GET \/health\//, /cookie SERVERID insert/, /server web01 \S+ check cookie web01/],
  'listen-stats': [/^listen stats$/m, /stats auth "admin:\$\{HAPROXY_STATS_PASSWORD\}"/, /stats admin if private_net/],
  'frontend-prometheus': [/use-service prometheus-exporter/, /bind :9101/],
  'listen-postgresql': [/^listen pg_primary$/m, /^listen pg_replicas$/m, /option pgsql-check user haproxy/, /check backup/],
  'listen-redis': [/option tcp-check/, /tcp-check expect string role:master/],
  'backend-maintenance': [/http-request return status 503/, /Retry-After/],
  senex: [/^frontend fe_https$/m, /^listen pg_primary$/m, /^backend be_redis_master$/m, /^backend be_websocket$/m],
};

describe('snippet expander', () => {
  it('takes the default of ${n:...}, the first choice of ${n|...|} and mirrors $n', () => {
    const result = expandSnippet('server ${1:web01} ${2:10.0.0.1}:${3|8000,8080|} cookie $1$0');
    assert.equal(result.text, 'server web01 10.0.0.1:8000 cookie web01');
    assert.deepEqual(result.tabStops, [0, 1, 2, 3]);
    assert.deepEqual(result.choices, [3]);
    assert.deepEqual(result.problems, []);
  });

  it('expands nested placeholders and mirrors that come before their definition', () => {
    assert.equal(expandSnippet('$2 ${1:a ${2:b ${3:c}} d} ${3}').text, 'b c a b c d c');
  });

  it('handles escapes like VS Code: \\$ \\} \\\\ escape, other backslashes stay', () => {
    assert.equal(expandSnippet('"${1:admin}:\\${PASS\\}" ${2:a\\}b} PING\\r\\n \\\\x').text, '"admin:${PASS}" a}b PING\\r\\n \\x');
    assert.equal(expandSnippet('${1|a\\,b,c|} cost $ 5').text, 'a,b cost $ 5');
  });

  it('reports what the editor would not expand literally', () => {
    assert.match(expandSnippet('log $HOME').problems.join(), /variable \$HOME/);
    assert.match(expandSnippet('acl ${1:x').problems.join(), /unterminated/);
    assert.match(expandSnippet('${1|a,b').problems.join(), /unterminated choice/);
  });
});

describe('snippets/haproxy.json', () => {
  it('has a prefix, a body and a description in every entry, and no prefix twice', () => {
    const seen = new Set<string>();
    for (const [name, entry] of Object.entries(snippets)) {
      assert.ok(prefixes(entry).length > 0, name);
      assert.ok(entry.body.length > 0, name);
      assert.ok(entry.description.length > 10, name);
      for (const prefix of prefixes(entry)) {
        assert.ok(!seen.has(prefix), `prefix ${prefix} used twice`);
        seen.add(prefix);
      }
    }
  });

  it('has every snippet the issue asks for, with the content it promises', () => {
    const byPrefix = new Map(Object.values(snippets).map((entry) => [prefixes(entry)[0], entry]));
    for (const [prefix, patterns] of Object.entries(REQUIRED)) {
      const entry = byPrefix.get(prefix);
      assert.ok(entry, `missing snippet ${prefix}`);
      const text = expandSnippet(entry.body).text.replace(/\t/g, '    ').replace(/^ +/gm, '');
      for (const pattern of patterns) assert.match(text, pattern, `${prefix}`);
    }
  });

  it('gives every snippet tab stops, at least one choice and a final cursor, and nothing the editor would mangle', () => {
    for (const [name, entry] of Object.entries(snippets)) {
      const expanded = expandSnippet(entry.body);
      assert.deepEqual(expanded.problems, [], name);
      assert.ok(expanded.tabStops.filter((n) => n > 0).length >= 2, `${name}: tab stops ${expanded.tabStops}`);
      assert.ok(expanded.choices.length >= 1, `${name}: no choice`);
      assert.ok(expanded.tabStops.includes(0), `${name}: no $0`);
    }
  });

  it('lints through a live linter: a broken copy of a snippet config is reported', () => {
    const config = SNIPPET_CONTEXTS['Global section'](expandSnippet(snippets['Global section'].body).text);
    const findings = lintText(`${config}frontend fe_broken\n    bind "unterminated\n`, { version: '2.6' });
    assert.ok(findings.some((f) => f.severity === 'error'), 'expected an error for the unterminated quote');
  });

  it('knows a surrounding config for exactly the snippets in the file', () => {
    assert.deepEqual(Object.keys(SNIPPET_CONTEXTS).sort(), Object.keys(snippets).sort());
  });

  for (const [name, entry] of Object.entries(snippets)) {
    describe(name, () => {
      const expanded = expandSnippet(entry.body).text;
      const config = SNIPPET_CONTEXTS[name]?.(expanded) ?? '';

      it('expands inside its surrounding config', () => {
        assert.ok(config.length > expanded.trim().length, 'no surrounding config');
        const firstLine = expanded.split('\n')[0].trim();
        assert.ok(config.includes(firstLine), `the config holds "${firstLine}"`);
      });

      it('parses with no syntax error', () => {
        const file = parseConfig(config);
        assert.deepEqual(
          file.syntaxErrors.map((e) => `${e.range.start.line + 1}: ${e.message}`),
          [],
          config,
        );
      });

      for (const version of ['2.6', '3.4']) {
        it(`lints clean for HAProxy ${version} (no warning or error)`, () => {
          const findings = lintText(config, { version, fileName: `${name}.cfg` }).filter(
            (f) => f.severity === 'error' || f.severity === 'warning',
          );
          assert.deepEqual(
            findings.map((f) => `${f.range.start.line + 1}: [${f.rule}] ${f.message}`),
            [],
            config,
          );
        });
      }
    });
  }
});
