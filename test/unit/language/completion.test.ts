import { strict as assert } from 'node:assert';
import { ConfigDocument } from '../../../server/src/analysis/config-document';
import { completeAt, type CompletionEnvironment, type CompletionResult } from '../../../server/src/language/completion';
import { documentationFor } from '../../../server/src/language/completion-docs';
import type { CompletionEntry } from '../../../server/src/language/completion-items';
import { escapeMarkdown } from '../../../server/src/language/markdown';
import {
  addedIn,
  BALANCE_ALGORITHMS,
  docsUrl,
  getKeyword,
  isDeprecatedIn,
  isValueIn,
  keywordsOfKind,
  LOG_LEVELS,
  ruleSetActions,
  sectionKeywords,
  SSL_VERSIONS,
} from '../../../server/src/model/catalog';
import { cursorIn } from '../../support/cursor';

function documentOf(text: string, version?: string): ConfigDocument {
  return new ConfigDocument('file:///work/cfg/haproxy.cfg', text, 1, version ? { version } : {});
}

/** Completion at the `<|>` (or single `|`) marker. */
function complete(source: string, options: { version?: string; env?: CompletionEnvironment } = {}): CompletionResult & { doc: ConfigDocument; text: string } {
  const { text, line, column } = cursorIn(source);
  const doc = documentOf(text, options.version);
  const result = completeAt(doc, line, column, options.env);
  assert.ok(result, `a completion result at ${JSON.stringify(source.split('\n')[line])}`);
  return { ...result, doc, text };
}

function labels(result: CompletionResult): string[] {
  return result.items.map((i) => i.label);
}

function item(result: CompletionResult, label: string): CompletionEntry {
  const found = result.items.find((i) => i.label === label);
  assert.ok(found, `item ${label} among ${labels(result).slice(0, 40).join(', ')}`);
  return found;
}

function assertHas(result: CompletionResult, expected: readonly string[], where: string): void {
  const all = new Set(labels(result));
  const missing = expected.filter((label) => !all.has(label));
  assert.deepEqual(missing, [], `${where}: missing ${missing.join(', ')}`);
}

function assertLacks(result: CompletionResult, unexpected: readonly string[], where: string): void {
  const all = new Set(labels(result));
  const present = unexpected.filter((label) => all.has(label));
  assert.deepEqual(present, [], `${where}: should not offer ${present.join(', ')}`);
}

/** Labels in the order an editor shows them (by sortText). */
function ranked(result: CompletionResult): string[] {
  return [...result.items].sort((a, b) => (a.sortText < b.sortText ? -1 : a.sortText > b.sortText ? 1 : 0)).map((i) => i.label);
}

const WEB = `defaults
    mode http

userlist admins
    user alice insecure-password secret

frontend fe_main
    bind :80
    acl is_api path_beg /api/
    acl is_static path_end .css .js
LINE
backend be_app
    server app1 10.0.0.1:80 check

backend be_api
    server api1 10.0.0.2:80 check

listen be_stats
    bind :8404
`;

const inFrontend = (line: string) => WEB.replace('LINE', line);

describe('completion', () => {
  describe('at the start of a line', () => {
    it('offers the directives of the section, not those of other sections', () => {
      const result = complete('backend be\n    <|>\n');
      assertHas(result, ['server', 'balance', 'option', 'http-request', 'timeout server', 'default-server', 'option httpchk'], 'backend line start');
      assertLacks(result, ['bind', 'default_backend', 'use_backend', 'timeout client', 'nbthread'], 'backend line start');
      const global = complete('global\n    <|>\n');
      assertHas(global, ['nbthread', 'maxconn', 'stats socket', 'ssl-default-bind-options'], 'global line start');
      assertLacks(global, ['server', 'balance', 'bind'], 'global line start');
    });

    it('offers every keyword of the catalog for the section in the target version, and only those', () => {
      const result = complete('frontend fe\n    <|>\n', { version: '2.6' });
      const expected = sectionKeywords('frontend', '2.6').map((e) => e.name);
      assertHas(result, expected, 'frontend in 2.6');
      const newer = sectionKeywords('frontend', '3.4').filter((e) => !expected.includes(e.name));
      assert.ok(newer.length > 0, 'some frontend keywords came after 2.6');
      assertLacks(result, newer.map((e) => e.name), 'frontend in 2.6');
      const withComment = complete('# haproxy-version: 2.4\nfrontend fe\n    option <|>\n');
      const restrict = getKeyword('proxy', 'option http-restrict-req-hdr-names')!;
      assert.ok(addedIn(restrict)! > '2.4');
      assertLacks(withComment, ['http-restrict-req-hdr-names'], 'option names in 2.4');
      assertHas(complete('frontend fe\n    option <|>\n'), ['http-restrict-req-hdr-names'], 'option names in 3.4');
    });

    it('leaves out HTTP-only keywords where the effective mode is tcp, inherited from defaults', () => {
      const tcp = complete('defaults\n    mode tcp\nlisten db\n    <|>\n');
      assertLacks(tcp, ['http-request', 'option forwardfor', 'option httplog'], 'tcp listen');
      assertHas(tcp, ['tcp-request content', 'option tcplog', 'server', 'bind'], 'tcp listen');
      const http = complete('defaults\n    mode http\nlisten web\n    <|>\n');
      assertHas(http, ['http-request', 'option forwardfor'], 'http listen');
    });

    it('tags deprecated keywords and ranks them after the others', () => {
      const result = complete('backend be\n    <|>\n');
      const deprecated = result.items.filter((i) => i.deprecated);
      assert.ok(deprecated.length > 0, 'the 3.4 catalog deprecates some backend keywords');
      for (const entry of deprecated) {
        const catalog = sectionKeywords('backend', '3.4').find((e) => e.name === entry.label);
        assert.ok(catalog && isDeprecatedIn(catalog, '3.4'), `${entry.label} is deprecated in 3.4`);
      }
      const order = ranked(result);
      const lastCurrent = Math.max(...result.items.filter((i) => !i.deprecated).map((i) => order.indexOf(i.label)));
      const firstDeprecated = Math.min(...deprecated.map((i) => order.indexOf(i.label)));
      assert.ok(firstDeprecated > lastCurrent, 'deprecated keywords come last');
    });

    it('ranks the common keywords first and inserts snippets with their arguments', () => {
      const result = complete('backend be\n    <|>\n');
      const order = ranked(result);
      assert.ok(order.indexOf('server') < order.indexOf('dispatch'), 'server before dispatch');
      assert.ok(order.indexOf('balance') < order.indexOf('fullconn'), 'balance before fullconn');
      const timeout = item(result, 'timeout server');
      assert.equal(timeout.insertText, 'timeout server ${1:30s}');
      assert.equal(timeout.snippet, true);
      assert.equal(timeout.detail, 'timeout server <timeout>');
      const mode = item(result, 'mode');
      assert.match(mode.insertText, /^mode \$\{1\|tcp,http(,[a-z]+)*\|\}$/);
      const rule = item(result, 'http-request');
      assert.deepEqual([rule.insertText, rule.retrigger], ['http-request ', true]);
      const family = item(result, 'option');
      assert.deepEqual([family.kind, family.insertText, family.retrigger], ['family', 'option ', true]);
    });

    it('documents items on request: our summary and the manual link of the target version', () => {
      const result = complete('backend be\n    <|>\n', { version: '2.8' });
      const balance = item(result, 'balance');
      assert.ok(balance.ref);
      const docs = documentationFor(result.doc, balance.ref);
      const entry = getKeyword('proxy', 'balance')!;
      assert.ok(docs?.includes(escapeMarkdown(entry.summary!)));
      assert.ok(docs?.includes(docsUrl(entry, '2.8')));
      assert.ok(docs?.includes('https://docs.haproxy.org/2.8/'));
    });

    it('offers section keywords at column 0, first', () => {
      const result = complete('backend be\n    server s1 10.0.0.1:80\n<|>\n');
      assertHas(result, ['global', 'defaults', 'frontend', 'backend', 'listen', 'userlist', 'resolvers'], 'column 0');
      const order = ranked(result);
      assert.ok(order.indexOf('frontend') < order.indexOf('server'), 'sections before directives at column 0');
      const indented = ranked(complete('backend be\n    server s1 10.0.0.1:80\n    <|>\n'));
      assert.ok(indented.indexOf('server') < indented.indexOf('frontend'), 'directives before sections when indented');
      assert.equal(item(result, 'backend').insertText, 'backend ${1:name}');
    });

    it('replaces the word being typed, also on a line that is a section header already', () => {
      const result = complete('frontend fe\n    bal<|>ance roundrobin\n');
      assert.deepEqual([result.range.start.column, result.range.end.column, result.replaceRange.end.column], [4, 7, 11]);
      const header = complete('backend be\n    server s1 10.0.0.1:80\nfront<|>\n');
      assertHas(header, ['frontend'], 'a header being typed');
      assert.deepEqual([header.range.start.column, header.range.end.column], [0, 5]);
    });

    it('offers the negatable keywords after no', () => {
      const result = complete('backend be\n    no <|>\n');
      assertHas(result, ['option', 'option redispatch'], 'after no');
      assertLacks(result, ['server', 'balance'], 'after no');
    });
  });

  describe('words of multi-word keywords', () => {
    it('offers option names after option, filtered by section', () => {
      const result = complete('backend be\n    option <|>\n');
      assertHas(result, ['httpchk', 'redispatch', 'allbackups'], 'backend options');
      assertLacks(result, ['httpchk ', 'clitcpka', 'dontlognull', 'option httpchk'], 'backend options');
      assert.equal(item(result, 'httpchk').kind, 'keyword');
    });

    it('offers the next word of timeout, tcp-request and stick', () => {
      const timeouts = complete('frontend fe\n    timeout <|>\n');
      assertHas(timeouts, ['client', 'http-request', 'http-keep-alive'], 'frontend timeouts');
      assertLacks(timeouts, ['server', 'connect'], 'frontend timeouts');
      assert.equal(item(timeouts, 'client').insertText, 'client ${1:30s}');
      assertHas(complete('frontend fe\n    tcp-request <|>\n'), ['connection', 'session', 'content', 'inspect-delay'], 'tcp-request');
      assertHas(complete('backend be\n    stick <|>\n'), ['on', 'match', 'store-request'], 'stick');
    });
  });

  describe('rule actions', () => {
    it('offers the actions of the rule set in the target version', () => {
      const http = complete(inFrontend('    http-request <|>\n'));
      assertHas(http, ruleSetActions('http-request', '3.4').map((a) => a.name), 'http-request actions');
      assertLacks(http, ['http-request'], 'http-request actions');
      assert.equal(item(http, 'set-header').insertText, 'set-header ${1:name} ${2:fmt}');
      assert.match(item(http, 'set-var').insertText, /^set-var\(\$\{1:var-name\}\) \$\{2:expr\}$/);
      const content = complete(inFrontend('    tcp-request content <|>\n'));
      assertHas(content, ['reject', 'accept', 'track-sc0'], 'tcp-request content actions');
      assertLacks(content, ['set-header', 'redirect'], 'tcp-request content actions');
    });

    it('offers the words of an action, then if/unless', () => {
      const deny = complete(inFrontend('    http-request deny <|>\n'));
      assertHas(deny, ['deny_status', 'content-type', 'hdr', 'if', 'unless'], 'after deny');
      assertLacks(complete(inFrontend('    http-request set-header X-A <|>\n')), ['if', 'unless'], 'a required argument first');
      assertHas(complete(inFrontend('    http-request set-header X-A yes <|>\n')), ['if', 'unless'], 'arguments complete');
    });
  });

  describe('bind and server options', () => {
    it('offers bind options after the address, not in its place', () => {
      const after = complete('frontend fe\n    bind :443 <|>\n');
      assertHas(after, ['ssl', 'crt', 'alpn', 'ssl-min-ver', 'accept-proxy'], 'bind options');
      assertLacks(after, ['check', 'weight'], 'bind options');
      assert.equal(item(after, 'ssl-min-ver').insertText, `ssl-min-ver \${1|${SSL_VERSIONS.map((v) => v.value).join(',')}|}`);
      assert.deepEqual(labels(complete('frontend fe\n    bind <|>\n')), []);
      const used = complete('frontend fe\n    bind :443 ssl crt a.pem <|>\n');
      assertLacks(used, ['ssl'], 'options already on the line');
      assertHas(used, ['crt', 'alpn'], 'options still possible');
    });

    it('offers server options after the address, and the values of an option', () => {
      const result = complete('backend be\n    server s1 10.0.0.1:80 check <|>\n');
      assertHas(result, ['inter', 'fall', 'rise', 'weight', 'backup', 'ssl', 'verify'], 'server options');
      assertLacks(result, ['check', 'alpn h2', 'accept-proxy'], 'server options');
      assert.equal(item(result, 'inter').insertText, 'inter ${1:10s}');
      assert.deepEqual(labels(complete('backend be\n    server s1 <|>\n')), []);
      assertHas(complete('backend be\n    default-server <|>\n'), ['inter', 'check'], 'default-server');
      assert.deepEqual(labels(complete('backend be\n    server s1 10.0.0.1:80 ssl-max-ver <|>\n')), SSL_VERSIONS.map((v) => v.value));
      assert.deepEqual(labels(complete('frontend fe\n    bind :443 ssl verify <|>\n')), ['none', 'optional', 'required']);
    });
  });

  describe('enum values', () => {
    it('offers balance algorithms of the target version, most common first', () => {
      const result = complete('backend be\n    balance <|>\n', { version: '2.4' });
      assert.deepEqual(labels(result), BALANCE_ALGORITHMS.filter((v) => isValueIn(v, '2.4')).map((v) => v.value));
      assertLacks(result, ['hash'], 'balance in 2.4');
      assertHas(complete('backend be\n    balance <|>\n'), ['hash', 'random'], 'balance in 3.4');
      assert.equal(ranked(result)[0], 'roundrobin');
      assert.equal(item(result, 'hdr').insertText, 'hdr(${1})');
    });

    it('offers mode, hash-type, cookie options, log levels and stick-table types', () => {
      assertHas(complete('backend be\n    mode <|>\n'), ['tcp', 'http'], 'mode');
      assert.deepEqual(labels(complete('backend be\n    hash-type <|>\n')), ['map-based', 'consistent']);
      assertHas(complete('backend be\n    hash-type consistent <|>\n'), ['sdbm', 'djb2', 'wt6', 'crc32'], 'hash functions');
      const cookie = complete('backend be\n    cookie SRV <|>\n');
      assertHas(cookie, ['insert', 'rewrite', 'prefix', 'indirect', 'nocache', 'httponly', 'secure', 'maxidle'], 'cookie options');
      assertHas(complete('global\n    log 127.0.0.1:514 local0 <|>\n'), LOG_LEVELS.map((l) => l.value), 'log levels');
      assertHas(complete('backend be\n    stick-table type <|>\n'), ['ip', 'ipv6', 'integer', 'string', 'binary'], 'stick-table types');
      assertHas(complete('global\n    ssl-default-bind-options <|>\n'), ['ssl-min-ver', 'no-tls-tickets'], 'ssl-default-bind-options');
    });
  });

  describe('names from the config', () => {
    it('offers backends and listens after use_backend and default_backend, not frontends', () => {
      for (const line of ['    use_backend <|>\n', '    default_backend <|>\n']) {
        const result = complete(inFrontend(line));
        assert.deepEqual(labels(result), ['be_app', 'be_api', 'be_stats']);
        assert.equal(result.items[0].kind, 'backend');
        const docs = documentationFor(result.doc, result.items[0].ref!);
        assert.match(docs ?? '', /\*\*backend\*\* `be_app`/);
      }
      const withOthers = complete(inFrontend('    use_backend <|>\n'), { env: { otherBackends: () => ['be_remote'] } });
      assertHas(withOthers, ['be_remote', 'be_app'], 'backends of the other files');
    });

    it('offers the ACLs of the proxy and the predefined ones in a condition', () => {
      const result = complete(inFrontend('    use_backend be_app if <|>\n'));
      assertHas(result, ['is_api', 'is_static', 'METH_GET', 'TRUE', 'HTTP_1.1'], 'condition');
      const order = ranked(result);
      assert.ok(order.indexOf('is_api') < order.indexOf('METH_GET'), 'own ACLs first');
      assert.match(item(result, 'is_static').detail ?? '', /path_end \.css \.js/);
      const negated = complete(inFrontend('    use_backend be_app if !is_<|>\n'));
      assert.equal(negated.range.start.column, '    use_backend be_app if !'.length);
      const second = complete(inFrontend('    use_backend be_app if is_api <|>\n'));
      assertHas(second, ['or', 'is_static'], 'after a term');
      assertLacks(complete('backend b\n    use-server s if <|>\n'), ['is_api'], 'ACLs of another proxy');
    });

    it('offers userlists inside http_auth() and after auth realm, and defaults after from', () => {
      const result = complete(inFrontend('    http-request auth if !{ http_auth(<|>) }\n'));
      assert.deepEqual(labels(result), ['admins']);
      assert.deepEqual(labels(complete(inFrontend('    http-request auth realm <|>\n'))), ['admins']);
      assert.deepEqual(labels(complete('defaults base\n    mode http\nbackend b from <|>\n')), ['base']);
    });
  });

  describe('samples', () => {
    it('offers fetches and ACL derivatives as an ACL criterion, then flags, operators and match methods', () => {
      const criterion = complete('frontend fe\n    acl is_api <|>\n');
      assertHas(criterion, ['path_beg', 'hdr', 'src', 'req.hdr', 'ssl_fc'], 'criterion');
      const fetches = keywordsOfKind('fetch').filter((e) => e.versions.includes('3.4')).map((e) => e.name);
      assertHas(criterion, fetches, 'every fetch of 3.4');
      assert.equal(labels(criterion).length, new Set(labels(criterion)).size, 'no duplicate labels');
      const flags = complete('frontend fe\n    acl is_api path_beg <|>\n');
      assertHas(flags, ['-i', '-m', '-f', 'gt'], 'after the criterion');
      assert.deepEqual(
        labels(complete('frontend fe\n    acl is_api path -m <|>\n')),
        keywordsOfKind('acl-match-method').map((e) => e.name),
      );
      assert.deepEqual(labels(complete('frontend fe\n    acl is_api path_beg /api <|>\n')), [], 'patterns are free text');
    });

    it('offers fetches in an anonymous ACL, converters after a comma, with call snippets', () => {
      const fetch = complete(inFrontend('    http-request deny if { <|>\n'));
      assertHas(fetch, ['path_beg', 'src'], 'anonymous ACL');
      assert.equal(item(fetch, 'http_auth').insertText, 'http_auth(${1:userlist})');
      const converter = complete(inFrontend('    http-request deny if { req.hdr(host),lo<|> -m end .local }\n'));
      assertHas(converter, ['lower', 'upper', 'map'], 'converters');
      assertLacks(converter, ['path_beg', 'map_<match_type>'], 'converters');
      assert.equal(converter.range.start.column, '    http-request deny if { req.hdr(host),'.length);
    });

    it('offers fetches and converters inside %[...] of a log-format argument, and log-format variables', () => {
      const source = inFrontend('    http-request set-header X-Host %[req.hdr(host),<|>]\n');
      const result = complete(source);
      assertHas(result, ['lower', 'base64'], 'converters in %[]');
      const fetch = complete(inFrontend('    http-request set-header X-Host "%[<|>"\n'));
      assertHas(fetch, ['req.hdr', 'src'], 'fetches in %[');
      const variables = complete('frontend fe\n    log-format "%ci:%cp %T<|>"\n');
      assertHas(variables, ['%Tu', '%Tw', '%ST'], 'log-format variables');
      assert.equal(variables.range.start.column, '    log-format "%ci:%cp '.length);
      assertHas(complete(inFrontend('    http-request track-sc0 <|>\n')), ['src', 'req.hdr'], 'track-sc0 key');
    });
  });

  describe('files', () => {
    const listings: string[] = [];
    const env: CompletionEnvironment = {
      documentDir: '/work/cfg',
      listDirectory: (path) => {
        listings.push(path);
        return [
          { name: 'certs', directory: true },
          { name: 'site.pem', directory: false },
          { name: '.hidden', directory: false },
        ];
      },
    };

    it('lists folders relative to the document for crt, errorfile and map files, absolute paths as written', () => {
      listings.length = 0;
      const crt = complete('frontend fe\n    bind :443 ssl crt certs/<|>\n', { env });
      assert.deepEqual(labels(crt), ['certs/', 'site.pem']);
      assert.equal(item(crt, 'certs/').retrigger, true);
      assert.equal(crt.range.start.column, '    bind :443 ssl crt certs/'.length);
      const errorfile = complete('frontend fe\n    errorfile 503 /etc/haproxy/<|>\n', { env });
      assert.deepEqual(labels(errorfile), ['certs/', 'site.pem']);
      complete('frontend fe\n    use_backend %[req.hdr(host),map(maps/<|>)]\n', { env });
      complete('frontend fe\n    acl bad src -f <|>\n', { env });
      assert.deepEqual(listings, ['/work/cfg/certs/', '/etc/haproxy/', '/work/cfg/maps/', '/work/cfg/']);
      assertHas(complete('frontend fe\n    acl bad src -f .<|>\n', { env }), ['.hidden'], 'dot files when typed');
    });

    it('offers nothing without a file system', () => {
      assert.deepEqual(labels(complete('frontend fe\n    bind :443 ssl crt <|>\n')), []);
    });
  });

  it('offers nothing inside a comment and survives odd positions', () => {
    const { text, line, column } = cursorIn('frontend fe\n    # use_backend <|>\n');
    assert.equal(completeAt(documentOf(text), line, column), undefined);
    const doc = documentOf('frontend fe\n');
    assert.equal(completeAt(doc, 42, 3), undefined);
    assert.ok(completeAt(doc, 0, 99));
    assert.ok(completeAt(documentOf(''), 0, 0));
  });
});
