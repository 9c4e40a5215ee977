import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { grammarPath, repoRoot } from './textmate';

const config = JSON.parse(readFileSync(resolve(repoRoot, 'language-configuration.json'), 'utf8')) as {
  comments: { lineComment: string };
  brackets: [string, string][];
  autoClosingPairs: { open: string; close: string; notIn?: string[] }[];
  surroundingPairs: [string, string][];
  wordPattern: string;
  indentationRules: { increaseIndentPattern: string; decreaseIndentPattern: string };
};
const sections = Object.keys(
  (JSON.parse(readFileSync(grammarPath, 'utf8')) as { repository: Record<string, unknown> }).repository,
)
  .filter((name) => name.startsWith('section-'))
  .map((name) => name.slice('section-'.length));

describe('language configuration', () => {
  it('uses # line comments and pairs braces, brackets and parentheses', () => {
    assert.equal(config.comments.lineComment, '#');
    for (const pair of [['{', '}'], ['[', ']'], ['(', ')']]) assert.ok(config.brackets.some((b) => b.join() === pair.join()));
  });

  it('auto-closes quotes (outside strings and comments) and braces', () => {
    const closes = new Map(config.autoClosingPairs.map((p) => [p.open, p]));
    for (const quote of ['"', "'"]) {
      assert.equal(closes.get(quote)?.close, quote);
      assert.deepEqual([...(closes.get(quote)?.notIn ?? [])].sort(), ['comment', 'string']);
    }
    assert.equal(closes.get('{')?.close, '}');
    assert.equal(closes.get('(')?.close, ')');
    assert.ok(config.surroundingPairs.some((p) => p.join() === '","'));
  });

  it('indents after every section header the grammar knows, and only after those', () => {
    const increase = new RegExp(config.indentationRules.increaseIndentPattern);
    assert.ok(sections.length >= 15);
    for (const section of sections) {
      assert.ok(increase.test(section), section);
      assert.ok(increase.test(`${section} name # comment`), `${section} name`);
    }
    for (const line of ['    mode http', '    server web1 10.0.0.1:80', 'globalx', '    log global', '# frontend']) {
      assert.ok(!increase.test(line), line);
    }
  });

  it('outdents a section header typed on an indented line, not a directive', () => {
    const decrease = new RegExp(config.indentationRules.decreaseIndentPattern);
    assert.ok(decrease.test('    backend be_app'));
    assert.ok(decrease.test('\tfrontend'));
    assert.ok(!decrease.test('    balance roundrobin'));
    assert.ok(!decrease.test('    backend-name x'));
  });

  it('treats keywords with dashes and dots, log-format variables and numbers with units as words', () => {
    const word = new RegExp(`^(?:${config.wordPattern})$`);
    for (const w of ['http-request', 'req.hdr', 'tune.ssl.default-dh-param', '%ci', '30s', 'sc0_http_req_rate']) {
      assert.ok(word.test(w), w);
    }
    assert.ok(!word.test('is_api if'));
  });

  it('is wired into package.json with the grammar and the snippets', () => {
    const manifest = JSON.parse(readFileSync(resolve(repoRoot, 'package.json'), 'utf8')) as {
      contributes: {
        languages: { id: string; configuration: string }[];
        grammars: { language: string; scopeName: string; path: string }[];
        snippets: { language: string; path: string }[];
      };
    };
    const { languages, grammars, snippets } = manifest.contributes;
    assert.equal(languages.find((l) => l.id === 'haproxy')?.configuration, './language-configuration.json');
    const grammar = grammars.find((g) => g.language === 'haproxy');
    assert.equal(grammar?.scopeName, 'source.haproxy');
    assert.ok(existsSync(resolve(repoRoot, grammar?.path ?? 'missing')));
    const snippet = snippets.find((s) => s.language === 'haproxy');
    assert.ok(existsSync(resolve(repoRoot, snippet?.path ?? 'missing')));
  });
});
