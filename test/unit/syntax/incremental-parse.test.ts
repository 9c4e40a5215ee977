import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { ConfigFile } from '../../../server/src/syntax/ast';
import { reparseConfig } from '../../../server/src/syntax/incremental-parse';
import { lineStarts } from '../../../server/src/syntax/line-starts';
import { parseConfig } from '../../../server/src/syntax/parse-config';
import { acceptedConfigs, hasCorpus, repoRoot, SKIP_CORPUS_MESSAGE } from '../../support/corpus';
import { applyEdit, editArbitrary, type Edit } from '../../support/random-edits';

/** The tree as data: anchored positions serialise as plain ones, so this compares what every consumer sees. */
function snapshot(file: ConfigFile): string {
  return JSON.stringify(file);
}

function assertSameTree(incremental: ConfigFile, full: ConfigFile, context: string): void {
  const a = snapshot(incremental);
  const b = snapshot(full);
  if (a === b) return;
  let i = 0;
  while (a[i] === b[i]) i++;
  assert.fail(`${context}: incremental parse differs from a full parse at character ${i}:\n  incremental …${a.slice(i - 200, i + 200)}\n  full        …${b.slice(i - 200, i + 200)}`);
}

/** Applies the edits one after the other, each parsed incrementally from the previous tree, checking each step. */
function checkEdits(base: string, edits: Edit[], label: string): void {
  let text = base;
  let tree = parseConfig(text);
  for (const [index, edit] of edits.entries()) {
    // Line starts are carried from one version to the next when they were computed: alternate both ways.
    if (index % 2 === 0) lineStarts(tree);
    text = applyEdit(text, edit);
    tree = reparseConfig(tree, text);
    const full = parseConfig(text);
    assertSameTree(tree, full, `${label}, edit ${index + 1} ${JSON.stringify(edit)}`);
    assert.deepEqual(lineStarts(tree), lineStarts(full), `${label}, edit ${index + 1}: line starts`);
  }
}

const senex = readFileSync(join(repoRoot, 'examples/senex/haproxy.cfg'), 'utf8');

describe('incremental parse', () => {
  it('re-reads only the edited section and keeps the others as they are', () => {
    const before = parseConfig(senex);
    const line = senex.indexOf('timeout connect');
    const after = reparseConfig(before, `${senex.slice(0, line)}x${senex.slice(line)}`);
    const edited = after.sections.findIndex((s) => s.range.start.offset <= line && s.range.end.offset >= line);
    assert.ok(edited >= 0);
    assert.equal(after.sections.length, before.sections.length);
    for (const [i, section] of after.sections.entries()) {
      if (i === edited) assert.notEqual(section, before.sections[i]);
      else assert.equal(section, before.sections[i], `section ${i} was re-read`);
    }
  });

  it('moves the sections after an inserted line down by one line', () => {
    const before = parseConfig(senex);
    const lastHeader = before.sections.at(-1)!.keyword.range.start;
    const expected = { line: lastHeader.line + 1, offset: lastHeader.offset + 8 };
    const after = reparseConfig(before, `    # x\n${senex}`);
    const moved = after.sections.at(-1)!.keyword.range.start;
    assert.deepEqual({ line: moved.line, offset: moved.offset }, expected);
  });

  it('builds the tree a full parse builds, after any sequence of edits (Senex example)', () => {
    fc.assert(
      fc.property(fc.array(editArbitrary, { minLength: 1, maxLength: 12 }), (edits) => checkEdits(senex, edits, 'senex')),
      { seed: 4242, numRuns: 300 },
    );
  });

  it('handles edits at the very start and end, empty texts and whole-text replacements', () => {
    checkEdits(senex, [{ at: 0, remove: 0, insert: 'x' }, { at: 0, remove: 1, insert: '' }, { at: 1, remove: 0, insert: 'y' }, { at: 1, remove: 0, insert: '\n' }], 'ends');
    checkEdits('', [{ at: 0, remove: 0, insert: 'global\n' }, { at: 0, remove: 100, insert: '' }, { at: 0, remove: 0, insert: 'backend b' }], 'empty');
    checkEdits(senex, [{ at: 0, remove: senex.length, insert: 'frontend f\n  bind :80\n' }], 'replace all');
  });

  (hasCorpus ? it : it.skip)('builds the tree a full parse builds, after random edits of corpus configs', function () {
    if (!hasCorpus) this.skip();
    const configs = acceptedConfigs().map((row) => readFileSync(row.path, 'latin1'));
    fc.assert(
      fc.property(fc.nat(configs.length - 1), fc.array(editArbitrary, { minLength: 1, maxLength: 6 }), (index, edits) => checkEdits(configs[index], edits, `corpus #${index}`)),
      { seed: 77, numRuns: 400 },
    );
  });
});

if (!hasCorpus) console.log(SKIP_CORPUS_MESSAGE);
