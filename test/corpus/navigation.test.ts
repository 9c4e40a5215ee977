import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { buildModel } from '../../server/src/model/config-model';
import { ConfigSet } from '../../server/src/navigation/config-set';
import { findDefinitions } from '../../server/src/navigation/definition';
import { documentLinks } from '../../server/src/navigation/document-links';
import { prepareRename, renameSymbol } from '../../server/src/navigation/rename';
import { parseConfig } from '../../server/src/syntax/parse-config';
import { allCorpusFiles, hasCorpus, SKIP_CORPUS_MESSAGE } from '../support/corpus';
import { applyEdits } from '../unit/navigation/cursor';

describe('corpus: navigation', function () {
  this.timeout(300_000);
  before(function () {
    if (!hasCorpus) {
      console.log(`      ${SKIP_CORPUS_MESSAGE}`);
      this.skip();
    }
  });

  it('resolves every symbol of every corpus file without throwing; renaming one symbol of each kind per file keeps its uses', () => {
    let occurrences = 0;
    let resolved = 0;
    let renamed = 0;
    const broken: string[] = [];
    for (const path of allCorpusFiles()) {
      const text = readFileSync(path, 'utf8');
      const uri = `file://${path}`;
      const set = new ConfigSet([{ uri, model: buildModel(parseConfig(text)) }]);
      documentLinks(set.members[0].model, path);
      const renamedKinds = new Set<string>();
      for (const occurrence of set.occurrences(uri)) {
        occurrences++;
        const { line, column } = occurrence.range.start;
        if (findDefinitions(set, uri, line, column).length > 0) resolved++;
        const check = prepareRename(set, uri, line, column);
        const group = occurrence.kind;
        if ('error' in check || renamedKinds.has(group)) continue;
        renamedKinds.add(group);
        const result = renameSymbol(set, uri, line, column, 'zz_renamed');
        if ('error' in result) continue;
        renamed++;
        const after = applyEdits(text, result.changes.get(uri) ?? []);
        const afterSet = new ConfigSet([{ uri, model: buildModel(parseConfig(after)) }]);
        const before = set.related(occurrence).length;
        const again = afterSet.occurrenceAt(uri, line, column);
        if (!again || again.name !== 'zz_renamed' || afterSet.related(again).length !== before) broken.push(`${basename(path)}:${line + 1} ${occurrence.kind} ${occurrence.name}`);
      }
    }
    console.log(`      ${occurrences} symbol occurrences, ${resolved} with a definition, ${renamed} symbols renamed, ${broken.length} renames that changed the symbol's uses`);
    assert.deepEqual(broken, []);
    assert.ok(renamed > 100, 'the corpus exercised renames');
  });
});
