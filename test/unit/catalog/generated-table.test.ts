import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCatalogStore } from '../../../server/src/model/catalog/catalog-store';
import { HAPROXY_VERSIONS, KEYWORD_KINDS } from '../../../server/src/model/catalog/index';
import { hasReference, referenceDir, repoRoot, SKIP_REFERENCE } from './reference';

const generatedPath = join(repoRoot, 'server/src/model/catalog/keywords.generated.json');

describe('keywords.generated.json', () => {
  it('is current: the generator rebuilds the committed file byte for byte', function () {
    if (!hasReference) {
      console.log(`      ${SKIP_REFERENCE}`);
      this.skip();
    }
    const dir = mkdtempSync(join(tmpdir(), 'catalog-'));
    try {
      const out = join(dir, 'keywords.json');
      execFileSync(process.execPath, [join(repoRoot, 'scripts/generate-catalog.mjs'), referenceDir, out], { stdio: 'pipe' });
      assert.equal(readFileSync(out, 'utf8'), readFileSync(generatedPath, 'utf8'), 'run npm run generate:catalog and commit the result');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('uses the version and kind lists of the catalog code', () => {
    const table = JSON.parse(readFileSync(generatedPath, 'utf8')) as { versions: string[]; kinds: string[] };
    assert.deepEqual(table.versions, [...HAPROXY_VERSIONS]);
    assert.deepEqual([...table.kinds].sort(), [...KEYWORD_KINDS].sort());
  });

  it('stays compact (the CLI parses it at start-up)', () => {
    const size = readFileSync(generatedPath).length;
    assert.ok(size < 300 * 1024, `${(size / 1024).toFixed(0)} KiB`);
  });

  it('refuses a table of another format instead of misreading it', () => {
    assert.throws(() => buildCatalogStore({ format: 1, versions: [...HAPROXY_VERSIONS], entries: [] }), /generate:catalog/);
    assert.throws(() => buildCatalogStore({ format: 2, versions: ['2.4'], entries: [] }), /generate:catalog/);
  });
});
