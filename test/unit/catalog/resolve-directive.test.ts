import assert from 'node:assert/strict';
import { resolveDirective, type HaproxyVersion } from '../../../server/src/model/catalog/index';

const words = (line: string) => line.trim().split(/\s+/);
const resolve = (section: string, line: string, version: HaproxyVersion = '2.6') => resolveDirective(section, words(line), version);

describe('resolveDirective: which catalog keyword a line is', () => {
  const known: [section: string, line: string, keyword: string, consumed: number, version?: HaproxyVersion][] = [
    ['frontend', 'timeout client 30s', 'timeout client', 2],
    ['defaults', 'timeout http-keep-alive 1s', 'timeout http-keep-alive', 2],
    ['backend', 'option httpchk GET /health', 'option httpchk', 2],
    ['listen', 'stats auth admin:secret', 'stats auth', 2],
    ['listen', 'stats enable', 'stats enable', 2],
    ['listen', 'stats uri /haproxy?stats', 'stats uri', 2],
    ['backend', 'stick-table type ip size 100k expire 30s store http_req_rate(10s)', 'stick-table', 1],
    ['backend', 'stick on src table st', 'stick on', 2],
    ['frontend', 'tcp-request inspect-delay 5s', 'tcp-request inspect-delay', 2],
    ['backend', 'http-check expect status 200', 'http-check expect', 2],
    ['backend', 'http-check set-var(check.port) int(1234)', 'http-check set-var', 2],
    ['backend', 'persist rdp-cookie(mstshash)', 'persist rdp-cookie', 2],
    ['defaults', 'log-format "%ci:%cp [%tr] %ft"', 'log-format', 1],
    ['frontend', 'capture request header Host len 32', 'capture request header', 3],
    ['backend', 'balance url_param userid check_post', 'balance', 1],
    ['frontend', 'filter compression', 'filter compression', 2],
    ['backend', 'filter trace name t1 hexdump', 'filter trace', 2],
    ['defaults', 'email-alert mailers smtp', 'email-alert mailers', 2],
    ['global', 'tune.ssl.default-dh-param 2048', 'tune.ssl.default-dh-param', 1],
    ['global', 'ssl-default-bind-options ssl-min-ver TLSv1.2 no-tls-tickets', 'ssl-default-bind-options', 1],
    ['global', 'stats socket /run/haproxy/admin.sock mode 660 level admin', 'stats socket', 2],
    ['global', 'stats timeout 30s', 'stats timeout', 2],
    ['global', 'nbthread 4', 'nbthread', 1],
    ['global', 'nbproc 2', 'nbproc', 1, '2.4'],
    ['global', 'tune.stick-counters 4', 'tune.stick-counters', 1, '2.8'],
    ['peers', 'peer haproxy1 192.168.0.1:1024', 'peer', 1],
    ['peers', 'table t type string len 32 size 10k', 'table', 1],
    ['resolvers', 'nameserver dns1 10.0.0.1:53', 'nameserver', 1],
    ['resolvers', 'timeout resolve 1s', 'timeout', 1],
    ['mailers', 'timeout mail 20s', 'timeout mail', 2],
    ['userlist', 'user admin password $5$abc$def groups ops', 'user', 1],
    ['cache', 'total-max-size 64', 'total-max-size', 1],
    ['program', 'command /usr/bin/dataplaneapi -f /etc/dp.yml', 'command', 1],
    ['ring', 'format rfc5424', 'format', 1],
    ['log-forward', 'dgram-bind 127.0.0.1:1514', 'dgram-bind', 1],
    ['http-errors', 'errorfile 503 /etc/haproxy/errors/503.http', 'errorfile', 1],
    ['fcgi-app', 'option keep-conn', 'option keep-conn', 2],
    ['crt-store', 'load crt site.pem key site.key', 'load', 1, '3.0'],
    ['healthcheck', 'http-check send meth GET uri /', 'http-check send', 2, '3.4'],
  ];
  for (const [section, line, keyword, consumed, version] of known) {
    it(`${section}: ${line}${version ? ` (${version})` : ''}`, () => {
      const r = resolve(section, line, version);
      assert.equal(r.status, 'ok');
      assert.equal(r.keyword?.name, keyword);
      assert.equal(r.consumed, consumed);
      assert.equal(r.prefixAllowed, true);
    });
  }

  it('folds `no` / `default` prefixes into the keyword and checks they are allowed', () => {
    const no = resolve('backend', 'no option httpclose');
    assert.deepEqual([no.status, no.prefix, no.keyword?.name, no.consumed, no.prefixAllowed], ['ok', 'no', 'option httpclose', 3, true]);
    const noLog = resolve('defaults', 'no log');
    assert.deepEqual([noLog.keyword?.name, noLog.consumed, noLog.prefixAllowed], ['log', 2, true]);
    assert.equal(resolve('defaults', 'default option redispatch').prefixAllowed, true);
    assert.equal(resolve('global', 'no busy-polling').prefixAllowed, true);
    assert.equal(resolve('global', 'no daemon').prefixAllowed, false);
    assert.equal(resolve('frontend', 'no timeout client').prefixAllowed, false);
  });

  it('resolves the action of every rule keyword', () => {
    const content = resolve('frontend', 'tcp-request content accept if { req_ssl_hello_type 1 }');
    assert.equal(content.keyword?.name, 'tcp-request content');
    assert.equal(content.ruleSet, 'tcp-request content');
    assert.deepEqual([content.action?.status, content.action?.entry?.name, content.action?.index], ['ok', 'accept', 2]);

    const setVar = resolve('frontend', 'http-request set-var(txn.host) req.hdr(host)');
    assert.deepEqual([setVar.ruleSet, setVar.action?.name, setVar.action?.status, setVar.action?.index], ['http-request', 'set-var', 'ok', 1]);

    const conn = resolve('frontend', 'tcp-request connection expect-proxy layer4 if { src 10.0.0.0/8 }');
    assert.deepEqual([conn.ruleSet, conn.action?.entry?.name], ['tcp-request connection', 'expect-proxy']);

    assert.equal(resolve('backend', 'http-response set-status 503').action?.status, 'ok');
    assert.equal(resolve('frontend', 'http-after-response set-header Strict-Transport-Security max-age=1').action?.status, 'ok');
    assert.equal(resolve('frontend', 'http-request sc-inc-gpc0(1)').action?.entry?.name, 'sc-inc-gpc0');
  });

  it('maps track-scN beyond 2 to the track-sc entry', () => {
    const r = resolve('frontend', 'http-request track-sc5 src table t', '2.8');
    assert.deepEqual([r.action?.status, r.action?.name, r.action?.entry?.name], ['ok', 'track-sc5', 'track-sc0']);
  });

  it('reports action problems as values', () => {
    assert.equal(resolve('frontend', 'http-request').action?.status, 'missing');
    assert.equal(resolve('frontend', 'http-request deny-all').action?.status, 'unknown');
    assert.equal(resolve('frontend', 'http-request set-status 200').action?.status, 'not-allowed');
    assert.equal(resolve('frontend', 'http-request set-bandwidth-limit lim').action?.status, 'newer');
    assert.equal(resolve('frontend', 'http-request set-bandwidth-limit lim', '2.7').action?.status, 'ok');
    assert.equal(resolve('frontend', 'http-request lua.check-auth').action?.status, 'runtime');
  });

  it('says when a keyword is newer than the target version', () => {
    const r = resolve('global', 'tune.stick-counters 4', '2.6');
    assert.equal(r.status, 'newer');
    assert.equal(r.keyword?.versions[0], '2.8');
    assert.equal(resolve('frontend', 'quic-initial accept', '3.0').status, 'newer');
    assert.equal(resolve('frontend', 'quic-initial accept', '3.1').action?.status, 'ok');
  });

  it('says when a keyword was removed, with its replacement', () => {
    const nbproc = resolve('global', 'nbproc 2', '2.6');
    assert.equal(nbproc.status, 'removed');
    assert.deepEqual(nbproc.removed?.replacements, ['nbthread']);
    const reqadd = resolve('backend', 'reqadd X-Forwarded-Proto:\\ https');
    assert.deepEqual([reqadd.status, reqadd.keyword, reqadd.consumed], ['removed', undefined, 1]);
    assert.deepEqual(reqadd.removed?.replacements, ['http-request add-header']);
    assert.deepEqual(resolve('defaults', 'contimeout 5000').removed?.replacements, ['timeout connect']);
    assert.deepEqual(resolve('listen', 'redispatch').removed?.replacements, ['option redispatch']);
    assert.deepEqual(resolve('frontend', 'block if { src 10.0.0.1 }').removed?.replacements, ['http-request deny']);
    const forceclose = resolve('listen', 'option forceclose');
    assert.deepEqual([forceclose.status, forceclose.consumed, forceclose.removed?.replacements], ['removed', 2, ['option httpclose']]);
    assert.equal(resolve('program', 'command /bin/true', '3.4').status, 'removed');
  });

  it('tells a known keyword in the wrong section from an unknown one', () => {
    const bind = resolve('backend', 'bind :80');
    assert.equal(bind.status, 'not-allowed');
    assert.deepEqual([...(bind.allowedIn ?? [])].sort(), ['frontend', 'listen']);
    assert.equal(bind.haproxyReaction, 'warning');
    assert.equal(resolve('defaults', 'bind :80').haproxyReaction, 'alert');
    assert.equal(resolve('backend', 'default_backend app').status, 'not-allowed');
    const tune = resolve('frontend', 'tune.bufsize 32768');
    assert.deepEqual([tune.status, tune.keyword?.kind, tune.haproxyReaction], ['not-allowed', 'global', 'alert']);
    assert.equal(resolve('defaults', 'filter trace').status, 'not-allowed');
    assert.equal(resolve('backend', 'tcp-request connection reject').haproxyReaction, 'alert');
  });

  it('reports unknown words, consuming the sub-keyword of a keyword family', () => {
    assert.deepEqual([resolve('backend', 'balanse roundrobin').status, resolve('backend', 'balanse roundrobin').consumed], ['unknown', 1]);
    const option = resolve('backend', 'option forwardfr');
    assert.deepEqual([option.status, option.consumed], ['unknown', 2]);
    assert.equal(resolve('backend', '').status, 'unknown');
    assert.equal(resolveDirective('backend', [], '2.6').status, 'unknown');
  });

  it('leaves module-loaded and unknown sections unchecked instead of failing them', () => {
    assert.equal(resolve('global', 'module-load hapee-lb-waf.so').status, 'runtime');
    assert.equal(resolve('dynamic-update', 'anything at all').status, 'unchecked');
  });
});
