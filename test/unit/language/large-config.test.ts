import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigDocument } from '../../../server/src/analysis/config-document';
import { completeAt } from '../../../server/src/language/completion';
import { hoverAt } from '../../../server/src/language/hover';
import { signatureHelpAt } from '../../../server/src/language/signature-help';
import { repoRoot } from '../../support/corpus';

const LINES = 50_000;
/** Share of the sampled positions (inside and at the end of directive lines) that get an answer. */
const MIN_ANSWERED = { hover: 0.4, completion: 0.8, 'signature help': 0.4 } as const;

/** The Senex example repeated with renamed proxies until the text has `lines` lines. */
function bigConfig(lines: number): string {
  const senex = readFileSync(join(repoRoot, 'examples/senex/haproxy.cfg'), 'utf8').replace(/\.if[\s\S]*?\.endif\n/, '');
  const parts = [senex];
  const newlines = (part: string) => part.split('\n').length - 1;
  let count = newlines(senex);
  for (let copy = 1; count < lines; copy++) {
    const renamed = senex
      .replace(/^(global|defaults)\b.*$/gm, (header) => (header.startsWith('global') ? 'defaults copy_' + copy : header))
      .replace(/^(frontend|backend|listen|defaults) (\S+)/gm, (_all, kind: string, name: string) => `${kind} ${name}_${copy}`);
    parts.push(renamed);
    count += newlines(renamed);
  }
  return parts.join('');
}

describe('language features on a 50,000-line config', function () {
  this.timeout(180_000);
  let doc: ConfigDocument;
  let positions: { line: number; column: number }[];

  before(() => {
    const text = bigConfig(LINES);
    doc = new ConfigDocument('file:///big/haproxy.cfg', text, 1, {});
    void doc.model;
    const lines = text.split('\n');
    assert.ok(lines.length >= LINES);
    positions = [];
    for (let line = 3; line < lines.length; line += 89) {
      const length = lines[line].length;
      positions.push({ line, column: Math.min(length, 4 + (line % 23)) });
      positions.push({ line, column: length });
    }
  });

  for (const [name, run] of [
    ['hover', (l: number, c: number) => hoverAt(doc, l, c)],
    ['completion', (l: number, c: number) => completeAt(doc, l, c)],
    ['signature help', (l: number, c: number) => signatureHelpAt(doc, l, c)],
  ] as const) {
    // Speed is the benchmark's business (npm run bench, docs/PERFORMANCE.md); this checks the answers at scale.
    it(`answers ${name} all over the file (model already built)`, () => {
      const answered = positions.filter(({ line, column }) => run(line, column) !== null && run(line, column) !== undefined).length;
      console.log(`      ${name}: ${answered} of ${positions.length} positions answered`);
      assert.ok(answered >= positions.length * MIN_ANSWERED[name], `${name}: ${answered} of ${positions.length} positions answered`);
    });
  }
});
