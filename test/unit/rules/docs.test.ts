import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { getRule } from '../../../server/src/analysis/registry';
import { repoRoot } from '../../support/corpus';
import { TOPOLOGY_RULES } from './helpers';

/** The rules whose pages live in docs/rules (the keyword rules document themselves elsewhere). */
const DOCUMENTED = ['syntax', ...TOPOLOGY_RULES];

describe('rule documentation', () => {
  const readme = readFileSync(`${repoRoot}/docs/rules/README.md`, 'utf8');

  for (const name of DOCUMENTED) {
    it(`${name}: is registered, has a page with what, why, example and fix, and a README row with its severity`, () => {
      const rule = getRule(name);
      assert.ok(rule, `${name} is not registered`);
      const path = `${repoRoot}/docs/rules/${name}.md`;
      assert.ok(existsSync(path), `${path} is missing`);
      const page = readFileSync(path, 'utf8');
      assert.match(page, new RegExp(`^# ${name}\\n`));
      assert.match(page, new RegExp(`\\*\\*Severity:\\*\\* ${rule.defaultSeverity}`));
      for (const heading of ['## What it reports', '## Why it matters', '## Example', '## How to fix it']) assert.ok(page.includes(heading), `${name}.md lacks '${heading}'`);
      assert.match(page, /```haproxy\n/);
      assert.match(readme, new RegExp(`\\| \\[${name}\\]\\(${name}\\.md\\) \\| ${rule.defaultSeverity} \\|`));
    });
  }
});
