import { strict as assert } from 'node:assert';
import { formatEdits, formatText } from '../../../server/src/navigation/format';
import { applyEdits } from './cursor';

describe('navigation: formatter', () => {
  it('puts headers at column 0, indents directives by 4 and leaves one space between words', () => {
    const text = '  frontend   web\n\tbind\t:80   ssl crt /a.pem\nmode http\n    \nbackend app\n        server s1   10.0.0.1:80\n';
    assert.equal(formatText(text), 'frontend web\n    bind :80 ssl crt /a.pem\n    mode http\n\nbackend app\n    server s1 10.0.0.1:80\n');
  });

  it('honours the indent width', () => {
    assert.equal(formatText('global\n maxconn 10\n', { indent: 2, alignServers: false }), 'global\n  maxconn 10\n');
  });

  it('keeps quoted strings, escapes and comment text untouched', () => {
    const text = 'frontend f\n  http-response set-header X "a   b"   # keep   this\n  acl x hdr(host) -m reg ^a\\ \\ b$\n';
    assert.equal(formatText(text), 'frontend f\n    http-response set-header X "a   b" # keep   this\n    acl x hdr(host) -m reg ^a\\ \\ b$\n');
  });

  it('indents indented comment lines inside sections and leaves column-0 comments alone', () => {
    const text = '# top\nglobal\n      # indented\n# commented out\n  maxconn 1\n';
    assert.equal(formatText(text), '# top\nglobal\n    # indented\n# commented out\n    maxconn 1\n');
  });

  it('indents .if blocks inside sections and keeps them at column 0 outside', () => {
    const text = '.if defined(X)\n  .notice "x"\n.endif\nglobal\n.if defined(Y)\n      maxconn 2\n  .endif\n';
    assert.equal(formatText(text), '.if defined(X)\n.notice "x"\n.endif\nglobal\n    .if defined(Y)\n    maxconn 2\n    .endif\n');
  });

  it('keeps line endings, lines before the first section and unreadable lines as they are', () => {
    const text = '  orphan   line\r\nglobal\r\n  log   "unterminated   \r\n   maxconn 3\r\n';
    assert.equal(formatText(text), '  orphan   line\r\nglobal\r\n    log "unterminated   \r\n    maxconn 3\r\n');
  });

  it('aligns server names and addresses per section when asked', () => {
    const text = 'backend a\n  server s1 10.0.0.1:80 check\n  server long-name 10.0.0.100:8080 check backup\n  server x 1.1.1.1:1\nbackend b\n  server y 2.2.2.2:2 check\n';
    assert.equal(
      formatText(text, { indent: 4, alignServers: true }),
      'backend a\n    server s1        10.0.0.1:80     check\n    server long-name 10.0.0.100:8080 check backup\n    server x         1.1.1.1:1\nbackend b\n    server y 2.2.2.2:2 check\n',
    );
  });

  it('is idempotent', () => {
    const text = 'backend a\n\tserver s1 10.0.0.1:80 check   # c\n  server long 10.0.0.100:80\n';
    for (const alignServers of [false, true]) {
      const once = formatText(text, { indent: 3, alignServers });
      assert.equal(formatText(once, { indent: 3, alignServers }), once);
    }
  });

  it('formats only the lines of a range, with one edit per changed line', () => {
    const text = 'global\n  maxconn 1\n  maxconn  2\n  maxconn 3\n';
    const edits = formatEdits(text, undefined, { start: 2, end: 2 });
    assert.deepEqual(edits.map((e) => [e.range.start.line, e.newText]), [[2, '    maxconn 2']]);
    assert.equal(applyEdits(text, edits), 'global\n  maxconn 1\n    maxconn 2\n  maxconn 3\n');
    assert.deepEqual(formatEdits(formatText(text)), []);
  });

  it('never turns a blank last line without a line break into a terminated file', () => {
    assert.equal(formatText('global\n  maxconn 1\n  '), 'global\n    maxconn 1\n  ');
  });
});
