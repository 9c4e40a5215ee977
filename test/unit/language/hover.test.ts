import { strict as assert } from 'node:assert';
import { ConfigDocument } from '../../../server/src/analysis/config-document';
import { hoverAt, type HoverResult } from '../../../server/src/language/hover';
import { escapeMarkdown } from '../../../server/src/language/markdown';
import { addedIn, docsUrl, getKeyword, versionIndex, type HaproxyVersion, type KeywordKind } from '../../../server/src/model/catalog';
import { cursorAtText, cursorIn } from '../../support/cursor';

function documentOf(text: string, version?: string): ConfigDocument {
  return new ConfigDocument('file:///work/haproxy.cfg', text, 1, version ? { version } : {});
}

/** Hover at `shift` characters into the first `needle` of `text`. */
function hoverOn(text: string, needle: string, shift = 0, version?: string): HoverResult {
  const cursor = cursorAtText(text, needle, shift);
  const found = hoverAt(documentOf(text, version), cursor.line, cursor.column);
  assert.ok(found, `a hover on ${JSON.stringify(needle)} (+${shift})`);
  return found;
}

function covered(text: string, hover: HoverResult): string {
  return text.slice(hover.range.start.offset, hover.range.end.offset);
}

/** The parts of a keyword's hover that come from the catalog: summary and manual link. */
function assertDocumented(hover: HoverResult, kind: KeywordKind, name: string, version: HaproxyVersion = '3.4'): void {
  const entry = getKeyword(kind, name);
  assert.ok(entry, `${kind} ${name} in the catalog`);
  assert.ok(entry.summary, `${kind} ${name} has a summary`);
  assert.ok(hover.markdown.includes(escapeMarkdown(entry.summary)), `the summary of ${name} in:\n${hover.markdown}`);
  assert.ok(hover.markdown.includes(docsUrl(entry, version)), `the manual link of ${name} in:\n${hover.markdown}`);
}

const CONFIG = `global
    log stdout format raw local0

defaults
    mode http
    timeout client 30s

userlist admins
    user alice insecure-password secret
    user bob insecure-password secret
    group ops users alice,bob

frontend fe_main
    bind :443 ssl crt /etc/haproxy/site.pem alpn h2,http/1.1
    acl is_api path_beg -i /api/ /v2/
    acl is_api hdr(host) -m beg api.
    acl too_fast sc_http_req_rate(0) gt 100
    http-request track-sc0 src
    http-request set-var(txn.host) req.hdr(host),lower
    http-request set-header X-Host %[req.hdr(host),lower]
    http-request auth realm admin if !{ http_auth(admins) }
    log-format "%ci:%cp %Tu %ST"
    use_backend be_api if is_api METH_GET
    default_backend be_web

backend be_web
    balance roundrobin
    option httpchk GET /health
    server web1 10.0.0.1:80 check inter 3s weight 10
    server web2 10.0.0.2:80 check backup
    use-server web2 if { path_beg /old }

backend be_api
    balance leastconn
    server api1 10.0.1.1:8080 check
`;

describe('hover', () => {
  it('documents a keyword: syntax, summary, where it applies, versions and the manual link', () => {
    const hover = hoverOn(CONFIG, 'balance roundrobin', 2);
    assert.equal(covered(CONFIG, hover), 'balance');
    assert.match(hover.markdown, /```haproxy\nbalance <algorithm>/);
    assert.match(hover.markdown, /\*Sections:\* `defaults`, `listen`, `backend`/);
    assert.match(hover.markdown, /Available since HAProxy 2\.4 or earlier; the target is 3\.4/);
    assertDocumented(hover, 'proxy', 'balance');
  });

  it('treats a multi-word keyword as one, from either word', () => {
    for (const shift of [1, 'timeout cl'.length]) {
      const hover = hoverOn(CONFIG, 'timeout client', shift);
      assert.equal(covered(CONFIG, hover), 'timeout client');
      assertDocumented(hover, 'proxy', 'timeout client');
    }
    const option = hoverOn(CONFIG, 'option httpchk', 9);
    assert.equal(covered(CONFIG, option), 'option httpchk');
    assert.match(option.markdown, /option httpchk <method> <uri>/);
    assertDocumented(option, 'proxy', 'option httpchk');
  });

  it('documents the action of a rule, with the rule set in the title, and not the rule keyword', () => {
    const hover = hoverOn(CONFIG, 'set-header X-Host', 4);
    assert.equal(covered(CONFIG, hover), 'set-header');
    assert.match(hover.markdown, /^\*\*http-request set-header\*\* — action/);
    assert.match(hover.markdown, /\*Rule sets:\* `http-request`/);
    assertDocumented(hover, 'action', 'set-header');
    const call = hoverOn(CONFIG, 'set-var(txn.host)', 2);
    assert.equal(covered(CONFIG, call), 'set-var');
    const rule = hoverOn(CONFIG, 'http-request track-sc0', 3);
    assert.equal(covered(CONFIG, rule), 'http-request');
    assertDocumented(rule, 'proxy', 'http-request');
  });

  it('documents bind and server options, also from their values', () => {
    assertDocumented(hoverOn(CONFIG, ' ssl crt', 2), 'bind', 'ssl');
    const crt = hoverOn(CONFIG, '/etc/haproxy/site.pem', 3);
    assert.equal(covered(CONFIG, crt), 'crt');
    assertDocumented(crt, 'bind', 'crt');
    const alpn = hoverOn(CONFIG, 'alpn h2', 1);
    assert.match(alpn.markdown, /\*Lines:\* `bind`/);
    assertDocumented(hoverOn(CONFIG, 'check inter', 2), 'server', 'check');
    const inter = hoverOn(CONFIG, 'inter 3s', 6);
    assert.equal(covered(CONFIG, inter), 'inter');
    assertDocumented(inter, 'server', 'inter');
  });

  it('documents fetches and converters in ACLs, rule keys, conditions and %[...]', () => {
    const derived = hoverOn(CONFIG, 'path_beg -i', 3);
    assert.equal(covered(CONFIG, derived), 'path_beg');
    assert.match(derived.markdown, /Same as `path -m beg`/);
    assertDocumented(derived, 'acl-derived', 'path_beg');
    const counter = hoverOn(CONFIG, 'sc_http_req_rate(0)', 4);
    assert.equal(covered(CONFIG, counter), 'sc_http_req_rate');
    assertDocumented(counter, 'fetch', 'sc_http_req_rate');
    const key = hoverOn(CONFIG, 'track-sc0 src', 'track-sc0 '.length + 1);
    assert.equal(covered(CONFIG, key), 'src');
    assertDocumented(key, 'fetch', 'src');
    const inFormat = hoverOn(CONFIG, '%[req.hdr(host),lower]', 4);
    assert.equal(covered(CONFIG, inFormat), 'req.hdr');
    assertDocumented(inFormat, 'fetch', 'req.hdr');
    const converter = hoverOn(CONFIG, '%[req.hdr(host),lower]', '%[req.hdr(host),'.length + 2);
    assert.equal(covered(CONFIG, converter), 'lower');
    assertDocumented(converter, 'converter', 'lower');
    const varValue = hoverOn(CONFIG, 'req.hdr(host),lower\n', 1);
    assertDocumented(varValue, 'fetch', 'req.hdr');
    const anonymous = hoverOn(CONFIG, 'path_beg /old', 2);
    assertDocumented(anonymous, 'acl-derived', 'path_beg');
  });

  it('documents ACL flags, match methods, operators and log-format variables', () => {
    assertDocumented(hoverOn(CONFIG, '-i /api/', 1), 'acl-flag', '-i');
    assertDocumented(hoverOn(CONFIG, '-m beg', 1), 'acl-flag', '-m');
    const method = hoverOn(CONFIG, '-m beg api.', 4);
    assert.equal(covered(CONFIG, method), 'beg');
    assertDocumented(method, 'acl-match-method', 'beg');
    assertDocumented(hoverOn(CONFIG, 'gt 100', 1), 'acl-operator', 'gt');
    const variable = hoverOn(CONFIG, '%Tu', 2);
    assert.equal(covered(CONFIG, variable), '%Tu');
    assertDocumented(variable, 'log-format-var', '%Tu');
  });

  it('summarises a backend on a reference: where it is defined, mode, balance and servers', () => {
    const hover = hoverOn(CONFIG, 'use_backend be_api', 'use_backend be_'.length);
    assert.equal(covered(CONFIG, hover), 'be_api');
    const line = CONFIG.split('\n').indexOf('backend be_api') + 1;
    assert.match(hover.markdown, new RegExp(`\\*\\*backend\\*\\* \`be_api\` · line ${line}`));
    assert.match(hover.markdown, /\*Mode:\* http \(from defaults\)/);
    assert.match(hover.markdown, /\*Balance:\* leastconn/);
    assert.match(hover.markdown, /\*Servers \(1\):\* `api1` 10\.0\.1\.1:8080/);
    const backup = hoverOn(CONFIG, 'default_backend be_web', 'default_backend '.length + 2);
    assert.match(backup.markdown, /`web2` 10\.0\.0\.2:80 \(backup\)/);
    const header = hoverOn(CONFIG, 'backend be_web', 'backend '.length + 1);
    assert.match(header.markdown, /\*Balance:\* roundrobin/);
  });

  it('shows the lines of an ACL where a condition uses it, and predefined ACLs from the catalog', () => {
    const hover = hoverOn(CONFIG, 'if is_api', 4);
    assert.equal(covered(CONFIG, hover), 'is_api');
    const lines = CONFIG.split('\n');
    const first = lines.findIndex((l) => l.includes('acl is_api path_beg')) + 1;
    assert.match(hover.markdown, new RegExp(`\\*\\*ACL\\*\\* \`is_api\` in frontend \`fe_main\` · line ${first}, line ${first + 1}`));
    assert.match(hover.markdown, /acl is_api path_beg -i \/api\/ \/v2\/\nacl is_api hdr\(host\) -m beg api\./);
    assert.match(hover.markdown, /True when any of these lines matches/);
    const definition = hoverOn(CONFIG, 'acl too_fast', 5);
    assert.equal(covered(CONFIG, definition), 'too_fast');
    const predefined = hoverOn(CONFIG, 'METH_GET', 2);
    assert.match(predefined.markdown, /Equivalent to `method GET HEAD`/);
    assertDocumented(predefined, 'predefined-acl', 'METH_GET');
  });

  it('shows a server line on its name and on a use-server reference', () => {
    const definition = hoverOn(CONFIG, 'server web1', 8);
    assert.equal(covered(CONFIG, definition), 'web1');
    assert.match(definition.markdown, /\*\*server\*\* `web1` in backend `be_web`/);
    assert.match(definition.markdown, /server web1 10\.0\.0\.1:80 check inter 3s weight 10/);
    const reference = hoverOn(CONFIG, 'use-server web2', 'use-server '.length + 1);
    assert.match(reference.markdown, /server web2 10\.0\.0\.2:80 check backup/);
  });

  it('lists the users and groups of a userlist named in http_auth()', () => {
    const hover = hoverOn(CONFIG, 'http_auth(admins)', 'http_auth('.length + 2);
    assert.equal(covered(CONFIG, hover), 'admins');
    assert.match(hover.markdown, /\*\*userlist\*\* `admins`/);
    assert.match(hover.markdown, /\*Users \(2\):\* `alice`, `bob`/);
    assert.match(hover.markdown, /\*Groups \(1\):\* `ops`/);
  });

  it('says when the target version does not have a keyword yet, naming the version that added it', () => {
    const entry = getKeyword('proxy', 'option http-restrict-req-hdr-names');
    assert.ok(entry);
    const added = addedIn(entry)!;
    assert.ok(versionIndex(added) > versionIndex('2.4'), 'the example keyword must be newer than 2.4');
    const text = '# haproxy-version: 2.4\nfrontend fe\n    option http-restrict-req-hdr-names reject\n';
    const hover = hoverOn(text, 'http-restrict-req-hdr-names', 2);
    assert.equal(covered(text, hover), 'option http-restrict-req-hdr-names');
    assert.ok(hover.markdown.includes(`**Not available in HAProxy 2.4** (the target): added in ${added}.`), hover.markdown);
    const configured = hoverOn('frontend fe\n    option http-restrict-req-hdr-names reject\n', 'http-restrict', 1, '2.4');
    assert.ok(configured.markdown.includes(`added in ${added}`));
  });

  it('marks deprecated keywords and names the replacement of removed ones', () => {
    const deprecated = hoverOn('# haproxy-version: 2.4\nglobal\n    nbproc 2\n', 'nbproc', 1);
    assert.match(deprecated.markdown, /\*\*Deprecated\*\* since 2\.4/);
    const removed = hoverOn('# haproxy-version: 3.0\nglobal\n    nbproc 2\n', 'nbproc', 1);
    assert.match(removed.markdown, /\*\*Not available in HAProxy 3\.0\*\* \(the target\): last accepted by 2\.4\. Use `nbthread` instead\./);
  });

  it('documents section keywords and says when a keyword is in the wrong section', () => {
    const section = hoverOn(CONFIG, 'frontend fe_main', 3);
    assert.equal(covered(CONFIG, section), 'frontend');
    assertDocumented(section, 'section', 'frontend');
    const misplaced = hoverOn('backend b\n    bind :80\n', 'bind', 1);
    assert.match(misplaced.markdown, /\*\*Not allowed in a `backend` section\.\*\* It belongs in `frontend`, `listen`/);
  });

  it('gives nothing on blanks, comments, plain values and unknown words', () => {
    const text = 'frontend fe\n    # a comment about bind\n    bind :80\n    maxconn 100\n    frobnicate now\n';
    const doc = documentOf(text);
    for (const [needle, shift] of [['about bind', 7], ['bind :80', 5], ['100', 1], ['frobnicate', 2], ['    bind', 1]] as const) {
      const cursor = cursorAtText(text, needle, shift);
      assert.equal(hoverAt(doc, cursor.line, cursor.column), undefined, `no hover at ${needle}+${shift}`);
    }
    assert.equal(hoverAt(doc, 99, 0), undefined);
    const { text: marked, line, column } = cursorIn('frontend fe\n    bind :80<|>   \n');
    assert.equal(hoverAt(documentOf(marked), line, column + 2), undefined);
  });
});
