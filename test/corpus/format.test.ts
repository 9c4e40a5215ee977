import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { formatEdits, formatText, type FormatOptions } from '../../server/src/navigation/format';
import { parseConfig } from '../../server/src/syntax/parse-config';
import { allCorpusFiles, hasCorpus, SKIP_CORPUS_MESSAGE } from '../support/corpus';

/** Keys holding positions, or links back up the tree: a structural comparison leaves them out. */
const POSITION_KEYS = new Set(['range', 'nameRange', 'headerRange', 'guard', 'parent', 'anchor', 'column']);

/** The AST without positions: what the config means, independent of its layout. */
export function structure(value: unknown): unknown {
  // Parser nodes keep some properties on their prototype and make the rest on demand: compare what they serialise to.
  if (value && typeof (value as { toJSON?: unknown }).toJSON === 'function') value = (value as { toJSON(): unknown }).toJSON();
  if (Array.isArray(value)) return value.map(structure);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      if (!POSITION_KEYS.has(key)) out[key] = structure(inner);
    }
    return out;
  }
  return value;
}

function meaning(text: string): unknown {
  const { text: _text, ...file } = parseConfig(text);
  return structure(file);
}

const LAYOUTS: FormatOptions[] = [
  { indent: 4, alignServers: false },
  { indent: 2, alignServers: true },
];

describe('corpus: formatter', function () {
  before(function () {
    if (!hasCorpus) {
      console.log(`      ${SKIP_CORPUS_MESSAGE}`);
      this.skip();
    }
  });

  for (const options of LAYOUTS) {
    it(`keeps the AST and is idempotent on every corpus file (indent ${options.indent}, alignServers ${options.alignServers})`, () => {
      const files = allCorpusFiles();
      const changedMeaning: string[] = [];
      const notIdempotent: string[] = [];
      let changedFiles = 0;
      let changedLines = 0;
      for (const path of files) {
        const text = readFileSync(path, 'utf8');
        const once = formatText(text, options);
        if (once !== text) changedFiles++;
        changedLines += formatEdits(text, options).length;
        if (JSON.stringify(meaning(once)) !== JSON.stringify(meaning(text))) changedMeaning.push(basename(path));
        if (formatText(once, options) !== once) notIdempotent.push(basename(path));
      }
      console.log(`      ${files.length} files, ${changedFiles} reformatted (${changedLines} lines); AST changed in ${changedMeaning.length}, not idempotent in ${notIdempotent.length}`);
      assert.deepEqual(changedMeaning, [], 'formatting changed the parsed config');
      assert.deepEqual(notIdempotent, [], 'formatting twice differs from formatting once');
      assert.ok(changedFiles > 0, 'the corpus has files to reformat, so the check above compared real changes');
    });
  }

  it('keeps comment text, quoted strings and line endings byte for byte', () => {
    for (const path of allCorpusFiles()) {
      const text = readFileSync(path, 'utf8');
      const once = formatText(text);
      const comments = (t: string) => parseConfig(t).comments.map((c) => c.text);
      assert.deepEqual(comments(once), comments(text), basename(path));
      assert.equal(once.match(/\r\n/g)?.length ?? 0, text.match(/\r\n/g)?.length ?? 0, basename(path));
    }
  });
});
