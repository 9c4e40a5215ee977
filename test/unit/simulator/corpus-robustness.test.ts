import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseConfig } from '../../../server/src/syntax/parse-config';
import { createSimulator } from '../../../server/src/simulator/simulate';

const CORPUS = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'corpus', 'configs');

describe('simulator on the real-world corpus', function () {
  this.timeout(120000);

  it('routes requests through every corpus config without an internal error', function () {
    if (!existsSync(CORPUS)) {
      console.log(`      skipped: the corpus of real-world configs (${CORPUS}) is not in this checkout`);
      this.skip();
      return;
    }
    const failures: string[] = [];
    let routed = 0;
    for (const name of readdirSync(CORPUS)) {
      const text = readFileSync(join(CORPUS, name), 'utf8');
      const sim = createSimulator(parseConfig(text));
      const ports = [...text.matchAll(/bind\s+\S*?:(\d+)/g)].map((m) => Number(m[1])).slice(0, 3);
      for (const port of ports.length ? ports : [80]) {
        for (const url of [`http://127.0.0.1:${port}/`, `https://127.0.0.1:${port}/api/x?id=1`]) {
          const r = sim.route({ method: 'GET', url, headers: { Cookie: 'SERVERID=x' }, src: '10.1.2.3' });
          assert.ok(Array.isArray(r.trace));
          if (r.error?.startsWith('internal')) failures.push(`${name}: ${r.error}`);
          if (r.frontend) routed++;
        }
      }
    }
    assert.deepEqual(failures, []);
    assert.ok(routed > 300, `${routed} requests reached a frontend`);
  });
});
