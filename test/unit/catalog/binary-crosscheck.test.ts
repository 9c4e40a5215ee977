import assert from 'node:assert/strict';
import { getKeyword, isAllowedInRuleSet, isKnownIn, RULE_SETS, type KeywordKind, type RuleSet } from '../../../server/src/model/catalog/index';
import { binaryDump, hasBinaryDump, SKIP_REFERENCE } from './reference';

/** What `haproxy -dKall` of HAProxy 2.6.12 registers, block by block. */
interface Registered {
  acl: { name: string; fetch: string; method: string }[];
  global: string[];
  options: { kind: 'bind' | 'server'; name: string; arity: number }[];
  proxyOptions: string[];
  actions: { ruleSet: RuleSet; name: string }[];
  converters: string[];
  fetches: string[];
  filters: string[];
}

function readDump(text: string): Registered {
  const out: Registered = { acl: [], global: [], options: [], proxyOptions: [], actions: [], converters: [], fetches: [], filters: [] };
  let block = '';
  let group = '';
  for (const line of text.split('\n')) {
    if (line.startsWith('# List of registered')) block = line;
    if (line.startsWith('#') || line.trim() === '') continue;
    let m: RegExpExecArray | null;
    if (block.includes('ACL keywords') && (m = /^(\S+) = (\S+) -m (\S+)/.exec(line))) {
      out.acl.push({ name: m[1], fetch: m[2], method: m[3] });
    } else if (block.includes('configuration keywords')) {
      if (!line.startsWith('\t')) group = line.trim();
      else if (group === 'global') out.global.push(line.trim());
      else if (group === 'listen') {
        const kw = line.trim();
        if ((m = /^bind <addr> (?:ssl )?(\S+)( \+1)?$/.exec(kw))) out.options.push({ kind: 'bind', name: m[1], arity: m[2] ? 1 : 0 });
        else if ((m = /^server <name> <addr> (\S+)( \+1| \+-1)?$/.exec(kw))) {
          out.options.push({ kind: 'server', name: m[1], arity: m[2] === ' +-1' ? -1 : m[2] ? 1 : 0 });
        } else if ((m = /^option (\S+)/.exec(kw))) out.proxyOptions.push(m[1]);
        else if ((m = /^(tcp-request \S+|tcp-response \S+|http-request|http-response|http-after-response) (\S+?)\*?$/.exec(kw))) {
          out.actions.push({ ruleSet: m[1] as RuleSet, name: m[2] });
        }
      }
    } else if (block.includes('converter') && (m = /^([^:(\s]+)/.exec(line))) out.converters.push(m[1]);
    else if (block.includes('fetch') && (m = /^\[[^\]]*\] ([^:(\s]+)/.exec(line))) out.fetches.push(m[1]);
    else if (block.includes('filter names') && (m = /^(\S+)/.exec(line))) out.filters.push(m[1]);
  }
  return out;
}

function unknownIn26(kind: KeywordKind, names: string[]): string[] {
  return names.filter((name) => {
    const entry = getKeyword(kind, name);
    return !entry || !isKnownIn(entry, '2.6');
  });
}

describe('catalog against what the HAProxy 2.6 binary registers (haproxy -dKall)', function () {
  let dump: Registered;
  before(function () {
    if (!hasBinaryDump) {
      console.log(`      ${SKIP_REFERENCE}`);
      this.skip();
    }
    dump = readDump(binaryDump());
  });

  it('reads a complete dump', () => {
    assert.ok(dump.acl.length > 70 && dump.fetches.length > 400 && dump.converters.length > 100, 'dump blocks found');
    assert.ok(dump.options.length > 150 && dump.actions.length > 150 && dump.global.length > 50);
  });

  it('knows every ACL keyword with the fetch and match method the binary maps it to', () => {
    const wrong = dump.acl.filter(({ name, fetch, method }) => {
      const derived = getKeyword('acl-derived', name);
      if (derived) return !isKnownIn(derived, '2.6') || derived.fetch !== fetch || derived.matchMethod !== method;
      const asFetch = getKeyword('fetch', name);
      return !asFetch || !isKnownIn(asFetch, '2.6');
    });
    assert.deepEqual(wrong, []);
  });

  it('knows every sample fetch and converter', () => {
    assert.deepEqual(unknownIn26('fetch', dump.fetches), []);
    assert.deepEqual(unknownIn26('converter', dump.converters), []);
  });

  it('knows every registered global keyword (the `stats` family is checked through its forms)', () => {
    assert.deepEqual(unknownIn26('global', dump.global.filter((g) => g !== 'stats')), []);
  });

  it('knows every bind and server option with the number of values the binary expects', () => {
    const wrong: string[] = [];
    for (const { kind, name, arity } of dump.options) {
      if (name === 'usesrc') continue; // only registered to reject it outside `source`
      const entry = getKeyword(kind, name === 'expose-fd' ? 'expose-fd listeners' : name);
      const expected = name === 'expose-fd' ? 0 : arity;
      if (!entry || !isKnownIn(entry, '2.6') || entry.arity !== expected) wrong.push(`${kind} ${name}: arity ${entry?.arity} vs ${expected}`);
    }
    assert.deepEqual(wrong, []);
  });

  it('knows every registered proxy option', () => {
    assert.deepEqual(unknownIn26('proxy', dump.proxyOptions.map((o) => `option ${o}`)), []);
  });

  it('knows every action in each rule set the binary registers it for', () => {
    const wrong = dump.actions.filter(({ ruleSet, name }) => {
      const entry = getKeyword('action', name === 'track-sc' ? 'track-sc0' : name);
      return !entry || !isKnownIn(entry, '2.6') || !isAllowedInRuleSet(entry, ruleSet, '2.6');
    });
    assert.ok(dump.actions.every((a) => (RULE_SETS as readonly string[]).includes(a.ruleSet)));
    assert.deepEqual(wrong, []);
  });

  it('knows every filter', () => {
    assert.deepEqual(unknownIn26('filter', dump.filters.map((f) => `filter ${f}`)), []);
  });
});
