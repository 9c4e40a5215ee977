import { strict as assert } from 'node:assert';
import { plainItem } from '../../../server/src/language/completion-items';
import { limitCompletions } from '../../../server/src/language/completion-limit';

const names = (count: number, prefix: string) => Array.from({ length: count }, (_, i) => `${prefix}${i}`);
const items = (labels: string[]) => labels.map((label, i) => plainItem(label, 'backend', String(i).padStart(5, '0')));

describe('limitCompletions', () => {
  it('keeps a list within the limit whole, complete, whatever was typed', () => {
    const list = items(names(5, 'be_'));
    assert.deepEqual(limitCompletions(list, 'zz', 10), { items: list, incomplete: false });
  });

  it('cuts a long list to the items holding the typed letters, those starting with them first, and says it is incomplete', () => {
    const list = items([...names(4, 'be_web'), ...names(4, 'pg_primary'), 'api_pg', 'web_pool', ...names(4, 'cache')]);
    const { items: kept, incomplete } = limitCompletions(list, 'P', 12);
    assert.equal(incomplete, true);
    assert.deepEqual(kept.map((i) => i.label), ['pg_primary0', 'pg_primary1', 'pg_primary2', 'pg_primary3', 'api_pg', 'web_pool']);
  });

  it('keeps the first items in their own order when nothing narrows the list', () => {
    const list = items(names(20, 'be_'));
    const shuffled = [...list].reverse();
    const { items: kept, incomplete } = limitCompletions(shuffled, '', 3);
    assert.equal(incomplete, true);
    assert.deepEqual(kept.map((i) => i.label), ['be_0', 'be_1', 'be_2']);
  });
});
