import { strict as assert } from 'node:assert';
import { buildModel } from '../../../server/src/model/config-model';
import { ProxyMemo } from '../../../server/src/analysis/proxy-memo';
import { parseConfig } from '../../../server/src/syntax/parse-config';
import { cfg } from './helpers';

describe('ProxyMemo', () => {
  const proxies = () => buildModel(parseConfig(cfg('backend a', '  server s1 10.0.0.1:80', 'backend b'))).proxies;

  it('computes a value once per proxy object, undefined included', () => {
    const calls: string[] = [];
    const memo = new ProxyMemo((proxy) => {
      calls.push(proxy.name);
      return proxy.servers.length > 0 ? proxy.name : undefined;
    });
    const [a, b] = proxies();
    assert.deepEqual([memo.of(a), memo.of(b), memo.of(a), memo.of(b)], ['a', undefined, 'a', undefined]);
    assert.deepEqual(calls, ['a', 'b']);
  });

  it('keeps the values of several memos apart, and computes again for a new proxy object', () => {
    const names = new ProxyMemo((proxy) => proxy.name);
    const counts = new ProxyMemo((proxy) => proxy.servers.length);
    const [a] = proxies();
    assert.deepEqual([names.of(a), counts.of(a)], ['a', 1]);
    const later = new ProxyMemo((proxy) => proxy.kind);
    assert.deepEqual([later.of(a), names.of(a)], ['backend', 'a']);
    const [again] = proxies();
    assert.notEqual(again, a);
    assert.deepEqual([counts.of(again), names.of(again)], [1, 'a']);
  });
});
