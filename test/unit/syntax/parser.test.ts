import { strict as assert } from 'node:assert';
import type { AnonymousAclTerm, AclRefTerm, Directive } from '../../../server/src/syntax/ast';
import { parseConfig } from '../../../server/src/syntax/parse-config';
import { plainPosition } from '../../../server/src/syntax/positions';
import { parseLogFormat, parseSampleExpression } from '../../../server/src/syntax/sample-expression';

const directive = (text: string, line = 1): Directive => {
  const file = parseConfig(text);
  const all = file.sections.flatMap((s) => s.directives);
  const found = all.find((d) => d.range.start.line === line);
  assert.ok(found, `no directive on line ${line}`);
  return found;
};

describe('parser: sections', () => {
  it('recognises every section type with its name', () => {
    const types = ['global', 'defaults', 'frontend', 'backend', 'listen', 'userlist', 'peers', 'resolvers', 'mailers', 'program', 'http-errors', 'ring', 'cache', 'log-forward', 'crt-store', 'traces', 'acme', 'fcgi-app', 'log-profile'];
    const text = types.map((t, i) => (t === 'global' || t === 'traces' ? t : `${t} n${i}`)).join('\n    x 1\n') + '\n';
    const file = parseConfig(text);
    assert.deepEqual(file.sections.map((s) => s.type), types);
    assert.equal(file.sections[3].name?.value, 'n3');
    assert.equal(file.sections[0].name, undefined);
    assert.equal(file.syntaxErrors.length, 0);
  });

  it('reads named defaults and `from`', () => {
    const file = parseConfig('defaults base\n  mode http\ndefaults tcp from base\nbackend b from base\n');
    assert.equal(file.sections[0].name?.value, 'base');
    assert.equal(file.sections[1].from?.value, 'base');
    assert.equal(file.sections[2].from?.value, 'base');
    assert.equal(file.sections[2].name?.value, 'b');
  });

  it('reports `from` without a name', () => {
    const file = parseConfig('defaults x from\n');
    assert.match(file.syntaxErrors[0].message, /from/);
  });

  it('keeps lines before the first section as orphans', () => {
    const file = parseConfig('maxconn 10\nglobal\n');
    assert.equal(file.orphans[0].keyword.value, 'maxconn');
  });

  it('gives each section a range from header to last directive', () => {
    const file = parseConfig('frontend fe\n  bind :80\n\n  # comment\nbackend be\n');
    assert.deepEqual([file.sections[0].range.start.line, file.sections[0].range.end.line], [0, 1]);
    assert.deepEqual(plainPosition(file.sections[0].headerRange.end), { line: 0, column: 11, offset: 11 });
  });
});

describe('parser: words', () => {
  it('splits on blanks, keeps comments apart', () => {
    const d = directive('backend b\n  server s1 10.0.0.1:80 check # primary\n');
    assert.deepEqual(d.args.map((w) => w.value), ['s1', '10.0.0.1:80', 'check']);
    assert.equal(d.comment?.text, '# primary');
  });

  it('handles single and double quotes, also inside a word', () => {
    const d = directive(`frontend f\n  http-request set-header X-A "a b" 'c d' x"y z"w\n`);
    assert.deepEqual(d.args.map((w) => w.value), ['set-header', 'X-A', 'a b', 'c d', 'xy zw']);
    assert.ok(d.args[2].quoted);
    assert.equal(d.args[2].raw, '"a b"');
  });

  it('resolves backslash escapes as HAProxy does', () => {
    const d = directive('frontend f\n  x a\\ b c\\#d "e\\"f" \'g\\h\' \\x41 \\q\n');
    assert.deepEqual(d.args.map((w) => w.value), ['a b', 'c#d', 'e"f', 'g\\h', 'A', '\\q']);
  });

  it('does not start a comment inside quotes', () => {
    const d = directive('frontend f\n  x "a # b" c\n');
    assert.deepEqual(d.args.map((w) => w.value), ['a # b', 'c']);
    assert.equal(d.comment, undefined);
  });

  it('records environment variables inside double quotes with their ranges', () => {
    const d = directive('frontend f\n  bind "${ADDR-127.0.0.1}:$PORT"\n');
    const refs = d.args[0].envVars;
    assert.deepEqual(refs.map((r) => [r.name, r.defaultValue]), [['ADDR', '127.0.0.1'], ['PORT', undefined]]);
    assert.equal(refs[0].range.start.column, 8);
    assert.equal(refs[1].range.end.column, 31);
  });

  it('reports an unterminated quote and keeps parsing the next lines', () => {
    const file = parseConfig('frontend f\n  x "abc\n  bind :80\nbackend b\n');
    assert.equal(file.syntaxErrors.length, 1);
    assert.match(file.syntaxErrors[0].message, /quote/i);
    assert.deepEqual(plainPosition(file.syntaxErrors[0].range.start), { line: 1, column: 4, offset: 15 });
    assert.equal(file.sections[0].directives[1].keyword.value, 'bind');
    assert.equal(file.sections[1].name?.value, 'b');
  });

  it('reports a bad \\x escape', () => {
    const file = parseConfig('global\n  x \\xZZ\n');
    assert.match(file.syntaxErrors[0].message, /\\x/);
  });
});

describe('parser: conditions', () => {
  it('reads implicit AND, || and or, negation and anonymous ACLs', () => {
    const d = directive('frontend f\n  use_backend b if a !b || { path_beg /api } c or !{ src 10.0.0.0/8 }\n');
    assert.equal(d.condition?.polarity, 'if');
    const groups = d.condition!.groups;
    assert.equal(groups.length, 3);
    assert.deepEqual(groups[0].map((t) => [(t as AclRefTerm).name, t.negated]), [['a', false], ['b', true]]);
    const anon = groups[1][0] as AnonymousAclTerm;
    assert.equal(anon.kind, 'anonymous-acl');
    assert.deepEqual(anon.words.map((w) => w.value), ['path_beg', '/api']);
    assert.equal(anon.criterion?.expression.fetch.name, 'path_beg');
    assert.equal((groups[2][0] as AnonymousAclTerm).negated, true);
    assert.deepEqual(d.args.map((w) => w.value), ['b']);
  });

  it('reads unless', () => {
    const d = directive('frontend f\n  http-request deny unless ok\n');
    assert.equal(d.condition?.polarity, 'unless');
  });

  it('treats `if` as a plain word where no condition is possible', () => {
    const d = directive('frontend f\n  acl x hdr(foo) if unless\n');
    assert.equal(d.condition, undefined);
    assert.deepEqual(d.args.map((w) => w.value), ['x', 'hdr(foo)', 'if', 'unless']);
  });

  it('reports an unclosed anonymous ACL at the brace and keeps the rest of the file', () => {
    const file = parseConfig('frontend f\n  use_backend b if { path /x\n  default_backend c\n');
    assert.equal(file.syntaxErrors.length, 1);
    assert.match(file.syntaxErrors[0].message, /not closed/);
    assert.equal(file.syntaxErrors[0].range.start.column, 19);
    assert.equal(file.sections[0].directives[1].keyword.value, 'default_backend');
  });

  it('reports a condition with nothing after if, and a dangling ||', () => {
    assert.match(parseConfig('frontend f\n  use_backend b if\n').syntaxErrors[0].message, /condition is expected/);
    assert.match(parseConfig('frontend f\n  use_backend b if a ||\n').syntaxErrors[0].message, /condition is expected/);
    assert.match(parseConfig('frontend f\n  use_backend b if a }\n').syntaxErrors[0].message, /without a matching/);
  });
});

describe('parser: sample expressions and log formats', () => {
  it('reads a fetch with arguments and a converter chain with exact ranges', () => {
    const d = directive('frontend f\n  use_backend %[req.hdr(host),lower,map(/etc/haproxy/hosts.map,default)]\n');
    const { parts, errors } = parseLogFormat(d.args[0]);
    assert.equal(errors.length, 0);
    assert.equal(parts[0].kind, 'lf-sample');
    const expr = parts[0].kind === 'lf-sample' ? parts[0].expression : undefined;
    assert.equal(expr?.fetch.name, 'req.hdr');
    assert.deepEqual(expr?.fetch.args.map((a) => a.value), ['host']);
    assert.deepEqual(expr?.converters.map((c) => c.name), ['lower', 'map']);
    assert.deepEqual(expr?.converters[1].args.map((a) => a.value), ['/etc/haproxy/hosts.map', 'default']);
    assert.equal(expr?.converters[1].nameRange.start.column, 36);
  });

  it('reads log-format variables with flags', () => {
    const d = directive('defaults\n  log-format "%ci:%cp [%tr] %{+Q}r %[src]"\n');
    const { parts } = parseLogFormat(d.args[0]);
    assert.deepEqual(parts.map((p) => (p.kind === 'lf-var' ? `${p.flags ?? ''}${p.name}` : 'sample')), ['ci', 'cp', 'tr', '+Qr', 'sample']);
  });

  it('reports unbalanced parentheses and brackets', () => {
    const d = directive('frontend f\n  x req.hdr(host,lower "%[src"\n');
    assert.match(parseSampleExpression(d.args[0]).errors[0].message, /Missing '\)'/);
    assert.match(parseLogFormat(d.args[1]).errors[0].message, /Missing '\]'/);
  });

  it('balances nested parentheses in arguments', () => {
    const d = directive('frontend f\n  x regsub(^(a|b),x),upper\n');
    const expr = parseSampleExpression(d.args[0]);
    assert.deepEqual(expr.fetch.args.map((a) => a.value), ['^(a|b)', 'x']);
    assert.equal(expr.converters[0].name, 'upper');
  });
});

describe('parser: conditional blocks and messages', () => {
  it('nests .if/.elif/.else/.endif and marks guarded lines', () => {
    const file = parseConfig('.if defined(A)\nglobal\n  .if version_atleast(2.5)\n  x 1\n  .elif feature(SSL)\n  .else\n  .endif\n.endif\n');
    assert.equal(file.conditionals.length, 2);
    assert.equal(file.conditionals[1].parent, file.conditionals[0]);
    assert.deepEqual(file.conditionals[1].branches.map((b) => b.keyword.value), ['.if', '.elif', '.else']);
    assert.equal(file.sections[0].directives[0].guard, file.conditionals[1]);
    assert.equal(file.syntaxErrors.length, 0);
  });

  it('reports an unclosed .if and a stray .endif', () => {
    assert.match(parseConfig('.if defined(A)\nglobal\n').syntaxErrors[0].message, /not closed/);
    assert.match(parseConfig('.endif\n').syntaxErrors[0].message, /without a matching/);
  });

  it('collects .diag/.notice/.warning/.alert messages', () => {
    const file = parseConfig('.notice "hello"\n.alert "stop"\n');
    assert.deepEqual(file.messages.map((m) => [m.keyword.value, m.args[0].value]), [['.notice', 'hello'], ['.alert', 'stop']]);
  });
});

describe('parser: line endings and recovery', () => {
  it('reports a missing final newline, as HAProxy does', () => {
    const file = parseConfig('global\n  daemon');
    assert.match(file.syntaxErrors[0].message, /newline/);
    assert.equal(file.syntaxErrors[0].range.start.line, 1);
  });

  it('reads CRLF, lone CR, a BOM and tabs', () => {
    const file = parseConfig('\uFEFFglobal\r\n\tdaemon\rfrontend f\n');
    assert.deepEqual(file.sections.map((s) => s.type), ['global', 'frontend']);
    assert.equal(file.sections[0].directives[0].keyword.value, 'daemon');
    // HAProxy 2.6 rejects both: it keeps the BOM in the first keyword and ends lines only at LF.
    assert.deepEqual(
      file.syntaxErrors.map((e) => [e.range.start.line, e.range.start.column, /byte order mark|lone carriage return/i.test(e.message)]),
      [
        [0, 0, true],
        [1, 7, true],
      ],
    );
  });

  it('one broken line in the middle leaves every section after it', () => {
    const lines = ['global', '  daemon', 'frontend a', '  use_backend x if { broken', '  x "open', 'backend b', '  server s 1.2.3.4:80', 'backend c', ''];
    const file = parseConfig(lines.join('\n'));
    assert.deepEqual(file.syntaxErrors.map((e) => e.range.start.line), [3, 4]);
    assert.deepEqual(file.sections.map((s) => s.name?.value ?? s.type), ['global', 'a', 'b', 'c']);
  });

  it('reads words starting with any character, Latin Extended ones included', () => {
    const file = parseConfig('backend b\n  server \u0100dam 1.2.3.4:80\n  server \u01FEx 1.2.3.5:80\n  server \u4E2D 1.2.3.6:80\n');
    assert.deepEqual(file.sections[0].directives.map((d) => d.args[0].value), ['\u0100dam', '\u01FEx', '\u4E2D']);
    assert.equal(file.syntaxErrors.length, 0);
  });

  it('reads a long file (tokenized in chunks) as a whole: lines, columns and comments across chunk ends', () => {
    const block = (i: number) => `backend b${i}\r\n  # server list ${i}\n\n  server s${i} 10.0.0.${i % 250}:80 check # main\n  use_backend x if a || { path_beg /x }\n`;
    const text = Array.from({ length: 3000 }, (_, i) => block(i)).join('');
    const file = parseConfig(text);
    assert.equal(file.sections.length, 3000);
    assert.equal(file.comments.length, 6000);
    assert.equal(file.syntaxErrors.length, 0);
    const lines = text.split(/\r\n|\n/);
    for (const section of [file.sections[0], file.sections[1234], file.sections[2999]]) {
      for (const word of [section.keyword, ...section.directives.flatMap((d) => [d.keyword, ...d.args])]) {
        const { line, column, offset } = word.range.start;
        assert.equal(lines[line].slice(column, column + word.raw.length), word.raw);
        assert.equal(text.slice(offset, offset + word.raw.length), word.raw);
      }
      const comment = section.directives[0].comment!;
      assert.equal(lines[comment.range.start.line].slice(comment.range.start.column), '# main');
    }
    assert.equal(file.lineCount, 3000 * 5);
  });

  it('never throws on binary junk', () => {
    const junk = Array.from({ length: 2000 }, (_, i) => String.fromCharCode((i * 7919) % 256)).join('');
    const file = parseConfig(junk);
    assert.ok(Array.isArray(file.syntaxErrors));
  });
});

describe('parser: case of condition operators', () => {
  it('reads `OR` like `or`, as HAProxy compares it without case', () => {
    const file = parseConfig('frontend f\n  use_backend b if a OR b\n');
    assert.equal(file.sections[0].directives[0].condition?.groups.length, 2);
  });
});

describe('parser: backslashes in sample arguments', () => {
  it('keeps a backslash before ordinary characters (regex escapes, back-references) and unescapes quotes', () => {
    const d = directive('frontend f\n  x regsub(\\.,_,g),regsub(^(a+)$,\\1) str(a\\,b)\n');
    const expr = parseSampleExpression(d.args[0]);
    assert.deepEqual(expr.fetch.args.map((a) => a.value), ['\\.', '_', 'g']);
    assert.deepEqual(expr.converters[0].args.map((a) => a.value), ['^(a+)$', '\\1']);
    assert.deepEqual(parseSampleExpression(d.args[1]).fetch.args.map((a) => a.value), ['a,b']);
  });
});
