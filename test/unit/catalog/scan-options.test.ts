import assert from 'node:assert/strict';
import { lineOptions, scanOptions } from '../../../server/src/model/catalog/index';

const words = (text: string) => text.split(' ');
const summary = (kind: 'bind' | 'server', text: string, version: '2.4' | '2.6' | '3.4' = '2.6') =>
  scanOptions(kind, words(text), version).map((o) => `${o.name}:${o.status}${o.values.length ? `=${o.values.join(',')}` : ''}${o.missingValue ? '!' : ''}`);

describe('bind and server option scanning', () => {
  it('pairs each option with its value words', () => {
    assert.deepEqual(summary('server', 'check inter 2s fall 3 rise 2 weight 10 backup'), [
      'check:ok',
      'inter:ok=2',
      'fall:ok=4',
      'rise:ok=6',
      'weight:ok=8',
      'backup:ok',
    ]);
    assert.deepEqual(summary('bind', 'ssl crt /etc/ssl/site.pem alpn h2,http/1.1 ssl-min-ver TLSv1.2'), [
      'ssl:ok',
      'crt:ok=2',
      'alpn:ok=4',
      'ssl-min-ver:ok=6',
    ]);
  });

  it('reads two-word options and the variable `source` option', () => {
    assert.deepEqual(summary('bind', 'expose-fd listeners level admin'), ['expose-fd listeners:ok', 'level:ok=3']);
    assert.deepEqual(summary('server', 'source 10.0.0.1 usesrc clientip check'), ['source:ok=1,2,3', 'check:ok']);
    assert.deepEqual(summary('server', 'source 10.0.0.1 interface eth0'), ['source:ok=1,2,3']);
  });

  it('reports unknown words one by one and keeps scanning', () => {
    assert.deepEqual(summary('server', 'check bogus weight 5'), ['check:ok', 'bogus:unknown', 'weight:ok=3']);
  });

  it('reports a missing value', () => {
    assert.deepEqual(summary('server', 'check inter'), ['check:ok', 'inter:ok!']);
  });

  it('knows options by version', () => {
    assert.deepEqual(summary('bind', 'process 1/all', '2.4'), ['process:ok=1']);
    const removed = scanOptions('bind', words('process 1/all'), '3.4')[0];
    assert.deepEqual([removed.status, removed.removed?.replacements], ['removed', ['thread']]);
    assert.deepEqual(summary('server', 'init-state fully-up', '2.6'), ['init-state:newer=1']);
    assert.deepEqual(summary('server', 'init-state fully-up', '3.4'), ['init-state:ok=1']);
  });

  it('strips a call suffix from option names', () => {
    assert.deepEqual(summary('server', 'set-proxy-v2-tlv-fmt(0xE1) %[fc_pp_tlv(0xE1)]', '3.4'), ['set-proxy-v2-tlv-fmt:ok=1']);
  });

  it('finds where the options of a line start', () => {
    assert.deepEqual(lineOptions(words('bind :443 ssl crt x.pem')), { kind: 'bind', start: 2 });
    assert.deepEqual(lineOptions(words('bind 10.0.0.1:80, 10.0.0.2:80 transparent')), { kind: 'bind', start: 3 });
    assert.deepEqual(lineOptions(words('server web1 10.0.0.1:80 check')), { kind: 'server', start: 3 });
    assert.deepEqual(lineOptions(words('default-server inter 3s')), { kind: 'server', start: 1 });
    assert.deepEqual(lineOptions(words('server-template web 1-3 app.example.com:80 check')), { kind: 'server', start: 4 });
    assert.deepEqual(lineOptions(words('server local-peer shard 1')), { kind: 'server', start: 2 });
    assert.equal(lineOptions(words('balance roundrobin')), undefined);
  });
});
