import { strict as assert } from 'node:assert';
import { lintModel } from '../../../server/src/analysis/lint';
import { buildModel } from '../../../server/src/model/config-model';
import { ConfigSet } from '../../../server/src/navigation/config-set';
import { parseConfig } from '../../../server/src/syntax/parse-config';
import { applyAndRecheck, cfg, findingsOf, lineOf, linesOf } from './helpers';

const RULE = 'missing-timeouts';

const withDefaults = (timeouts: string[], proxies: string[]) => cfg('defaults', '    mode http', ...timeouts.map((t) => `    timeout ${t}`), ...proxies);
const proxies = ['frontend fe', '    bind :80', '    default_backend be', 'backend be', '    server s 10.0.0.1:80'];

describe('rule missing-timeouts', () => {
  it('reports a frontend without timeout client and a backend without connect/server, at their names', () => {
    const text = withDefaults([], proxies);
    const found = findingsOf(RULE, text);
    assert.deepEqual(found.map((f) => f.range.start.line + 1), [3, 6]);
    assert.match(found[0].message, /'timeout client'/);
    assert.match(found[1].message, /'timeout connect', 'timeout server'/);
  });

  it('counts timeouts inherited from defaults', () => {
    assert.deepEqual(linesOf(RULE, withDefaults(['client 30s', 'connect 5s', 'server 30s'], proxies)), []);
  });

  it('treats a zero timeout as unset, as HAProxy does', () => {
    const text = withDefaults(['client 0', 'connect 5s', 'server 30s'], proxies);
    assert.deepEqual(linesOf(RULE, text), [lineOf(text, 'frontend fe')]);
  });

  it('ignores backends without servers, and accepts timeout tunnel for server only in TCP mode', () => {
    const text = cfg(
      'defaults',
      '    timeout connect 5s',
      '    timeout client 5s',
      'backend empty',
      'backend tcp_tunnel',
      '    mode tcp',
      '    timeout tunnel 1h',
      '    server s 10.0.0.1:80',
      'backend http_tunnel',
      '    mode http',
      '    timeout tunnel 1h',
      '    server s 10.0.0.1:80',
    );
    assert.deepEqual(linesOf(RULE, text), [9]);
  });

  it('adds the missing timeouts to the proxy, or to its defaults section', () => {
    const text = withDefaults(['connect 5s'], proxies);
    const fixed = applyAndRecheck(RULE, text, 4);
    assert.match(fixed, /frontend fe\n    timeout client 30s\n/);
    const viaDefaults = applyAndRecheck(RULE, text, 7, 'Add timeout server 30s to its defaults');
    assert.match(viaDefaults, /^defaults\n    timeout server 30s\n/);
  });

  it('does not offer to edit a defaults section that lies in another file of the config', () => {
    const defaultsFile = 'file:///etc/haproxy/00-defaults.cfg';
    const proxiesFile = 'file:///etc/haproxy/10-proxies.cfg';
    const set = new ConfigSet([
      { uri: defaultsFile, model: buildModel(parseConfig(cfg('defaults', '    mode http', '    timeout connect 5s'))) },
      { uri: proxiesFile, model: buildModel(parseConfig(cfg(...proxies))) },
    ]);
    const external = set.externalFor(proxiesFile);
    const file = parseConfig(cfg(...proxies));
    const found = lintModel(file, buildModel(file, { external }), '2.6', { external }).filter((f) => f.rule === RULE);
    assert.deepEqual(found.map((f) => f.message.match(/'timeout \w+'/g)), [["'timeout client'"], ["'timeout server'"]], 'connect comes from the other file');
    for (const finding of found) {
      assert.deepEqual(finding.fixes?.map((fix) => fix.title.replace(/ to .*/, ' to ...')), [finding === found[0] ? 'Add timeout client 30s to ...' : 'Add timeout server 30s to ...']);
      assert.match(finding.fixes![0].title, /to (frontend|backend) '/);
    }
  });
});
