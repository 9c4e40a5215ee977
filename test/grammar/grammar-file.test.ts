import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { grammarPath, regexError, repoRoot } from './textmate';

interface RawRule {
  match?: string;
  begin?: string;
  end?: string;
  include?: string;
  patterns?: RawRule[];
  captures?: Record<string, RawRule>;
  beginCaptures?: Record<string, RawRule>;
  endCaptures?: Record<string, RawRule>;
}

const grammar = JSON.parse(readFileSync(grammarPath, 'utf8')) as {
  scopeName: string;
  patterns: RawRule[];
  repository: Record<string, RawRule>;
};

function* walk(rule: RawRule, where: string): Generator<{ rule: RawRule; where: string }> {
  yield { rule, where };
  for (const [i, child] of (rule.patterns ?? []).entries()) yield* walk(child, `${where}/patterns[${i}]`);
  for (const key of ['captures', 'beginCaptures', 'endCaptures'] as const) {
    for (const [n, child] of Object.entries(rule[key] ?? {})) yield* walk(child, `${where}/${key}[${n}]`);
  }
}

function allRules() {
  const roots = [
    ...grammar.patterns.map((rule, i) => ({ rule, where: `patterns[${i}]` })),
    ...Object.entries(grammar.repository).map(([name, rule]) => ({ rule, where: `#${name}` })),
  ];
  return roots.flatMap(({ rule, where }) => [...walk(rule, where)]);
}

describe('grammar: the tmLanguage file', () => {
  it('is the source.haproxy grammar', () => {
    assert.equal(grammar.scopeName, 'source.haproxy');
    assert.ok(Object.keys(grammar.repository).length > 20);
  });

  it('compiles every regex with oniguruma', async () => {
    const failures: string[] = [];
    let count = 0;
    for (const { rule, where } of allRules()) {
      for (const key of ['match', 'begin', 'end'] as const) {
        const source = rule[key];
        if (source === undefined) continue;
        count++;
        const error = await regexError(source);
        if (error) failures.push(`${where}.${key}: ${error}`);
      }
    }
    assert.ok(count > 100, `only ${count} regexes found`);
    assert.deepEqual(failures, []);
  });

  it('resolves every include and uses every repository entry', () => {
    const used = new Set<string>();
    const broken: string[] = [];
    for (const { rule, where } of allRules()) {
      if (rule.include === undefined) continue;
      const name = rule.include.replace(/^#/, '');
      if (!rule.include.startsWith('#') || !grammar.repository[name]) broken.push(`${where}: ${rule.include}`);
      used.add(name);
    }
    assert.deepEqual(broken, []);
    assert.deepEqual(Object.keys(grammar.repository).filter((name) => !used.has(name)), []);
  });

  it('matches what scripts/generate-grammar.mjs produces from the keyword facts', function () {
    const reference = resolve(repoRoot, '../shared/haproxy-reference');
    if (!existsSync(resolve(reference, 'keywords.json'))) {
      console.log(`      ${reference} not found: cannot regenerate, skipping`);
      this.skip();
    }
    const dir = mkdtempSync(join(tmpdir(), 'haproxy-grammar-'));
    try {
      const out = join(dir, 'grammar.json');
      execFileSync(process.execPath, [resolve(repoRoot, 'scripts/generate-grammar.mjs'), '--out', out], { stdio: 'pipe' });
      assert.equal(readFileSync(out, 'utf8'), readFileSync(grammarPath, 'utf8'), 'run node scripts/generate-grammar.mjs');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
