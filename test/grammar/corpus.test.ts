import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { IGrammar } from 'vscode-textmate';
import { loadGrammar, repoRoot, tokenizeText } from './textmate';

const corpusRoot = resolve(repoRoot, '../shared/corpus');
const folders = ['configs', 'templates'].map((f) => resolve(corpusRoot, f)).filter((f) => existsSync(f));

/** The time vscode-textmate may spend on one line before it gives up (VS Code uses 500 ms): the bound that proves no line can hang. */
const LINE_TIME_LIMIT_MS = 1000;

describe('grammar: every corpus file tokenizes, in sync and in bounded time', function () {
  let grammar: IGrammar;
  before(async function () {
    if (folders.length === 0) {
      console.log(`      corpus not found at ${corpusRoot} (a user clone has none): corpus tokenization skipped`);
      this.skip();
    }
    grammar = await loadGrammar();
    tokenizeText(grammar, readFileSync(resolve(folders[0], readdirSync(folders[0])[0]), 'utf8'));
  });

  it('finds the corpus configs', () => {
    assert.ok(readdirSync(folders[0]).length > 100);
  });

  it('tokenizes each file with no error, no line cut short, and closes every construct per line', () => {
    let files = 0;
    let lines = 0;
    let totalMs = 0;
    const problems: string[] = [];
    for (const folder of folders) {
      for (const name of readdirSync(folder).sort()) {
        const text = readFileSync(resolve(folder, name), 'utf8');
        const started = performance.now();
        const tokenized = tokenizeText(grammar, text, LINE_TIME_LIMIT_MS);
        const elapsed = performance.now() - started;
        files++;
        lines += tokenized.length;
        totalMs += elapsed;
        tokenized.forEach((line, index) => {
          if (line.stoppedEarly) problems.push(`${name}:${index + 1} tokenization stopped early`);
          if (line.depth > 2) problems.push(`${name}:${index + 1} leaves a construct open (depth ${line.depth})`);
          const covered = line.tokens.length === 0 ? 0 : line.tokens[line.tokens.length - 1].endIndex;
          if (covered < line.text.length) problems.push(`${name}:${index + 1} tokens end at ${covered} of ${line.text.length}`);
        });
      }
    }
    console.log(`      ${files} files, ${lines} lines in ${totalMs.toFixed(0)} ms (${((totalMs / lines) * 1000).toFixed(0)} µs per line)`);
    assert.deepEqual(problems.slice(0, 20), [], `${problems.length} problems`);
  });
});
