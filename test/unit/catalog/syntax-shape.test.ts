import assert from 'node:assert/strict';
import {
  allKeywords,
  argumentShapes,
  getKeyword,
  guessArgType,
  joinSyntaxLines,
  matchShape,
  parseSyntax,
  parseSyntaxLine,
  type ArgShape,
} from '../../../server/src/model/catalog/index';

const literal = (text: string): ArgShape => ({ kind: 'literal', text });

describe('argument shapes read from syntax lines', () => {
  it('drops the keyword words and keeps placeholders with a type guess', () => {
    const shape = parseSyntaxLine('timeout client <timeout>', 'timeout client');
    assert.deepEqual(shape.args, [{ kind: 'placeholder', name: 'timeout', type: 'time' }]);
  });

  it('reads literal words, optional groups and placeholders', () => {
    const shape = parseSyntaxLine('balance url_param <param> [check_post]', 'balance');
    assert.deepEqual(shape.args, [
      literal('url_param'),
      { kind: 'placeholder', name: 'param', type: 'string' },
      { kind: 'optional', options: [[literal('check_post')]] },
    ]);
  });

  it('reads `{ a|b|c }` enumerations, spaced or not', () => {
    const mode = parseSyntaxLine('mode { tcp|http|log }', 'mode');
    assert.deepEqual(mode.args, [{ kind: 'choice', options: [[literal('tcp')], [literal('http')], [literal('log')]] }]);
    const reuse = parseSyntaxLine('http-reuse { never | safe | aggressive | always }', 'http-reuse');
    assert.deepEqual(reuse.args[0].kind === 'choice' && reuse.args[0].options.map((o) => (o[0] as { text: string }).text), ['never', 'safe', 'aggressive', 'always']);
  });

  it('reads `[ a | b ]` as one optional choice', () => {
    const shape = parseSyntaxLine('ssl-min-ver [ SSLv3 | TLSv1.0 | TLSv1.1 | TLSv1.2 | TLSv1.3 ]', 'ssl-min-ver');
    assert.equal(shape.args.length, 1);
    assert.equal(shape.args[0].kind, 'optional');
    assert.equal(shape.args[0].kind === 'optional' && shape.args[0].options.length, 5);
  });

  it('marks repetition from `...`, `*` and `[, ...]`', () => {
    const stick = parseSyntaxLine('stick-table type <type> size <size> [store <data_type>]*', 'stick-table');
    assert.deepEqual(stick.args.at(-1), { kind: 'optional', options: [[literal('store'), { kind: 'placeholder', name: 'data_type', type: 'name' }]], repeat: true });
    const acl = parseSyntaxLine('acl <aclname> <criterion> [flags] [operator] <value> ...', 'acl');
    assert.deepEqual(acl.args.at(-1), { kind: 'placeholder', name: 'value', type: 'string', repeat: true });
    const bind = parseSyntaxLine('bind [<address>]:<port_range> [, ...] [param*]', 'bind');
    assert.deepEqual(bind.args, [
      { kind: 'pattern', text: '[<address>]:<port_range>', type: 'address', repeat: true },
      { kind: 'optional', options: [[{ kind: 'placeholder', name: 'param', type: 'string', repeat: true }]] },
    ]);
  });

  it('turns `[ { if | unless } <condition> ]` into a condition element', () => {
    const shape = parseSyntaxLine('use_backend <backend> [{if | unless} <condition>]', 'use_backend');
    assert.deepEqual(shape.args, [{ kind: 'placeholder', name: 'backend', type: 'name' }, { kind: 'condition', optional: true }]);
    const monitor = parseSyntaxLine('monitor fail { if | unless } <condition>', 'monitor fail');
    assert.deepEqual(monitor.args, [{ kind: 'condition', optional: false }]);
  });

  it('separates call arguments and the output type of fetches', () => {
    const hdr = parseSyntaxLine('req.hdr([<name>[,<occ>]]) : string', 'req.hdr');
    assert.equal(hdr.output, 'string');
    assert.deepEqual(hdr.args, []);
    assert.deepEqual(hdr.call, [
      {
        kind: 'optional',
        options: [[{ kind: 'placeholder', name: 'name', type: 'name' }, { kind: 'optional', options: [[{ kind: 'placeholder', name: 'occ', type: 'number' }]] }]],
      },
    ]);
  });

  it('strips the rule set of old action lines and records it', () => {
    const shape = parseSyntaxLine('tcp-request content sc-set-gpt0(<sc-id>) { <int> | <expr> } [ { if | unless } <condition> ]', 'sc-set-gpt0');
    assert.equal(shape.ruleSet, 'tcp-request content');
    assert.deepEqual(shape.call, [{ kind: 'placeholder', name: 'sc-id', type: 'number' }]);
    assert.equal(shape.args[0].kind, 'choice');
    const typo = parseSyntaxLine('tcp-resposne content sc-set-gpt0(<sc-id>) <int>', 'sc-set-gpt0');
    assert.equal(typo.ruleSet, 'tcp-response content');
  });

  it('marks lines of the negated form', () => {
    const shapes = parseSyntax(['option httpclose', 'no option httpclose'], 'option httpclose');
    assert.deepEqual(shapes.map((s) => s.prefix), [undefined, 'no']);
    assert.deepEqual(shapes[1].args, []);
  });

  it('joins continuation lines and ignores trailing (deprecated) notes', () => {
    assert.deepEqual(joinSyntaxLines(['log <target> [len <length>]', '    <facility> [<level>]']), ['log <target> [len <length>] <facility> [<level>]']);
    assert.deepEqual(parseSyntaxLine('nbproc <number>  (deprecated)', 'nbproc').args, [{ kind: 'placeholder', name: 'number', type: 'number' }]);
  });

  it('never throws and always strips the keyword, on every syntax line of the catalog', () => {
    let lines = 0;
    const leftovers: string[] = [];
    for (const entry of allKeywords()) {
      for (const variant of entry.variants) {
        for (const shape of parseSyntax(variant.syntax, entry.name)) {
          lines++;
          const first = shape.args[0];
          const text = first?.kind === 'literal' || first?.kind === 'pattern' ? first.text : '';
          if (text && (text === entry.words[0] || text.startsWith(`${entry.words[0]}(`))) leftovers.push(`${entry.kind} ${entry.name}: ${shape.text}`);
        }
      }
    }
    assert.ok(lines > 2000);
    assert.deepEqual(leftovers, []);
  });

  it('guesses placeholder types from their names', () => {
    assert.equal(guessArgType('timeout'), 'time');
    assert.equal(guessArgType('size'), 'size');
    assert.equal(guessArgType('backend'), 'name');
    assert.equal(guessArgType('address'), 'address');
    assert.equal(guessArgType('file'), 'file');
    assert.equal(guessArgType('expr'), 'expression');
    assert.equal(guessArgType('fmt'), 'format');
    assert.equal(guessArgType('on|off'), 'enum');
    assert.equal(guessArgType('number'), 'number');
    assert.equal(guessArgType('hold-something-else'), 'string');
  });

  it('gives version-specific shapes (mode gained log in 2.9)', () => {
    const mode = getKeyword('proxy', 'mode')!;
    const values = (v: '2.6' | '2.9') => {
      const first = argumentShapes(mode, v)[0].args[0];
      return first.kind === 'choice' ? first.options.map((o) => (o[0] as { text: string }).text) : [];
    };
    assert.deepEqual(values('2.6'), ['tcp', 'http']);
    assert.deepEqual(values('2.9'), ['tcp', 'http', 'log']);
  });
});

describe('matching argument words against a shape', () => {
  const stickTable = () => argumentShapes(getKeyword('proxy', 'stick-table')!, '2.6')[0].args;

  it('accepts a complete stick-table line and binds each word to its parameter', () => {
    const m = matchShape(stickTable(), ['type', 'ip', 'size', '1m', 'expire', '30s', 'store', 'http_req_rate(10s)']);
    assert.equal(m.complete, true);
    assert.equal(m.matched, 8);
    assert.deepEqual(m.bindings.map((b) => b.arg), [0, 1, 2, 3, 4, 4, 8, 8]);
  });

  it('reports the first required element that is missing and where the next word goes', () => {
    const m = matchShape(stickTable(), ['type', 'ip']);
    assert.equal(m.complete, false);
    assert.deepEqual(m.missing, literal('size'));
    assert.equal(m.next, 2);
  });

  it('rejects a value outside an enumeration', () => {
    const mode = argumentShapes(getKeyword('proxy', 'mode')!, '2.6')[0].args;
    assert.equal(matchShape(mode, ['http']).complete, true);
    const bad = matchShape(mode, ['htp']);
    assert.equal(bad.complete, false);
    assert.equal(bad.matched, 0);
  });

  it('flags words beyond what the shape takes', () => {
    const timeout = argumentShapes(getKeyword('proxy', 'timeout client')!, '2.6')[0].args;
    assert.equal(matchShape(timeout, ['30s']).complete, true);
    const extra = matchShape(timeout, ['30s', '40s']);
    assert.deepEqual([extra.complete, extra.matched], [false, 1]);
  });

  it('takes cookie options in any documented position', () => {
    const cookie = argumentShapes(getKeyword('proxy', 'cookie')!, '2.6')[0].args;
    const m = matchShape(cookie, ['SRV', 'insert', 'indirect', 'nocache', 'domain', '.example.com']);
    assert.equal(m.complete, true);
    assert.equal(m.bindings[4].element.kind, 'literal');
  });

  it('consumes a trailing condition', () => {
    const use = argumentShapes(getKeyword('proxy', 'use_backend')!, '2.6')[0].args;
    const m = matchShape(use, ['api', 'if', 'is_api', '!is_admin']);
    assert.equal(m.complete, true);
    assert.deepEqual(m.bindings.map((b) => b.element.kind), ['placeholder', 'condition', 'condition', 'condition']);
  });
});
