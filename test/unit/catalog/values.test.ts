import assert from 'node:assert/strict';
import {
  argumentValues,
  BALANCE_ALGORITHMS,
  closestNames,
  editDistance,
  findRemovedKeyword,
  getKeyword,
  isValueIn,
  parseInteger,
  parseSize,
  parseTime,
  REMOVED_KEYWORDS,
  suggestKeywords,
  KEYWORD_ARGUMENT_VALUES,
  type KeywordKind,
} from '../../../server/src/model/catalog/index';

describe('time, size and integer values', () => {
  it('reads times in every unit, milliseconds by default', () => {
    assert.deepEqual(parseTime('30s'), { ok: true, value: 30_000 });
    assert.deepEqual(parseTime('500'), { ok: true, value: 500 });
    assert.deepEqual(parseTime('2m'), { ok: true, value: 120_000 });
    assert.deepEqual(parseTime('1h'), { ok: true, value: 3_600_000 });
    assert.deepEqual(parseTime('1d'), { ok: true, value: 86_400_000 });
    assert.deepEqual(parseTime('250us'), { ok: true, value: 0.25 });
    assert.deepEqual(parseTime('5', 's'), { ok: true, value: 5000 });
  });

  it('explains bad times instead of throwing', () => {
    const unit = parseTime('10sec');
    assert.equal(unit.ok, false);
    assert.match(!unit.ok ? unit.reason : '', /unknown time unit 'sec'/);
    assert.equal(parseTime('1.5s').ok, false);
    assert.equal(parseTime('').ok, false);
    assert.equal(parseTime('-1s').ok, false);
  });

  it('reads sizes with k, m and g in either case', () => {
    assert.deepEqual(parseSize('16384'), { ok: true, value: 16384 });
    assert.deepEqual(parseSize('64k'), { ok: true, value: 65536 });
    assert.deepEqual(parseSize('1M'), { ok: true, value: 1048576 });
    assert.deepEqual(parseSize('2g'), { ok: true, value: 2 * 1024 ** 3 });
    assert.equal(parseSize('10kb').ok, false);
    assert.equal(parseSize('lots').ok, false);
  });

  it('reads integers', () => {
    assert.deepEqual(parseInteger('-20'), { ok: true, value: -20 });
    assert.equal(parseInteger('12a').ok, false);
  });
});

describe('hand-written argument values', () => {
  it('filters balance algorithms by version', () => {
    const names = (v: '2.4' | '2.6' | '2.9') => argumentValues('proxy', 'balance', v)[0].values.map((x) => x.value);
    assert.ok(!names('2.4').includes('hash') && names('2.6').includes('hash'));
    assert.ok(!names('2.6').includes('log-hash') && names('2.9').includes('log-hash'));
    assert.ok(names('2.4').includes('roundrobin') && names('2.4').includes('leastconn'));
    assert.equal(isValueIn(BALANCE_ALGORITHMS.find((a) => a.value === 'sticky')!, '2.8'), false);
  });

  it('covers ssl versions, modes, cookies, stick tables, hash types and log levels', () => {
    assert.deepEqual(argumentValues('bind', 'ssl-min-ver', '2.6')[0].values.map((x) => x.value), ['SSLv3', 'TLSv1.0', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3']);
    assert.deepEqual(argumentValues('proxy', 'mode', '3.1')[0].values.map((x) => x.value), ['tcp', 'http', 'log', 'spop']);
    assert.ok(argumentValues('proxy', 'cookie', '2.6')[0].values.some((x) => x.value === 'insert'));
    assert.deepEqual(argumentValues('proxy', 'hash-type', '2.4')[1].values.map((x) => x.value), ['sdbm', 'djb2', 'wt6', 'crc32']);
    assert.ok(argumentValues('global', 'log', '2.6')[0].values.some((x) => x.value === 'local0'));
    assert.deepEqual(argumentValues('proxy', 'unknown-keyword', '2.6'), []);
  });

  it('only describes keywords the catalog has', () => {
    const orphans = Object.keys(KEYWORD_ARGUMENT_VALUES).filter((key) => {
      const space = key.indexOf(' ');
      return !getKeyword(key.slice(0, space) as KeywordKind, key.slice(space + 1));
    });
    assert.deepEqual(orphans, []);
  });
});

describe('removed keywords', () => {
  it('finds removed keywords by their leading words, per section', () => {
    assert.deepEqual(findRemovedKeyword('backend', ['rsprep', '^x', 'y'])?.replacements, ['http-response replace-header']);
    assert.equal(findRemovedKeyword('global', ['reqadd', 'x']), undefined);
    assert.equal(findRemovedKeyword('listen', ['option', 'forceclose'])?.name, 'option forceclose');
    assert.equal(findRemovedKeyword('listen', ['option', 'httpclose']), undefined);
  });

  it('points every replacement at a keyword the catalog knows in 3.4', () => {
    const proxyish = (name: string) => getKeyword('proxy', name) ?? getKeyword('global', name) ?? getKeyword('proxy', name.split(' ')[0]);
    const dangling = REMOVED_KEYWORDS.flatMap((r) => r.replacements.filter((name) => !proxyish(name)).map((name) => `${r.name} -> ${name}`));
    assert.deepEqual(dangling, []);
  });
});

describe('did-you-mean suggestions', () => {
  it('measures edit distance with transpositions', () => {
    assert.equal(editDistance('balance', 'balanse'), 1);
    assert.equal(editDistance('mode', 'mdoe'), 1);
    assert.equal(editDistance('abc', 'abc'), 0);
    assert.equal(editDistance('kitten', 'sitting'), 3);
  });

  it('suggests section keywords for typos, multi-word ones included', () => {
    assert.deepEqual(suggestKeywords('backend', ['balanse', 'roundrobin'], '2.6')[0], 'balance');
    assert.deepEqual(suggestKeywords('frontend', ['option', 'forwardfr'], '2.6')[0], 'option forwardfor');
    assert.deepEqual(suggestKeywords('defaults', ['timeout', 'conect', '5s'], '2.6')[0], 'timeout connect');
    assert.deepEqual(suggestKeywords('backend', ['zzzzzzzz'], '2.6'), []);
  });

  it('ranks close names first', () => {
    assert.deepEqual(closestNames('lower', ['lower', 'upper', 'lowr', 'power', 'json']), ['lowr', 'power']);
  });
});
