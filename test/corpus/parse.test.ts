import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { IToken } from 'chevrotain';
import { tokenize } from '../../server/src/syntax/lexer';
import { parseConfig } from '../../server/src/syntax/parse-config';
import { acceptedConfigs, allCorpusFiles, hasCorpus, rejectedConfigs, SKIP_CORPUS_MESSAGE } from '../support/corpus';

describe('corpus: parser', function () {
  before(function () {
    if (!hasCorpus) {
      console.log(`      ${SKIP_CORPUS_MESSAGE}`);
      this.skip();
    }
  });

  it('gives no syntax error on any config HAProxy 2.6 accepts', () => {
    const failures: string[] = [];
    const accepted = acceptedConfigs();
    for (const row of accepted) {
      const file = parseConfig(readFileSync(row.path, 'utf8'));
      for (const error of file.syntaxErrors) failures.push(`${row.file}:${error.range.start.line + 1}: ${error.message}`);
    }
    console.log(`      ${accepted.length} accepted configs parsed, ${failures.length} syntax errors`);
    assert.deepEqual(failures, []);
  });

  it('reports how many configs HAProxy 2.6 rejected are flagged by the parser alone', () => {
    const rejected = rejectedConfigs();
    const flagged = rejected.filter((row) => parseConfig(readFileSync(row.path, 'utf8')).syntaxErrors.length > 0);
    console.log(`      parser alone flags ${flagged.length} of ${rejected.length} rejected configs (missing final LF, quotes, braces); keyword rules flag more`);
    const missingLf = rejected.filter((row) => row.detail.includes('missing final LF'));
    assert.ok(missingLf.every((row) => flagged.includes(row)), 'every config rejected for a missing final LF is flagged');
  });

  it('re-joins tokens, blanks and comments into exactly the original text, for every file', () => {
    for (const path of allCorpusFiles()) {
      const text = readFileSync(path, 'utf8');
      const lexed = tokenize(text);
      const all: IToken[] = [...lexed.tokens, ...Object.values(lexed.groups).flat()].sort((a, b) => a.startOffset - b.startOffset);
      assert.equal(all.map((t) => t.image).join(''), text, basename(path));
      assert.equal(lexed.errors.length, 0, basename(path));
    }
  });

  it('parses templates (not configs) without throwing', () => {
    for (const path of allCorpusFiles().filter((p) => p.includes('/templates/'))) {
      const file = parseConfig(readFileSync(path, 'utf8'));
      assert.ok(file.sections.length + file.orphans.length + file.syntaxErrors.length >= 0);
    }
  });
});
