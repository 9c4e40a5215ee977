import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { ConfigDocument } from '../../../server/src/analysis/config-document';
import { completeAt } from '../../../server/src/language/completion';
import { hoverAt } from '../../../server/src/language/hover';
import { signatureHelpAt } from '../../../server/src/language/signature-help';
import { corpusDir, hasCorpus, oracleRows, SKIP_CORPUS_MESSAGE } from '../../support/corpus';

const PIECES = [
  'frontend fe', 'backend be', 'listen l', 'defaults', 'global', 'userlist u', '    bind :80', '    bind :443 ssl crt ', '    acl a path_beg /x',
  '    use_backend be if a', '    use_backend ', '    server s 10.0.0.1:80 check inter', '    option', '    timeout', '    no option', 'default',
  '    http-request set-header X %[req.hdr(host),lower', '    http-request deny if { src -f', '    log-format "%{+Q}r %T', '    balance',
  '    stick-table type ip size 1m store http_req_rate(', '    http-request set-var(txn.x', '{', '}', '!', '||', 'or', '%[', '(', ')', ',', '"',
  "'", '\\', '#', '\t', ' ', 'if', 'unless', '-m', '-i', '.if defined(X)', '.endif', '\r', 'sc_http_req_rate(0)', 'map_str(', 'http_auth(',
];

function exercise(doc: ConfigDocument, line: number, column: number): void {
  const hover = hoverAt(doc, line, column);
  if (hover) {
    assert.ok(hover.markdown.length > 0);
    assert.ok(hover.range.start.offset <= hover.range.end.offset);
  }
  const completion = completeAt(doc, line, column);
  if (completion) {
    assert.ok(completion.range.start.column <= column && completion.range.end.column === column, `range ends at the cursor (${line}:${column})`);
    for (const item of completion.items) assert.ok(item.label.length > 0 && typeof item.sortText === 'string');
  }
  const help = signatureHelpAt(doc, line, column);
  if (help) assert.ok(help.signatures[help.activeSignature], 'the active signature exists');
}

describe('language features on any input', () => {
  it('never throw, whatever the text and the position', () => {
    const line = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 6 })), { maxLength: 6 }).map((parts) => parts.join(' '));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), fc.nat(14), fc.nat(80), fc.constantFrom(undefined, '2.4', '3.4'), (lines, lineIndex, column, version) => {
        const doc = new ConfigDocument('file:///fuzz/haproxy.cfg', lines.join('\n') + '\n', 1, version ? { version } : {});
        exercise(doc, lineIndex, column);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throw at any word of the real-world corpus', function () {
    if (!hasCorpus) {
      console.log(`      ${SKIP_CORPUS_MESSAGE}`);
      this.skip();
    }
    this.timeout(120_000);
    let requests = 0;
    for (const row of oracleRows()) {
      const text = readFileSync(row.path, 'utf8');
      const doc = new ConfigDocument(`file://${row.path}`, text, 1, { version: '2.6' });
      const lines = text.split(/\r\n|\r|\n/).slice(0, 400);
      lines.forEach((content, line) => {
        for (const match of content.matchAll(/\S+/g)) {
          for (const column of [match.index, match.index + Math.floor(match[0].length / 2), match.index + match[0].length]) {
            exercise(doc, line, column);
            requests++;
          }
        }
      });
    }
    console.log(`      ${requests} positions of ${oracleRows().length} corpus configs in ${corpusDir}`);
  });
});
