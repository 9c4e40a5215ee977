import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkAssertion, parseAssertions } from './assertions';
import { loadGrammar, repoRoot, tokenizeText } from './textmate';

const fixtureDir = resolve(repoRoot, 'test/grammar/fixtures');
const fixtures = readdirSync(fixtureDir).filter((f) => f.endsWith('.cfg')).sort();

describe('grammar: scope assertions in fixtures', () => {
  it('has fixtures with assertions', () => {
    assert.ok(fixtures.length >= 5, `expected fixture files in ${fixtureDir}`);
  });

  it('reports a wrong scope, a scope that should be absent, and a column-0 assertion', async () => {
    const text = 'frontend fe\n    mode http\n#   ^^^^ support.constant.mode.haproxy\n#        ^^^^ - support.constant\n# <-- entity.name\n';
    const lines = tokenizeText(await loadGrammar(), text);
    const results = parseAssertions(text).map((a) => checkAssertion(lines, a));
    assert.match(results[0] ?? '', /line 2 column 5 .*missing support\.constant\.mode\.haproxy/);
    assert.match(results[1] ?? '', /unexpected support\.constant/);
    assert.match(results[2] ?? '', /missing entity\.name/);
  });

  for (const fixture of fixtures) {
    it(fixture, async () => {
      const text = readFileSync(resolve(fixtureDir, fixture), 'utf8');
      const assertions = parseAssertions(text);
      assert.ok(assertions.length > 0, `${fixture} has no assertions`);
      const lines = tokenizeText(await loadGrammar(), text);
      const failures = assertions
        .map((a) => checkAssertion(lines, a))
        .filter((f): f is string => f !== undefined);
      assert.deepEqual(failures, [], `${failures.length} of ${assertions.length} assertions failed`);
    });
  }
});
