import assert from 'node:assert/strict';
import { avalanche, hashCrc32, hashDjb2, hashSdbm, hashWt6, hashWith } from '../../../server/src/simulator/balance/hash-functions';

/** Straightforward BigInt versions of the textbook formulas, to check the 32-bit arithmetic. */
const ref = {
  sdbm(s: string): number {
    let h = 0n;
    for (const c of Buffer.from(s)) h = (BigInt(c) + (h << 6n) + (h << 16n) - h) & 0xffffffffn;
    return Number(h);
  },
  djb2(s: string): number {
    let h = 5381n;
    for (const c of Buffer.from(s)) h = ((h << 5n) + h + BigInt(c)) & 0xffffffffn;
    return Number(h);
  },
};

describe('simulator hash functions', () => {
  const keys = ['', 'a', '/index.html', 'key-1234.example.com', 'ünïcode', 'x'.repeat(300)];

  it('sdbm and djb2 match the reference formulas over UTF-8 bytes', () => {
    for (const k of keys) {
      assert.equal(hashSdbm(k), ref.sdbm(k), `sdbm(${k})`);
      assert.equal(hashDjb2(k), ref.djb2(k), `djb2(${k})`);
    }
    assert.equal(hashDjb2(''), 5381);
  });

  it('crc32 gives the standard check value', () => {
    assert.equal(hashCrc32('123456789'), 0xcbf43926);
    assert.equal(hashCrc32(''), 0);
  });

  it('wt6 is a 32-bit value that depends on every byte', () => {
    const a = hashWt6('abcdef');
    const b = hashWt6('abcdeg');
    assert.ok(a >= 0 && a <= 0xffffffff && Number.isInteger(a));
    assert.notEqual(a, b);
    assert.equal(hashWt6('abcdef'), a);
  });

  it('avalanche mixes neighbouring integers far apart and stays unsigned', () => {
    const values = Array.from({ length: 64 }, (_, i) => avalanche(0x7f000001 + i));
    assert.equal(new Set(values).size, 64);
    for (const v of values) assert.ok(v >= 0 && v <= 0xffffffff);
    const spread = Math.max(...values) - Math.min(...values);
    assert.ok(spread > 0x80000000, 'outputs cover most of the 32-bit space');
  });

  it('hashWith dispatches on the function name, sdbm by default', () => {
    assert.equal(hashWith('djb2', 'k'), hashDjb2('k'));
    assert.equal(hashWith('wt6', 'k'), hashWt6('k'));
    assert.equal(hashWith('crc32', 'k'), hashCrc32('k'));
    assert.equal(hashWith('sdbm', 'k'), hashSdbm('k'));
  });
});
